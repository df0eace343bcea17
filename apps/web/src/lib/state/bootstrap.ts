/**
 * Start-up: open the scenario a share link names, else the saved draft, else the default. Then
 * save drafts as the user works. Every failure becomes a message; the app always opens.
 */
import { SCHEMA_VERSION } from '@journeycast/scenarios';
import { loadDraft, saveDraft, storageProblem, type DraftStorage } from '../scenario/drafts.ts';
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
  session.open(scenario, libraryId !== undefined ? { kind: 'link', libraryId } : { kind: 'link' }, {
    variantId,
    levers,
  });
  session.notify('success', `Opened the shared scenario “${scenario.title}”.`);
  return true;
}

export function restore(): void {
  if (session.restored) return;
  const store = storage();
  const fromLink = openShareLink(location.hash);
  if (store !== undefined && !(fromLink && session.origin.kind === 'link')) {
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
  session.restored = true;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** The notice of a failed save, while saving keeps failing (one message, not one per change). */
let saveErrorNotice: number | undefined;

/** Saves the draft shortly after the last change. */
export function scheduleDraftSave(): void {
  const store = storage();
  if (store === undefined) return;
  const snapshot = {
    origin: session.origin,
    scenario: session.scenario,
    variantId: session.variantId,
    levers: session.levers,
    compareIds: session.compareIds,
  };
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    const problem = saveDraft(store, snapshot);
    if (problem === undefined) {
      if (saveErrorNotice !== undefined) session.dismiss(saveErrorNotice);
      saveErrorNotice = undefined;
    } else if (saveErrorNotice === undefined) {
      saveErrorNotice = session.notify(
        'error',
        `Your draft could not be saved: ${problem}. ${KEEP_WORK}`,
      );
    }
  }, 300);
}
