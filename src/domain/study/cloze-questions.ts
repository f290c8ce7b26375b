/**
 * Self-test questions from a cloze card's own deletions: the author chose what to hide, so each deletion
 * is asked as a gap in the sentence (paragraph or bullet) that holds it, its answer the deletion's text.
 * Other deletions of the same number stay hidden ("[…]", or their hint), those of other numbers read as
 * their answers, as when the card is studied.
 */
import type { AnswerKind } from './answer-spans.js';
import { collapseSpace, containsPhrase } from './answer-text.js';
import { cardFacts, type StudyCard } from './card-text.js';
import { clozeAnswers, clozeNumbers, fillClozeGaps } from './cloze.js';
import { BLANK } from './question-types.js';

/** One deletion, ready to be asked. */
export interface ClozeDeletion {
  cardPosition: number;
  /** Index of the fact (in the card's plain text) that holds it. */
  factIndex: number;
  /** The fact with this deletion blanked (and its hint after the blank). */
  blanked: string;
  /** The fact with every answer of this number shown. */
  fact: string;
  answer: string;
  answerKind: AnswerKind;
}

/** Marks where the asked deletion was, through Markdown parsing (a private-use character). */
const HERE = '\uE010';
/** Facts longer than this are cut to the sentence around the gap. */
const LONGEST_FACT = 300;

const kindOf = (answer: string): AnswerKind =>
  /^\d{3,4}$/.test(answer) ? 'year' : /^[\d.,%\s]+$/.test(answer) ? 'number' : 'term';

/** The plain text of a bit of Markdown (an answer may hold emphasis or a link). */
const plainOf = (markdown: string) =>
  collapseSpace(
    cardFacts({ position: 0, body: markdown })
      .map((fact) => fact.text)
      .join(' '),
  );

/** The sentence-sized part of a long fact that holds the gap. */
function around(text: string): string {
  if (text.length <= LONGEST_FACT) return text;
  const at = text.indexOf(BLANK);
  const start = Math.max(0, text.lastIndexOf('. ', at) + 1);
  const stop = text.indexOf('. ', at);
  const end = stop < 0 ? text.length : stop + 1;
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

/** Every deletion of the set's cloze cards, in card order. */
export function clozeDeletions(cards: readonly (StudyCard & { kind?: string })[]): ClozeDeletion[] {
  const deletions: ClozeDeletion[] = [];
  for (const card of cards) {
    if (card.kind !== 'cloze' || card.body.includes(HERE)) continue;
    for (const number of clozeNumbers(card.body)) {
      const answers = clozeAnswers(card.body, number);
      answers.forEach((raw, occurrence) => {
        const answer = plainOf(raw);
        if (answer === '') return;
        let hint: string | null = null;
        const gapped = fillClozeGaps(card.body, number, (gapHint, at) => {
          if (at !== occurrence) return `[${gapHint ?? '…'}]`;
          hint = gapHint;
          return HERE;
        });
        const facts = cardFacts({ position: card.position, body: gapped });
        const holder = facts.find((fact) => fact.text.includes(HERE));
        // A gap inside a code span or across paragraphs cannot be asked cleanly.
        if (holder === undefined || holder.text.split(HERE).length !== 2) return;
        const shown = fillClozeGaps(card.body, number, (_hint, at) =>
          at === occurrence ? `${HERE}${answers[at]!}` : answers[at]!,
        );
        const fact = cardFacts({ position: card.position, body: shown })[holder.index]?.text ?? '';
        const hintText = hint === null || containsPhrase(hint, answer) ? '' : ` (${String(hint)})`;
        deletions.push({
          cardPosition: card.position,
          factIndex: holder.index,
          blanked: around(holder.text.replace(HERE, `${BLANK}${hintText}`)),
          fact: collapseSpace(fact.replace(HERE, '')),
          answer,
          answerKind: kindOf(answer),
        });
      });
    }
  }
  return deletions;
}
