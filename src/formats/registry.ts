/**
 * Every format Recall reads and writes, and how to tell which one some bytes are in.
 *
 * Detection looks at content first, most specific first: a zip holding Mochi's data is a Mochi export, any
 * other zip an Anki package; `{` starts Recall JSON; Markdown flashcard apps by their syntax (Logseq's
 * `#card` blocks, RemNote's delimiters in an outline, Obsidian's `#flashcards`, `::` or `?` cards) before
 * Recall's own Markdown ("# Title" followed by "## " sections, checked before revision text, since a card
 * body may hold a line like "1 of 3"); a "1 of N" line is revision-card text; Mochi's `---` between sides;
 * Anki's `#separator:` headers or tab-separated lines make a TSV term list; comma-, semicolon- or
 * dash-separated lines CSV. When several formats fit, the file's extension breaks the tie; when none does,
 * the extension alone decides; otherwise there is no answer.
 */
import { apkgFormat } from './anki/apkg-format.js';
import type { CardSetFormat, CardSetReader, FormatId, ImportFormatId } from './card-set-format.js';
import { jsonFormat } from './json/json-format.js';
import { logseqFormat } from './logseq/logseq-format.js';
import { markdownFormat } from './markdown/markdown-format.js';
import { isMochiArchive, isMochiMarkdown, mochiFormat } from './mochi/mochi-format.js';
import { obsidianFormat } from './obsidian/obsidian-format.js';
import { remnoteFormat } from './remnote/remnote-format.js';
import { revisionTextFormat } from './revision-text/revision-text-format.js';
import { csvFormat, tsvFormat } from './term-list/term-list-format.js';

/** Recall's own formats, read and written. */
export const FORMATS: readonly CardSetFormat[] = [
  apkgFormat,
  jsonFormat,
  markdownFormat,
  revisionTextFormat,
  tsvFormat,
  csvFormat,
];

/** Every format Recall reads. */
export const READERS: readonly CardSetReader[] = [
  ...FORMATS,
  obsidianFormat,
  logseqFormat,
  remnoteFormat,
  mochiFormat,
];

/** In order of detection. */
const DETECTION: readonly {
  reader: CardSetReader;
  detect: (input: Uint8Array, fileName?: string) => boolean;
}[] = [
  { reader: mochiFormat, detect: isMochiArchive },
  apkgFormat,
  jsonFormat,
  logseqFormat,
  remnoteFormat,
  obsidianFormat,
  markdownFormat,
  revisionTextFormat,
  { reader: mochiFormat, detect: isMochiMarkdown },
  tsvFormat,
  csvFormat,
].map((entry) => ('reader' in entry ? entry : { reader: entry, detect: entry.detect.bind(entry) }));

const BY_ID = new Map<ImportFormatId, CardSetReader>(READERS.map((format) => [format.id, format]));

export function formatById(id: FormatId): CardSetFormat {
  const format = FORMATS.find((candidate) => candidate.id === id);
  if (format === undefined) throw new Error(`No format "${id}"`);
  return format;
}

export function readerById(id: ImportFormatId): CardSetReader {
  const format = BY_ID.get(id);
  if (format === undefined) throw new Error(`No format "${id}"`);
  return format;
}

/** Extensions and the format they name (`.md` is Recall's Markdown; the apps' notes are told by content). */
const EXTENSIONS: Record<string, ImportFormatId> = {
  '.txt': 'revision-text',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.csv': 'csv',
  '.apkg': 'apkg',
  '.colpkg': 'apkg',
  '.json': 'json',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mochi': 'mochi',
};

/** The extensions the Import page accepts. */
export const IMPORT_EXTENSIONS = Object.keys(EXTENSIONS);

export function formatOfFileName(fileName: string): CardSetReader | null {
  const match = /\.[^./\\]+$/.exec(fileName.toLowerCase());
  const id = match === null ? undefined : EXTENSIONS[match[0]];
  return id === undefined ? null : readerById(id);
}

export function detectFormat(input: Uint8Array, fileName?: string): CardSetReader | null {
  const byName = fileName === undefined ? null : formatOfFileName(fileName);
  const fits = DETECTION.filter((entry) => entry.detect(input, fileName)).map((entry) => entry.reader);
  if (fits.length === 0) return byName;
  return fits.find((format) => format === byName) ?? fits[0]!;
}

/** What a file in each format should look like, for messages about one that does not. */
export const FORMAT_EXPECTATIONS: Record<ImportFormatId, string> = {
  'revision-text': 'revision-card text: cards one after another, each ending with a line like "1 of 11"',
  tsv: 'a term list: one card per row, a term, a tab, then its definition',
  csv: 'a term list: one card per row, a term, a comma (or another separator), then its definition',
  apkg: 'an Anki package: a zip archive holding an Anki collection',
  json: 'Recall JSON: {"format": "recall-card-set", "version": 1, …}',
  markdown: 'Recall Markdown: "# Title", then a "## " section for each card',
  obsidian: 'Obsidian flashcards: "Question::Answer" lines, or a question, a line "?", then the answer',
  logseq: 'a Logseq page: "- " blocks, a card tagged #card with its answer in the blocks under it',
  remnote: 'RemNote Markdown: "- " bullets such as "Front >> Back" or "Concept :: Definition"',
  mochi: 'a Mochi export (.mochi: a zip holding data.edn or data.json), or cards with "---" between sides',
};
