import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // The whole app is static files: every computation runs in the browser's Web Workers.
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
  },
};

export default config;
