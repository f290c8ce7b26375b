/**
 * Every text routine that card text or a visitor's input reaches does work that grows linearly with its
 * input, driven with adversarial strings: runs of each ASCII punctuation character, digit groups, nested
 * brackets, dated sentences full of commas, unclosed cloze and link syntax. Each routine is timed on the same
 * pattern at 10,000 and 100,000 characters in this run; linear work takes about 10× as long, quadratic
 * about 100×, so a ratio over 30 fails. Where the work at 100,000 takes long enough to matter, it is also
 * timed at 400,000: linear work takes 4× as long as at 100,000, quadratic 16×, and over 10× fails (linear
 * plus quadratic work can pass the first check while its quadratic part is most of the time). (The lengths
 * are past what Recall accepts, so that growth shows: a card body is at most 10,000 characters and an answer
 * 200; a routine guarded by such a limit is checked past it.) Timings (CPU time) compare with each other in
 * one process, never with a fixed budget.
 *
 * The timing runs in a worker with a 192 MB young generation. With the default (16 MB semi-spaces), a
 * routine that keeps 400,000 characters' worth of small objects alive at once (markdown-it's tokens for a
 * run of escapes) pays for its survivors being copied and promoted again and again: on 400,000 "\"s
 * question generation took 6.7× as long as on 100,000, 75 ms of its 204 in the collector, and its own
 * work 4.1×. A young generation large enough for that live set leaves what the test is about, the
 * routine's own work, which is linear (4.0×).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { ROUTINES, type Growth } from './support/adversarial-text.js';

function startMeasuring(): Worker {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const script = JSON.stringify(new URL('./support/measure-growth-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${script}); });`, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: 192 },
  });
}

const worker = startMeasuring();
after(() => worker.terminate());

const growthOf = (routine: string) =>
  new Promise<Growth>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(routine);
  }).finally(() => worker.removeAllListeners('error'));

describe('text routines grow linearly with their input', () => {
  for (const routine of Object.keys(ROUTINES)) {
    it(`${routine}, on every adversarial pattern`, async (t) => {
      const { slow, summary } = await growthOf(routine);
      t.diagnostic(summary);
      assert.deepEqual(slow, [], `${routine} grows faster than linearly`);
    });
  }
});
