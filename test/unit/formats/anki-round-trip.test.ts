/**
 * Anki → Recall → Anki: basic, reversed and cloze notes and their tags come back as Anki notes of the same
 * kinds, read here with SQL against Anki's schema 11 (fflate and better-sqlite3 only, nothing of Recall's reader).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { apkgFormat } from '../../../src/formats/anki/apkg-format.js';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { fixtureBytes } from './support/fixture-files.js';
import { MODEL_IDS, packageOf, schema11Collection } from './support/anki-fixtures.js';

const now = new Date('2026-03-04T05:06:07.890Z');

interface ExportedNote {
  kind: number;
  templates: number;
  fields: string[];
  tags: string[];
  ords: number[];
}

/** Each note of the exported collection: its note type's kind and template count, fields, tags, card ords. */
function exportedNotes(apkg: Uint8Array): ExportedNote[] {
  const db = new Database(Buffer.from(unzipSync(apkg)['collection.anki2']!), { readonly: true });
  try {
    const models = JSON.parse(
      (db.prepare('select models from col').get() as { models: string }).models,
    ) as Record<string, { type: number; tmpls: unknown[] }>;
    const notes = db.prepare('select id, mid, flds, tags from notes order by id').all() as {
      id: number;
      mid: number;
      flds: string;
      tags: string;
    }[];
    return notes.map((note) => ({
      kind: models[String(note.mid)]!.type,
      templates: models[String(note.mid)]!.tmpls.length,
      fields: note.flds.split('\u001f'),
      tags: note.tags.split(' ').filter((tag) => tag !== ''),
      ords: (
        db.prepare('select ord from cards where nid = ? order by ord').all(note.id) as { ord: number }[]
      ).map((card) => card.ord),
    }));
  } finally {
    db.close();
  }
}

describe('Anki round trip of note kinds and tags', () => {
  const anki = () =>
    packageOf({
      'collection.anki2': schema11Collection({
        decks: { 1: { name: 'Default' }, 10: { name: 'Languages::Spanish' } },
        notes: [
          { fields: ['perro', 'dog'], deckId: 10, tags: ' animals nouns ' },
          {
            fields: ['gato', 'cat'],
            deckId: 10,
            modelId: MODEL_IDS.reversed,
            ords: [0, 1],
            tags: ' animals ',
          },
          {
            fields: ['El {{c1::perro}} come {{c2::carne::food}}', 'A note'],
            deckId: 10,
            modelId: MODEL_IDS.cloze,
            ords: [0, 1],
            tags: ' animals grammar ',
          },
          {
            fields: ['\\(x^{2}\\) is {{c1::\\(\\frac{a}{b}\\)}}', ''],
            deckId: 10,
            modelId: MODEL_IDS.cloze,
            ords: [0],
            tags: ' animals ',
          },
          {
            fields: ['casa', 'house', ''],
            deckId: 10,
            modelId: MODEL_IDS.optionalReversed,
            tags: ' animals ',
          },
        ],
      }),
    });

  it('reads the notes as basic, reversible and cloze cards, tags shared by all on the set', () => {
    const [set] = apkgFormat.read(anki());
    assert.deepEqual(set!.tags, ['animals']);
    assert.deepEqual(set!.cards, [
      { title: 'perro', body: 'dog', tags: ['nouns'] },
      { title: 'gato', body: 'cat', reversible: true },
      {
        title: null,
        body: 'El {{c1::perro}} come {{c2::carne::food}}\n\nA note',
        kind: 'cloze',
        tags: ['grammar'],
      },
      { title: null, body: '\\\\(x^{2}\\\\) is {{c1::\\\\(\\\\frac{a}{b}\\\\)}}', kind: 'cloze' },
      // An optional reverse whose "Add Reverse" is empty has no reverse card: one direction only.
      { title: 'casa', body: 'house' },
    ]);
  });

  it('writes them back as Anki basic, "Basic (and reversed card)" and cloze notes with their tags', () => {
    const [set] = apkgFormat.read(anki());
    const notes = exportedNotes(apkgFormat.write(set!, { now }));
    assert.deepEqual(
      notes.map((note) => [note.kind, note.templates, note.ords, note.tags]),
      [
        [0, 1, [0], ['animals', 'nouns']],
        [0, 2, [0, 1], ['animals']],
        [1, 1, [0, 1], ['animals', 'grammar']],
        [1, 1, [0], ['animals']],
        [0, 1, [0], ['animals']],
      ],
    );
    assert.deepEqual(notes[1]!.fields, ['gato', '<p>cat</p>']);
    assert.equal(notes[2]!.fields[0], '<p>El {{c1::perro}} come {{c2::carne::food}}</p>\n<p>A note</p>');
    // MathJax inside a deletion, `}}` and all, comes back as the author typed it.
    assert.equal(notes[3]!.fields[0], '<p>\\(x^{2}\\) is {{c1::\\(\\frac{a}{b}\\)}}</p>');
  });

  it('reads its own export back as the same cards and tags', () => {
    const [set] = apkgFormat.read(anki());
    const [again] = apkgFormat.read(apkgFormat.write(set!, { now }));
    assert.deepEqual(again!.cards, set!.cards);
    assert.deepEqual(again!.tags, set!.tags);
  });

  it('keeps a schema-18 package (new-format.apkg) through Recall and back to Anki', () => {
    const sets = apkgFormat.read(fixtureBytes('anki/new-format.apkg'));
    const exported = sets.map((set: CardSetDocument) => exportedNotes(apkgFormat.write(set, { now })));
    assert.deepEqual(
      exported.map((notes) => notes.map((note) => [note.kind, note.ords, note.tags])),
      [
        [
          [0, [0], ['biology', 'cells']],
          [0, [0], ['biology']],
          [1, [0, 1], []],
        ],
        [[0, [0], []]],
        [[0, [0, 1], ['spanish']]],
      ],
    );
    assert.equal(
      exported[0]![2]!.fields[0],
      '<p>The {{c1::nucleus}} holds the {{c2::DNA::genetic material}}</p>\n<p>Back extra text [sound:nucleus.mp3]</p>',
    );
  });
});
