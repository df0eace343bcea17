import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * SHA-256 of the one style attribute the app needs: SvelteKit's route announcer (a visually hidden
 * live region in its generated root component, @sveltejs/kit src/core/sync/write_root.js):
 *   position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow:
 *   hidden; white-space: nowrap; width: 1px; height: 1px
 * Svelte builds it from a template, so it is an inline style attribute. Allowing that exact text by
 * hash ('unsafe-hashes') keeps every other style attribute blocked, where 'unsafe-inline' would
 * allow all. If a SvelteKit upgrade changes the text, e2e/csp.test.ts fails on the violation.
 */
const ANNOUNCER_STYLE_HASH = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // The whole app is static files: every computation runs in the browser's Web Workers.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    // Content Security Policy, shipped as a <meta> tag in every prerendered page. Only the app's own
    // files run: scripts and workers from this origin, plus SvelteKit's one inline start-up script,
    // allowed by its SHA-256 hash (mode 'hash': prerendered pages cannot carry a fresh nonce).
    // No 'unsafe-inline', no 'unsafe-eval', no blob: or data: scripts. Why each entry is enough
    // (and what a <meta> policy cannot say: frame-ancestors, which needs an HTTP header) is in
    // apps/web/SECURITY.md; e2e/csp.test.ts checks every page against it in Chromium.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        // Vite emits each worker as its own file under /_app/immutable/workers/: no blob: needed.
        'worker-src': ['self'],
        // Styles are files; Svelte sets style directives through the CSSOM (element.style), which
        // CSP does not govern, so no 'unsafe-inline' is needed. One style attribute is allowed by
        // its hash (see ANNOUNCER_STYLE_HASH).
        'style-src': ['self'],
        'style-src-attr': ['unsafe-hashes', ANNOUNCER_STYLE_HASH],
        'img-src': ['self'],
        'font-src': ['self'],
        // Nothing is fetched at run time: the app works offline and no data leaves the browser.
        'connect-src': ['self'],
        'object-src': ['none'],
        'frame-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};

export default config;
