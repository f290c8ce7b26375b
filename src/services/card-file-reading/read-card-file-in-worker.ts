/**
 * Reads a card file in a worker thread, for every way in (the command line, the Import page and its live
 * preview, the API). The formats check sizes, counts and schemas before reading; this is the bound behind
 * those checks. A worker's heap is limited (`resourceLimits`), a file is given a deadline after which its
 * worker is stopped, and at most CONCURRENT_READS files are read at once, so a hostile file that slips past
 * a check cannot take the server's memory or hold its event loop: the person importing gets a clear
 * refusal, and everyone else is served meanwhile.
 *
 * Starting a worker costs about half a second (loading the formats), which a live preview cannot wait for
 * at every keystroke: a worker that has read a small file waits, idle, for the next one. One that has read a
 * large file is stopped, so that the memory it took is given back.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../domain/errors.js';
import type { CardFile, CardFileOptions } from './read-card-file.js';
import {
  errorFromData,
  packedCardFileOf,
  unpacked,
  type PackedCardFile,
  type WorkerReply,
  type CardFilePath,
  type WorkerRequest,
} from './worker-messages.js';

export interface WorkerLimits {
  /** The worker's V8 heap (old generation), in MiB. */
  heapMb: number;
  /** How long reading one file may take before its worker is stopped, in milliseconds. */
  deadlineMs: number;
}

/**
 * Enough for the largest file each way in takes (a 50 MB package; reading keeps within about ten times the
 * file, `npm run bench -- import`), and far below what would trouble the machine.
 */
export const WORKER_LIMITS: WorkerLimits = { heapMb: 1024, deadlineMs: 60_000 };

/** Files read at once in this process (one worker each); further files wait their turn. */
export const CONCURRENT_READS = 2;

/** A worker that has read a file up to this size is kept for the next one. */
const REUSE_AFTER_BYTES = 1024 * 1024;

interface PooledWorker {
  worker: Worker;
  limits: WorkerLimits;
}

const idle: PooledWorker[] = [];
let reading = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (reading >= CONCURRENT_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading += 1;
  return () => {
    reading -= 1;
    waiting.shift()?.();
  };
}

/**
 * A new worker. Its script is `dist/card-file-worker.js` in the build (this module may be in
 * `dist/chunks/`). From source (tests, benches) the worker is TypeScript beside this module, and a worker
 * does not take its parent's `--import tsx` in time for its first module: a short script registers tsx
 * first, then loads it.
 */
function startWorker(limits: WorkerLimits): Worker {
  const here = import.meta.url;
  // A small young generation: reading makes many short-lived strings, and collecting them often keeps the
  // peak lower (260 MB rather than 290 MB for a 200,000-card list) and, here, is faster too.
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 4 },
  };
  if (!here.endsWith('.ts')) {
    const script = here.includes('/chunks/') ? '../card-file-worker.js' : './card-file-worker.js';
    return new Worker(new URL(script, here), options);
  }
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const script = JSON.stringify(new URL('./card-file-worker.ts', here).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${script}); });`, {
    ...options,
    eval: true,
  });
}

function workerFor(limits: WorkerLimits): Worker {
  const at = idle.findIndex((pooled) => pooled.limits === limits);
  if (at !== -1) {
    const [{ worker }] = idle.splice(at, 1) as [PooledWorker];
    worker.ref();
    return worker;
  }
  return startWorker(limits);
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Reads one file in `worker`. A worker that is stopped (after a large file, an error or the deadline) hands
 * `stopped` the promise of its exit, so that its turn is given back only once the thread has really ended.
 */
function readIn(
  worker: Worker,
  request: WorkerRequest,
  limits: WorkerLimits,
  handOver: boolean,
  stopped: (exit: Promise<number>) => void,
): Promise<PackedCardFile> {
  // A file read from disk is a large package: its worker is not kept.
  const bytes = request.input instanceof Uint8Array ? request.input.byteLength : Infinity;
  return new Promise<PackedCardFile>((resolve, reject) => {
    const done = (keep: boolean, outcome: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep && bytes <= REUSE_AFTER_BYTES) {
        // Waiting for the next file does not keep a command-line process alive.
        worker.unref();
        idle.push({ worker, limits });
      } else {
        stopped(worker.terminate());
      }
      outcome();
    };
    const onMessage = (reply: WorkerReply) =>
      done(true, () => (reply.ok ? resolve(packedCardFileOf(reply)) : reject(errorFromData(reply.error))));
    const onError = (error: Error & { code?: string }) =>
      done(false, () =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError(
                'too_large',
                `Reading this file needed more than ${limits.heapMb} MB of memory, so Recall stopped. Split it into smaller files, or check that it is the file you meant.`,
              )
            : error,
        ),
      );
    const onExit = (code: number) =>
      done(false, () => reject(new Error(`The worker reading the file stopped (exit code ${code}).`)));
    const timer = setTimeout(
      () =>
        done(false, () =>
          reject(
            new AppError(
              'too_large',
              `Reading this file took longer than ${seconds(limits.deadlineMs)}, so Recall stopped. Split it into smaller files, or check that it is the file you meant.`,
            ),
          ),
        ),
      limits.deadlineMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    const { input } = request;
    const own =
      input instanceof Uint8Array &&
      input.byteOffset === 0 &&
      input.byteLength === input.buffer.byteLength &&
      input.buffer instanceof ArrayBuffer;
    worker.postMessage(request, handOver && own ? [input.buffer] : []);
  });
}

/** As `readCardFile`, in a worker: throws the same errors, and a too_large AppError past its limits. */
export async function readCardFileInWorker(
  input: Uint8Array,
  options: CardFileOptions = {},
  limits: WorkerLimits = WORKER_LIMITS,
): Promise<CardFile> {
  return unpacked(await readPackedCardFileInWorker(input, options, limits));
}

/**
 * As `readCardFileInWorker`, the sets left packed (`unpack` gives them back, pack by pack): what a long
 * file is read as when its sets are checked and stored a pack at a time (`recall import`). With
 * `handOver`, the input's memory is handed to the worker rather than copied, and `input` is empty after.
 * Given a path, the worker reads the file itself (`readCardFileAt`: large Anki packages, read in part).
 */
export async function readPackedCardFileInWorker(
  input: Uint8Array | CardFilePath,
  options: CardFileOptions = {},
  limits: WorkerLimits = WORKER_LIMITS,
  handOver = false,
): Promise<PackedCardFile> {
  const release = await turn();
  let exit: Promise<number> | undefined;
  try {
    return await readIn(workerFor(limits), { input, options }, limits, handOver, (stopping) => {
      exit = stopping;
    });
  } finally {
    // Terminating interrupts JavaScript at once, but a thread inside a native call (SQLite) runs on until
    // the call returns; until then it still counts against CONCURRENT_READS, so that stopped threads
    // cannot pile up. The formats' checks (schema, row counts, sizes) bound the time of every such call.
    if (exit === undefined) release();
    else void exit.then(release, release);
  }
}
