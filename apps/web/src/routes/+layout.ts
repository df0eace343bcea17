// A static, offline app: pages are prerendered shells and everything else runs in the browser.
export const prerender = true;
export const ssr = false;
