/**
 * Start-up: open the scenario a share link names, else the saved draft, else the default. Then
 * save drafts as the user works. Every failure becomes a message; the app always opens.
 */
import { loadDraft, saveDraft, type DraftStorage } from '../scenario/drafts.ts';
import { decodeShare, shareFromHash } from '../scenario/share.ts';
import { session } from './session.svelte.ts';

function storage(): DraftStorage | undefined {
  try {
    return window.localStorage;
  } catch {
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
let saveErrorShown = false;

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
    const error = saveDraft(store, snapshot);
    if (error !== undefined && !saveErrorShown) {
      saveErrorShown = true;
      session.notify('error', `Your draft could not be saved in this browser (${error}).`);
    }
  }, 300);
}
