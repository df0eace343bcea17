/**
 * Every branch of how the browser tests find Chromium (chromium.ts), on described machines: which
 * files exist and are executable, the environment, the user id. Run by the root `npm run check`
 * (scripts/vitest.config.ts), not by Playwright (which runs `*.test.ts` against the built app).
 */
import { describe, expect, it } from 'vitest';
import {
  APT_INSTALL,
  decideChromium,
  findChromium,
  thisHost,
  type ChromiumHost,
} from './chromium.ts';

interface Machine {
  env?: Record<string, string | undefined>;
  /** Executable files. */
  executables?: string[];
  /** Other files that exist (not executable). */
  files?: string[];
  uid?: number | undefined;
  debian?: boolean;
  pathDelimiter?: string;
}

function host(machine: Machine): ChromiumHost & { executables: Set<string> } {
  const executables = new Set(machine.executables ?? []);
  const files = new Set([
    ...(machine.files ?? []),
    ...(machine.debian === true ? ['/etc/debian_version'] : []),
  ]);
  return {
    env: machine.env ?? { PATH: '/usr/local/bin:/usr/bin:/bin' },
    executables,
    isExecutable: (path) => executables.has(path),
    exists: (path) => executables.has(path) || files.has(path),
    uid: 'uid' in machine ? machine.uid : 1000,
    pathDelimiter: machine.pathDelimiter ?? ':',
  };
}

describe('CHROME_PATH', () => {
  it('is used when it names an executable, before any system browser', () => {
    const machine = host({
      env: { CHROME_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' },
      executables: ['/opt/chrome/chrome', '/usr/bin/chromium'],
    });
    expect(decideChromium(machine)).toEqual({
      action: 'use',
      path: '/opt/chrome/chrome',
      from: 'CHROME_PATH',
    });
  });

  it('fails, naming it, when it is not executable: no guessing past an explicit choice', () => {
    const machine = host({
      env: { CHROME_PATH: '/opt/chrome/chrome' },
      files: ['/opt/chrome/chrome'],
      executables: ['/usr/bin/chromium'],
    });
    const decision = decideChromium(machine);
    expect(decision.action).toBe('fail');
    expect(decision.action === 'fail' && decision.message).toBe(
      'CHROME_PATH: expected an executable Chromium or Chrome, got "/opt/chrome/chrome", which is not executable. Point it at a browser, or unset it to let the tests look for one.',
    );
  });

  it('fails when it names nothing', () => {
    const decision = decideChromium(host({ env: { CHROME_PATH: '/nowhere/chrome' } }));
    expect(decision.action === 'fail' && decision.message).toContain(
      'got "/nowhere/chrome", which is not there',
    );
  });

  it('is ignored when empty', () => {
    const machine = host({
      env: { CHROME_PATH: '', PATH: '' },
      executables: ['/usr/bin/chromium'],
    });
    expect(decideChromium(machine)).toEqual({
      action: 'use',
      path: '/usr/bin/chromium',
      from: 'system',
    });
  });
});

describe('system browsers', () => {
  it('/usr/bin/chromium comes first, before PATH', () => {
    const machine = host({
      env: { PATH: '/opt/google/bin' },
      executables: ['/opt/google/bin/google-chrome', '/usr/bin/chromium'],
    });
    expect(decideChromium(machine)).toMatchObject({ path: '/usr/bin/chromium', from: 'system' });
  });

  it('then /usr/bin/chromium-browser (Ubuntu)', () => {
    const machine = host({ executables: ['/usr/bin/chromium-browser'] });
    expect(decideChromium(machine)).toMatchObject({
      path: '/usr/bin/chromium-browser',
      from: 'system',
    });
  });

  it('a /usr/bin/chromium that is not executable is passed over', () => {
    const machine = host({ files: ['/usr/bin/chromium'], debian: true });
    expect(decideChromium(machine).action).toBe('fail');
  });
});

describe('PATH', () => {
  it('finds google-chrome first, in any directory, then the others in order', () => {
    const machine = host({
      env: { PATH: '/usr/local/bin:/opt/google/bin' },
      executables: ['/usr/local/bin/chromium', '/opt/google/bin/google-chrome'],
    });
    expect(decideChromium(machine)).toEqual({
      action: 'use',
      path: '/opt/google/bin/google-chrome',
      from: 'PATH',
    });
    const stable = host({
      env: { PATH: '/a:/b' },
      executables: ['/b/google-chrome-stable', '/a/chromium-browser'],
    });
    expect(decideChromium(stable)).toMatchObject({ path: '/b/google-chrome-stable' });
    const chromium = host({
      env: { PATH: '/a' },
      executables: ['/a/chromium-browser', '/a/chromium'],
    });
    expect(decideChromium(chromium)).toMatchObject({ path: '/a/chromium' });
  });

  it('skips empty entries and honours the platform separator', () => {
    const machine = host({
      env: { PATH: ';C:\\Chrome;' },
      executables: ['C:\\Chrome/google-chrome'],
      pathDelimiter: ';',
      uid: undefined,
    });
    expect(decideChromium(machine)).toMatchObject({ path: 'C:\\Chrome/google-chrome' });
    expect(
      decideChromium(host({ env: { PATH: '::' }, executables: ['google-chrome'] })).action,
    ).toBe('fail');
  });

  it('without PATH, looks nowhere else', () => {
    expect(decideChromium(host({ env: {}, executables: ['/bin/chromium'] })).action).toBe('fail');
  });
});

describe('none found', () => {
  it('as root on Debian: install Debian’s chromium', () => {
    expect(decideChromium(host({ uid: 0, debian: true }))).toEqual({
      action: 'install',
      commands: APT_INSTALL,
    });
    expect(APT_INSTALL).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', 'chromium'],
    ]);
  });

  it('as root on Debian, after an install that did not give one: fail, not install again', () => {
    const decision = decideChromium(host({ uid: 0, debian: true }), { afterInstall: true });
    expect(decision).toEqual({
      action: 'fail',
      message:
        'No Chromium found for the browser tests, even after `apt-get update -qq && apt-get install -y -qq chromium`: expected /usr/bin/chromium to exist and be executable. Install a browser by hand, or set CHROME_PATH=/path/to/chrome.',
    });
  });

  it('on Debian as another user: fail with the exact command, with sudo', () => {
    const decision = decideChromium(host({ uid: 1000, debian: true }));
    expect(decision).toEqual({
      action: 'fail',
      message:
        'No Chromium found for the browser tests (looked for CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser and google-chrome, google-chrome-stable, chromium, chromium-browser on PATH). Run: sudo apt-get update -qq && sudo apt-get install -y -qq chromium   (or set CHROME_PATH=/path/to/chrome)',
    });
  });

  it('elsewhere, root or not: fail with the command that points the tests at a browser', () => {
    for (const uid of [0, 501, undefined]) {
      const decision = decideChromium(host({ uid, debian: false }));
      expect(decision.action).toBe('fail');
      expect(decision.action === 'fail' && decision.message).toContain(
        'Install Chromium or Google Chrome, then run: CHROME_PATH=/path/to/chrome npm test',
      );
    }
  });
});

describe('findChromium', () => {
  it('returns the browser it decided on, running nothing', () => {
    const ran: string[] = [];
    const path = findChromium(host({ executables: ['/usr/bin/chromium'] }), (c, a) =>
      ran.push([c, ...a].join(' ')),
    );
    expect(path).toBe('/usr/bin/chromium');
    expect(ran).toEqual([]);
  });

  it('as root on Debian, runs the install and then uses what it installed', () => {
    const machine = host({ uid: 0, debian: true });
    const ran: string[] = [];
    const path = findChromium(machine, (command, args) => {
      ran.push([command, ...args].join(' '));
      if (args.includes('install')) machine.executables.add('/usr/bin/chromium');
    });
    expect(ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
    expect(path).toBe('/usr/bin/chromium');
  });

  it('throws the decision’s message when the install gave no browser, after one attempt', () => {
    const ran: string[] = [];
    expect(() =>
      findChromium(host({ uid: 0, debian: true }), (c, a) => ran.push([c, ...a].join(' '))),
    ).toThrow(/even after `apt-get update -qq && apt-get install -y -qq chromium`/);
    expect(ran).toHaveLength(2);
  });

  it('throws the exact command when it may not install', () => {
    expect(() => findChromium(host({ uid: 1000, debian: true }), () => undefined)).toThrow(
      'Run: sudo apt-get update -qq && sudo apt-get install -y -qq chromium',
    );
  });
});

describe('this machine', () => {
  it('is described from the process: its environment, user id and PATH separator', () => {
    const machine = thisHost();
    expect(machine.env).toBe(process.env);
    expect(machine.uid).toBe(typeof process.getuid === 'function' ? process.getuid() : undefined);
    expect(machine.isExecutable(process.execPath)).toBe(true);
    expect(machine.exists(process.execPath)).toBe(true);
    expect(machine.isExecutable('/nonexistent/chromium')).toBe(false);
  });
});
