import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataBytes, DerivedCache, textBytes } from '../../../src/services/derived-work.js';

describe('the derived-work cache', () => {
  it('computes once per key and answers again from what it kept', () => {
    const cache = new DerivedCache<string[]>(10_000, textBytes);
    let computed = 0;
    const html = () => {
      computed++;
      return ['<p>Kristallnacht</p>'];
    };
    assert.deepEqual(cache.get('1:3', html), ['<p>Kristallnacht</p>']);
    assert.deepEqual(cache.get('1:3', html), ['<p>Kristallnacht</p>']);
    cache.get('1:4', html);
    assert.equal(computed, 2);
    assert.deepEqual(cache.stats, { hits: 1, misses: 2 });
  });

  it('keeps within its bytes, dropping the least recently used first', () => {
    // Each value: one string of 100 characters ≈ 232 bytes; room for four.
    const cache = new DerivedCache<string[]>(1_000, textBytes);
    const value = (key: string) => () => [key.padEnd(100, '.')];
    for (const key of ['a', 'b', 'c', 'd']) cache.get(key, value(key));
    cache.get('a', value('a')); // a is now the most recent
    cache.get('e', value('e')); // drops b, the least recent
    assert.ok(cache.heldBytes <= 1_000);
    const misses = cache.stats.misses;
    cache.get('a', value('a'));
    cache.get('e', value('e'));
    assert.equal(cache.stats.misses, misses, 'a and e are kept');
    cache.get('b', value('b'));
    assert.equal(cache.stats.misses, misses + 1, 'b was dropped');
  });

  it('does not keep a value larger than a quarter of the cache', () => {
    const cache = new DerivedCache<string[]>(1_000, textBytes);
    cache.get('big', () => ['x'.repeat(200)]);
    assert.equal(cache.heldBytes, 0);
    cache.get('big', () => ['x'.repeat(200)]);
    assert.deepEqual(cache.stats, { hits: 0, misses: 2 });
  });

  it('estimates the size of plain data by walking it once, shared parts counted once', () => {
    const shared = { text: 'x'.repeat(1_000) };
    const one = dataBytes({ events: [shared] });
    assert.ok(one > 2_000 && one < 2_300, String(one));
    assert.equal(dataBytes([shared, shared]), dataBytes([shared]));
    assert.ok(dataBytes(new Map([['k', ['y'.repeat(500)]]])) > 1_000);
  });
});
