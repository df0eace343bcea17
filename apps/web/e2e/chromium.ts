/**
 * Finds the Chromium the browser tests drive. Playwright's own browser download cannot work on
 * machines without internet access, so the tests use a system browser:
 *   1. `CHROME_PATH`, when set;
 *   2. `/usr/bin/chromium`, `/usr/bin/chromium-browser`, or `google-chrome` / `chromium` on PATH;
 *   3. on Debian, running as root (a CI machine), Debian's `chromium` package is installed;
 *   4. otherwise the run fails with the exact command to run.
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

const INSTALL_HINT =
  'No Chromium found for the browser tests. Install one with `sudo apt-get install -y chromium` ' +
  '(Debian/Ubuntu) or set CHROME_PATH=/path/to/chrome.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

export function locateChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROME_PATH=${fromEnv} is not an executable file. ${INSTALL_HINT}`);
    }
    return fromEnv;
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (isExecutable(path)) return path;
  }
  for (const name of ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser']) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

export function findChromium(): string {
  const found = locateChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.error(
      '[e2e] No Chromium found: installing Debian chromium (apt-get install -y chromium)',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    const installed = locateChromium();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}
