import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CORRUPT_PREFIX,
  DRAFT_KEY,
  PREVIOUS_KEY,
  loadDraft,
  loadPreviousDraft,
  saveDraft,
  storageProblem,
  type DraftStorage,
} from './drafts.ts';
import { DEFAULT_SCENARIO_ID, libraryScenario } from './source.ts';

function memory(
  initial: Record<string, string> = {},
): DraftStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const draft = () => ({
  origin: { kind: 'library' as const, id: DEFAULT_SCENARIO_ID },
  scenario: libraryScenario(DEFAULT_SCENARIO_ID),
  variantId: 'betterApp',
  levers: { 'channels.chat.agents': 12 },
  compareIds: ['moreAgents', 'betterApp'],
});

describe('drafts', () => {
  it('save and load round-trip', () => {
    const store = memory();
    expect(saveDraft(store, draft())).toBeUndefined();
    const loaded = loadDraft(store);
    expect(loaded.kind).toBe('ok');
    if (loaded.kind !== 'ok') return;
    expect(loaded.draft.variantId).toBe('betterApp');
    expect(loaded.draft.levers).toEqual({ 'channels.chat.agents': 12 });
    expect(loaded.draft.scenario).toEqual(libraryScenario(DEFAULT_SCENARIO_ID));
  });

  it('nothing stored is no draft', () => {
    expect(loadDraft(memory()).kind).toBe('none');
  });

  it('move an unreadable entry aside and say why', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    for (const raw of [
      '{"version":1,"scenario":',
      '[]',
      JSON.stringify({ ...draft(), version: 1, variantId: 'gone' }),
    ]) {
      const store = memory({ [DRAFT_KEY]: raw });
      const loaded = loadDraft(store, now);
      expect(loaded.kind).toBe('unreadable');
      if (loaded.kind !== 'unreadable') continue;
      expect(loaded.movedTo).toBe(`${CORRUPT_PREFIX}2026-11-25T10:00:00.000Z`);
      expect(store.data.get(loaded.movedTo!)).toBe(raw);
      expect(store.data.has(DRAFT_KEY)).toBe(false);
      expect(loaded.reason.length).toBeGreaterThan(3);
    }
  });

  it('reject out-of-range lever values rather than run them', () => {
    const bad = { ...draft(), version: 1, levers: { 'channels.chat.agents': 1e9 } };
    const loaded = loadDraft(memory({ [DRAFT_KEY]: JSON.stringify(bad) }));
    expect(loaded.kind).toBe('unreadable');
  });

  it('report a full storage instead of throwing', () => {
    const store = memory();
    store.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveDraft(store, draft())).toContain('Quota');
  });

  it('say why storage refused, in words', () => {
    const store = memory();
    store.setItem = () => {
      throw new DOMException('Setting the value of "x" exceeded the quota.', 'QuotaExceededError');
    };
    expect(saveDraft(store, draft())).toBe('this browser’s storage for the site is full');
    expect(storageProblem(new DOMException('The operation is insecure.', 'SecurityError'))).toBe(
      'this browser does not allow the site to store data',
    );
    expect(storageProblem(new Error('disk on fire\n    at x (y.js:1:1)'))).toBe(
      'storage refused it: disk on fire',
    );
  });

  it('load a draft saved with an older scenario schema through the migrations', () => {
    const v1 = JSON.parse(
      readFileSync(
        new URL('../../../../../packages/scenarios/src/fixtures/default.v1.json', import.meta.url),
        'utf8',
      ),
    );
    expect(v1.schemaVersion).toBe(1);
    const stored = JSON.stringify({ ...draft(), version: 1, scenario: v1, levers: {} });
    const loaded = loadDraft(memory({ [DRAFT_KEY]: stored }));
    expect(loaded.kind).toBe('ok');
    if (loaded.kind !== 'ok') return;
    expect(loaded.migratedFrom).toBe(1);
    expect(loaded.draft.scenario.schemaVersion).toBe(2);
    expect(loaded.draft.scenario.run.agents).toBe(v1.run.simulatedAgents);
    expect(loaded.draft.variantId).toBe('betterApp');
    // A current draft says nothing about migration.
    const current = memory();
    saveDraft(current, draft());
    const again = loadDraft(current);
    expect(again.kind === 'ok' && again.migratedFrom).toBeUndefined();
  });

  it('set aside a draft from a newer build, saying which version it is', () => {
    const newer = { ...libraryScenario(DEFAULT_SCENARIO_ID), schemaVersion: 99 };
    const store = memory({
      [DRAFT_KEY]: JSON.stringify({ ...draft(), version: 1, scenario: newer }),
    });
    const loaded = loadDraft(store);
    expect(loaded.kind).toBe('unreadable');
    if (loaded.kind === 'unreadable') expect(loaded.reason).toContain('schemaVersion 99');
  });
});

describe('the previous draft', () => {
  it('is kept under its own key and read back', () => {
    const store = memory();
    expect(loadPreviousDraft(store)).toBeUndefined();
    expect(
      saveDraft(store, draft(), new Date('2026-11-25T10:00:00Z'), PREVIOUS_KEY),
    ).toBeUndefined();
    expect(store.data.has(DRAFT_KEY)).toBe(false);
    const previous = loadPreviousDraft(store);
    expect(previous?.levers).toEqual({ 'channels.chat.agents': 12 });
    expect(previous?.savedAt).toBe('2026-11-25T10:00:00.000Z');
  });

  it('is not offered when unreadable, and left where it is', () => {
    const store = memory({ [PREVIOUS_KEY]: '{"version":1,' });
    expect(loadPreviousDraft(store)).toBeUndefined();
    expect(store.data.get(PREVIOUS_KEY)).toBe('{"version":1,');
  });
});
