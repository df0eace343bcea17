import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    setupFiles: ['../../scripts/fastcheck.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
