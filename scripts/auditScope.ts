/**
 * Which installed packages ship, and which advisories of an `npm audit --json` report concern
 * them. Pure functions of the lockfile and the report, used by scripts/audit.ts and tested in
 * scripts/audit.spec.ts.
 *
 * Why not `npm audit --omit=dev`: the app's bundle carries code from two devDependencies of
 * apps/web, `svelte` (its runtime) and `@sveltejs/kit` (its client router); to npm they are
 * development tools, so `--omit=dev` would never report them. The audit therefore asks about the
 * whole tree and keeps what ships: the production dependencies of every workspace (the CLI runs
 * from them) and the packages the bundle takes from devDependencies, each with everything it
 * depends on. That is a superset of the modules in the bundle (svelte's compiler dependencies
 * come along with its runtime), which errs on the side of reporting.
 */

/** devDependencies of apps/web whose code is in the built app (measured: docs/reliability.md). */
export const BUNDLED_DEV_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  'apps/web': ['svelte', '@sveltejs/kit'],
};

export const SERIOUS: ReadonlySet<string> = new Set(['high', 'critical']);

/** The parts of a package-lock.json (lockfileVersion 3) this reads. */
export interface Lockfile {
  lockfileVersion?: number;
  packages: Record<
    string,
    {
      name?: string;
      version?: string;
      link?: boolean;
      resolved?: string;
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      /** Not followed: a peer is the host's to provide (vite, for svelte), not shipped with it. */
      peerDependencies?: Record<string, string>;
    }
  >;
}

export interface Advisory {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
  range?: string;
}

export interface Vulnerability {
  name: string;
  severity: string;
  isDirect?: boolean;
  range?: string;
  /** Where it is installed: lockfile keys (`node_modules/x`, `node_modules/a/node_modules/x`). */
  nodes?: string[];
  via?: (Advisory | string)[];
  fixAvailable?: boolean | { name: string; version: string };
}

export interface AuditReport {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, Vulnerability>;
  metadata?: {
    vulnerabilities?: Record<string, number>;
    dependencies?: { prod?: number; dev?: number; total?: number };
  };
  message?: string;
  statusCode?: number;
  error?: { code?: string; summary?: string; detail?: string };
}

/** The package name a lockfile key installs (`node_modules/a/node_modules/@s/b` → `@s/b`). */
export function nameOfKey(key: string): string {
  const at = key.lastIndexOf('node_modules/');
  return at === -1 ? key : key.slice(at + 'node_modules/'.length);
}

/**
 * Where `name` resolves from the package at lockfile key `from`, as Node looks it up: the
 * nearest `node_modules/<name>` going up from `from`, then the root's. Undefined when it is not
 * installed (an optional dependency for another platform).
 */
export function resolveIn(lock: Lockfile, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[candidate] !== undefined) return candidate;
    if (dir === '') return undefined;
    // From a nested install, its parent's folder; from a top-level install or a workspace, the root.
    const up = dir.lastIndexOf('/node_modules/');
    dir = up === -1 ? '' : dir.slice(0, up);
  }
}

/** Follows a workspace link (`node_modules/@journeycast/models` → `packages/models`). */
function followLink(lock: Lockfile, key: string): string {
  const entry = lock.packages[key];
  return entry?.link === true && entry.resolved !== undefined ? entry.resolved : key;
}

/** The workspaces of a lockfile: its keys outside node_modules (the root `""` excluded). */
export function workspacesOf(lock: Lockfile): string[] {
  return Object.keys(lock.packages).filter((key) => key !== '' && !key.includes('node_modules/'));
}

/**
 * Every lockfile key that ships: each workspace's production dependencies and `bundledDev`
 * (devDependencies whose code the build puts in the app), with all they depend on (dependencies
 * and optional dependencies; peers are the host's to provide). Workspaces themselves are
 * followed through but not listed (they are this repository's code, not an installed package).
 */
export function shippedPackages(
  lock: Lockfile,
  bundledDev: Readonly<Record<string, readonly string[]>> = BUNDLED_DEV_DEPENDENCIES,
): Set<string> {
  const workspaces = new Set(workspacesOf(lock));
  const shipped = new Set<string>();
  const visited = new Set<string>();
  const queue: string[] = [];
  const visit = (key: string) => {
    const target = followLink(lock, key);
    if (visited.has(target)) return;
    visited.add(target);
    if (!workspaces.has(target)) shipped.add(target);
    queue.push(target);
  };
  for (const workspace of workspaces) {
    visit(workspace);
    for (const name of bundledDev[workspace] ?? []) {
      const key = resolveIn(lock, workspace, name);
      if (key === undefined)
        throw new Error(
          `audit scope: ${workspace} ships "${name}", but the lockfile installs no ${name} for it`,
        );
      visit(key);
    }
  }
  while (queue.length > 0) {
    const from = queue.shift()!;
    const entry = lock.packages[from]!;
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const key = resolveIn(lock, from, name);
      if (key !== undefined) visit(key);
    }
  }
  return shipped;
}

/** Whether a vulnerability concerns a shipped install (by its lockfile keys, else by name). */
export function ships(vulnerability: Vulnerability, shipped: ReadonlySet<string>): boolean {
  if (vulnerability.nodes !== undefined && vulnerability.nodes.length > 0)
    return vulnerability.nodes.some((key) => shipped.has(key));
  return [...shipped].some((key) => nameOfKey(key) === vulnerability.name);
}

export interface Scoped {
  /** High or critical, in a shipped package: these fail the audit. */
  serious: Vulnerability[];
  /** High or critical, in development tools only: reported, not failing. */
  devOnly: Vulnerability[];
}

/** The report's high and critical vulnerabilities, split into shipped and development-only. */
export function scopeReport(
  vulnerabilities: Record<string, Vulnerability>,
  shipped: ReadonlySet<string>,
): Scoped {
  const serious: Vulnerability[] = [];
  const devOnly: Vulnerability[] = [];
  for (const v of Object.values(vulnerabilities)) {
    if (!SERIOUS.has(v.severity)) continue;
    (ships(v, shipped) ? serious : devOnly).push(v);
  }
  const byName = (a: Vulnerability, b: Vulnerability) => a.name.localeCompare(b.name);
  return { serious: serious.sort(byName), devOnly: devOnly.sort(byName) };
}

/** One line for a vulnerability: severity, name, range, advisories, and the fix. */
export function describeVulnerability(v: Vulnerability): string {
  const advisories = (v.via ?? [])
    .filter((a): a is Advisory => typeof a === 'object')
    .map((a) => `${a.title ?? 'advisory'}${a.url !== undefined ? ` (${a.url})` : ''}`);
  const via = (v.via ?? []).filter((a): a is string => typeof a === 'string');
  const fix =
    v.fixAvailable === true
      ? 'fix: npm audit fix'
      : typeof v.fixAvailable === 'object'
        ? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}`
        : 'no fix yet';
  return `${v.severity} ${v.name}${v.range !== undefined ? ` ${v.range}` : ''}${v.isDirect === true ? ' (direct)' : ''}: ${advisories.length > 0 ? advisories.join('; ') : `through ${via.join(', ')}`}; ${fix}`;
}

/**
 * What `npm audit --json` printed, read: a report, or why there is none (the registry refused
 * or could not be reached, the output was not JSON). An answer without a vulnerabilities table
 * is not a clean audit.
 */
export function readAuditOutput(
  stdout: string,
  stderr: string,
  status: number | null,
):
  | { report: AuditReport & { vulnerabilities: Record<string, Vulnerability> } }
  | { unavailable: string } {
  let report: AuditReport;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    const why =
      stderr
        .split('\n')
        .find((line) => /error/i.test(line))
        ?.trim() ?? `exit ${status}`;
    return { unavailable: `npm audit gave no report (${why})` };
  }
  if (report.auditReportVersion === undefined || report.vulnerabilities === undefined) {
    const why =
      [report.error?.code, report.message, report.error?.summary]
        .filter((part) => part !== undefined && part !== '')
        .join(': ') || `npm audit exited with ${status} and no vulnerabilities table`;
    return { unavailable: `the registry did not answer the audit (${why})` };
  }
  return { report: report as AuditReport & { vulnerabilities: Record<string, Vulnerability> } };
}
