/**
 * Finds the Chromium the browser tests drive. Playwright's own browser download cannot work on
 * machines without internet access, so the tests use a system browser:
 *   1. `CHROME_PATH`, when set (and then only it: a wrong path is an error, not a reason to guess);
 *   2. `/usr/bin/chromium`, `/usr/bin/chromium-browser`, or `google-chrome` / `chromium` on PATH;
 *   3. on Debian, running as root (a CI machine), Debian's `chromium` package is installed;
 *   4. otherwise the run fails with the exact command to run.
 *
 * The decisions are one pure function of what it is told about the machine (`decideChromium`:
 * environment, which files exist and are executable, the user id), unit-tested branch by branch
 * in chromium.spec.ts; `findChromium` feeds it the real machine and carries out an install.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Flags for headless Chromium on a locked-down machine (no sandbox as root, no background traffic). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where a system Chromium lives on Debian and Ubuntu. */
export const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;
/** Names looked up on PATH, in order. */
export const PATH_NAMES = [
  'google-chrome',
  'google-chrome-stable',
  'chromium',
  'chromium-browser',
] as const;
/** What Debian's package manager runs to install Chromium (as root, non-interactive). */
export const APT_INSTALL: readonly (readonly string[])[] = [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', 'chromium'],
];

/** What `decideChromium` needs to know about the machine. */
export interface ChromiumHost {
  /** The environment: `CHROME_PATH` and `PATH` are read. */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether `path` is a file this process may execute. */
  isExecutable(path: string): boolean;
  /** Whether `path` exists (for `/etc/debian_version`). */
  exists(path: string): boolean;
  /** The user id, or undefined where there is none (Windows). */
  uid: number | undefined;
  /** PATH's separator (`:`, or `;` on Windows). */
  pathDelimiter: string;
}

export type ChromiumDecision =
  | { action: 'use'; path: string; from: 'CHROME_PATH' | 'system' | 'PATH' }
  | { action: 'install'; commands: readonly (readonly string[])[] }
  | { action: 'fail'; message: string };

const NOT_FOUND = 'No Chromium found for the browser tests';
const CHROME_PATH_HINT = 'or set CHROME_PATH=/path/to/chrome';

/**
 * What to do to get a browser: use one (and which), install Debian's, or fail with a message that
 * says exactly what to run. `afterInstall` is set when asking again after an install, which then
 * fails instead of installing twice.
 */
export function decideChromium(
  host: ChromiumHost,
  options: { afterInstall?: boolean } = {},
): ChromiumDecision {
  const fromEnv = host.env.CHROME_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (host.isExecutable(fromEnv)) return { action: 'use', path: fromEnv, from: 'CHROME_PATH' };
    return {
      action: 'fail',
      message: `CHROME_PATH: expected an executable Chromium or Chrome, got "${fromEnv}", which is ${host.exists(fromEnv) ? 'not executable' : 'not there'}. Point it at a browser, or unset it to let the tests look for one.`,
    };
  }
  for (const path of SYSTEM_PATHS) {
    if (host.isExecutable(path)) return { action: 'use', path, from: 'system' };
  }
  const dirs = (host.env.PATH ?? '').split(host.pathDelimiter).filter((dir) => dir !== '');
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (host.isExecutable(candidate)) return { action: 'use', path: candidate, from: 'PATH' };
    }
  }
  const debian = host.exists('/etc/debian_version');
  const root = host.uid === 0;
  const apt = APT_INSTALL.map((command) => command.join(' ')).join(' && ');
  if (debian && root) {
    if (!options.afterInstall) return { action: 'install', commands: APT_INSTALL };
    return {
      action: 'fail',
      message: `${NOT_FOUND}, even after \`${apt}\`: expected ${SYSTEM_PATHS[0]} to exist and be executable. Install a browser by hand, ${CHROME_PATH_HINT}.`,
    };
  }
  if (debian) {
    const sudo = APT_INSTALL.map((command) => `sudo ${command.join(' ')}`).join(' && ');
    return {
      action: 'fail',
      message: `${NOT_FOUND} (looked for CHROME_PATH, ${SYSTEM_PATHS.join(', ')} and ${PATH_NAMES.join(', ')} on PATH). Run: ${sudo}   (${CHROME_PATH_HINT})`,
    };
  }
  return {
    action: 'fail',
    message: `${NOT_FOUND} (looked for CHROME_PATH, ${SYSTEM_PATHS.join(', ')} and ${PATH_NAMES.join(', ')} on PATH). Install Chromium or Google Chrome, then run: CHROME_PATH=/path/to/chrome npm test   (on Debian or Ubuntu: sudo apt-get install -y chromium)`,
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** This machine, as `decideChromium` sees it. */
export function thisHost(): ChromiumHost {
  return {
    env: process.env,
    isExecutable,
    exists: existsSync,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    pathDelimiter: delimiter,
  };
}

/** Runs one command of an install (the real one: `execFileSync`, output shown, non-interactive). */
export type RunCommand = (command: string, args: readonly string[]) => void;

const runCommand: RunCommand = (command, args) => {
  execFileSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};

/** A system Chromium's path, installing Debian's package when the decision says so. */
export function findChromium(
  host: ChromiumHost = thisHost(),
  run: RunCommand = runCommand,
): string {
  let decision = decideChromium(host);
  if (decision.action === 'install') {
    console.error(
      `[e2e] No Chromium found: installing Debian's chromium (${decision.commands.map((c) => c.join(' ')).join(' && ')})`,
    );
    for (const [command, ...args] of decision.commands) run(command!, args);
    decision = decideChromium(host, { afterInstall: true });
  }
  if (decision.action === 'use') return decision.path;
  // After an install the decision is never to install again (decideChromium's afterInstall).
  throw new Error(
    decision.action === 'fail' ? decision.message : 'chromium: asked to install twice',
  );
}
