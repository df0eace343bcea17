import { readFileSync } from 'node:fs';
import { expect, type Page, type Worker } from '@playwright/test';

export const SCREENS = 'test-results/screens';

/**
 * Fails the test on any uncaught page error or Content Security Policy violation (collected,
 * checked at the end). Violations are caught twice: the page's `securitypolicyviolation` event
 * (listened for before any of the page's own scripts run) and Chromium's console report.
 */
export async function collectErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      errors.push(`CSP (console): ${message.text()}`);
  });
  await page.exposeBinding('__reportCspViolation', (_source, text: string) =>
    errors.push(`CSP: ${text}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void })
        .__reportCspViolation;
      report(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
  return errors;
}

/** The run status block whose label starts with `label` ("Live estimate", "ROI run", …). */
export function runStatus(page: Page, label: string) {
  return page.locator('[data-run-status]').filter({ hasText: label }).first();
}

export async function waitForRun(page: Page, label: string, timeout = 60_000): Promise<void> {
  await expect(runStatus(page, label)).toHaveAttribute('data-run-status', 'done', { timeout });
}

export async function metric(page: Page, name: string): Promise<string> {
  return (await page.locator(`[data-metric="${name}"]`).first().getAttribute('data-value')) ?? '';
}

// ---------------------------------------------------------------------------------------------
// The coordinator's test hooks (installed only for pages opened with ?test-hooks, and reachable
// only from here, through the DevTools protocol: see src/lib/engine/coordinator.worker.ts).

export interface Census {
  poolSize: number;
  live: number;
  maxLive: number;
  spawned: number;
  faultsInjected: number;
  runsCancelled: number;
}

interface Hooks {
  armFault(mode: 'throw' | 'exit' | 'close', afterDone?: number): void;
  census(): Census;
  crashCoordinator(): void;
}

/** The coordinator worker of a page opened with `?test-hooks`, once its hooks are installed. */
export async function coordinatorOf(page: Page): Promise<Worker> {
  await expect
    .poll(() => page.workers().some((w) => w.url().includes('/coordinator.worker')), {
      message: 'the coordinator worker starts',
    })
    .toBe(true);
  const worker = page.workers().find((w) => w.url().includes('/coordinator.worker'))!;
  await expect
    .poll(() =>
      worker.evaluate(
        () => typeof (self as unknown as { __journeycastTest?: Hooks }).__journeycastTest,
      ),
    )
    .toBe('object');
  return worker;
}

export function census(coordinator: Worker): Promise<Census> {
  return coordinator.evaluate(() =>
    (self as unknown as { __journeycastTest: Hooks }).__journeycastTest.census(),
  );
}

export function armFault(
  coordinator: Worker,
  mode: 'throw' | 'exit' | 'close',
  afterDone: number,
): Promise<void> {
  return coordinator.evaluate(
    ([m, n]) => (self as unknown as { __journeycastTest: Hooks }).__journeycastTest.armFault(m, n),
    [mode, afterDone] as const,
  );
}

// ---------------------------------------------------------------------------------------------
// Scenarios and drafts.

/** A library scenario file as JSON (a fresh copy). */
export function libraryFile(id: string): Record<string, unknown> & {
  title: string;
  description: string;
  run: Record<string, unknown>;
  variants: Record<string, unknown>[];
  levers: Record<string, unknown>[];
  expect: unknown[];
} {
  const url = new URL(`../../../packages/scenarios/library/${id}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

/**
 * The default scenario with small run settings (1,000 customers, 8 replications, no precision
 * target): for tests about storage, limits and security, where the numbers do not matter and a
 * run should finish in a second.
 */
export function smallScenario() {
  const scenario = libraryFile('default');
  scenario.id = 'small';
  scenario.title = 'Small test scenario';
  scenario.run = { seed: 7, replications: 8, agents: 1000, queueDaysPerMonth: 1 };
  scenario.expect = [];
  return scenario;
}

/** A stored draft (the format of src/lib/scenario/drafts.ts) holding `scenario`. */
export function draftOf(scenario: unknown, variantId = 'moreAgents'): string {
  return JSON.stringify({
    version: 1,
    savedAt: '2026-01-01T00:00:00.000Z',
    origin: { kind: 'imported', fileName: 'small.json' },
    scenario,
    variantId,
    levers: {},
    compareIds: [],
  });
}

/** Stores `draft` before the page's first load only (a reload then reads what the app saved). */
export async function seedDraft(page: Page, draft: string): Promise<void> {
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('journeycast-test-seeded')) {
      localStorage.setItem('journeycast:draft', value);
      sessionStorage.setItem('journeycast-test-seeded', '1');
    }
  }, draft);
}

// ---------------------------------------------------------------------------------------------
// Exports.

/** RFC 4180 CSV into rows of fields (quotes removed, doubled quotes undone). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A field a spreadsheet reads as a number (plain decimal or exponent notation). */
export const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text a spreadsheet would run as a formula (what neutralise() must have prefixed with '). */
export const FORMULA = /^[=+\-@\t\r]/;

export interface XlsxCell {
  ref: string;
  /** 'n' for a numeric cell, 's' for inline text. */
  type: 'n' | 's';
  value: string;
  formula: boolean;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The cells of a SpreadsheetML worksheet. */
export function xlsxCells(sheetXml: string): XlsxCell[] {
  const cells: XlsxCell[] = [];
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>([\s\S]*?)<\/c>/g)) {
    const [, ref, attrs, inner] = m as unknown as [string, string, string, string];
    const formula = /<f[ >]/.test(inner);
    if (/t="inlineStr"/.test(attrs)) {
      const text = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1] ?? '';
      cells.push({ ref, type: 's', value: unescapeXml(text), formula });
    } else {
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '';
      cells.push({ ref, type: 'n', value: v, formula });
    }
  }
  return cells;
}
