/**
 * Anki's collection schema 11, the one legacy packages (collection.anki2) carry, and the JSON that its
 * `col` row holds: collection config, note types, decks, deck options. Tables and indexes are exactly as
 * Anki creates them (rslib/src/storage/schema11.sql); the JSON has every key that Anki itself writes, since
 * AnkiDroid and other apps that import packages are stricter than Anki about missing keys.
 */

export const SCHEMA_11_SQL = `
create table col
(
    id     integer primary key,
    crt    integer not null,
    mod    integer not null,
    scm    integer not null,
    ver    integer not null,
    dty    integer not null,
    usn    integer not null,
    ls     integer not null,
    conf   text    not null,
    models text    not null,
    decks  text    not null,
    dconf  text    not null,
    tags   text    not null
);

create table notes
(
    id    integer primary key,
    guid  text    not null,
    mid   integer not null,
    mod   integer not null,
    usn   integer not null,
    tags  text    not null,
    flds  text    not null,
    sfld  integer not null,
    csum  integer not null,
    flags integer not null,
    data  text    not null
);

create table cards
(
    id     integer primary key,
    nid    integer not null,
    did    integer not null,
    ord    integer not null,
    mod    integer not null,
    usn    integer not null,
    type   integer not null,
    queue  integer not null,
    due    integer not null,
    ivl    integer not null,
    factor integer not null,
    reps   integer not null,
    lapses integer not null,
    left   integer not null,
    odue   integer not null,
    odid   integer not null,
    flags  integer not null,
    data   text    not null
);

create table revlog
(
    id      integer primary key,
    cid     integer not null,
    usn     integer not null,
    ease    integer not null,
    ivl     integer not null,
    lastIvl integer not null,
    factor  integer not null,
    time    integer not null,
    type    integer not null
);

create table graves
(
    usn  integer not null,
    oid  integer not null,
    type integer not null
);

create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** Fixed, so that every Recall export uses the same note types and Anki reuses them on import. */
export const RECALL_NOTE_TYPE_ID = 1_700_000_000_177;
export const RECALL_REVERSED_NOTE_TYPE_ID = 1_700_000_000_178;
export const RECALL_CLOZE_NOTE_TYPE_ID = 1_700_000_000_179;
export const DEFAULT_DECK_ID = 1;
export const DEFAULT_DECK_CONFIG_ID = 1;

export const NOTE_TYPE_CSS = `.card {
    font-family: arial;
    font-size: 20px;
    text-align: center;
    color: black;
    background-color: white;
}

.card ul, .card ol, .card p, .card h4, .card h5, .card h6 {
    text-align: left;
}
`;

const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n' +
  '\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
const LATEX_POST = '\\end{document}';

const field = (name: string, ord: number) => ({
  name,
  ord,
  sticky: false,
  rtl: false,
  font: 'Arial',
  size: 20,
  media: [],
  description: '',
  plainText: false,
  collapsed: false,
  excludeFromSearch: false,
});

const template = (name: string, ord: number, qfmt: string, afmt: string) => ({
  name,
  ord,
  qfmt,
  afmt,
  bqfmt: '',
  bafmt: '',
  did: null,
  bfont: '',
  bsize: 0,
});

const ANSWER_BACK = '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}';
const ANSWER_FRONT = '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}';

/** A note type with every key Anki writes. `type` 1 is the cloze kind; `req` says which fields make each card. */
function noteType(
  id: number,
  name: string,
  type: 0 | 1,
  fields: string[],
  templates: ReturnType<typeof template>[],
  req: unknown[],
  deckId: number,
  modSeconds: number,
) {
  return {
    id,
    name,
    type,
    mod: modSeconds,
    usn: -1,
    sortf: 0,
    did: deckId,
    tmpls: templates,
    flds: fields.map((fieldName, ord) => field(fieldName, ord)),
    css: NOTE_TYPE_CSS,
    latexPre: LATEX_PRE,
    latexPost: LATEX_POST,
    latexsvg: false,
    req,
    tags: [],
    vers: [],
  };
}

/** "Recall Basic": Front and Back, one card showing Front, then Front and Back. */
export const recallNoteType = (deckId: number, modSeconds: number) =>
  noteType(
    RECALL_NOTE_TYPE_ID,
    'Recall Basic',
    0,
    ['Front', 'Back'],
    [template('Card 1', 0, '{{Front}}', ANSWER_BACK)],
    [[0, 'any', [0]]],
    deckId,
    modSeconds,
  );

/** "Recall Basic (and reversed card)": Anki's stock reversed type, for reversible cards: Card 2 asks the back. */
export const recallReversedNoteType = (deckId: number, modSeconds: number) =>
  noteType(
    RECALL_REVERSED_NOTE_TYPE_ID,
    'Recall Basic (and reversed card)',
    0,
    ['Front', 'Back'],
    [template('Card 1', 0, '{{Front}}', ANSWER_BACK), template('Card 2', 1, '{{Back}}', ANSWER_FRONT)],
    [
      [0, 'any', [0]],
      [1, 'any', [1]],
    ],
    deckId,
    modSeconds,
  );

/** "Recall Cloze": Anki's stock Cloze type (Text, Back Extra), one card per deletion number. */
export const recallClozeNoteType = (deckId: number, modSeconds: number) =>
  noteType(
    RECALL_CLOZE_NOTE_TYPE_ID,
    'Recall Cloze',
    1,
    ['Text', 'Back Extra'],
    [template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}')],
    [[0, 'any', [0]]],
    deckId,
    modSeconds,
  );

export function deck(id: number, name: string, description: string, modSeconds: number) {
  return {
    id,
    name,
    mod: modSeconds,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: description,
    dyn: 0,
    conf: DEFAULT_DECK_CONFIG_ID,
    extendNew: 0,
    extendRev: 0,
  };
}

/** Anki's default options group, with the keys of both the old and the 2021 schedulers. */
export function defaultDeckConfig(modSeconds: number) {
  return {
    id: DEFAULT_DECK_CONFIG_ID,
    name: 'Default',
    mod: modSeconds,
    usn: 0,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: {
      bury: false,
      delays: [1, 10],
      initialFactor: 2500,
      ints: [1, 4, 0],
      order: 1,
      perDay: 20,
      separate: true,
    },
    rev: {
      bury: false,
      ease4: 1.3,
      ivlFct: 1,
      maxIvl: 36500,
      perDay: 200,
      hardFactor: 1.2,
      fuzz: 0.05,
      minSpace: 1,
    },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    newMix: 0,
    newPerDayMinimum: 0,
    interdayLearningMix: 0,
    reviewOrder: 0,
    newSortOrder: 0,
    newGatherPriority: 0,
    buryInterdayLearning: false,
    fsrsWeights: [],
    desiredRetention: 0.9,
    stopTimerOnAnswer: false,
    secondsToShowQuestion: 0,
    secondsToShowAnswer: 0,
    answerAction: 0,
    rescheduleFsrsCards: false,
    sm2Retention: 0.9,
  };
}

export function collectionConfig(currentDeckId: number, nextPosition: number) {
  return {
    activeDecks: [currentDeckId],
    curDeck: currentDeckId,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: String(RECALL_NOTE_TYPE_ID),
    nextPos: nextPosition,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    dayLearnFirst: false,
    schedVer: 2,
  };
}
