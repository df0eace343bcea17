/**
 * No code from text (issue 8: "no `eval`, no `new Function`"), checked over the source of every
 * package and the app. `apps/web/src/lib/security.spec.ts` covers the app's HTML sinks and
 * `apps/web/e2e/bundle.test.ts` the built bundle with its dependencies; this covers the packages
 * (the CLI included), which neither reaches.
 *
 * Read on the syntax tree (TypeScript's parser for .ts/.js, Svelte's for components, scripts and
 * markup), so a comment or a string that mentions `eval(` is not a use, while a call hidden in a
 * template expression or behind `globalThis.` is. What counts as making code from text:
 *   - any reference to `eval` (a call, `(0, eval)(…)`, or passing it on), also `globalThis.eval`;
 *   - `Function(…)` or `new Function(…)`, also through `globalThis`/`window`/`self`;
 *   - `setTimeout` / `setInterval` with text as the handler (a string, a template, `'…' + x`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseSvelte } from 'svelte/compiler';
import ts from 'typescript';
import { parseSource, sourceFiles } from './architecture.ts';

export interface CodeFromText {
  file: string;
  line: number;
  what: string;
}

const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self']);
const TIMERS = new Set(['setTimeout', 'setInterval']);

// ---------------------------------------------------------------------------------------------
// TypeScript and JavaScript.

function tsCallee(node: ts.Expression): string | undefined {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) return node.text;
  if (
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    GLOBAL_OBJECTS.has(node.expression.text)
  )
    return node.name.text;
  return undefined;
}

function tsIsText(node: ts.Expression | undefined): boolean {
  if (node === undefined) return false;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
  return (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    (tsIsText(node.left) || tsIsText(node.right))
  );
}

/** Whether identifier `id` is a variable reference (not a property name, key or label). */
function tsIsReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === id;
  if (
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isPropertySignature(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isMethodSignature(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent)
  )
    return parent.name !== id;
  if (ts.isQualifiedName(parent)) return parent.left === id;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return true;
}

function scanTs(fileName: string, source: string): { line: number; what: string }[] {
  const file = parseSource(fileName, source);
  const found: { line: number; what: string }[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, what });
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'eval' && tsIsReference(node)) at(node, 'eval');
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'eval' &&
      ts.isIdentifier(node.expression) &&
      GLOBAL_OBJECTS.has(node.expression.text)
    )
      at(node, `${node.expression.text}.eval`);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = tsCallee(node.expression);
      const isNew = ts.isNewExpression(node);
      if (callee === 'Function') at(node, isNew ? 'new Function' : 'Function(');
      if (callee !== undefined && TIMERS.has(callee) && tsIsText(node.arguments?.[0]))
        at(node, `${callee} with text`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Svelte components: ESTree nodes from Svelte's parser, for the scripts and the markup alike.

interface EsNode {
  type: string;
  /** Offset in the component's text (absent on a few containers such as Fragment). */
  start?: number;
  [key: string]: unknown;
}

const isEsNode = (value: unknown): value is EsNode =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { type?: unknown }).type === 'string';

function esCallee(node: EsNode): string | undefined {
  if (node.type === 'Identifier') return node.name as string;
  const object = node.object as EsNode | undefined;
  const property = node.property as EsNode | undefined;
  if (
    node.type === 'MemberExpression' &&
    node.computed !== true &&
    object?.type === 'Identifier' &&
    GLOBAL_OBJECTS.has(object.name as string) &&
    property?.type === 'Identifier'
  )
    return property.name as string;
  return undefined;
}

function esIsText(node: EsNode | undefined): boolean {
  if (node === undefined) return false;
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  return (
    node.type === 'BinaryExpression' &&
    node.operator === '+' &&
    (esIsText(node.left as EsNode) || esIsText(node.right as EsNode))
  );
}

function scanSvelte(source: string): { line: number; what: string }[] {
  const root = parseSvelte(source, { modern: true }) as unknown as EsNode;
  const found: { line: number; what: string }[] = [];
  const at = (node: EsNode, what: string) =>
    found.push({ line: source.slice(0, node.start ?? 0).split('\n').length, what });
  const visit = (node: EsNode, parent: EsNode | undefined, key: string): void => {
    if (node.type === 'Identifier' && node.name === 'eval') {
      // Not a property name (`x.eval`, `{ eval: 1 }`) and not a key of a class member.
      const isProperty =
        (parent?.type === 'MemberExpression' && key === 'property' && parent.computed !== true) ||
        ((parent?.type === 'Property' || parent?.type === 'MethodDefinition') &&
          key === 'key' &&
          parent.computed !== true &&
          parent.shorthand !== true);
      if (!isProperty) at(node, 'eval');
    }
    if (node.type === 'MemberExpression' && esCallee(node) === 'eval')
      at(node, `${(node.object as EsNode).name as string}.eval`);
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const callee = esCallee(node.callee as EsNode);
      if (callee === 'Function')
        at(node, node.type === 'NewExpression' ? 'new Function' : 'Function(');
      const args = node.arguments as EsNode[];
      if (callee !== undefined && TIMERS.has(callee) && esIsText(args[0]))
        at(node, `${callee} with text`);
    }
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === 'loc' || childKey === 'metadata') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isEsNode(item)) visit(item, node, childKey);
      } else if (isEsNode(value)) visit(value, node, childKey);
    }
  };
  visit(root, undefined, '');
  return found;
}

/** Every place a source text makes code from text, by line. */
export function codeFromTextIn(fileName: string, source: string): { line: number; what: string }[] {
  const found = fileName.endsWith('.svelte') ? scanSvelte(source) : scanTs(fileName, source);
  return found.sort((a, b) => a.line - b.line);
}

/** The source directories scanned: every package's `src/` and the app's. */
export function scannedDirs(root: string): string[] {
  const packages = readdirSync(join(root, 'packages')).map((name) => join('packages', name, 'src'));
  return [...packages, join('apps', 'web', 'src')].filter((dir) => {
    try {
      return statSync(join(root, dir)).isDirectory();
    } catch {
      return false;
    }
  });
}

/** Scans `dirs` (relative to `root`); returns every finding and how many files were read. */
export function scanForCodeFromText(
  root: string,
  dirs: readonly string[] = scannedDirs(root),
): { findings: CodeFromText[]; files: number } {
  const findings: CodeFromText[] = [];
  let files = 0;
  for (const dir of dirs) {
    for (const path of sourceFiles(join(root, dir))) {
      files++;
      const file = relative(root, path);
      for (const { line, what } of codeFromTextIn(path, readFileSync(path, 'utf8')))
        findings.push({ file, line, what });
    }
  }
  return { findings, files };
}
