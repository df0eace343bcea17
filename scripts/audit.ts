/**
 * Fails when a package that ships has a high or critical advisory (issue 8: "`npm audit
 * --omit=dev` reports no high or critical vulnerability", read as: nothing Journeycast ships).
 * Run by `npm run audit`, not by `npm test` (see docs/reliability.md: the registry reachable here
 * refuses the advisory endpoint).
 *
 *   npx tsx scripts/audit.ts
 *
 * It runs `npm audit --json` over the whole tree and keeps the advisories of what ships
 * (scripts/auditScope.ts): every workspace's production dependencies (the CLI) and the packages
 * the app's bundle takes from devDependencies (svelte, @sveltejs/kit), each with all it depends on.
 * `--omit=dev` alone would miss svelte and @sveltejs/kit, whose code is in every page.
 *
 * Exit status: 0 no high or critical advisory in a shipped package; 1 some (each listed, one
 * line); 2 the audit could not be made (registry unreachable, the advisory endpoint refused, no
 * lockfile): said in one line, never passed silently — an audit that did not happen is not a
 * clean audit.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  describeVulnerability,
  nameOfKey,
  readAuditOutput,
  scopeReport,
  shippedPackages,
  type Lockfile,
} from './auditScope.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(code: number, line: string): never {
  process.stderr.write(`audit: ${line}\n`);
  process.exit(code);
}

let shipped: Set<string>;
try {
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')) as Lockfile;
  shipped = shippedPackages(lock);
} catch (error) {
  fail(2, `could not read package-lock.json (${(error as Error).message}); no audit was made`);
}
const shippedNames = new Set([...shipped].map(nameOfKey));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--json'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 120_000,
  maxBuffer: 64 * 1024 * 1024,
  shell: process.platform === 'win32',
});
if (run.error !== undefined) {
  fail(2, `could not run npm audit (${run.error.message}); no audit was made`);
}

const read = readAuditOutput(run.stdout, run.stderr, run.status);
if ('unavailable' in read) {
  fail(
    2,
    `${read.unavailable}; no audit was made, so whether the ${shippedNames.size} shipped packages have high or critical advisories is not known`,
  );
}
const { report } = read;
const { serious, devOnly } = scopeReport(report.vulnerabilities, shipped);
const counts = report.metadata?.vulnerabilities ?? {};
const summary = ['critical', 'high', 'moderate', 'low', 'info']
  .map((s) => `${s} ${counts[s] ?? 0}`)
  .join(', ');

if (devOnly.length > 0) {
  process.stderr.write(
    `audit: not shipped, so not failing (development tools only): ${devOnly.map((v) => `${v.severity} ${v.name}`).join(', ')}\n`,
  );
}
if (serious.length > 0) {
  for (const v of serious) process.stderr.write(`audit: ${describeVulnerability(v)}\n`);
  fail(
    1,
    `${serious.length} shipped package${serious.length === 1 ? ' has' : 's have'} a high or critical advisory (whole tree: ${summary})`,
  );
}

process.stdout.write(
  `audit: no high or critical advisory in the ${shippedNames.size} shipped packages (whole tree of ${report.metadata?.dependencies?.total ?? 'all'} packages: ${summary})\n`,
);
