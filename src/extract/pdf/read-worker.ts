/**
 * The worker thread that reads one PDF (see isolate.ts): PDF.js runs here, so that a file that
 * makes it loop or grow without end is stopped from outside (the thread is terminated) without
 * harm to the process that asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPdf, type ReadOptions } from './read.js';

interface Job {
  readonly bytes: Uint8Array;
  readonly options: ReadOptions;
}

const job = workerData as Job;
readPdf(job.bytes, job.options).then(
  (raw) => parentPort!.postMessage({ ok: true, raw }),
  (e: unknown) => {
    const err = e as Error & { code?: string };
    parentPort!.postMessage({ ok: false, name: err?.name, code: err?.code, message: err?.message ?? String(e) });
  },
);
