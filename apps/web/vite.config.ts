import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    // The app's unit tests, and those of the browser tests' own tooling (Playwright runs only the
    // e2e/*.test.ts files, against the built app).
    include: ['src/**/*.spec.ts', 'e2e/**/*.spec.ts'],
  },
});
