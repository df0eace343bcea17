/**
 * Drafts: the current scenario, variant and lever values, saved to localStorage as you work and
 * restored on reload. A stored entry that cannot be read (hand-edited, truncated, from a newer
 * build) is moved aside under another key, kept for recovery, and reported: never a blank app.
 * A draft whose scenario an older build wrote (an older schema version) loads through the same
 * migrations as a file. Storage that is full or switched off is reported in words
 * (storageProblem); the app keeps working without drafts.
 */
import { migrateScenario, type Scenario } from '@journeycast/scenarios';
import { CUSTOM_ID, checkLeverNumber, type LeverValues } from './levers.ts';
import { validateScenario } from './source.ts';

export const DRAFT_KEY = 'journeycast:draft';
/**
 * The work a library scenario, an import or a share link replaced: one step back, so opening
 * something else never silently throws away a draft.
 */
export const PREVIOUS_KEY = 'journeycast:draft:previous';
export const CORRUPT_PREFIX = 'journeycast:draft:unreadable:';

export type Origin =
  | { kind: 'library'; id: string }
  | { kind: 'imported'; fileName: string }
  | { kind: 'link'; libraryId?: string };

export interface Draft {
  version: 1;
  savedAt: string;
  origin: Origin;
  scenario: Scenario;
  variantId: string;
  levers: LeverValues;
  compareIds: string[];
}

/** The part of Storage drafts use (localStorage, or a Map-backed stand-in in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type LoadedDraft =
  | { kind: 'none' }
  /** `migratedFrom`: the scenario schema version the draft was saved with, when older. */
  | { kind: 'ok'; draft: Draft; migratedFrom?: number }
  | { kind: 'unreadable'; reason: string; movedTo: string | undefined };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkOrigin(value: unknown): Origin | undefined {
  if (!isObject(value)) return undefined;
  if (value.kind === 'library' && typeof value.id === 'string')
    return { kind: 'library', id: value.id };
  if (value.kind === 'imported' && typeof value.fileName === 'string') {
    return { kind: 'imported', fileName: value.fileName };
  }
  if (value.kind === 'link') {
    return typeof value.libraryId === 'string'
      ? { kind: 'link', libraryId: value.libraryId }
      : { kind: 'link' };
  }
  return undefined;
}

/** Checks a parsed draft; returns the reason it cannot be used, or the draft. */
export function checkDraft(
  value: unknown,
): { ok: true; draft: Draft; migratedFrom?: number } | { ok: false; reason: string } {
  if (!isObject(value)) return { ok: false, reason: 'it is not a draft object' };
  if (value.version !== 1)
    return { ok: false, reason: `unknown draft version ${JSON.stringify(value.version)}` };
  const origin = checkOrigin(value.origin);
  if (origin === undefined) return { ok: false, reason: 'origin: not a known origin' };
  // A draft saved by an older build holds an older scenario: the file migrations bring it forward.
  const migrated = migrateScenario(value.scenario);
  if (!migrated.ok) {
    const first = migrated.errors[0]!;
    return { ok: false, reason: `scenario.${first.path}: ${first.message}` };
  }
  const checked = validateScenario(migrated.scenario);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    return { ok: false, reason: `scenario.${first.path}: ${first.message}` };
  }
  const scenario = checked.scenario;
  const variantId = value.variantId;
  if (
    typeof variantId !== 'string' ||
    (variantId !== CUSTOM_ID && !scenario.variants.some((v) => v.id === variantId))
  ) {
    return {
      ok: false,
      reason: `variantId: no variant ${JSON.stringify(variantId)} in the scenario`,
    };
  }
  if (!isObject(value.levers)) return { ok: false, reason: 'levers: expected lever values' };
  const levers: LeverValues = {};
  for (const [path, raw] of Object.entries(value.levers)) {
    const lever = scenario.levers.find((l) => l.path === path);
    if (lever === undefined) continue; // a lever the scenario no longer has: dropped
    const check = checkLeverNumber(lever, raw);
    if (!check.ok) return { ok: false, reason: `levers.${path}: not a valid value` };
    levers[path] = check.value;
  }
  const compareIds = Array.isArray(value.compareIds)
    ? value.compareIds.filter((x): x is string => typeof x === 'string')
    : [];
  return {
    ok: true,
    ...(migrated.migratedFrom !== undefined ? { migratedFrom: migrated.migratedFrom } : {}),
    draft: {
      version: 1,
      savedAt: typeof value.savedAt === 'string' ? value.savedAt : new Date(0).toISOString(),
      origin,
      scenario,
      variantId,
      levers,
      compareIds,
    },
  };
}

/** Reads the draft; an unreadable one is moved aside to `journeycast:draft:unreadable:<time>`. */
export function loadDraft(storage: DraftStorage, now: Date = new Date()): LoadedDraft {
  let raw: string | null;
  try {
    raw = storage.getItem(DRAFT_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  let reason: string;
  try {
    const checked = checkDraft(JSON.parse(raw));
    if (checked.ok) {
      const { draft, migratedFrom } = checked;
      return { kind: 'ok', draft, ...(migratedFrom !== undefined ? { migratedFrom } : {}) };
    }
    reason = checked.reason;
  } catch (error) {
    reason = `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const movedTo = `${CORRUPT_PREFIX}${now.toISOString()}`;
  try {
    storage.setItem(movedTo, raw);
    storage.removeItem(DRAFT_KEY);
    return { kind: 'unreadable', reason, movedTo };
  } catch {
    // No room to keep a copy: leave it where it is (it is overwritten only by the next save).
    return { kind: 'unreadable', reason, movedTo: undefined };
  }
}

/**
 * Why storage refused, in words: browsers throw a DOMException named QuotaExceededError when
 * storage is full (older Firefox: NS_ERROR_DOM_QUOTA_REACHED), SecurityError when the user or a
 * policy switched site data off; their messages are meant for developers.
 *
 * @example
 * storageProblem(new DOMException('…exceeded the quota.', 'QuotaExceededError'));
 * // => 'this browser’s storage for the site is full'
 */
export function storageProblem(error: unknown): string {
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return 'this browser’s storage for the site is full';
  if (name === 'SecurityError') return 'this browser does not allow the site to store data';
  const message = error instanceof Error ? error.message : String(error);
  return `storage refused it: ${message.split('\n', 1)[0]!.slice(0, 200)}`;
}

/** What a draft holds besides its version and time. */
export type DraftContent = Omit<Draft, 'version' | 'savedAt'>;

/**
 * Saves the draft (or, with `key` = PREVIOUS_KEY, the replaced one); returns why not, in words,
 * when storage refuses (full, or disabled).
 */
export function saveDraft(
  storage: DraftStorage,
  draft: DraftContent,
  now = new Date(),
  key = DRAFT_KEY,
): string | undefined {
  const value: Draft = { version: 1, savedAt: now.toISOString(), ...draft };
  try {
    storage.setItem(key, JSON.stringify(value));
    return undefined;
  } catch (error) {
    return storageProblem(error);
  }
}

/**
 * The previous draft (the work the last opened scenario replaced), when there is a readable one.
 * Unlike the current draft, an unreadable previous one is simply not offered: it is a convenience,
 * and the current draft is what a reload restores.
 */
export function loadPreviousDraft(storage: DraftStorage): Draft | undefined {
  try {
    const raw = storage.getItem(PREVIOUS_KEY);
    if (raw === null) return undefined;
    const checked = checkDraft(JSON.parse(raw));
    return checked.ok ? checked.draft : undefined;
  } catch {
    return undefined;
  }
}
