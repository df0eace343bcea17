/**
 * The run streams, one per view, kept across page changes so a page shows its last result at once
 * when you come back to it (and runs again only when its inputs changed).
 */
import { LiveRun } from '../engine/liveRun.svelte.ts';

export const runs = {
  workbench: new LiveRun('workbench'),
  compare: new LiveRun('compare'),
  roi: new LiveRun('roi', 0, 250),
  tornado: new LiveRun('tornado', 0, 1000, 'npv'),
};
