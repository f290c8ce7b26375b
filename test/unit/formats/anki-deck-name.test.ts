import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deckNameOf, placeOfDeckName } from '../../../src/formats/anki/anki-deck-name.js';

describe('Anki deck names', () => {
  it('writes Subject::Topic::Title and reads it back', () => {
    const place = { title: 'Persecution and Control', subject: 'History', topic: 'Russia' };
    assert.equal(deckNameOf(place), 'History::Russia::Persecution and Control');
    assert.deepEqual(placeOfDeckName(deckNameOf(place)), place);
  });

  it('never lets a run of colons inside a name nest a deck', () => {
    for (const title of ['Cells::Organelles', 'Cells:::Organelles', 'Cells::::Organelles']) {
      const name = deckNameOf({ title, subject: null, topic: null });
      assert.equal(name, 'Cells:Organelles', title);
      assert.deepEqual(placeOfDeckName(name), { title: 'Cells:Organelles', subject: null, topic: null });
    }
  });
});
