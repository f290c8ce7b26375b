/** Answers each routine name posted to it with that routine's measured growth (adversarial-text.ts). */
import { parentPort } from 'node:worker_threads';
import { measureGrowth } from './adversarial-text.js';

parentPort?.on('message', (routine: string) => {
  parentPort?.postMessage(measureGrowth(routine));
});
