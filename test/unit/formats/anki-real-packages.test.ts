/**
 * Packages written by Anki and AnkiDroid themselves, found in public repositories (test/fixtures/anki/README.md
 * lists each file, where it came from, its licence and how its generation was checked). They are not committed
 * here: the folder is RECALL_REAL_ANKI_DIR, or shared/anki-packages beside the project. A test whose file is
 * missing is skipped, saying which.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { projectRoot } from '../../../src/app/paths.js';
import { apkgFormat } from '../../../src/formats/anki/apkg-format.js';
import { readAnkiCollection } from '../../../src/formats/anki/anki-collection-reader.js';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { ParseError } from '../../../src/formats/parse-error.js';

const folder = process.env.RECALL_REAL_ANKI_DIR ?? join(projectRoot, '..', 'shared', 'anki-packages');

function realFile(t: TestContext, name: string): Uint8Array | null {
  const path = join(folder, name);
  if (!existsSync(path)) {
    t.skip(`${name} is not in ${folder} (see test/fixtures/anki/README.md)`);
    return null;
  }
  return new Uint8Array(readFileSync(path));
}

const read = (bytes: Uint8Array): CardSetDocument[] => apkgFormat.read(bytes, { maxCards: 10_000 });

describe('packages written by Anki 2.1.50+ (collection.anki21b: schema 18, zstd, WAL mode)', () => {
  it('reads the default export of a deck with four sub-decks, card by card, with deck paths and tags', (t) => {
    const bytes = realFile(t, 'anki-2.1.50-music-intervals.apkg');
    if (bytes === null) return;
    const sets = read(bytes);
    assert.deepEqual(
      sets.map((set) => [set.subject, set.topic, set.title, set.cards.length, set.tags]),
      [
        ['Music Intervals', null, '1/ Easy - major 2nd, 3rd, perfect 5th', 59, ['easy', 'interval']],
        ['Music Intervals', null, '2/ Middle - minor 2nd, perfect 4th, 6th, 7th', 82, ['interval', 'middle']],
        ['Music Intervals', null, '3/ Hard - uncommon notes, aug / dim 4th, 5th, 7th', 97, ['interval']],
        ['Music Intervals', null, '4/ Chords - 9th, 11th, 13th', 102, ['tags']],
      ],
    );
    assert.deepEqual(sets[0]!.cards.slice(0, 3), [
      { title: 'The perfect 5th of C is...', body: '# G' },
      { title: 'The major 3rd of C is...', body: '# E' },
      { title: 'The major 2nd of C is...', body: '# D' },
    ]);
    assert.deepEqual(sets[1]!.cards[0], { title: 'The perfect 4th of C is...', body: '# F' });
    assert.equal(sets[0]!.reviewHistory, undefined, 'a deck exported without scheduling has no history');
  });

  it('reads a four-note deck exported by default, every card', (t) => {
    const bytes = realFile(t, 'anki-2.1.50-example-deck.apkg');
    if (bytes === null) return;
    const [set, ...others] = read(bytes);
    assert.equal(others.length, 0);
    assert.equal(set!.title, 'Example Deck');
    assert.equal(set!.subject, null, 'a lone top-level deck names no subject');
    assert.deepEqual(set!.cards, [
      { title: 'Hola', body: 'Hi' },
      { title: 'rojo', body: 'red' },
      { title: 'verde', body: 'green' },
      { title: 'el gato decidió a simplimente mirar', body: 'the gate decided to simply watch' },
    ]);
  });

  it('reads an empty 2.1.50+ package as no sets', (t) => {
    const bytes = realFile(t, 'anki-2.1.50-empty.apkg');
    if (bytes === null) return;
    assert.deepEqual(read(bytes), []);
  });
});

describe("packages written by Anki 2.1.50+ with 'support older Anki versions' (collection.anki21)", () => {
  it('refuses a deck holding an Image Occlusion note, by name', (t) => {
    const bytes = realFile(t, 'anki-2.1.50-legacy-mixed-types.apkg');
    if (bytes === null) return;
    assert.throws(
      () => read(bytes),
      (error: unknown) =>
        error instanceof ParseError &&
        /Image Occlusion notes \(1 of the note type "Image Occlusion"\).*no image cards/.test(error.message),
    );
  });

  it('reads every other note type of that deck card by card, with its review history', (t) => {
    const bytes = realFile(t, 'anki-2.1.50-legacy-mixed-types.apkg');
    if (bytes === null) return;
    // The same package with its one Image Occlusion note deleted (as the refusal asks), everything else as Anki wrote it.
    const files = unzipSync(bytes);
    const db = new Database(Buffer.from(files['collection.anki21']!));
    db.exec('delete from cards where nid = 1755521029414; delete from notes where id = 1755521029414');
    const [set] = read(zipSync({ ...files, 'collection.anki21': db.serialize() }));
    db.close();
    assert.equal(set!.title, 'Test - Mixed Types');
    assert.deepEqual(set!.cards, [
      {
        title: null,
        body: 'In a cloze, some {{c1::fields}} are {{c2::hidden}}.\n\nThis is the "Back Extra" field of a cloze card.',
        kind: 'cloze',
      },
      {
        title: null,
        body: 'Clozes can have {{c1::hints::(something that helps)}} as well.\n\nThis is the "Back Extra" field of a cloze card.',
        kind: 'cloze',
      },
      {
        title: null,
        body: 'In one text, the first {{c1::cloze}} and any other {{c1::cloze}} can share a single reference.\n\nThis is the "Back Extra" field of a cloze card.',
        kind: 'cloze',
      },
      { title: 'This note is of type "Basic"', body: 'This is the "Back" field of type "Basic".' },
      {
        title: 'This note is of type "Basic (and reversed card)".',
        body: 'This is the "Back" field of type "Basic (and reversed card)".',
        reversible: true,
      },
      {
        title: 'This note is of type "Basic (optional reversed card)".',
        body: 'This is the "Back" field of type "Basic (optional reversed card)".',
        reversible: true,
      },
      {
        title: 'This note is of type "Basic (type in the answer)".',
        body: 'This is the "Back" side of type "Basic (type in the answer)".',
      },
    ]);
    const history = set!.reviewHistory!;
    assert.equal(history.length, 20);
    // The first answers: cloze 1 of note 1 (variant 1), then note 2's cloze 1, note 3's, note 1's cloze 2.
    assert.deepEqual(history.slice(0, 5), [
      { cardIndex: 0, variant: 1, reviewedAt: 1755502051870, rating: 3, durationMs: 6425 },
      { cardIndex: 1, variant: 1, reviewedAt: 1755502056488, rating: 3, durationMs: 4615 },
      { cardIndex: 2, variant: 1, reviewedAt: 1755502061102, rating: 3, durationMs: 4605 },
      { cardIndex: 0, variant: 2, reviewedAt: 1755502064912, rating: 3, durationMs: 3807 },
      { cardIndex: 0, variant: 1, reviewedAt: 1755502066000, rating: 3, durationMs: 1083 },
    ]);
    // The reversed note's Card 2 is its reverse (variant 1).
    assert.ok(history.some((review) => review.cardIndex === 4 && review.variant === 1));
  });
});

describe('packages written by Anki 2.1 before 2.1.50 and by Anki 2.0 (collection.anki2)', () => {
  it('reads a whole-collection .colpkg card by card, with its review', (t) => {
    const bytes = realFile(t, 'anki-2.1-legacy-collection.colpkg');
    if (bytes === null) return;
    const [set] = read(bytes);
    assert.equal(set!.title, 'Default');
    assert.deepEqual(set!.cards, [
      { title: 'Test Q', body: 'Test A' },
      { title: 'Test Q', body: 'Test A' },
      { title: 'Test Q with reverse', body: 'Test A with reverse', reversible: true },
      { title: null, body: 'Test {{c1::cloze}} deletion {{c2::prompt}}\n\nExtra text', kind: 'cloze' },
      {
        title: 'Test question with an image [image: paste-5146b5478bc75de1c703057f0a51a93a70ca922d.jpg]',
        body: 'Test answer with an image\n\n\\[image: paste-235d52a420e48250574495268d1eaadbcd40e188.jpg\\]',
      },
    ]);
    assert.deepEqual(set!.reviewHistory, [
      { cardIndex: 0, variant: 0, reviewedAt: 1586379272213, rating: 3, durationMs: 4183 },
    ]);
  });

  it('reads Anki 2.0 packages, media references as text', (t) => {
    const update = realFile(t, 'anki-2.0-update1.apkg');
    const media = realFile(t, 'anki-2.0-media.apkg');
    if (update === null || media === null) return;
    assert.deepEqual(read(update)[0]!.cards, [{ title: 'hello', body: 'world' }]);
    assert.deepEqual(read(media)[0]!.cards, [{ title: '[sound:foo.wav]', body: '' }]);
  });
});

describe("AnkiDroid's files", () => {
  it("reads AnkiDroid's template test deck: many-template, cloze, nested-cloze and conditional note types", (t) => {
    const bytes = realFile(t, 'ankidroid-test-deck-templates.apkg');
    if (bytes === null) return;
    const sets = read(bytes);
    assert.deepEqual(
      sets.map((set) => [set.subject, set.title, set.cards.length]),
      [
        ['1-TEMPLATES', 'Anatomy', 16],
        ['1-TEMPLATES', 'NormalClozes', 2],
        ['1-TEMPLATES', 'NestedClozes', 2],
        ['1-TEMPLATES', 'Reassign', 1],
        ['1-TEMPLATES', 'Conditionals', 3],
        ['1-TEMPLATES', 'Misc', 1],
        ['1-TEMPLATES', 'Typing broken', 23],
      ],
    );
    // A note type of eight templates asking different fields is not "reversed".
    assert.equal(sets[0]!.cards[0]!.title, 'Coracobrachialis');
    assert.equal(sets[0]!.cards[0]!.reversible, undefined);
    assert.deepEqual(sets[0]!.tags, ['UpperEx']);
    assert.deepEqual(sets[1]!.cards[1], {
      title: null,
      body: 'I am a {{c1::long}} sentence with {{c2::multiple}} sections {{c3::clozed}}!\n\nName field\n\nSome common text here!',
      kind: 'cloze',
    });
  });

  it('reads a collection written by AnkiDroid in WAL mode (schema 16, empty) as no sets', (t) => {
    const bytes = realFile(t, 'ankidroid-schema16.anki2');
    if (bytes === null) return;
    assert.equal(bytes[18], 2, 'the file is in WAL mode');
    assert.deepEqual(readAnkiCollection({ bytes }, 'collection.anki2', { maxCards: 500 }), []);
  });
});
