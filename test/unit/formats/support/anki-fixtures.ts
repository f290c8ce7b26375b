/**
 * Anki collections written by hand for the reader's tests, independent of Recall's writer: the tables are
 * typed out here from Anki's published schema 11 (rslib/src/storage/schema11.sql), and the `col` JSON holds
 * only what an Anki collection holds.
 */
import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';

export const ANKI_SCHEMA_11 = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

export interface FixtureNote {
  fields: string[];
  deckId: number;
  tags?: string;
  modelId?: number;
  /** The card ords the note has (Anki makes one card per template, or per cloze number); default [0]. */
  ords?: number[];
}

/** Note types as Anki 2.1 creates them (names, fields, templates), ids fixed for the tests. */
export const MODEL_IDS = {
  basic: 1342697561419,
  reversed: 1342697561420,
  optionalReversed: 1342697561421,
  cloze: 1342697561422,
  imageOcclusion: 1342697561423,
  typing: 1342697561424,
} as const;

const template = (name: string, ord: number, qfmt: string, afmt: string) => ({ name, ord, qfmt, afmt });
const fields = (...names: string[]) => names.map((name, ord) => ({ name, ord }));
const ANSWER_BACK = '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}';
const ANSWER_FRONT = '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}';

export const FIXTURE_MODELS = {
  [MODEL_IDS.basic]: {
    id: MODEL_IDS.basic,
    name: 'Basic',
    type: 0,
    flds: fields('Front', 'Back'),
    tmpls: [template('Card 1', 0, '{{Front}}', ANSWER_BACK)],
  },
  // Renamed by its owner: still reversed, by its templates.
  [MODEL_IDS.reversed]: {
    id: MODEL_IDS.reversed,
    name: 'Vocabulary both ways',
    type: 0,
    flds: fields('Front', 'Back'),
    tmpls: [template('Card 1', 0, '{{Front}}', ANSWER_BACK), template('Card 2', 1, '{{Back}}', ANSWER_FRONT)],
  },
  [MODEL_IDS.optionalReversed]: {
    id: MODEL_IDS.optionalReversed,
    name: 'Basic (optional reversed card)',
    type: 0,
    flds: fields('Front', 'Back', 'Add Reverse'),
    tmpls: [
      template('Card 1', 0, '{{Front}}', ANSWER_BACK),
      template('Card 2', 1, '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', ANSWER_FRONT),
    ],
  },
  [MODEL_IDS.cloze]: {
    id: MODEL_IDS.cloze,
    name: 'Cloze',
    type: 1,
    flds: fields('Text', 'Back Extra'),
    tmpls: [template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')],
  },
  [MODEL_IDS.imageOcclusion]: {
    id: MODEL_IDS.imageOcclusion,
    name: 'Image Occlusion',
    type: 1,
    originalStockKind: 6,
    flds: fields('Occlusion', 'Image', 'Header', 'Back Extra', 'Comments'),
    tmpls: [
      template(
        'Image Occlusion',
        0,
        '{{#Header}}<div>{{Header}}</div>{{/Header}}<div style="display: none">{{cloze:Occlusion}}</div>{{Image}}<script>anki.imageOcclusion.setup();</script>',
        '{{cloze:Occlusion}}{{Image}}{{Back Extra}}',
      ),
    ],
  },
  [MODEL_IDS.typing]: {
    id: MODEL_IDS.typing,
    name: 'Basic (type in the answer)',
    type: 0,
    flds: fields('Front', 'Back'),
    tmpls: [
      template('Card 1', 0, '{{Front}}\n\n{{type:Back}}', '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}'),
    ],
  },
};

/** One answer in the review log: to `notes[note]`'s card `ord` (0 when absent). */
export interface FixtureReview {
  note: number;
  ord?: number;
  /** Epoch milliseconds (Anki's revlog id). */
  at: number;
  /** 1 Again … 4 Easy; 0 a manual rescheduling. */
  ease: number;
  timeMs: number;
}

export interface FixtureCollection {
  decks: Record<number, { name: string; desc?: string }>;
  notes: FixtureNote[];
  reviews?: FixtureReview[];
}

/**
 * A schema-11 collection (collection.anki2 / .anki21) holding the given decks and notes (one card each, or
 * one per ord), and the review log given.
 */
export function schema11Collection({ decks, notes, reviews = [] }: FixtureCollection): Uint8Array {
  const db = new Database(':memory:');
  db.exec(ANKI_SCHEMA_11);
  const deckJson = Object.fromEntries(
    Object.entries(decks).map(([id, deck]) => [
      id,
      { id: Number(id), name: deck.name, desc: deck.desc ?? '', dyn: 0, conf: 1 },
    ]),
  );
  db.prepare(
    "insert into col values (1, 1600000000, 1600000000000, 1600000000000, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
  ).run(JSON.stringify(FIXTURE_MODELS), JSON.stringify(deckJson));
  const note = db.prepare("insert into notes values (?, ?, ?, 1600000000, -1, ?, ?, ?, 0, 0, '')");
  const card = db.prepare(
    "insert into cards values (?, ?, ?, ?, 1600000000, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
  );
  notes.forEach((n, index) => {
    const id = 1600000000000 + index * 100;
    note.run(
      id,
      `guid${index}`,
      n.modelId ?? MODEL_IDS.basic,
      n.tags ?? '',
      n.fields.join('\u001f'),
      n.fields[0] ?? '',
    );
    for (const ord of n.ords ?? [0]) card.run(id + ord, id, n.deckId, ord, index + 1);
  });
  const review = db.prepare('insert into revlog values (?, ?, -1, ?, 0, 0, 0, ?, 0)');
  for (const r of reviews) review.run(r.at, 1600000000000 + r.note * 100 + (r.ord ?? 0), r.ease, r.timeMs);
  const bytes = db.serialize();
  db.close();
  return new Uint8Array(bytes);
}

/** A package (zip) of the given files, written by fflate, a library independent of Recall's zip reader. */
export function packageOf(files: Record<string, Uint8Array | string>): Uint8Array {
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data]),
    ),
    { mtime: new Date('2026-01-01T00:00:00Z') },
  );
}

/**
 * Zstandard frames made of raw (uncompressed) blocks: valid zstd that any decoder reads, built without a
 * compressor (Node 20 has none). `declaredSize` lets a test write a frame header that lies.
 */
export function zstdRawFrame(
  content: Uint8Array,
  options: { windowLog?: number; declaredSize?: number } = {},
): Uint8Array {
  const window = ((options.windowLog ?? 17) - 10) << 3;
  const header: number[] = [0x28, 0xb5, 0x2f, 0xfd];
  if (options.declaredSize !== undefined) {
    // Frame content size in 8 bytes (flag 3 << 6), with a window descriptor (not single segment).
    header.push(0xc0, window);
    let size = options.declaredSize;
    for (let i = 0; i < 8; i++) {
      header.push(size % 256);
      size = Math.floor(size / 256);
    }
  } else {
    header.push(0x00, window);
  }
  const parts: Buffer[] = [Buffer.from(header)];
  const blockSize = Math.min(128 * 1024, 2 ** (options.windowLog ?? 17));
  let start = 0;
  do {
    const block = content.subarray(start, start + blockSize);
    const last = start + blockSize >= content.length ? 1 : 0;
    const blockHeader = last | (block.length << 3);
    parts.push(
      Buffer.from([blockHeader & 0xff, (blockHeader >> 8) & 0xff, (blockHeader >> 16) & 0xff]),
      Buffer.from(block),
    );
    start += blockSize;
  } while (start < content.length);
  return new Uint8Array(Buffer.concat(parts));
}
