import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeCursor, encodeCursor, LISTING_ORDERS } from '../../../src/services/browse.js';

describe('listing cursors', () => {
  it('decode what they encode, for every order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LISTING_ORDERS),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (order, value, id) => {
          assert.deepEqual(decodeCursor(encodeCursor({ order, value, id }), order), { order, value, id });
        },
      ),
    );
  });

  it('refuse a cursor made for another order', () => {
    assert.throws(() => decodeCursor(encodeCursor({ order: 'views', value: 3, id: 9 }), 'rating'), {
      code: 'validation',
    });
  });

  it('refuse anything else with a validation error, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom(...LISTING_ORDERS), (text, order) => {
        try {
          decodeCursor(text, order);
        } catch (error) {
          assert.equal((error as { code?: string }).code, 'validation');
        }
      }),
    );
    assert.throws(() => decodeCursor(encodeCursor({ order: 'newest', value: 0, id: 0 }), 'newest'), {
      code: 'validation',
    });
  });
});
