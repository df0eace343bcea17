/// <reference lib="webworker" />
/**
 * The export worker: builds the ROI case's files off the main thread. The XLSX export deflates
 * four sheets and the CSV writes every month of every series; on the page's thread that took
 * 25 ms of CPU for the XLSX (up to 118 ms of wall-clock time on a busy 2-core machine), a long task
 * while the tornado sweep was still streaming. The page sends the request (plain data) and gets
 * the text or the bytes back (the bytes transferred, not copied); it only starts the download.
 */
import { expose, transfer } from 'comlink';
import { roiCaseInput } from '../state/roiInputs.ts';
import { roiWorkbook } from './roiCase.ts';
import { toCsv } from './csv.ts';
import { toXlsx } from './xlsx.ts';
import type { ExportApi } from './exporter.ts';

const api: ExportApi = {
  csv(request) {
    return toCsv(roiWorkbook(roiCaseInput(request)));
  },
  xlsx(request, title) {
    const bytes = toXlsx(roiWorkbook(roiCaseInput(request)), title);
    return transfer(bytes, [bytes.buffer]);
  },
};

expose(api);
