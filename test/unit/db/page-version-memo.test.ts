import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageVersionMemo } from '../../../src/db/repositories/set-page-version.repository.js';

const row = (cacheVersion: number) => ({
  cacheVersion,
  viewCount: 0,
  visibility: 'public',
  status: 'active',
});

describe('the page versions a server read lately', () => {
  it('answers for a set for a second after reading it, then asks the database again', () => {
    let now = 0;
    const memo = new PageVersionMemo(1000, 10, () => now);
    memo.set(1, row(3), memo.ticket());
    now = 1000;
    assert.equal(memo.get(1)?.row?.cacheVersion, 3);
    now = 1001;
    assert.equal(memo.get(1), null);
  });

  it('remembers that a set does not exist, as a row of its own', () => {
    const memo = new PageVersionMemo(1000, 10, () => 0);
    memo.set(9, undefined, memo.ticket());
    assert.deepEqual(memo.get(9), { row: undefined, readAt: 0 });
  });

  it('forgets a set as soon as a write changes it, and keeps no read that a write overtook', () => {
    const memo = new PageVersionMemo(1000, 10, () => 0);
    memo.set(1, row(3), memo.ticket());
    memo.forget(1);
    assert.equal(memo.get(1), null);
    const ticket = memo.ticket();
    memo.forget(2); // committed while set 1 was being read: the row read may predate it
    memo.set(1, row(3), ticket);
    assert.equal(memo.get(1), null);
  });

  it('holds at most its bound of sets', () => {
    const memo = new PageVersionMemo(1000, 2, () => 0);
    for (const id of [1, 2, 3]) memo.set(id, row(id), memo.ticket());
    assert.equal(memo.get(3)?.row?.cacheVersion, 3);
    assert.equal(memo.get(1), null);
  });
});
