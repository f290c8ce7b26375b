import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { apkgFormat } from '../../../src/formats/anki/apkg-format.js';
import { readAnkiPackage } from '../../../src/formats/anki/anki-package-reader.js';
import { bytesSource, type ByteSource } from '../../../src/formats/anki/zip-archive.js';
import { decompressZstd } from '../../../src/formats/anki/zstd-decompression.js';
import { fieldChecksum, stableGuid } from '../../../src/formats/anki/anki-note-fields.js';
import type { CardSetDocument } from '../../../src/formats/card-set-document.js';
import { ParseError } from '../../../src/formats/parse-error.js';
import { parseRevisionText } from '../../../src/formats/revision-text/parse-revision-text.js';
import { seedText } from '../../helpers/fixtures.js';
import { fixtureBytes } from './support/fixture-files.js';
import { MODEL_IDS, packageOf, schema11Collection, zstdRawFrame } from './support/anki-fixtures.js';
import { revisionTextDocumentArb } from './support/arbitraries.js';
import { buildZip, deflatedEntry, deflatedZeros, storedEntry } from './support/zip-builder.js';

const now = new Date('2026-03-04T05:06:07.890Z');
const seedDocument = (): CardSetDocument => ({
  ...parseRevisionText(seedText()),
  level: 'GCSE',
  examBoard: 'AQA',
  tags: ['history', 'stalin era'],
});

function parseErrorOf(action: () => unknown): ParseError {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof ParseError, `expected a ParseError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ParseError');
}

/** Opens the collection inside a package with fflate and better-sqlite3 only: nothing of Recall's reader. */
function openExport(apkg: Uint8Array) {
  const files = unzipSync(apkg);
  const db = new Database(Buffer.from(files['collection.anki2']!), { readonly: true });
  return { files, db };
}

describe("Anki export, read back by SQL written from Anki's schema", () => {
  const apkg = apkgFormat.write(seedDocument(), { now });
  const { files, db } = openExport(apkg);

  it('is a zip with collection.anki2 and a media map that is {} when there is no media', () => {
    assert.deepEqual(Object.keys(files).sort(), ['collection.anki2', 'media']);
    assert.equal(new TextDecoder().decode(files.media), '{}');
  });

  it('has the tables and indexes that Anki’s schema 11 creates', () => {
    const names = (
      db.prepare('select name from sqlite_master where type = ? order by name').all('table') as {
        name: string;
      }[]
    ).map((r) => r.name);
    assert.deepEqual(names, ['cards', 'col', 'graves', 'notes', 'revlog']);
    const indexes = (
      db.prepare("select name from sqlite_master where type = 'index' order by name").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    assert.deepEqual(indexes, [
      'ix_cards_nid',
      'ix_cards_sched',
      'ix_cards_usn',
      'ix_notes_csum',
      'ix_notes_usn',
      'ix_revlog_cid',
      'ix_revlog_usn',
    ]);
    const noteColumns = (db.pragma('table_info(notes)') as { name: string }[]).map((c) => c.name);
    assert.deepEqual(noteColumns, [
      'id',
      'guid',
      'mid',
      'mod',
      'usn',
      'tags',
      'flds',
      'sfld',
      'csum',
      'flags',
      'data',
    ]);
    assert.equal((db.prepare('select ver from col').get() as { ver: number }).ver, 11);
  });

  it('writes the seed as 11 notes whose fields split on \\x1f into front and back HTML', () => {
    const notes = db.prepare('select id, guid, mid, flds, sfld, csum, tags from notes order by id').all() as {
      id: number;
      guid: string;
      mid: number;
      flds: string;
      sfld: string;
      csum: number;
      tags: string;
    }[];
    assert.equal(notes.length, 11);
    const fields = notes.map((note) => note.flds.split('\x1f'));
    assert.ok(fields.every((f) => f.length === 2));
    assert.equal(fields[0]![0], 'Card 1');
    assert.equal(fields[1]![0], 'How did Stalin establish control over the Soviet U');
    assert.match(fields[0]![1]!, /^<ul>\n<li>Historians talk about Stalin's Russia/);
    assert.match(fields[5]![1]!, /^<h3>Were the purges planned\?<\/h3>\n<ul>/);
    assert.equal(notes[2]!.sfld, 'The Terror');
    assert.equal(notes[2]!.csum, fieldChecksum('The Terror'));
    assert.equal(notes[2]!.tags, ' history stalin_era ');
    assert.equal(new Set(notes.map((n) => n.guid)).size, 11);
    assert.equal(
      notes[0]!.guid,
      stableGuid('recall', 'History::Russia - 19th and 20th century::Persecution and Control', '1'),
    );
  });

  it('gives sets of the same title in different subjects different note GUIDs (Anki matches notes by GUID)', () => {
    const guids = (subject: string) => {
      const exported = openExport(apkgFormat.write({ ...seedDocument(), subject }, { now }));
      try {
        return (exported.db.prepare('select guid from notes').all() as { guid: string }[]).map((n) => n.guid);
      } finally {
        exported.db.close();
      }
    };
    const history = new Set(guids('History'));
    assert.ok(guids('Politics').every((guid) => !history.has(guid)));
  });

  it('names the deck Subject::Topic::Title in col.decks, with its parents and the default deck', () => {
    const decks = JSON.parse(
      (db.prepare('select decks from col').get() as { decks: string }).decks,
    ) as Record<string, Record<string, unknown>>;
    const names = Object.values(decks)
      .map((deck) => deck.name)
      .sort();
    assert.deepEqual(names, [
      'Default',
      'History',
      'History::Russia - 19th and 20th century',
      'History::Russia - 19th and 20th century::Persecution and Control',
    ]);
    const set = Object.values(decks).find((deck) => String(deck.name).endsWith('Persecution and Control'))!;
    for (const key of [
      'name',
      'id',
      'mod',
      'usn',
      'lrnToday',
      'revToday',
      'newToday',
      'timeToday',
      'collapsed',
      'browserCollapsed',
      'desc',
      'dyn',
      'conf',
      'extendNew',
      'extendRev',
    ]) {
      assert.ok(key in set, `deck has ${key}`);
    }
    assert.equal(set.desc, 'The purges, terror, cult of personality, Stalinism');
    assert.equal(decks[String(set.id)], set);
  });

  it('points every card at its note and at the set’s deck, as new cards in order', () => {
    const cards = db
      .prepare(
        'select c.nid, c.did, c.ord, c.type, c.queue, c.due, n.id as note from cards c left join notes n on n.id = c.nid order by c.due',
      )
      .all() as Record<string, number | null>[];
    const decks = JSON.parse(
      (db.prepare('select decks from col').get() as { decks: string }).decks,
    ) as Record<string, { id: number; name: string }>;
    const deckId = Object.values(decks).find((deck) => deck.name.endsWith('Persecution and Control'))!.id;
    assert.equal(cards.length, 11);
    cards.forEach((card, index) => {
      assert.equal(card.note, card.nid);
      assert.equal(card.did, deckId);
      assert.equal(card.ord, 0);
      assert.equal(card.type, 0);
      assert.equal(card.queue, 0);
      assert.equal(card.due, index + 1);
    });
  });

  it('writes the note type with every key Anki writes for fields, templates and the model', () => {
    const col = db.prepare('select models, dconf, conf from col').get() as {
      models: string;
      dconf: string;
      conf: string;
    };
    const models = JSON.parse(col.models) as Record<string, Record<string, unknown>>;
    const [id, model] = Object.entries(models)[0]!;
    assert.equal(String(model.id), id);
    assert.equal(model.name, 'Recall Basic');
    for (const key of [
      'css',
      'latexPre',
      'latexPost',
      'latexsvg',
      'req',
      'sortf',
      'tags',
      'tmpls',
      'type',
      'usn',
      'vers',
      'id',
      'mod',
      'did',
      'flds',
      'name',
    ]) {
      assert.ok(key in model, `model has ${key}`);
    }
    const flds = model.flds as Record<string, unknown>[];
    assert.deepEqual(
      flds.map((f) => f.name),
      ['Front', 'Back'],
    );
    for (const f of flds) {
      for (const key of [
        'name',
        'ord',
        'sticky',
        'rtl',
        'font',
        'size',
        'media',
        'description',
        'plainText',
        'collapsed',
        'excludeFromSearch',
      ]) {
        assert.ok(key in f, `field has ${key}`);
      }
    }
    const tmpls = model.tmpls as Record<string, unknown>[];
    for (const key of ['name', 'ord', 'qfmt', 'afmt', 'bqfmt', 'bafmt', 'did', 'bfont', 'bsize'])
      assert.ok(key in tmpls[0]!, `template has ${key}`);
    assert.equal(tmpls[0]!.qfmt, '{{Front}}');
    const notes = db.prepare('select distinct mid from notes').all() as { mid: number }[];
    assert.deepEqual(
      notes.map((n) => String(n.mid)),
      [id],
    );
    const dconf = JSON.parse(col.dconf) as Record<string, Record<string, unknown>>;
    for (const key of [
      'new',
      'rev',
      'lapse',
      'maxTaken',
      'timer',
      'autoplay',
      'replayq',
      'name',
      'id',
      'mod',
      'usn',
    ])
      assert.ok(key in dconf['1']!, `dconf has ${key}`);
    assert.equal((JSON.parse(col.conf) as { curModel: string }).curModel, id);
  });

  it('is the same bytes for the same set and time', () => {
    assert.deepEqual(apkgFormat.write(seedDocument(), { now }), apkg);
  });
});

describe('Anki round trip', () => {
  it('reads back any set in the plain-text vocabulary with its cards, title, subtitle, subject, topic and tags', () => {
    fc.assert(
      fc.property(revisionTextDocumentArb, (document) => {
        const [read] = apkgFormat.read(apkgFormat.write(document, { now }));
        assert.deepEqual(read, { ...document, title: document.title.replace(/:{2,}/g, ':') });
      }),
      { numRuns: 50 },
    );
  });

  it("writes the seed as an .apkg that Recall's reader reads back as the same cards, losing level and exam board", () => {
    const [read] = apkgFormat.read(apkgFormat.write(seedDocument(), { now }));
    const { level: _level, examBoard: _examBoard, ...kept } = seedDocument();
    assert.deepEqual(read, { ...kept, level: null, examBoard: null, tags: ['history', 'stalin_era'] });
  });
});

describe('Anki import', () => {
  const decks = {
    1: { name: 'Default' },
    10: { name: 'Biology::Cells', desc: 'Cell <b>biology</b>' },
    20: { name: 'Spanish' },
  };
  const collection = () =>
    schema11Collection({
      decks,
      notes: [
        { fields: ['Nucleus', 'Holds the <b>DNA</b><br>controls the cell'], deckId: 10, tags: ' bio cells ' },
        { fields: ['perro', 'dog'], deckId: 20 },
        {
          fields: [
            '<div>Cell&nbsp;membrane</div>',
            '<ol><li>controls</li><li>entry</li></ol>',
            '<i>extra</i>',
          ],
          deckId: 10,
        },
        { fields: ['', ''], deckId: 20 },
        {
          fields: [
            '{{c1::Ribosomes}} make {{c2::proteins::what?}}',
            '<img src="ribosome.jpg"> [sound:r.mp3]',
          ],
          deckId: 10,
          modelId: MODEL_IDS.cloze,
          ords: [0, 1],
        },
      ],
    });

  it('reads a hand-written collection.anki2 as one set per deck, fields converted to Markdown', () => {
    const sets = apkgFormat.read(packageOf({ 'collection.anki2': collection(), media: '{}' }));
    assert.deepEqual(
      sets.map((set) => [set.subject, set.title, set.subtitle, set.tags]),
      [
        ['Biology', 'Cells', 'Cell biology', []],
        [null, 'Spanish', null, []],
      ],
    );
    assert.deepEqual(sets[0]!.cards, [
      { title: 'Nucleus', body: 'Holds the **DNA**\\\ncontrols the cell', tags: ['bio', 'cells'] },
      { title: 'Cell membrane', body: '1. controls\n2. entry\n\n*extra*' },
      {
        title: null,
        body: '{{c1::Ribosomes}} make {{c2::proteins::what?}}\n\n\\[image: ribosome.jpg\\] \\[sound:r.mp3\\]',
        kind: 'cloze',
      },
    ]);
    assert.deepEqual(sets[1]!.cards, [{ title: 'perro', body: 'dog' }]);
  });

  it('prefers collection.anki21 over collection.anki2', () => {
    const placeholder = schema11Collection({
      decks: { 1: { name: 'Default' } },
      notes: [{ fields: ['Please update', ''], deckId: 1 }],
    });
    const sets = apkgFormat.read(
      packageOf({ 'collection.anki2': placeholder, 'collection.anki21': collection(), media: '{}' }),
    );
    assert.equal(sets[0]!.title, 'Cells');
  });

  it('reads a new-format package: WAL-mode schema 18 collection.anki21b (zstd), preferred over its placeholder anki2', () => {
    const bytes = fixtureBytes('anki/new-format.apkg');
    const collection = decompressZstd(unzipSync(bytes)['collection.anki21b']!, 'test', { used: 0 });
    assert.deepEqual(
      [collection[18], collection[19]],
      [2, 2],
      'the fixture is in WAL mode, as Anki leaves it',
    );
    const sets = apkgFormat.read(bytes);
    assert.deepEqual(
      sets.map((set) => [set.subject, set.title, set.subtitle, set.cards.length, set.tags]),
      [
        ['Biology', 'Cells', 'Cells and what is inside them', 3, []],
        [null, 'Chemistry', null, 1, []],
        [null, 'Spanish', null, 1, ['spanish']],
      ],
    );
    assert.deepEqual(sets[0]!.cards, [
      {
        title: 'Mitochondria',
        body: 'Where **aerobic respiration** happens\n\nreleasing energy',
        tags: ['biology', 'cells'],
      },
      {
        title: 'Parts of a plant cell',
        body: '- cell wall\n- chloroplasts\n- vacuole\n\n\\[image: plant-cell.png\\]',
        tags: ['biology'],
      },
      {
        title: null,
        body: 'The {{c1::nucleus}} holds the {{c2::DNA::genetic material}}\n\nBack extra text \\[sound:nucleus.mp3\\]',
        kind: 'cloze',
      },
    ]);
    assert.deepEqual(sets[1]!.cards, [
      { title: 'Atomic number', body: 'the number of protons \\<Z> in the nucleus' },
    ]);
    // A renamed "Basic (and reversed card)": reversed by its templates.
    assert.deepEqual(sets[2]!.cards, [{ title: 'perro', body: 'dog', reversible: true }]);
  });

  it("reads a package's review log as each set's history: answers only, oldest first, by card and variant", () => {
    const [cells, chemistry, spanish] = apkgFormat.read(fixtureBytes('anki/new-format.apkg'));
    assert.deepEqual(cells!.reviewHistory, [
      { cardIndex: 0, variant: 0, reviewedAt: 1700000100000, rating: 3, durationMs: 5000 },
      { cardIndex: 2, variant: 1, reviewedAt: 1700000200000, rating: 1, durationMs: 8000 },
      { cardIndex: 2, variant: 2, reviewedAt: 1700000300000, rating: 4, durationMs: 3000 },
      { cardIndex: 0, variant: 0, reviewedAt: 1700000700000, rating: 3, durationMs: 4000 },
    ]);
    assert.equal(chemistry!.reviewHistory, undefined);
    // The reverse card's manual rescheduling (ease 0) is not an answer.
    assert.deepEqual(spanish!.reviewHistory, [
      { cardIndex: 0, variant: 0, reviewedAt: 1700000400000, rating: 3, durationMs: 2000 },
      { cardIndex: 0, variant: 1, reviewedAt: 1700000500000, rating: 3, durationMs: 2500 },
      { cardIndex: 0, variant: 0, reviewedAt: 1700086400000, rating: 2, durationMs: 6000 },
    ]);
  });

  it('reads collection.anki21b from Zstandard frames of any kind (raw blocks here)', () => {
    const sqlite = collection();
    const sets = apkgFormat.read(
      packageOf({ 'collection.anki21b': zstdRawFrame(sqlite), media: zstdRawFrame(new Uint8Array()) }),
    );
    assert.equal(sets.length, 2);
  });

  it('puts a front too long for a title at the start of the body', () => {
    const long = 'word '.repeat(60).trim();
    const sets = apkgFormat.read(
      packageOf({
        'collection.anki2': schema11Collection({ decks, notes: [{ fields: [long, 'back'], deckId: 20 }] }),
      }),
    );
    assert.deepEqual(sets[0]!.cards, [{ title: null, body: `${long}\n\nback` }]);
  });

  it('refuses a deck with more notes than a set may have cards', () => {
    const notes = Array.from({ length: 4 }, (_, i) => ({ fields: [`f${i}`, 'b'], deckId: 20 }));
    const error = parseErrorOf(() =>
      apkgFormat.read(packageOf({ 'collection.anki2': schema11Collection({ decks, notes }) }), {
        maxCards: 3,
      }),
    );
    assert.match(error.message, /collection\.anki2: deck "Spanish" has more than 3 notes/);
  });
});

describe('Anki packages read in part', () => {
  it('reads a package through a source as from its bytes, reading its directory and collection only', () => {
    const picture = new Uint8Array(1024 * 1024).map((_, i) => (i * 7919) % 251);
    const bytes = buildZip([
      deflatedEntry(
        'collection.anki21',
        schema11Collection({
          decks: { 1: { name: 'Default' }, 2: { name: 'Art' } },
          notes: [
            { fields: ['<img src="a.jpg">', 'The first painting'], deckId: 2 },
            { fields: ['<img src="b.jpg">', 'The second'], deckId: 2 },
          ],
        }),
      ),
      deflatedEntry('media', new TextEncoder().encode('{"0":"a.jpg","1":"b.jpg"}')),
      ...Array.from({ length: 60 }, (_, n) => storedEntry(String(n), picture)),
    ]);
    let read = 0;
    const whole = bytesSource(bytes);
    const counted: ByteSource = {
      size: whole.size,
      read: (offset, length) => {
        const part = whole.read(offset, length);
        read += part.length;
        return part;
      },
    };
    // 60 MB: more than a package given whole may be, not more than one read in part.
    assert.throws(() => readAnkiPackage(bytes), /at most 50 MB/);
    const sets = readAnkiPackage(counted);
    assert.deepEqual(
      sets[0]!.cards.map((card) => card.body),
      ['The first painting', 'The second'],
    );
    assert.ok(read < 256 * 1024, `read ${read} bytes of ${bytes.length}`);
  });
});

describe('Anki import refuses malformed packages, naming the problem', () => {
  const good = () =>
    packageOf({
      'collection.anki2': schema11Collection({
        decks: { 1: { name: 'Default' } },
        notes: [{ fields: ['a', 'b'], deckId: 1 }],
      }),
      media: '{}',
    });

  it('refuses what is not a zip', () => {
    assert.match(
      parseErrorOf(() => apkgFormat.read(new TextEncoder().encode('hello'))).message,
      /not a zip archive/,
    );
  });

  it('refuses a truncated zip', () => {
    const apkg = good();
    for (const length of [10, Math.floor(apkg.length / 2), apkg.length - 1]) {
      assert.match(
        parseErrorOf(() => apkgFormat.read(apkg.subarray(0, length))).message,
        /truncated|not a zip|damaged/,
      );
    }
  });

  it('refuses a zip without a collection, listing what it holds', () => {
    const error = parseErrorOf(() => apkgFormat.read(packageOf({ 'notes.txt': 'hi', media: '{}' })));
    assert.match(
      error.message,
      /no collection \(collection\.anki21b, collection\.anki21, collection\.anki2\); it holds "notes\.txt", "media"/,
    );
  });

  it('refuses a zip bomb that declares its size, before inflating it', () => {
    const { data, size } = deflatedZeros(120);
    const bomb = buildZip([{ name: 'collection.anki2', data, method: 8, crc32: 0, uncompressedSize: size }]);
    // The declared size is checked before inflating, so the 120 MB are never made.
    assert.match(
      parseErrorOf(() => apkgFormat.read(bomb)).message,
      /collection\.anki2: declares 120 MB uncompressed; at most 100 MB/,
    );
  });

  it('refuses an entry whose compression ratio is a zip bomb’s, before inflating it', () => {
    const { data, size } = deflatedZeros(50);
    const bomb = buildZip([{ name: 'collection.anki2', data, method: 8, crc32: 0, uncompressedSize: size }]);
    assert.match(parseErrorOf(() => apkgFormat.read(bomb)).message, /would inflate \d+ times .* zip bomb/);
  });

  it('refuses a zip bomb that lies about its size, stopping as soon as it passes the declared size', () => {
    const { data } = deflatedZeros(120);
    const liar = buildZip([{ name: 'collection.anki2', data, method: 8, crc32: 0, uncompressedSize: 1000 }]);
    // zlib's maxOutputLength stops inflating at byte 1001; only then is this message possible.
    assert.match(
      parseErrorOf(() => apkgFormat.read(liar)).message,
      /inflates to more than the 1000 bytes it declares/,
    );
  });

  it('refuses a zstd layer that decompresses past the cap or declares too much', () => {
    const huge = zstdRawFrame(new Uint8Array(16), { declaredSize: 500 * 1024 * 1024 });
    assert.match(
      parseErrorOf(() => apkgFormat.read(packageOf({ 'collection.anki21b': huge }))).message,
      /collection\.anki21b.*declares 500 MB/,
    );
    const window = zstdRawFrame(new Uint8Array(16), { windowLog: 30 });
    assert.match(
      parseErrorOf(() => apkgFormat.read(packageOf({ 'collection.anki21b': window }))).message,
      /window/,
    );
  });

  it('refuses a damaged entry by its CRC', () => {
    const entry = deflatedEntry(
      'collection.anki2',
      new Uint8Array(schema11Collection({ decks: {}, notes: [] })),
    );
    const zip = buildZip([{ ...entry, crc32: entry.crc32 ^ 1 }]);
    assert.match(
      parseErrorOf(() => apkgFormat.read(zip)).message,
      /collection\.anki2: fails its CRC-32 check/,
    );
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    const entry = storedEntry('collection.anki2', new Uint8Array(8));
    assert.match(
      parseErrorOf(() => apkgFormat.read(buildZip([{ ...entry, flags: 1 }]))).message,
      /encrypted/,
    );
    assert.match(
      parseErrorOf(() => apkgFormat.read(buildZip([{ ...entry, method: 12 as 8 }]))).message,
      /method 12/,
    );
  });

  it('refuses a collection that is not SQLite', () => {
    const error = parseErrorOf(() =>
      apkgFormat.read(packageOf({ 'collection.anki2': 'this is not a database' })),
    );
    assert.match(error.message, /collection\.anki2: is not an SQLite database/);
  });

  it('refuses an SQLite database with the wrong schema, naming the missing table or column', () => {
    const other = new Database(':memory:');
    other.exec('create table col (ver integer, decks text); create table notes (id integer, flds text)');
    const error = parseErrorOf(() => apkgFormat.read(packageOf({ 'collection.anki2': other.serialize() })));
    assert.match(
      error.message,
      /collection\.anki2: is not an Anki collection: table "notes" has no column "mid", "tags"/,
    );
    other.exec('drop table notes');
    assert.match(
      parseErrorOf(() => apkgFormat.read(packageOf({ 'collection.anki2': other.serialize() }))).message,
      /has no table "notes"/,
    );
  });

  it('refuses a collection whose notes table is a view (it could run anything)', () => {
    const db = new Database(Buffer.from(schema11Collection({ decks: {}, notes: [] })));
    db.exec('alter table notes rename to real_notes; create view notes as select * from real_notes');
    assert.match(
      parseErrorOf(() => apkgFormat.read(packageOf({ 'collection.anki2': db.serialize() }))).message,
      /"notes" is a view, which Anki never creates/,
    );
  });

  it('refuses col.decks that is not JSON', () => {
    const sqlite = schema11Collection({ decks: {}, notes: [] });
    const db = new Database(Buffer.from(sqlite));
    db.exec("update col set decks = '{not json'");
    assert.match(
      parseErrorOf(() => apkgFormat.read(packageOf({ 'collection.anki2': db.serialize() }))).message,
      /col\.decks is not valid JSON/,
    );
  });

  it('refuses a truncated SQLite database', () => {
    const sqlite = schema11Collection({
      decks: { 1: { name: 'Default' } },
      notes: Array.from({ length: 200 }, (_, i) => ({
        fields: [`front ${i} `.repeat(20), 'back'],
        deckId: 1,
      })),
    });
    const error = parseErrorOf(() =>
      apkgFormat.read(packageOf({ 'collection.anki2': sqlite.subarray(0, Math.floor(sqlite.length / 2)) })),
    );
    assert.match(error.message, /collection\.anki2: /);
  });

  it('refuses a package over 50 MB before looking inside', () => {
    const error = parseErrorOf(() => apkgFormat.read(new Uint8Array(51 * 1024 * 1024)));
    assert.match(error.message, /the package is 51 MB; at most 50 MB/);
  });
});
