/**
 * The dependency rule of the monorepo, checked on the source text:
 *
 *   web → scenarios → sim-core → models   (and web → sim-core for the worker)
 *
 * A package may import only packages below it. `models` and `sim-core` are pure: they import no
 * Node built-in, use no Node global (`process`, `Buffer`, `require` …) and touch no DOM global,
 * except in sim-core's worker entries (`src/worker/node.ts`, `nodeWorkerEntry.ts`,
 * `nodeWorkerBootstrap.mjs`, `browser*.ts`), which adapt the engine to `node:worker_threads` and
 * to browser Workers. The rest of `src/worker/` (the worker API) is imported by the pure core and
 * is held to the same rule. Tests and benchmarks (`*.spec.ts`, `bench/`) may use Node.
 *
 * Globals are found on the syntax tree (TypeScript's parser), so a property that happens to be
 * called `process` (`job.process`, `{ window: 3 }`), a comment or a string is not a use; a type
 * check alone does not catch them, because a test config that pulls in `@types/node` makes
 * `process` type-check in every file of its program.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  message: string;
}

interface Layer {
  name: string;
  dir: string;
  rank: number;
  pure: boolean;
}

export const LAYERS: readonly Layer[] = [
  { name: '@journeycast/models', dir: 'packages/models', rank: 0, pure: true },
  { name: '@journeycast/sim-core', dir: 'packages/sim-core', rank: 1, pure: true },
  { name: '@journeycast/scenarios', dir: 'packages/scenarios', rank: 2, pure: false },
  { name: '@journeycast/web', dir: 'apps/web', rank: 3, pure: false },
];

const SKIP_DIRS = new Set([
  'node_modules',
  'build',
  'dist',
  '.svelte-kit',
  '.turbo',
  'test-results',
]);
const SOURCE = /\.(ts|js|mjs|cjs|svelte)$/;
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));
/** Globals only Node has (CommonJS module scope included). */
export const NODE_GLOBALS: ReadonlySet<string> = new Set([
  'process',
  'Buffer',
  '__dirname',
  '__filename',
  'require',
  'global',
  'setImmediate',
]);
/** Globals only a browser page has. */
export const DOM_GLOBALS: ReadonlySet<string> = new Set([
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'HTMLElement',
  'XMLHttpRequest',
  'indexedDB',
]);

/** Source files under `dir` (TypeScript, JavaScript, Svelte), build output and dependencies left out. */
export function sourceFiles(dir: string, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (SKIP_DIRS.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (SOURCE.test(entry)) out.push(path);
  }
  return out;
}

/** Removes comments (keeping line breaks) so prose about `window` or `node:fs` is not flagged. */
export function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/[^\n]*/g, '$1');
}

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+)?from\s+['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function importsOf(source: string): { specifier: string; line: number }[] {
  const code = stripComments(source);
  const found: { specifier: string; line: number }[] = [];
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1];
      if (specifier === undefined) continue;
      const line = code.slice(0, match.index).split('\n').length;
      found.push({ specifier, line });
    }
  }
  return found;
}

function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  return NODE_BUILTINS.has(specifier.split('/')[0] ?? '');
}

/**
 * sim-core's entries that bind the engine to an environment: the only files of a pure package
 * that may use Node or the DOM. `worker/api.ts` is not one: the pure core imports it.
 */
const WORKER_ENTRY = /^(node\.ts|nodeWorkerEntry\.ts|nodeWorkerBootstrap\.mjs|browser\w*\.ts)$/;

function isExempt(layer: Layer, relFile: string): boolean {
  // Node may appear in tests, benchmarks, configs, and sim-core's worker entries.
  if (/\.spec\.ts$|\.test\.ts$/.test(relFile)) return true;
  if (!relFile.startsWith(`src${sep}`)) return true;
  return (
    layer.name === '@journeycast/sim-core' &&
    relFile === join('src', 'worker', basename(relFile)) &&
    WORKER_ENTRY.test(basename(relFile))
  );
}

/** The script blocks of a Svelte component, the markup blanked out (line breaks kept). */
function svelteScripts(source: string): string {
  let out = '';
  let at = 0;
  for (const m of source.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
    const contentStart = m.index + m[1]!.length;
    out += source.slice(at, contentStart).replace(/[^\n]/g, ' ') + m[2]!;
    at = contentStart + m[2]!.length;
  }
  return out + source.slice(at).replace(/[^\n]/g, ' ');
}

/** TypeScript's syntax tree of a source file (JavaScript and Svelte scripts included). */
export function parseSource(fileName: string, source: string): ts.SourceFile {
  const svelte = fileName.endsWith('.svelte');
  const kind = /\.(m|c)?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(
    svelte ? `${fileName}.ts` : fileName,
    svelte ? svelteScripts(source) : source,
    ts.ScriptTarget.Latest,
    true,
    kind,
  );
}

/** Whether `id` names a property, a key or a label rather than a variable. */
function isPropertyName(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === id;
  if (ts.isQualifiedName(parent)) return parent.right === id;
  if (
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isEnumMember(parent)
  )
    return parent.name === id;
  if (ts.isBindingElement(parent)) return parent.propertyName === id;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent))
    return parent.propertyName === id || ts.isExportSpecifier(parent);
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  if (ts.isImportTypeNode(parent) || ts.isJsxAttribute(parent)) return true;
  return false;
}

/** The name a declaration binds, when `id` is that name. */
function isDeclarationName(id: ts.Identifier): boolean {
  const parent = id.parent;
  return (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isModuleDeclaration(parent) ||
      ts.isTypeParameterDeclaration(parent) ||
      ts.isBindingElement(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isImportEqualsDeclaration(parent)) &&
    parent.name === id
  );
}

/** Inside `declare …`, `declare global { … }` or a `.d.ts` file: declares what exists elsewhere. */
function isAmbient(node: ts.Node): boolean {
  if (node.getSourceFile().isDeclarationFile) return true;
  for (let n: ts.Node | undefined = node; n !== undefined; n = n.parent) {
    if (
      ts.canHaveModifiers(n) &&
      ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
    )
      return true;
  }
  return false;
}

export interface GlobalUse {
  name: string;
  line: number;
  column: number;
  /** How it is used: a reference, an ambient declaration (`declare const process`), or `globalThis.x`. */
  how: 'reference' | 'declare' | 'globalThis';
}

/**
 * Uses of the given globals in a source file: free references (not property names, not names the
 * file binds itself), `globalThis.name` / `globalThis['name']`, and ambient declarations of them
 * (`declare const process: …`, which would make a use type-check). A name the file declares for
 * itself (`const process = …`, a parameter, an import) is the file's own, anywhere in the file:
 * scopes are not followed, so shadowing a global counts as not using it.
 */
export function globalsUsed(
  fileName: string,
  source: string,
  names: ReadonlySet<string>,
): GlobalUse[] {
  const file = parseSource(fileName, source);
  const declared = new Set<string>();
  const uses: GlobalUse[] = [];
  const at = (node: ts.Node, name: string, how: GlobalUse['how']) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    uses.push({ name, line: line + 1, column: character + 1, how });
  };
  const candidates: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && names.has(node.text)) {
      if (isDeclarationName(node)) {
        const parent = node.parent;
        const global =
          ts.isVariableDeclaration(parent) ||
          ts.isFunctionDeclaration(parent) ||
          ts.isClassDeclaration(parent) ||
          ts.isModuleDeclaration(parent) ||
          ts.isEnumDeclaration(parent);
        if (global && isAmbient(parent)) at(node, node.text, 'declare');
        else declared.add(node.text);
      } else if (!isPropertyName(node)) candidates.push(node);
    }
    if (
      (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'globalThis'
    ) {
      const key = ts.isPropertyAccessExpression(node)
        ? node.name.text
        : ts.isStringLiteralLike(node.argumentExpression)
          ? node.argumentExpression.text
          : undefined;
      if (key !== undefined && names.has(key)) at(node, key, 'globalThis');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const id of candidates) if (!declared.has(id.text)) at(id, id.text, 'reference');
  return uses.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** How a use reads in a violation: "must not use the Node global "process" at column 10". */
const describeUse = (kind: string, use: GlobalUse) =>
  use.how === 'declare'
    ? `must not declare the ${kind} global "${use.name}" (declare … at column ${use.column}: it would let uses type-check)`
    : use.how === 'globalThis'
      ? `must not use the ${kind} global "${use.name}" (globalThis.${use.name} at column ${use.column})`
      : `must not use the ${kind} global "${use.name}" (at column ${use.column})`;

export function checkArchitecture(root: string, layers: readonly Layer[] = LAYERS): Violation[] {
  const violations: Violation[] = [];
  const byName = new Map(layers.map((l) => [l.name, l]));
  for (const layer of layers) {
    const pkgDir = resolve(root, layer.dir);
    for (const file of sourceFiles(pkgDir)) {
      const relFile = relative(pkgDir, file);
      const shown = relative(root, file);
      const source = readFileSync(file, 'utf8');
      for (const { specifier, line } of importsOf(source)) {
        const target = [...byName.values()].find(
          (l) => specifier === l.name || specifier.startsWith(`${l.name}/`),
        );
        if (target && target.rank > layer.rank) {
          violations.push({
            file: shown,
            line,
            message: `${layer.name} must not import ${target.name} (dependency direction is web → scenarios → sim-core → models)`,
          });
        }
        if (specifier.startsWith('.')) {
          const resolved = resolve(file, '..', specifier);
          if (!resolved.startsWith(pkgDir + sep) && resolved !== pkgDir) {
            violations.push({
              file: shown,
              line,
              message: `relative import "${specifier}" leaves ${layer.dir}; import the package by name`,
            });
          }
        }
        if (layer.pure && isNodeBuiltin(specifier) && !isExempt(layer, relFile)) {
          violations.push({
            file: shown,
            line,
            message: `${layer.name} is pure and must not import the Node built-in "${specifier}"`,
          });
        }
      }
      if (layer.pure && !isExempt(layer, relFile)) {
        for (const [kind, names] of [
          ['Node', NODE_GLOBALS],
          ['DOM', DOM_GLOBALS],
        ] as const) {
          for (const use of globalsUsed(file, source, names)) {
            violations.push({
              file: shown,
              line: use.line,
              message: `${layer.name} is pure and ${describeUse(kind, use)}`,
            });
          }
        }
      }
    }
  }
  return violations;
}
