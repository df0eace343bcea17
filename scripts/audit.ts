/**
 * Fails when a production dependency has a high or critical advisory (issue 8: "`npm audit
 * --omit=dev` reports no high or critical vulnerability"). Run by `npm run audit`, not by `npm test`
 * (see docs/reliability.md: this registry refuses the advisory endpoint).
 *
 *   npx tsx scripts/audit.ts
 *
 * Exit status: 0 no high or critical advisory; 1 some (each listed, one line); 2 the audit could
 * not be made (registry unreachable, the advisory endpoint refused, no lockfile): said in one line,
 * never passed silently — an audit that did not happen is not a clean audit.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERIOUS = new Set(['high', 'critical']);

interface Advisory {
  source?: number;
  name?: string;
  title?: string;
  url?: string;
  severity?: string;
  range?: string;
}
interface Vulnerability {
  name: string;
  severity: string;
  isDirect?: boolean;
  range?: string;
  via?: (Advisory | string)[];
  fixAvailable?: boolean | { name: string; version: string };
}
interface AuditReport {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, Vulnerability>;
  metadata?: {
    vulnerabilities?: Record<string, number>;
    dependencies?: { prod?: number; total?: number };
  };
  message?: string;
  statusCode?: number;
  error?: { code?: string; summary?: string; detail?: string };
}

function fail(code: number, line: string): never {
  process.stderr.write(`audit: ${line}\n`);
  process.exit(code);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], {
  cwd: root,
  encoding: 'utf8',
  timeout: 120_000,
  maxBuffer: 64 * 1024 * 1024,
  shell: process.platform === 'win32',
});
if (run.error !== undefined) {
  fail(2, `could not run npm audit (${run.error.message}); no audit was made`);
}

let report: AuditReport;
try {
  report = JSON.parse(run.stdout) as AuditReport;
} catch {
  const why = run.stderr.split('\n').find((l) => /error/i.test(l)) ?? `exit ${run.status}`;
  fail(2, `npm audit gave no report (${why.trim()}); no audit was made`);
}

if (report.auditReportVersion === undefined || report.vulnerabilities === undefined) {
  const why =
    [report.error?.code, report.message, report.error?.summary]
      .filter((part) => part !== undefined && part !== '')
      .join(': ') || `npm audit exited with ${run.status}`;
  fail(
    2,
    `the registry did not answer the audit (${why}); cannot tell whether production dependencies have high or critical advisories`,
  );
}

const serious = Object.values(report.vulnerabilities).filter((v) => SERIOUS.has(v.severity));
const counts = report.metadata?.vulnerabilities ?? {};
const dependencies = report.metadata?.dependencies?.prod ?? report.metadata?.dependencies?.total;
const summary = ['critical', 'high', 'moderate', 'low', 'info']
  .map((s) => `${s} ${counts[s] ?? 0}`)
  .join(', ');

if (serious.length > 0) {
  for (const v of serious.sort((a, b) => a.name.localeCompare(b.name))) {
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
    process.stderr.write(
      `audit: ${v.severity} ${v.name}${v.range !== undefined ? ` ${v.range}` : ''}${v.isDirect === true ? ' (direct)' : ''}: ${advisories.length > 0 ? advisories.join('; ') : `through ${via.join(', ')}`}; ${fix}\n`,
    );
  }
  fail(
    1,
    `${serious.length} production dependenc${serious.length === 1 ? 'y has' : 'ies have'} a high or critical advisory (${summary})`,
  );
}

process.stdout.write(
  `audit: no high or critical advisory in ${dependencies ?? 'the'} production dependencies (${summary})\n`,
);
