import { browser } from '$app/environment';
import { appLocale } from '$lib/format';
import { openSavedDraft } from '$lib/state/bootstrap';
import { session } from '$lib/state/session.svelte';

// A static, offline app: pages are prerendered shells and everything else runs in the browser.
export const prerender = true;
export const ssr = false;

/** Resolves in a task of its own: the work after it is not part of the task before. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Start-up in separate tasks, so that none of them is long (over 50 ms, when input would wait):
 * after the modules' evaluation come the first use of Intl (it loads ICU's locale data, ~15 ms of
 * main-thread time in Chromium), the saved draft (the first access to localStorage opens it from
 * disk; the draft is validated), the default scenario's validation when there is no draft, and
 * then the first render, which SvelteKit starts when this resolves. The share link in the address,
 * if any, is opened on mount (+layout.svelte): SvelteKit writes the address once more after this.
 */
export async function load(): Promise<Record<string, never>> {
  if (!browser) return {};
  await nextTask();
  appLocale();
  await nextTask();
  openSavedDraft();
  await nextTask();
  void session.scenario;
  await nextTask();
  return {};
}
