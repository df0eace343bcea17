import { register } from 'tsx/esm/api';
register();
await import('./perfcount.tmp.ts');
