// Spawning the real `journeycast` binary in tests (not a test file itself).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/journeycast.mjs', import.meta.url));
export const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_FILE = fileURLToPath(new URL('../../library/default.json', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function journeycast(
  args: string[],
  cwd = PACKAGE_DIR,
  extraEnv: Record<string, string> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...extraEnv };
    delete env.JOURNEYCAST_DEBUG;
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** No stack trace: no "    at fn (file:line)" lines. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text);
}
