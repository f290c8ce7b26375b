/**
 * Every format Recall reads and writes, and how to tell which one some bytes are in.
 *
 * Detection looks at content first, most specific first: a zip is an Anki package; `{` starts Recall JSON;
 * a "# Title" line followed by "## " sections is Markdown (checked before revision text, since a card body
 * may hold a line like "1 of 3"); a "1 of N" line is revision-card text; Anki's `#separator:` headers or
 * tab-separated lines make a TSV term list; comma-separated lines CSV. When several formats fit, the file's
 * extension breaks the tie; when none does, the extension alone decides; otherwise there is no answer.
 */
import { apkgFormat } from './anki/apkg-format.js';
import type { CardSetFormat, FormatId } from './card-set-format.js';
import { jsonFormat } from './json/json-format.js';
import { markdownFormat } from './markdown/markdown-format.js';
import { revisionTextFormat } from './revision-text/revision-text-format.js';
import { csvFormat, tsvFormat } from './term-list/term-list-format.js';

/** In order of detection. */
export const FORMATS: readonly CardSetFormat[] = [
  apkgFormat,
  jsonFormat,
  markdownFormat,
  revisionTextFormat,
  tsvFormat,
  csvFormat,
];

const BY_ID = new Map(FORMATS.map((format) => [format.id, format]));

export function formatById(id: FormatId): CardSetFormat {
  const format = BY_ID.get(id);
  if (format === undefined) throw new Error(`No format "${id}"`);
  return format;
}

/** Extensions besides each format's own that name it. */
const OTHER_EXTENSIONS: Record<string, FormatId> = {
  '.colpkg': 'apkg',
  '.tab': 'tsv',
  '.markdown': 'markdown',
};

export function formatOfFileName(fileName: string): CardSetFormat | null {
  const match = /\.[^./\\]+$/.exec(fileName.toLowerCase());
  if (match === null) return null;
  const extension = match[0];
  const id = FORMATS.find((format) => format.extension === extension)?.id ?? OTHER_EXTENSIONS[extension];
  return id === undefined ? null : formatById(id);
}

export function detectFormat(input: Uint8Array, fileName?: string): CardSetFormat | null {
  const byName = fileName === undefined ? null : formatOfFileName(fileName);
  const fits = FORMATS.filter((format) => format.detect(input, fileName));
  if (fits.length === 0) return byName;
  return fits.find((format) => format === byName) ?? fits[0]!;
}
