/**
 * Writes a card set as revision-card text, in the layout of content/demo/*.txt, so that
 * parseRevisionText reads back the same title, subtitle, subject, topic and cards:
 *
 *   Title / blank / Subtitle / blank / HideShow resource information / blank
 *   each card: its title, blank, its body lines, "n of N", blank
 *   No comments have yet been made / blank / Similar Subject resources: / blank
 *   See all Subject resources »See all Topic resources »
 *
 * Bodies are Markdown; they are written as the format's lines (`  • bullet`, sub-heading lines set off by
 * blank lines, paragraph lines) with the Markdown escapes removed. Two rules keep a card's shape:
 *   - an untitled card whose first line is not a bullet (so would be read as its title) starts with a
 *     lone `  •` line, which the parser takes as "no title" and drops;
 *   - a titled card with an empty body gets the same lone `  •` line, so its title stays a title.
 * Lines that the parser would mistake for page structure (a bullet-looking title, a line reading "3 of 5"
 * or "Show resource information") get an invisible zero-width space, the format's only escape.
 * What cannot be said (level, exam board, tags, a topic without a subject, Markdown beyond bullets,
 * sub-headings and paragraphs) is left out; see README's round-trip table.
 */
import type { CardDraft } from '../../domain/card-set.js';
import type { TextBlock } from '../text-block-markdown.js';
import { textBlocksFromMarkdown } from '../text-blocks.js';
import { BULLET, FURNITURE_INFO, MARKER, MAX_LINE_LENGTH, normaliseSpace } from './parse-revision-text.js';

export interface RevisionTextSource {
  title: string;
  subtitle: string | null;
  subject: string | null;
  topic: string | null;
  cards: readonly CardDraft[];
}

const ZERO_WIDTH_SPACE = '\u200b';
const BULLET_PREFIX = '  • ';
/** A bullet line with no words: read as "this card's first line is not its title", then dropped. */
const NO_TITLE_LINE = '  •';

export function writeRevisionText(set: RevisionTextSource): string {
  const lines: string[] = [plain(set.title), ''];
  const subtitle = set.subtitle === null ? '' : plain(set.subtitle);
  if (subtitle !== '') lines.push(subtitle, '');
  lines.push('HideShow resource information', '');
  const total = set.cards.length;
  set.cards.forEach((card, index) => {
    lines.push(...cardLines(card), `${index + 1} of ${total}`, '');
  });
  lines.push('No comments have yet been made');
  const subject = set.subject === null ? '' : normaliseSpace(set.subject);
  if (subject !== '') {
    const topic = set.topic === null ? '' : normaliseSpace(set.topic);
    lines.push(
      '',
      `Similar ${subject} resources:`,
      '',
      `See all ${subject} resources »${topic === '' ? '' : `See all ${topic} resources »`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function cardLines(card: CardDraft): string[] {
  const title = card.title === null ? '' : plain(card.title);
  const body = bodyLines(textBlocksFromMarkdown(card.body));
  if (title !== '') return [title, '', ...(body.length === 0 ? [NO_TITLE_LINE] : body)];
  const content = body.filter((line) => line !== '');
  const first = content[0];
  const firstWouldBeTitle = first !== undefined && !BULLET.test(first.trimStart()) && content.length > 1;
  return firstWouldBeTitle ? [NO_TITLE_LINE, ...body] : body;
}

/** Sub-headings are set off by blank lines; bullets and paragraphs follow one another line by line. */
function bodyLines(blocks: readonly TextBlock[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'bullet': {
        const line = `${BULLET_PREFIX}${block.text}`;
        lines.push(line.length > MAX_LINE_LENGTH ? line.trimStart() : line);
        break;
      }
      case 'heading':
        if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
        lines.push(plain(block.text), '');
        break;
      case 'paragraph':
        lines.push(plain(block.text));
        break;
    }
  }
  while (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A line of words that must not be read as a bullet, a card's "n of N" or the resource-information toggle. */
function plain(text: string): string {
  let line = normaliseSpace(text);
  if (BULLET.test(line)) line = ZERO_WIDTH_SPACE + line;
  if (MARKER.test(line) || FURNITURE_INFO.test(line)) line += ZERO_WIDTH_SPACE;
  return line;
}
