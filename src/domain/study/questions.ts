/**
 * Questions generated from a set's cards, with no hand-written questions: cloze (a name, year, number or
 * defined term blanked from a fact), multiple choice (distractors of the same kind from the set or from
 * related sets), chronology ordering (from the timeline) and "which card does this fact belong to".
 *
 * Everything is deterministic for a given seed, every question is checked against the invariants of
 * question-checks.ts before it is offered, and the work is linear in the size of the set: the set is read
 * once (facts, answer spans, distractor pools, timeline), then questions are made lazily, one fact at a time,
 * only until the test is full.
 */
import { extractAnswerSpans, type AnswerKind, type AnswerSpan } from './answer-spans.js';
import {
  choiceKey,
  comparisonTokens,
  containsPhrase,
  overlappingChoices,
  phraseFinder,
} from './answer-text.js';
import { cardFacts, type Fact, type StudyCard } from './card-text.js';
import { readableCard } from './cloze.js';
import { clozeDeletions, type ClozeDeletion } from './cloze-questions.js';
import { buildPools, pickDistractors, type DistractorPools } from './distractors.js';
import { cardPrompt } from './prompt.js';
import { questionChecker, type QuestionChecker } from './question-checks.js';
import {
  BLANK,
  withId,
  type ClozeQuestion,
  type MultipleChoiceQuestion,
  type OrderingQuestion,
  type Question,
  type QuestionKind,
  type StudySet,
  type WhichCardQuestion,
} from './question-types.js';
import type { Random } from './random.js';
import { splitSentences, wordCount } from './sentences.js';
import {
  orderingItems,
  pickOrdering,
  timelineFromFacts,
  type OrderingItem,
  type TimelineEvent,
} from './timeline.js';

/** A set read once for question generation. */
export interface StudyContext {
  cards: readonly StudyCard[];
  facts: readonly Fact[];
  prompts: ReadonlyMap<number, string>;
  titles: ReadonlyMap<number, string | null>;
  /** How many facts of the set hold each answer (by choiceKey): common answers make weak questions. */
  answerCounts: ReadonlyMap<string, number>;
  spans: ReadonlyMap<Fact, readonly AnswerSpan[]>;
  pools: DistractorPools;
  timeline: readonly TimelineEvent[];
  /** The timeline's events that can be ordered, with their undated clues. */
  orderable: readonly OrderingItem[];
  check: QuestionChecker;
  /** The deletions of the set's cloze cards: gaps their authors chose. */
  deletions: readonly ClozeDeletion[];
}

export interface QuestionOptions {
  seed: number | string;
  /** Other sets of the same subject: more distractors of the same kind. */
  related?: readonly StudySet[];
  /** Only these kinds (default: all). */
  kinds?: readonly QuestionKind[];
}

export function buildStudyContext(set: StudySet, related: readonly StudySet[] = []): StudyContext {
  const sorted = [...set.cards].sort((a, b) => a.position - b.position);
  // Cloze cards are read as their text, deletions shown as their answers; the deletions are asked apart.
  const cards = sorted.map(readableCard);
  const factsByCard = cards.map((card) => cardFacts(card));
  const facts = factsByCard.flat();
  const prompts = new Map(cards.map((card, i) => [card.position, cardPrompt(card, factsByCard[i])]));
  const spans = extractAnswerSpans(facts);
  const relatedSpans = related.map((other) =>
    extractAnswerSpans(other.cards.flatMap((card) => cardFacts(readableCard(card)))),
  );
  const pools = buildPools([...spans.values(), ...relatedSpans.flatMap((map) => [...map.values()])]);
  const titles = new Map(cards.map((card) => [card.position, card.title?.trim() || null]));
  const answerCounts = new Map<string, number>();
  for (const factSpans of spans.values()) {
    for (const key of new Set(factSpans.map((span) => choiceKey(span.text)))) {
      answerCounts.set(key, (answerCounts.get(key) ?? 0) + 1);
    }
  }
  const timeline = timelineFromFacts(facts);
  const factsOfCard = new Map(cards.map((card, i) => [card, factsByCard[i]!]));
  return {
    cards,
    facts,
    prompts,
    titles,
    answerCounts,
    spans,
    pools,
    timeline,
    orderable: orderingItems(timeline),
    check: questionChecker(cards, (card) => factsOfCard.get(card) ?? cardFacts(card)),
    deletions: clozeDeletions(sorted),
  };
}

export interface Candidate {
  question: Question;
  /** The facts the question is made from, so that a test does not ask twice about one fact. */
  factKeys: string[];
}

const factKey = (fact: Pick<Fact, 'cardPosition' | 'index'>) => `${fact.cardPosition}:${fact.index}`;

const KIND_NOUN: Readonly<Record<AnswerKind, string>> = {
  year: 'year',
  number: 'number',
  person: 'person',
  place: 'place',
  name: 'name',
  term: 'term',
};

function cardTitle(context: StudyContext, position: number): string | null {
  return context.titles.get(position) ?? null;
}

/** "From card 4 (“Chronology of the Terror 1930 - 38”): 1934 - Dec 1st, Kirov assassinated by …". */
function explanationFor(context: StudyContext, fact: Fact): string {
  const title = cardTitle(context, fact.cardPosition);
  return `From card ${fact.cardPosition}${title ? ` (“${title}”)` : ''}: ${fact.text}`;
}

/** Where a blanked sentence comes from, without giving the answer away through the title. */
function sourceLabel(context: StudyContext, fact: Fact, answer: string): string {
  const title = cardTitle(context, fact.cardPosition);
  return title && !containsPhrase(title, answer)
    ? `Card ${fact.cardPosition} (“${title}”)`
    : `Card ${fact.cardPosition}`;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Replaces every whole-word, case-insensitive occurrence of `answer` in `text` with the blank. */
function blankAll(text: string, answer: string): string {
  const haystack = text.toLowerCase();
  const needle = answer.toLowerCase();
  // toLowerCase keeps lengths for the scripts cards are written in; if not, do not risk wrong offsets.
  if (needle === '' || haystack.length !== text.length || needle.length !== answer.length) return text;
  let result = '';
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (at < from || isWordChar(text[at - 1]) || isWordChar(text[at + needle.length])) continue;
    result += text.slice(from, at) + BLANK;
    from = at + needle.length;
  }
  return result + text.slice(from);
}

/** The sentence holding the span, with every occurrence of the answer blanked; null if it says too little. */
function blankedSentence(fact: Fact, span: AnswerSpan): string | null {
  const sentences = splitSentences(fact.text);
  const sentence = sentences.find((s) => span.start >= s.start && span.start < s.end) ?? {
    start: 0,
    end: fact.text.length,
    text: fact.text,
  };
  const blanked = blankAll(sentence.text, span.text);
  if (!blanked.includes(BLANK) || wordCount(blanked.replaceAll(BLANK, '')) < 4) return null;
  const before = sentence.start > 0 ? '… ' : '';
  const after = fact.text.slice(sentence.end).trim() !== '' ? ' …' : '';
  return `${before}${blanked}${after}`;
}

/** The spans worth asking about in a fact: one per distinct answer, not a word of a longer name beside it. */
function goodSpans(fact: Fact, spans: readonly AnswerSpan[]): AnswerSpan[] {
  const seen = new Set<string>();
  return spans.filter((span) => {
    const key = choiceKey(span.text);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    if (span.text.length > fact.text.length * 0.6) return false;
    return !spans.some(
      (other) =>
        other !== span && other.text.length > span.text.length && overlappingChoices(other.text, span.text),
    );
  });
}

function valid(context: StudyContext, question: Question): boolean {
  return context.check(question).length === 0;
}

/** Facts in a random order; within a fact, the rarest answers first ("Nikolayev" before "Stalin"). */
function* spanCandidates(context: StudyContext, random: Random): Generator<[Fact, AnswerSpan]> {
  for (const fact of random.shuffle(context.facts)) {
    const spans = context.spans.get(fact);
    if (spans === undefined) continue;
    const ranked = goodSpans(fact, spans)
      .map((span) => ({ span, rank: (context.answerCounts.get(choiceKey(span.text)) ?? 0) + random.next() }))
      .sort((a, b) => a.rank - b.rank);
    for (const { span } of ranked) yield [fact, span];
  }
}

function* clozeQuestions(context: StudyContext, random: Random): Generator<Candidate> {
  for (const [fact, span] of spanCandidates(context, random)) {
    const blanked = blankedSentence(fact, span);
    if (blanked === null) continue;
    const question = withId<ClozeQuestion>({
      kind: 'cloze',
      prompt: `${sourceLabel(context, fact, span.text)}: ${blanked}`,
      answer: span.text,
      answerKind: span.kind,
      sources: [fact.cardPosition],
      explanation: explanationFor(context, fact),
    });
    if (valid(context, question)) yield { question, factKeys: [factKey(fact)] };
  }
}

/** The set's own deletions as gaps, in a random order, before any gap generated from the text. */
function* deletionQuestions(context: StudyContext, random: Random): Generator<Candidate> {
  for (const deletion of random.shuffle(context.deletions)) {
    const fact: Fact = {
      cardPosition: deletion.cardPosition,
      index: deletion.factIndex,
      kind: 'paragraph',
      text: deletion.fact,
    };
    const question = withId<ClozeQuestion>({
      kind: 'cloze',
      prompt: `${sourceLabel(context, fact, deletion.answer)}: ${deletion.blanked}`,
      answer: deletion.answer,
      answerKind: deletion.answerKind,
      sources: [deletion.cardPosition],
      explanation: explanationFor(context, fact),
    });
    if (valid(context, question)) yield { question, factKeys: [factKey(fact)] };
  }
}

function* multipleChoiceQuestions(context: StudyContext, random: Random): Generator<Candidate> {
  for (const [fact, span] of spanCandidates(context, random)) {
    const blanked = blankedSentence(fact, span);
    if (blanked === null) continue;
    const prompt = `Which ${KIND_NOUN[span.kind]} fills the blank? ${sourceLabel(context, fact, span.text)}: ${blanked}`;
    const distractors = pickDistractors(context.pools, span, { prompt, count: 3, random });
    if (distractors.length === 0) continue;
    const question = withId<MultipleChoiceQuestion>({
      kind: 'multiple-choice',
      prompt,
      answer: span.text,
      answerKind: span.kind,
      choices: random.shuffle([span.text, ...distractors]),
      sources: [fact.cardPosition],
      explanation: explanationFor(context, fact),
    });
    if (valid(context, question)) yield { question, factKeys: [factKey(fact)] };
  }
}

const TITLE_STOPWORDS = new Set(
  'the a an of and or to in on at by for with from what how why who when did does do was were is are id had have'.split(
    ' ',
  ),
);

/** True when the fact would give its card away: it holds the whole title, or every distinctive word of it. */
function namesItsCard(fact: string, front: string): boolean {
  if (containsPhrase(fact, front)) return true;
  const distinctive = comparisonTokens(front).filter(
    (word) => word.length >= 3 && !TITLE_STOPWORDS.has(word),
  );
  if (distinctive.length === 0) return false;
  const words = new Set(comparisonTokens(fact));
  return distinctive.every((word) => words.has(word));
}

const MAX_WHICH_CARD_FACT = 220;

function quotedFact(text: string): string {
  if (text.length <= MAX_WHICH_CARD_FACT) return text;
  const sentences = splitSentences(text);
  let shown = '';
  for (const sentence of sentences) {
    if (shown !== '' && sentence.end > MAX_WHICH_CARD_FACT) break;
    shown = text.slice(0, sentence.end);
  }
  return shown.length < text.length ? `${shown} …` : shown;
}

function* whichCardQuestions(context: StudyContext, random: Random): Generator<Candidate> {
  if (context.cards.length < 2) return;
  const positions = context.cards.map((card) => card.position);
  const promptKeys = new Map<string, number>();
  for (const front of context.prompts.values()) {
    promptKeys.set(choiceKey(front), (promptKeys.get(choiceKey(front)) ?? 0) + 1);
  }
  // An untitled card's front is made from its first fact: asking about that fact would give it away.
  const frontFacts = new Set<Fact>();
  const untitledSeen = new Set<number>();
  for (const fact of context.facts) {
    if (fact.kind === 'heading' || cardTitle(context, fact.cardPosition) !== null) continue;
    if (untitledSeen.has(fact.cardPosition)) continue;
    untitledSeen.add(fact.cardPosition);
    frontFacts.add(fact);
  }
  for (const fact of random.shuffle(context.facts)) {
    if (fact.kind === 'heading' || wordCount(fact.text) < 6) continue;
    const position = fact.cardPosition;
    const answer = context.prompts.get(position)!;
    if (promptKeys.get(choiceKey(answer))! > 1) continue;
    if (frontFacts.has(fact)) continue;
    if (namesItsCard(fact.text, answer)) continue;
    const shownFact = quotedFact(fact.text);
    const prompt = `Which card is this from? “${shownFact}”`;
    const others: number[] = [];
    const keys = new Set([choiceKey(answer)]);
    const inPrompt = phraseFinder(prompt);
    for (let tries = 0; others.length < 3 && tries < 24; tries++) {
      const other = positions[random.int(positions.length)]!;
      const front = context.prompts.get(other)!;
      const key = choiceKey(front);
      if (other === position || keys.has(key) || inPrompt(front)) continue;
      keys.add(key);
      others.push(other);
    }
    if (others.length === 0) continue;
    const choicePositions = random.shuffle([position, ...others]);
    const question = withId<WhichCardQuestion>({
      kind: 'which-card',
      prompt,
      fact: shownFact,
      answer,
      choices: choicePositions.map((p) => context.prompts.get(p)!),
      choicePositions,
      sources: [position],
      explanation: explanationFor(context, fact),
    });
    if (valid(context, question)) yield { question, factKeys: [factKey(fact)] };
  }
}

const ORDERING_SIZE = 4;

/** An ordering item's first sentence is enough to recognise the event. */
function shortClue(item: OrderingItem): OrderingItem {
  const first = splitSentences(item.clue)[0];
  return first !== undefined && wordCount(first.text) >= 4 ? { ...item, clue: first.text } : item;
}
const ORDERING_ATTEMPTS = 12;

function* orderingQuestions(context: StudyContext, random: Random): Generator<Candidate> {
  const seen = new Set<string>();
  let misses = 0;
  while (misses < ORDERING_ATTEMPTS) {
    const found = pickOrdering(context.orderable, { count: ORDERING_SIZE, random });
    if (found === null) return;
    const exercise = { shown: found.shown.map(shortClue), answer: found.answer.map(shortClue) };
    const question = withId<OrderingQuestion>({
      kind: 'ordering',
      prompt: 'Put these in date order, earliest first.',
      choices: exercise.shown.map((item) => item.clue),
      answer: exercise.answer.map((item) => item.clue),
      dates: exercise.answer.map((item) => item.event.dateLabel),
      sources: [...new Set(exercise.answer.map((item) => item.event.cardPosition))].sort((a, b) => a - b),
      explanation:
        'In date order: ' +
        exercise.answer
          .map((item) => `${item.event.dateLabel}: ${item.clue} (card ${item.event.cardPosition})`)
          .join('; ') +
        '.',
    });
    const key = [...question.answer].sort().join('\u0001');
    if (seen.has(key) || !valid(context, question)) {
      misses++;
      continue;
    }
    seen.add(key);
    yield {
      question,
      factKeys: exercise.answer.map((item) => `${item.event.cardPosition}:${item.event.factIndex}`),
    };
  }
}

/** Each kind's questions, lazily, one fact at a time. */
export const GENERATORS: Readonly<
  Record<QuestionKind, (context: StudyContext, random: Random) => Generator<Candidate>>
> = {
  cloze: function* (context, random) {
    yield* deletionQuestions(context, random);
    yield* clozeQuestions(context, random);
  },
  'multiple-choice': multipleChoiceQuestions,
  ordering: orderingQuestions,
  'which-card': whichCardQuestions,
};
