/**
 * Reading a PDF in a worker thread, bounded from outside: PDF.js runs where a hard time limit
 * (the reader's own limit plus a grace period) can terminate it and a heap limit stops a file that
 * would take all memory. Each limit is named in the message when hit. At most two PDFs are read at
 * once in a process (an ingest fetches eight pages at a time; eight 1 GB heaps would be too many).
 * When the compiled worker is not beside this module (the TypeScript sources run by the tests),
 * the PDF is read in this thread.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors.js';
import { readPdf, PDF_TIME_LIMIT_MS, type RawPdf, type ReadOptions } from './read.js';

/** The heap one PDF may use, in megabytes. */
export const PDF_MEMORY_LIMIT_MB = 1024;
/** Time allowed past the reader's own limit before the thread is stopped from outside. */
const GRACE_MS = 5_000;

const WORKER = new URL('./read-worker.js', import.meta.url);
/** PDFs read at once in one process. */
export const MAX_PDF_READERS = 2;

let running = 0;
/** Reader threads alive now, and the most alive at once in this process (for tests and diagnosis). */
export const readerThreads = { alive: 0, most: 0 };
const waiting: Array<() => void> = [];

/** Runs `task` when fewer than MAX_PDF_READERS are running. */
async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  // A finishing task hands its turn to the next in line, so no newcomer slips in between.
  if (running >= MAX_PDF_READERS) await new Promise<void>((go) => waiting.push(go));
  else running++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export async function readPdfIsolated(bytes: Uint8Array, options: ReadOptions & { readonly memoryLimitMb?: number }): Promise<RawPdf> {
  return inTurn(() => readInWorker(bytes, options));
}

async function readInWorker(bytes: Uint8Array, options: ReadOptions & { readonly memoryLimitMb?: number }): Promise<RawPdf> {
  if (!existsSync(fileURLToPath(WORKER))) return readPdf(bytes, options);
  const limitMs = options.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const memory = options.memoryLimitMb ?? PDF_MEMORY_LIMIT_MB;
  const { memoryLimitMb: _, ...readOptions } = options;
  return new Promise<RawPdf>((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { bytes, options: readOptions },
      resourceLimits: { maxOldGenerationSizeMb: memory },
      // What PDF.js prints is not ccg's output (it would mix into --json): read and dropped.
      stdout: true,
      stderr: true,
    });
    readerThreads.alive++;
    readerThreads.most = Math.max(readerThreads.most, readerThreads.alive);
    worker.stdout.resume();
    worker.stderr.resume();
    // The outcome is given once the thread has ended (its 'exit'), so that its turn is free only then.
    let outcome: (() => void) | null = null;
    const settle = (f: () => void): void => {
      if (outcome) return;
      outcome = f;
      clearTimeout(timer);
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new InputError(options.name, `stopped after ${Math.round((limitMs + GRACE_MS) / 1000)} s (the time limit for one PDF)`))), limitMs + GRACE_MS);
    worker.on('message', (m: { ok: true; raw: RawPdf } | { ok: false; name?: string; code?: string; message: string }) => settle(() => {
      if (m.ok) resolve(m.raw);
      // The reader's own errors are InputErrors whose message already names the input.
      else {
        const prefix = `${options.name}: `;
        reject(new InputError(options.name, m.code === 'E_INPUT' && m.message.startsWith(prefix) ? m.message.slice(prefix.length) : `cannot read the PDF (${m.message})`));
      }
    }));
    worker.on('error', (e: Error & { code?: string }) => settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new InputError(options.name, `needs more than ${memory} MB to read (the memory limit for one PDF)`)
      : new InputError(options.name, `cannot read the PDF (${e.message})`, { cause: e }))));
    worker.on('exit', (code) => (readerThreads.alive--, outcome ?? (() => reject(new InputError(options.name, `cannot read the PDF (the reader stopped with code ${code})`))))());
  });
}
