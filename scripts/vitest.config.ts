import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // The repository's rules, and the unit tests of the browser tests' own tooling (apps/web/e2e:
    // Playwright runs only its *.test.ts there, against the built app).
    include: ['scripts/**/*.spec.ts', 'apps/web/e2e/**/*.spec.ts'],
    // Whole-repository scans parse every source file (about a second alone): generous on a
    // loaded 2-core machine, as the packages' configs are.
    testTimeout: 60_000,
  },
});
