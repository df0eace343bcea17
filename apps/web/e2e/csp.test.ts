/**
 * The Content Security Policy (issue 8): every prerendered page carries it; the app runs under it
 * in Chromium with no violation while it simulates, compares, exports and shares; and what it is
 * there to stop (an injected inline script, eval, a worker from a blob, an inline style, a foreign
 * image) is stopped. See svelte.config.js for the policy and SECURITY.md for its reasons.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, draftOf, seedDraft, smallScenario, waitForRun } from './helpers.ts';

const BUILD = new URL('../build/', import.meta.url);

function policyOf(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html);
  expect(meta, 'a CSP <meta> tag').not.toBeNull();
  const policy = new Map<string, string[]>();
  for (const part of meta![1]!.replace(/&#39;|&apos;/g, "'").split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) policy.set(name, values);
  }
  return policy;
}

test('every page of the build ships the Content Security Policy', () => {
  const pages = readdirSync(BUILD).filter((f) => f.endsWith('.html'));
  expect(pages.sort()).toEqual(['compare.html', 'index.html', 'library.html', 'roi.html']);
  for (const file of pages) {
    const html = readFileSync(new URL(file, BUILD), 'utf8');
    const policy = policyOf(html);
    expect(policy.get('default-src'), file).toEqual(["'self'"]);
    expect(policy.get('worker-src'), file).toEqual(["'self'"]);
    expect(policy.get('connect-src'), file).toEqual(["'self'"]);
    expect(policy.get('img-src'), file).toEqual(["'self'"]);
    expect(policy.get('object-src'), file).toEqual(["'none'"]);
    expect(policy.get('base-uri'), file).toEqual(["'self'"]);
    expect(policy.get('form-action'), file).toEqual(["'self'"]);
    expect(policy.get('style-src'), file).toEqual(["'self'"]);
    expect(policy.get('style-src-attr'), file).toEqual([
      "'unsafe-hashes'",
      "'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='",
    ]);
    // Scripts: the app's own files, and the inline start-up script by its hash; nothing else.
    const scripts = policy.get('script-src')!;
    expect(scripts[0]).toBe("'self'");
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
      (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
    );
    expect(inline.length).toBeGreaterThan(0);
    expect(scripts.slice(1).sort()).toEqual([...new Set(inline)].sort());
    const all = [...policy.values()].flat();
    for (const loose of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      'blob:',
      'data:',
      '*',
      'http:',
      'https:',
    ])
      expect(all, `${file} allows ${loose}`).not.toContain(loose);
  }
});

test('every page works under the policy: simulate, compare, export, share', async ({ page }) => {
  test.setTimeout(60_000);
  // Page errors and CSP violations (securitypolicyviolation events and console reports).
  const errors = await collectErrors(page);
  await seedDraft(page, draftOf(smallScenario()));
  await page.goto('/');
  await waitForRun(page, 'Live estimate');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Compare' }).click();
  await expect(page.locator('[data-run-status="done"]').first()).toBeVisible({ timeout: 30_000 });
  await nav.getByRole('link', { name: 'ROI case' }).click();
  await waitForRun(page, 'ROI run');
  for (const name of ['Export CSV', 'Export XLSX']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^small-moreAgents-roi-/);
  }
  await waitForRun(page, 'Tornado sweep');
  await nav.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.locator('#share-url')).toHaveValue(/#s=/);
  const [scenarioFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export scenario' }).click(),
  ]);
  expect(scenarioFile.suggestedFilename()).toBe('small.scenario.json');
  // Open the share link in place: the hash route works under the policy too.
  await page.goto(await page.locator('#share-url').inputValue());
  await expect(page.getByText('Opened the shared scenario')).toBeVisible();
  await waitForRun(page, 'Live estimate');
  expect(errors).toEqual([]);
});

test('what the policy is for is blocked: inline script, eval, blob worker, inline style', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workbench');
  const outcome = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    const w = window as unknown as Record<string, unknown>;
    // An inline script, as an HTML injection would add it.
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    // An inline event handler.
    const div = document.createElement('div');
    div.setAttribute('onclick', 'window.__handlerRan = true');
    document.body.append(div);
    div.click();
    const attempt = (run: () => unknown) => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return (error as Error).name;
      }
    };
    // DevTools evaluation (this callback) may eval whatever the policy says; code the page runs
    // on its own may not. So the attempts run from a timer, as the page's own code would.
    const later = <T>(run: () => T) =>
      new Promise<T>((resolve) => setTimeout(() => resolve(run()), 0));
    const evalResult = await later(() => attempt(() => (0, eval)('1 + 1')));
    const functionResult = await later(() => attempt(() => new Function('return 1')()));
    const blobWorker = await later(
      () =>
        new Promise<string>((resolve) => {
          const url = URL.createObjectURL(
            new Blob(['postMessage("ran")'], { type: 'text/javascript' }),
          );
          try {
            const worker = new Worker(url);
            worker.onmessage = () => resolve('ran');
            worker.onerror = () => resolve('blocked');
          } catch (error) {
            resolve((error as Error).name);
          }
        }),
    );
    // An inline style attribute (not the announcer's, whose hash is allowed).
    const styled = document.createElement('p');
    styled.setAttribute('style', 'color: red');
    document.body.append(styled);
    const styleApplied = getComputedStyle(styled).color === 'rgb(255, 0, 0)';
    // An image from elsewhere (blocked before any request is made).
    const image = new Image();
    image.src = 'https://evil.example/pixel.png';
    document.body.append(image);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {
      inlineRan: w.__inlineRan ?? false,
      handlerRan: w.__handlerRan ?? false,
      evalResult,
      functionResult,
      blobWorker,
      styleApplied,
      seen: [...new Set(seen)].sort(),
    };
  });
  expect(outcome).toEqual({
    inlineRan: false,
    handlerRan: false,
    evalResult: 'EvalError',
    functionResult: 'EvalError',
    blobWorker: 'blocked',
    styleApplied: false,
    seen: expect.arrayContaining([
      'img-src',
      'script-src',
      'script-src-attr',
      'script-src-elem',
      'style-src-attr',
      'worker-src',
    ]),
  });
});
