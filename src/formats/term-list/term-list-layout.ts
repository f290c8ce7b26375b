/**
 * How a term list is laid out, as Quizlet's own import asks: what separates a term from its definition
 * (tab, comma, dash, or anything typed), what separates rows (new line, semicolon, or anything typed),
 * whether quotes are CSV quoting or part of the text, and whether the first row names the columns.
 *
 * Each is worked out from the first 64 KB of text when the text makes it clear, and can be chosen instead:
 * - Separator: a tab on most lines; else comma or semicolon, whichever every line has the same number of
 *   (a German Excel file's `;`); else " - " (a typed list); else the format's default.
 * - Rows: new lines, unless the text is one of Quizlet's `;`-separated exports (every row ends with `;`,
 *   more rows than lines).
 * - Quotes: CSV quoting only when rows are lines and every field that opens with `"` is a well-formed CSV
 *   field that needed its quotes (it holds the separator, a line break or a doubled quote), or every field
 *   is quoted (a "quote all" export). Otherwise quotes are text: a term may open a quote and never close
 *   it, and a quotation from Macbeth keeps its quotation marks.
 * - Header: a first row of column names Recall knows, in any separator (term/definition, front/back,
 *   Begriff/Definition …).
 */

export const QUOTE_MODES = ['csv', 'text'] as const;
export type QuoteMode = (typeof QUOTE_MODES)[number];

export const isQuoteMode = (value: string): value is QuoteMode =>
  (QUOTE_MODES as readonly string[]).includes(value);

/** The row separator meaning "any line end" (LF, CRLF or CR). */
export const LINE_END = '\n';

export interface TermListLayout {
  /** Between term and definition: a character or string. */
  separator: string;
  /** Between rows: LINE_END for any line end, or a character or string. */
  rowSeparator: string;
  quotes: QuoteMode;
  /** The first row names the columns (and is not a card). */
  header: boolean;
}

/** What the reader was told; anything missing is detected. */
export type LayoutChoices = Partial<TermListLayout>;

export interface DetectedLayout {
  layout: TermListLayout;
  /** Which parts were worked out from the text (true) rather than chosen (false). */
  detected: Record<keyof TermListLayout, boolean>;
}

const SEPARATOR_NAMES: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  space: ' ',
  pipe: '|',
  colon: ':',
  dash: ' - ',
};

/** A separator as Anki or Quizlet names it ("Tab", "comma", "dash"), as an escape ("\t"), or as itself. */
export function separatorFromName(value: string): string | null {
  const named = SEPARATOR_NAMES[value.trim().toLowerCase()];
  if (named !== undefined) return named;
  if (value === '\\t') return '\t';
  if (value === '') return null;
  // `#separator: ` (a space) is the space separator, and " - " keeps its spaces.
  return value.trim() === '' || value.trim() === '-' ? value : value.trim();
}

/** A row separator by name ("newline", "semicolon"), as an escape ("\n"), or as itself. */
export function rowSeparatorFromName(value: string): string | null {
  const name = value.trim().toLowerCase();
  if (name === 'newline' || name === 'new line' || name === 'line' || value === '\\n' || value === '\n')
    return LINE_END;
  if (value === '\\n\\n') return '\n\n';
  if (name === 'semicolon') return ';';
  if (value === '') return null;
  return value;
}

/** How a separator reads for people: "tab", "comma", "“ - ”". */
export function separatorLabel(separator: string): string {
  if (separator === LINE_END) return 'new line';
  const name = Object.entries(SEPARATOR_NAMES).find(([, value]) => value === separator)?.[0];
  return name ?? `“${separator}”`;
}

/** Column names a first row may hold, in the languages students' spreadsheets are in. */
const HEADER_NAMES = new Set(
  [
    'term',
    'terms',
    'definition',
    'definitions',
    'front',
    'back',
    'question',
    'answer',
    'word',
    'meaning',
    'prompt',
    'description',
    'text',
    'extra',
    'tags',
    'begriff',
    'definition',
    'wort',
    'bedeutung',
    'frage',
    'antwort',
    'vorderseite',
    'rückseite',
    'terme',
    'définition',
    'mot',
    'question',
    'réponse',
    'recto',
    'verso',
    'término',
    'definición',
    'palabra',
    'significado',
    'pregunta',
    'respuesta',
    'termine',
    'definizione',
    'domanda',
    'risposta',
    'parola',
    'term (english)',
  ].map((name) => name.toLowerCase()),
);

/** True when every field of a first row is a column name Recall knows (and there are at least two). */
export const isHeaderRow = (fields: readonly string[]): boolean => {
  const names = fields.map((field) => field.trim().toLowerCase()).filter((name) => name !== '');
  return names.length >= 2 && names.every((name) => HEADER_NAMES.has(name));
};

const SAMPLE_CHARACTERS = 64 * 1024;
const SAMPLE_LINES = 200;

/** Detects what `given` leaves open, from the start of the text (after any Anki headers). */
export function detectLayout(
  text: string,
  given: LayoutChoices,
  defaultSeparator: string,
  firstRowOf: (layout: Omit<TermListLayout, 'header'>) => string[],
): DetectedLayout {
  const sample = text.slice(0, SAMPLE_CHARACTERS);
  const lines = sample
    .split(/\r\n|\r|\n/, SAMPLE_LINES + 1)
    .slice(0, SAMPLE_LINES)
    .filter((line) => line.trim() !== '');
  // Quizlet's `;` rows first: their separator counts mean nothing line by line.
  const quizletRows =
    given.rowSeparator === undefined
      ? (given.separator === undefined ? ['\t', ',', ' - '] : [given.separator]).find(
          (candidate) => detectRowSeparator(sample, lines.length, candidate) === ';',
        )
      : undefined;
  const separator = given.separator ?? quizletRows ?? detectSeparator(lines, defaultSeparator);
  const rowSeparator =
    given.rowSeparator ??
    (quizletRows === undefined ? LINE_END : detectRowSeparator(sample, lines.length, separator));
  const quotes = given.quotes ?? detectQuotes(sample, separator, rowSeparator);
  const header = given.header ?? isHeaderRow(firstRowOf({ separator, rowSeparator, quotes }));
  return {
    layout: { separator, rowSeparator, quotes, header },
    detected: {
      separator: given.separator === undefined,
      rowSeparator: given.rowSeparator === undefined,
      quotes: given.quotes === undefined,
      header: given.header === undefined,
    },
  };
}

const countOf = (line: string, separator: string): number => line.split(separator).length - 1;

function detectSeparator(lines: readonly string[], fallback: string): string {
  if (lines.length === 0) return fallback;
  const share = (separator: string) => lines.filter((line) => line.includes(separator)).length / lines.length;
  if (share('\t') >= 0.5) return '\t';
  // Spreadsheets write the same number of separators on every line; prose commas vary.
  const steadiness = (separator: string) => {
    const counts = lines.map((line) => countOf(line, separator));
    const tally = new Map<number, number>();
    for (const count of counts) tally.set(count, (tally.get(count) ?? 0) + 1);
    const [mode, times] = [...tally.entries()].sort((a, b) => b[1] - a[1])[0]!;
    return mode === 0 ? 0 : times / lines.length;
  };
  const comma = share(',') >= 0.8 ? steadiness(',') : 0;
  const semicolon = share(';') >= 0.8 ? steadiness(';') : 0;
  if (comma > 0 || semicolon > 0) {
    if (semicolon > comma) return ';';
    if (comma > semicolon) return ',';
    const first = lines[0]!;
    return !first.includes(',') && first.includes(';') ? ';' : ',';
  }
  for (const dash of [' - ', ' – ', ' — ']) if (share(dash) >= 0.5) return dash;
  if (share(',') >= 0.5) return ',';
  if (share(';') >= 0.5) return ';';
  return fallback;
}

/** Quizlet's "Semicolon" between rows: each row ends with `;`, and there are more rows than lines. */
function detectRowSeparator(sample: string, lineCount: number, separator: string): string {
  if (separator === ';') return LINE_END;
  const trimmed = sample.trimEnd();
  const rows = trimmed.split(';').filter((row) => row.trim() !== '');
  const semicolons = countOf(trimmed, ';');
  if (semicolons < 2 || semicolons < lineCount) return LINE_END;
  if (!trimmed.endsWith(';') && lineCount > 1) return LINE_END;
  const withSeparator = rows.filter((row) => row.includes(separator)).length;
  return withSeparator >= rows.length * 0.8 ? ';' : LINE_END;
}

/**
 * CSV quoting or quotes as text, from the fields that open with a quote: see the module comment. Scans
 * the sample once, field by field.
 */
function detectQuotes(sample: string, separator: string, rowSeparator: string): QuoteMode {
  if (rowSeparator !== LINE_END || !sample.includes('"')) return 'text';
  let fields = 0;
  let quoted = 0;
  let needed = 0;
  let i = 0;
  const n = sample.length;
  const atLineEnd = (at: number) => sample[at] === '\n' || sample[at] === '\r';
  while (i < n) {
    fields++;
    if (sample[i] === '"') {
      let j = i + 1;
      let needs = false;
      for (;;) {
        if (j >= n) return fields > 1 && needed > 0 ? 'csv' : 'text'; // cut off by the sample's end
        if (sample[j] === '"') {
          if (sample[j + 1] === '"') {
            needs = true;
            j += 2;
            continue;
          }
          break;
        }
        if (atLineEnd(j) || sample.startsWith(separator, j)) needs = true;
        j++;
      }
      const after = j + 1;
      if (after < n && !atLineEnd(after) && !sample.startsWith(separator, after)) return 'text';
      quoted++;
      if (needs) needed++;
      else if (quoted !== fields) return 'text';
      i = after;
    } else {
      while (i < n && !atLineEnd(i) && !sample.startsWith(separator, i)) i++;
    }
    if (i < n && sample.startsWith(separator, i)) {
      i += separator.length;
      if (i >= n) break;
      continue;
    }
    while (i < n && atLineEnd(i)) i++;
  }
  if (quoted === 0) return 'text';
  return needed === quoted || quoted === fields ? 'csv' : 'text';
}
