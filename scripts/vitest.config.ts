import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // The repository's rules. (The unit tests of the browser tests' own tooling, apps/web/e2e/
    // *.spec.ts, run with the web package's unit tests: their tsconfig extends the one
    // `svelte-kit sync` generates, which the web package's Vite config makes first.)
    include: ['scripts/**/*.spec.ts'],
    // Whole-repository scans parse every source file (about a second alone): generous on a
    // loaded 2-core machine, as the packages' configs are.
    testTimeout: 60_000,
  },
});
