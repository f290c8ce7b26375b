/**
 * One Anki note → one Recall card, as its note type's templates shape it (anki-note-types.ts).
 *
 * Basic notes: the front fields are the card's title, the back fields its body (HTML → Markdown, safely);
 * a front too long for a title (over 200 characters) opens the body instead. A note whose type has a
 * reverse template, and that has the reverse card in the collection (an "optional reversed" note only
 * has it when its "Add Reverse" field is filled), is `reversible`.
 *
 * Cloze notes: the cloze field becomes the body with Anki's deletions kept as written —
 * `{{c1::answer}}`, `{{c1::answer::hint}}` — and the other fields the templates show ("Back Extra")
 * follow as paragraphs; the card is `kind: 'cloze'` and untitled. The deletion markers are plain text to
 * the HTML converter (it escapes Markdown, never `{`, `}` or `:`), so hints, nested deletions and MathJax
 * inside them come through character for character.
 */
import { LIMITS, type CardDraft } from '../../domain/card-set.js';
import { FORMAT_LIMITS } from '../format-limits.js';
import { type HtmlBudget, htmlToMarkdown, htmlToPlainText } from '../html/html-to-markdown.js';
import type { NoteShape } from './anki-note-types.js';

/** The deletion numbers of a cloze text (`{{c2::…}}` and `{{c1,3::…}}` alike), in one pass. */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  let at = 0;
  for (;;) {
    const open = text.indexOf('{{c', at);
    if (open === -1) break;
    let end = open + 3;
    while (end < text.length && /[\d,]/.test(text[end]!)) end++;
    if (text.startsWith('::', end)) {
      for (const part of text.slice(open + 3, end).split(',')) {
        const number = Number(part);
        if (part !== '' && Number.isInteger(number) && number > 0) numbers.add(number);
      }
    }
    at = open + 3;
  }
  return [...numbers].sort((a, b) => a - b);
}

/** Anki's space-separated tags, as Recall keeps them: at most 100 of at most 100 characters each. */
export function tagsOfNote(tags: unknown): string[] {
  if (typeof tags !== 'string') return [];
  const kept = new Set<string>();
  for (const tag of tags.split(/[ \t\n\u3000]+/)) {
    if (tag === '' || tag.length > FORMAT_LIMITS.tagLength) continue;
    if (kept.size === FORMAT_LIMITS.tagsPerSet) break;
    kept.add(tag);
  }
  return [...kept];
}

const joinParts = (parts: string[]) => parts.filter((part) => part !== '').join('\n\n');

export function cardOfNote(
  fields: string[],
  shape: NoteShape,
  hasReverseCard: boolean,
  tags: string[],
  budget: HtmlBudget,
): CardDraft | null {
  const pick = (ords: number[]) => ords.map((ord) => fields[ord] ?? '');
  const tagged = (card: CardDraft): CardDraft => (tags.length > 0 ? { ...card, tags } : card);
  const back = pick(shape.back).map((field) => htmlToMarkdown(field, budget));
  if (shape.kind === 'cloze') {
    const text = joinParts(pick(shape.clozeFields).map((field) => htmlToMarkdown(field, budget)));
    const body = joinParts([text, ...back]);
    if (body === '') return null;
    return tagged(
      clozeNumbers(text).length > 0 ? { title: null, body, kind: 'cloze' } : { title: null, body },
    );
  }
  const front = pick(shape.front);
  const title = front
    .map((field) => htmlToPlainText(field, budget))
    .join(' ')
    .trim();
  const fitsTitle = title !== '' && title.length <= LIMITS.cardTitleLength;
  const body = joinParts([
    ...(fitsTitle || title === '' ? [] : front.map((field) => htmlToMarkdown(field, budget))),
    ...back,
  ]);
  if (title === '' && body === '') return null;
  const card: CardDraft = { title: fitsTitle ? title : null, body };
  return tagged(hasReverseCard && fitsTitle && body !== '' ? { ...card, reversible: true } : card);
}
