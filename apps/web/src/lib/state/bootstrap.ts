/**
 * Start-up: open the scenario a share link names, else the saved draft, else the default. Then
 * save drafts as the user works: shortly after each change, and at once when the page is hidden
 * or closed (a reload right after typing must not lose it). Opening another scenario keeps the
 * work it replaces one step back (Undo, or the Library's previous draft). Every failure becomes
 * a message; the app always opens.
 */
import { SCHEMA_VERSION, type Scenario } from '@journeycast/scenarios';
import {
  PREVIOUS_KEY,
  loadDraft,
  loadPreviousDraft,
  saveDraft,
  storageProblem,
  type Draft,
  type DraftContent,
  type DraftStorage,
  type Origin,
} from '../scenario/drafts.ts';
import type { LeverValues } from '../scenario/levers.ts';
import { LIBRARY_IDS, libraryScenario, scenarioHash } from '../scenario/source.ts';
import { decodeShare, shareFromHash } from '../scenario/share.ts';
import { session } from './session.svelte.ts';

const KEEP_WORK =
  'The app keeps working, but a reload or a closed tab would lose your changes: use Export scenario on the Library page to keep them.';

let storageNoticeShown = false;

/** localStorage, or undefined (said once) when the browser refuses it (site data switched off). */
function storage(): DraftStorage | undefined {
  try {
    const store = window.localStorage;
    if (store === null || store === undefined) throw new Error('localStorage is not available');
    return store;
  } catch (error) {
    if (!storageNoticeShown) {
      storageNoticeShown = true;
      session.notify('error', `Drafts are off: ${storageProblem(error)}. ${KEEP_WORK}`);
    }
    return undefined;
  }
}

/** Opens the scenario of a `#s=…` link; returns whether the hash held one. */
export function openShareLink(hash: string): boolean {
  const encoded = shareFromHash(hash);
  if (encoded === undefined) return false;
  const decoded = decodeShare(encoded);
  // Drop the fragment either way: the draft holds the state from now on, and a reload must not
  // undo later edits by opening the link again.
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  if (!decoded.ok) {
    session.notify(
      'error',
      'This share link could not be opened. The app carries on with your current scenario.',
      decoded.errors,
    );
    return true;
  }
  const { scenario, libraryId, variantId, levers } = decoded.state;
  openReplacing(
    scenario,
    libraryId !== undefined ? { kind: 'link', libraryId } : { kind: 'link' },
    { variantId, levers },
    `Opened the shared scenario “${scenario.title}”.`,
  );
  return true;
}

let draftRead = false;

/**
 * Opens the saved draft, if there is one (once). The layout's load calls it before the first
 * render, so a page is drawn once, with the draft, rather than with the default scenario and then
 * again; restore() calls it too, in case it has not run.
 */
export function openSavedDraft(): void {
  if (draftRead || session.restored) return;
  draftRead = true;
  const store = storage();
  if (store !== undefined) {
    const loaded = loadDraft(store);
    if (loaded.kind === 'ok') {
      const { draft } = loaded;
      session.open(draft.scenario, draft.origin, {
        variantId: draft.variantId,
        levers: draft.levers,
        compareIds: draft.compareIds,
      });
      if (loaded.migratedFrom !== undefined) {
        session.notify(
          'info',
          `Your draft was saved by an older Journeycast (scenario schema version ${loaded.migratedFrom}); it was brought up to version ${SCHEMA_VERSION}.`,
        );
      }
    } else if (loaded.kind === 'unreadable') {
      session.notify(
        'error',
        loaded.movedTo !== undefined
          ? `Your saved draft could not be read (${loaded.reason}). It was set aside under “${loaded.movedTo}” in this browser's storage, and the default scenario is open.`
          : `Your saved draft could not be read (${loaded.reason}), and there was no room to keep a copy. The default scenario is open.`,
      );
    }
  }
}

/** Opens the saved draft, then the share link in the address, if any (the layout, on mount). */
export function restore(): void {
  if (session.restored) return;
  openSavedDraft();
  // A share link replaces the draft just opened, which stays one step back (Undo).
  openShareLink(location.hash);
  const store = storage();
  if (store !== undefined) session.previousDraft = summary(loadPreviousDraft(store));
  session.restored = true;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** The draft waiting to be saved (the latest state), if any. */
let pending: DraftContent | undefined;
/** The notice of a failed save, while saving keeps failing (one message, not one per change). */
let saveErrorNotice: number | undefined;

/** What the session holds now, as a draft. */
function current(): DraftContent {
  return {
    origin: session.origin,
    scenario: session.scenario,
    variantId: session.variantId,
    levers: session.levers,
    compareIds: session.compareIds,
  };
}

function save(store: DraftStorage, draft: DraftContent): void {
  const problem = saveDraft(store, draft);
  if (problem === undefined) {
    if (saveErrorNotice !== undefined) session.dismiss(saveErrorNotice);
    saveErrorNotice = undefined;
  } else if (saveErrorNotice === undefined) {
    saveErrorNotice = session.notify(
      'error',
      `Your draft could not be saved: ${problem}. ${KEEP_WORK}`,
    );
  }
}

/**
 * Saves the draft shortly after the last change (a slider drag is many changes). flushDraftSave
 * saves at once; the layout calls it when the page is hidden or closed.
 */
export function scheduleDraftSave(): void {
  if (storage() === undefined) return;
  pending = current();
  if (saveTimer === undefined) saveTimer = setTimeout(flushDraftSave, 300);
}

/** Saves the pending draft now (on pagehide, on visibilitychange to hidden, before a replace). */
export function flushDraftSave(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  const draft = pending;
  pending = undefined;
  const store = storage();
  if (draft !== undefined && store !== undefined) save(store, draft);
}

/** What the Library says about a kept draft. */
function summary(draft: Draft | undefined): (typeof session)['previousDraft'] {
  if (draft === undefined) return undefined;
  return {
    title: draft.scenario.title,
    savedAt: draft.savedAt,
    leverChanges: Object.keys(draft.levers).length,
  };
}

/**
 * Opens a scenario in place of the current work (a library scenario, an imported file, a share
 * link), keeping the replaced work one step back: in storage under PREVIOUS_KEY, and in memory
 * for the notice's Undo (which works even when storage is off). Undo opens it again the same way,
 * so the two swap places.
 */
export function openReplacing(
  scenario: Scenario,
  origin: Origin,
  options: { variantId?: string; levers?: LeverValues; compareIds?: string[] },
  message: string,
): void {
  // The replaced work as it stands, including a change made a moment ago and not yet saved.
  flushDraftSave();
  const replaced = current();
  const keep = !pristine(replaced);
  const store = storage();
  if (keep && store !== undefined) {
    const savedAt = new Date();
    if (saveDraft(store, replaced, savedAt, PREVIOUS_KEY) === undefined)
      session.previousDraft = summary({ ...replaced, version: 1, savedAt: savedAt.toISOString() });
  }
  session.open(scenario, origin, options);
  // Saved at once: a reload now must open what was just opened, not the replaced work.
  if (store !== undefined) {
    pending = current();
    flushDraftSave();
  }
  session.notify(
    'success',
    message,
    undefined,
    keep
      ? { label: `Undo: reopen “${replaced.scenario.title}”`, run: () => restoreDraft(replaced) }
      : undefined,
  );
}

/**
 * Whether a draft is a library scenario exactly as the library has it, with no lever moved:
 * nothing to keep, the Library opens it again.
 */
function pristine(draft: DraftContent): boolean {
  if (draft.origin.kind !== 'library' || Object.keys(draft.levers).length > 0) return false;
  if (!LIBRARY_IDS.includes(draft.origin.id)) return false;
  return scenarioHash(draft.scenario) === scenarioHash(libraryScenario(draft.origin.id));
}

/** Opens a kept draft again (Undo, or the Library's Restore), keeping the current work back. */
export function restoreDraft(draft: DraftContent): void {
  openReplacing(
    draft.scenario,
    draft.origin,
    { variantId: draft.variantId, levers: draft.levers, compareIds: draft.compareIds },
    `Reopened your previous work “${draft.scenario.title}”.`,
  );
}

/** The previous draft from storage, reopened (the Library's Restore button). */
export function restorePreviousDraft(): void {
  const store = storage();
  const previous = store !== undefined ? loadPreviousDraft(store) : undefined;
  if (previous === undefined) {
    session.previousDraft = undefined;
    session.notify('error', 'The previous draft could not be read; nothing was changed.');
    return;
  }
  restoreDraft(previous);
}
