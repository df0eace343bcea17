import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    setupFiles: ['../../scripts/fastcheck.setup.ts'],
    // Property tests over millions of inputs: generous on a loaded 2-core CI machine.
    testTimeout: 60_000,
  },
});
