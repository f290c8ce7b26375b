import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from '../../../src/services/browse.js';

describe('listing cursors', () => {
  it('decode what they encode', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (id) => {
        assert.equal(decodeCursor(encodeCursor(id)), id);
      }),
    );
  });

  it('refuse anything else with a validation error, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          decodeCursor(text);
        } catch (error) {
          assert.equal((error as { code?: string }).code, 'validation');
        }
      }),
    );
    assert.throws(() => decodeCursor(encodeCursor(0)), { code: 'validation' });
  });
});
