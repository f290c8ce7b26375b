/**
 * Reads a Logseq page (Markdown) with flashcards, as Logseq's documentation describes them: a block tagged
 * `#card` (or `[[card]]`) is a card, its text the front and its child blocks the back; `{{cloze text}}` in a
 * card hides that text (each deletion a card of its own: Recall's `{{c1::text}}`, `{{c2::…}}`), the children
 * then following the text. Logseq's review properties (`card-last-interval::` …) and other block
 * properties are not text; the card's other `#tags` become its tags. The page's `title::` names the set
 * (a namespace "Subject/Topic/Title" places it), its `tags::` are the set's tags.
 */
import type { CardDraft } from '../../domain/card-set.js';
import type { CardSetDocument } from '../card-set-document.js';
import type { ReadOptions } from '../card-set-format.js';
import {
  DeckCollector,
  bodyFromLines,
  cardOf,
  clozeCard,
  decodeNote,
  hashtagsOf,
  mediaAsText,
  toRecallCloze,
} from '../flashcard-notes.js';
import { eachBlock, outlineMarkdown, readOutline, type OutlineBlock } from '../outline-blocks.js';

export const CARD_TAG = /(?:^|\s)(?:#card|#\[\[card\]\]|\[\[card\]\])(?![\w/-])/i;
const HASHTAG = /(?:^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]{0,99}/gu;
const CLOZE = /\{\{cloze\s([^{}\n]{1,1000})\}\}/g;

export function readLogseqCards(input: Uint8Array, options: ReadOptions = {}): CardSetDocument[] {
  const text = decodeNote(input, options, 'a Logseq page');
  const { preamble, blocks } = readOutline(text);
  const page = pageProperties(preamble);
  const title = options.title ?? 'Imported cards';
  const collector = new DeckCollector(
    page.title === null ? title : page.title.split('/').pop()!,
    options,
    page.tags,
  );
  const deck = page.title?.includes('/') === true ? page.title.split('/').join('::') : '';
  for (const block of eachBlock(blocks)) {
    if (!CARD_TAG.test(block.lines[0] ?? '')) continue;
    collector.add(deck, cardOfBlock(block), block.line);
  }
  return collector.result();
}

function pageProperties(preamble: readonly string[]): { title: string | null; tags: string[] } {
  let title: string | null = null;
  let tags: string[] = [];
  for (const line of preamble) {
    const property = /^([a-z-]+):: ?(.*)$/i.exec(line.trim());
    if (property === null) continue;
    const value = property[2]!.trim();
    if (property[1]!.toLowerCase() === 'title' && value !== '') title = value;
    if (property[1]!.toLowerCase() === 'tags') tags = splitList(value);
  }
  return { title, tags };
}

const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .replace(/^#/, '')
        .replace(/^\[\[(.*)\]\]$/, '$1'),
    )
    .filter((tag) => tag !== '');

/** Logseq's own words removed: the card tag, page-link brackets. */
const cleaned = (text: string): string =>
  mediaAsText(text.replace(CARD_TAG, ' ').replace(/#\[\[([^\]\n]{1,300})\]\]/g, '#$1')).trim();

function cardOfBlock(block: OutlineBlock): CardDraft | null {
  const tags = hashtagsOf(block.lines.join(' ')).filter((tag) => tag.toLowerCase() !== 'card');
  const front = block.lines.map((line) => cleaned(line).replace(HASHTAG, ' ').trim()).join('\n');
  const back = outlineMarkdown(block.children, cleaned);
  const cloze = toRecallCloze(front, CLOZE, (match) => ({ answer: match[1]!.trim() }));
  const card =
    cloze.deletions > 0
      ? clozeCard(bodyFromLines(cloze.text.split('\n')), back)
      : cardOf(front, back === '' ? '' : back);
  if (card !== null && tags.length > 0) card.tags = [...new Set(tags)];
  return card;
}
