/**
 * The worker thread that reads card files (`readCardFileInWorker` starts it and sends it files one at a
 * time): it reads each as `readCardFile` does and posts back the sets, or the error as data. Its heap is
 * bounded by the `resourceLimits` it was started with, and it is stopped at a file's deadline, so a file
 * that slips past the formats' own checks can exhaust only this thread.
 */
import { parentPort } from 'node:worker_threads';
import { readCardFile, readCardFileAt } from './read-card-file.js';
import {
  errorToData,
  packDocuments,
  transferable,
  type WorkerReply,
  type WorkerRequest,
} from './worker-messages.js';

function read({ input, options }: WorkerRequest): WorkerReply {
  try {
    const file =
      input instanceof Uint8Array ? readCardFile(input, options) : readCardFileAt(input.path, options);
    return {
      ok: true,
      formatId: file.format.id,
      reading: file.reading,
      packs: packDocuments(file.documents),
    };
  } catch (error) {
    return { ok: false, error: errorToData(error) };
  }
}

parentPort?.on('message', (request: WorkerRequest) => {
  const reply = read(request);
  parentPort?.postMessage(reply, reply.ok ? transferable(reply.packs) : []);
});
