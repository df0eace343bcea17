import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // The repository's rules, and the unit tests of the browser tests' own tooling (apps/web/e2e:
    // Playwright runs only its *.test.ts there, against the built app).
    include: ['scripts/**/*.spec.ts', 'apps/web/e2e/**/*.spec.ts'],
  },
});
