import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Progress, type ProgressStream } from '../../../src/cli/progress-bar.js';

function stream(isTTY: boolean, columns = 100): ProgressStream & { text: string } {
  const target = {
    text: '',
    isTTY,
    columns,
    write(chunk: string) {
      target.text += chunk;
      return true;
    },
  };
  return target;
}

describe('progress on the command line', () => {
  it('writes a plain line at each tenth when not on a terminal', () => {
    const out = stream(false);
    const progress = new Progress('Storing', 1000, 'cards', { stream: out, enabled: true, now: () => 0 });
    for (let done = 50; done <= 1000; done += 50) progress.update(done);
    progress.finish();
    const lines = out.text.trimEnd().split('\n');
    assert.equal(lines.length, 10);
    assert.equal(lines[0], 'Storing: 100 of 1,000 cards (10%)');
    assert.equal(lines[9], 'Storing: 1,000 of 1,000 cards (100%)');
  });

  it('says nothing for work done in one step, when disabled, or with one step off a terminal', () => {
    const out = stream(false);
    new Progress('Storing', 11, 'cards', { stream: out, enabled: true }).update(11);
    new Progress('Storing', 1000, 'cards', { stream: out, enabled: false }).update(500);
    new Progress('Reading', 1, 'files', { stream: out, enabled: true }).update(1);
    assert.equal(out.text, '');
  });

  it('redraws one bar in place on a terminal, with the rate and the current file, ending the line', () => {
    const out = stream(true, 100);
    let now = 0;
    const progress = new Progress('Reading', 4, 'files', { stream: out, enabled: true, now: () => now });
    now = 1000;
    progress.update(1, 'notes/biology.apkg');
    now = 1050;
    progress.update(2); // within 100 ms of the last drawing: not drawn
    now = 2000;
    progress.update(4);
    progress.finish();
    const frames = out.text.split('\r\x1b[2K').slice(1);
    assert.equal(frames.length, 4);
    assert.match(frames[0]!, /^Reading \[-+\] {3}0% 0\/4 files$/);
    assert.match(frames[1]!, /^Reading \[#+-+\] {2}25% 1\/4 files · 1 files\/s · notes\/biology\.apkg$/);
    assert.match(frames[2]!, /^Reading \[#+\] 100% 4\/4 files · 2 files\/s · notes\/biology\.apkg$/);
    assert.match(frames[3]!, /^Reading \[#+\] 100% 4\/4 files · 2 files\/s\n$/);
    for (const frame of frames) assert.ok(frame.trimEnd().length < 100, 'one terminal line');
  });

  it('shortens a long file name from the left to keep to one line', () => {
    const out = stream(true, 80);
    const progress = new Progress('Reading', 2, 'files', { stream: out, enabled: true, now: () => 0 });
    progress.update(0, `/very/long/${'folder/'.repeat(20)}deck.apkg`);
    const last = out.text.split('\r\x1b[2K').at(-1)!;
    assert.ok(last.length <= 79, last);
    assert.match(last, /…[a-z/]*deck\.apkg$/);
  });
});
