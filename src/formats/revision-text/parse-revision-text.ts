/**
 * Reads "revision-card text": a card set as a revision-resource website displays it (see
 * content/demo/persecution-and-control.txt). Shape:
 *
 *   Title
 *   Subtitle                                  (optional)
 *   HideShow resource information             (page furniture, optional)
 *   card 1 lines … "1 of N"                   (each card ends at its "n of N" line)
 *   card 2 lines … "2 of N"
 *   …
 *   No comments have yet been made            (furniture)
 *   Similar History resources:                (trailer: subject)
 *   See all History resources »See all Russia - 19th and 20th century resources »   (subject, topic)
 *
 * A card's first line is its title when it is a plain line followed by more lines. Body lines:
 * `•` bullets become list items, plain lines paragraphs, a short line introducing a bullet group a
 * sub-heading, and entries jammed onto one line between runs of spaces / no-break spaces one
 * paragraph each. Words are kept exactly; only whitespace is normalised.
 */
import type { CardDraft } from '../../domain/card-set.js';
import { markdownFromTextBlocks, readsAsHeading, type TextBlock } from '../text-block-markdown.js';
import { ParseError } from '../parse-error.js';

export interface ParsedCardSet {
  title: string;
  subtitle: string | null;
  /** From the trailer; null when the text has none (the caller then supplies it). */
  subject: string | null;
  topic: string | null;
  cards: CardDraft[];
}

/** Lines longer than this are refused: no card body may be longer (see LIMITS.cardBodyLength). */
export const MAX_LINE_LENGTH = 10_000;
const MAX_TITLE_LENGTH = 200;

interface Line {
  number: number;
  raw: string;
  text: string;
}

const HORIZONTAL_SPACE = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
export const BULLET = /^[•◦▪‣●]/;
export const MARKER = /^(\d{1,6}) of (\d{1,6})$/;
export const FURNITURE_INFO = /^(hide ?\/? ?show|show ?\/? ?hide|show|hide) resource information$/i;
const FURNITURE_NO_COMMENTS = /^no comments have yet been made\.?$/i;
const SIMILAR = /^Similar (.+?) resources:?$/;
const SEE_ALL = /^See all (.+?) resources ?»(?: ?See all (.+?) resources ?»?)?$/;
/** Three or more spaces in a row separate entries that a scrape jammed onto one line. */
const ENTRY_SEPARATOR = /[ \t\u00a0\u202f]{3,}/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\v\f\u000e-\u001f\u007f\ufffd]/;

export function normaliseSpace(text: string): string {
  return text.replace(HORIZONTAL_SPACE, ' ').replace(/ {2,}/g, ' ').trim();
}

function splitLines(input: string): Line[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  return text.split(/\r\n|\r|\n/).map((raw, index) => {
    const number = index + 1;
    if (raw.length > MAX_LINE_LENGTH) {
      throw new ParseError(
        `the line is ${raw.length} characters long; at most ${MAX_LINE_LENGTH} are allowed`,
        number,
      );
    }
    const control = CONTROL_CHARACTER.exec(raw);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new ParseError(
        `unexpected character U+${code}: this looks like binary data, not revision-card text`,
        number,
        control.index + 1,
      );
    }
    return { number, raw, text: normaliseSpace(raw) };
  });
}

const nonBlank = (lines: Line[]): Line[] => lines.filter((line) => line.text !== '');
const isBullet = (line: Line): boolean => BULLET.test(line.text);
const bulletText = (line: Line): string => normaliseSpace(line.text.replace(BULLET, ''));
const markerNumbers = (line: Line): [number, number] => {
  const match = MARKER.exec(line.text)!;
  return [Number(match[1]), Number(match[2])];
};

export function parseRevisionText(input: string): ParsedCardSet {
  const lines = splitLines(input);
  const first = nonBlank(lines)[0];
  if (first === undefined) throw new ParseError('the text is empty', 1);
  const markers = lines.filter((line) => MARKER.test(line.text));
  const firstMarker = markers[0];
  if (firstMarker === undefined) {
    throw new ParseError(
      'no card ends here or below: revision-card text ends each card with a line like "1 of 3"',
      first.number,
    );
  }

  const total = markerNumbers(firstMarker)[1];
  if (total === 0) throw new ParseError('a card set needs at least one card ("1 of 1")', firstMarker.number);
  markers.forEach((marker, index) => {
    const [n, of] = markerNumbers(marker);
    if (n !== index + 1 || of !== total) {
      throw new ParseError(`expected "${index + 1} of ${total}", found "${marker.text}"`, marker.number);
    }
  });
  const lastMarker = markers[markers.length - 1]!;
  if (markers.length < total) {
    throw new ParseError(
      `the text ends after card ${markers.length} of ${total}: card ${markers.length + 1} and its "${markers.length + 1} of ${total}" line are missing`,
      lastMarker.number,
    );
  }

  const header = readHeader(lines.slice(0, firstMarker.number - 1), firstMarker);
  const chunks: Line[][] = [header.firstCardLines];
  for (let i = 1; i < markers.length; i++) {
    chunks.push(lines.slice(markers[i - 1]!.number, markers[i]!.number - 1));
  }
  const cards = chunks.map((chunk, index) => readCard(chunk, markers[index]!, total));
  const trailer = readTrailer(lines.slice(lastMarker.number));
  return { title: header.title, subtitle: header.subtitle, ...trailer, cards };
}

function readHeader(
  lines: Line[],
  firstMarker: Line,
): { title: string; subtitle: string | null; firstCardLines: Line[] } {
  const content = nonBlank(lines);
  const titleLine = content[0];
  if (titleLine === undefined) {
    throw new ParseError('expected the set\'s title and a first card before "1 of …"', firstMarker.number);
  }
  if (isBullet(titleLine)) {
    throw new ParseError("expected the set's title on the first line, found a bullet", titleLine.number);
  }
  if (titleLine.text.length > MAX_TITLE_LENGTH) {
    throw new ParseError(
      `the set's title is ${titleLine.text.length} characters long; at most ${MAX_TITLE_LENGTH} are allowed`,
      titleLine.number,
    );
  }
  const after = (line: Line) => lines.slice(lines.indexOf(line) + 1);
  const furniture = content.find((line) => FURNITURE_INFO.test(line.text));
  if (furniture !== undefined) {
    const subtitleLines = content.slice(1, content.indexOf(furniture));
    const bullet = subtitleLines.find(isBullet);
    if (bullet !== undefined) {
      throw new ParseError(
        'expected the subtitle, found a bullet before the resource information',
        bullet.number,
      );
    }
    const subtitle = subtitleLines.map((line) => line.text).join(' ');
    return {
      title: titleLine.text,
      subtitle: subtitle === '' ? null : subtitle,
      firstCardLines: after(furniture),
    };
  }
  // Without the furniture line, a plain second line is the subtitle if the first card still has content.
  const second = content[1];
  if (second !== undefined && !isBullet(second) && content.length > 2) {
    return { title: titleLine.text, subtitle: second.text, firstCardLines: after(second) };
  }
  return { title: titleLine.text, subtitle: null, firstCardLines: after(titleLine) };
}

function readCard(chunk: Line[], marker: Line, total: number): CardDraft {
  const content = nonBlank(chunk);
  const [position] = markerNumbers(marker);
  const head = content[0];
  if (head === undefined) {
    throw new ParseError(`card ${position} of ${total} is empty`, marker.number);
  }
  const hasTitle = !isBullet(head) && content.length > 1 && head.text.length <= MAX_TITLE_LENGTH;
  const bodyLines = hasTitle ? content.slice(1) : content;
  return { title: hasTitle ? head.text : null, body: markdownFromTextBlocks(readBlocks(bodyLines)) };
}

function readBlocks(lines: Line[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  lines.forEach((line, index) => {
    if (isBullet(line)) {
      const text = bulletText(line);
      if (text !== '') blocks.push({ kind: 'bullet', text });
      return;
    }
    const entries = line.raw
      .split(ENTRY_SEPARATOR)
      .map(normaliseSpace)
      .filter((entry) => entry !== '');
    if (entries.length > 1) {
      for (const text of entries) blocks.push({ kind: 'paragraph', text });
      return;
    }
    const next = lines[index + 1];
    const heading = readsAsHeading(
      line.text,
      blocks[blocks.length - 1],
      next !== undefined && isBullet(next),
    );
    blocks.push({ kind: heading ? 'heading' : 'paragraph', text: line.text });
  });
  return blocks;
}

function readTrailer(lines: Line[]): { subject: string | null; topic: string | null } {
  let subject: string | null = null;
  let topic: string | null = null;
  let inSimilarList = false;
  for (const line of nonBlank(lines)) {
    if (FURNITURE_NO_COMMENTS.test(line.text)) continue;
    const similar = SIMILAR.exec(line.text);
    if (similar) {
      subject ??= similar[1]!;
      inSimilarList = true;
      continue;
    }
    const seeAll = SEE_ALL.exec(line.text);
    if (seeAll) {
      subject = seeAll[1]!;
      topic = seeAll[2] ?? topic;
      inSimilarList = false;
      continue;
    }
    // Titles listed under "Similar … resources:" link to other sets; they are not content of this one.
    if (inSimilarList) continue;
    throw new ParseError(
      'unexpected text after the last card: only "No comments have yet been made", "Similar … resources:" and "See all … resources »" may follow it',
      line.number,
    );
  }
  return { subject, topic };
}
