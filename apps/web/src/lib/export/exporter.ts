/**
 * The page's handle on the export worker (export.worker.ts): started on the first export and kept
 * for the next one. A worker that fails (its script does not load, it crashes) is ended and
 * forgotten, the export in progress fails with a plain message, and the next export starts a
 * fresh worker.
 */
import { wrap, type Remote } from 'comlink';
import { Lifeline } from '../engine/lifeline.ts';
import type { RoiCaseRequest } from '../state/roiInputs.ts';

export interface ExportApi {
  /** The ROI case as CSV text (sheets one after another). */
  csv(request: RoiCaseRequest): string;
  /** The ROI case as an XLSX workbook; `title` is the workbook's title property. */
  xlsx(request: RoiCaseRequest, title: string): Uint8Array;
}

export const EXPORT_FAILED = 'the export stopped unexpectedly; try again';

let current: { api: Remote<ExportApi>; lifeline: Lifeline } | undefined;

function start(): { api: Remote<ExportApi>; lifeline: Lifeline } {
  if (current !== undefined) return current;
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), {
    type: 'module',
    name: 'journeycast-export',
  });
  const api = wrap<ExportApi>(worker);
  const lifeline = new Lifeline();
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    if (current?.api === api) current = undefined;
    worker.terminate();
    lifeline.fail(new Error(EXPORT_FAILED));
  });
  current = { api, lifeline };
  return current;
}

/** Builds the CSV export in the export worker. */
export function buildCsv(request: RoiCaseRequest): Promise<string> {
  const { api, lifeline } = start();
  return lifeline.watch(api.csv(request));
}

/** Builds the XLSX export in the export worker. */
export function buildXlsx(request: RoiCaseRequest, title: string): Promise<Uint8Array> {
  const { api, lifeline } = start();
  return lifeline.watch(api.xlsx(request, title));
}
