/**
 * The invariants every generated question must meet, checked in code (generation drops any question that
 * fails) and in tests:
 * - its answer is found in its source card's text (for ordering: each item in its card; for which-card:
 *   the answer is that card's front and the fact is on that card);
 * - its prompt does not contain its own answer (normalised comparison, whole words);
 * - no two choices are the same (normalised, plurals folded), and the answer is among them;
 * - its id is the hash of its content.
 */
import { choiceKey, phraseFinder } from './answer-text.js';
import { cardFacts, cardPlainText, type Fact, type StudyCard } from './card-text.js';
import { cardPrompt } from './prompt.js';
import { questionId, type Question } from './question-types.js';

function duplicateChoices(choices: readonly string[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const choice of choices) {
    const key = choiceKey(choice);
    const earlier = seen.get(key);
    if (earlier !== undefined) problems.push(`choices "${earlier}" and "${choice}" are the same`);
    seen.set(key, choice);
  }
  return problems;
}

export type QuestionChecker = (question: Question) => string[];

/**
 * A checker for questions about these cards: each card's text and front are prepared once, so checking
 * many questions costs little more than reading the questions.
 */
export function questionChecker(
  cards: readonly StudyCard[],
  factsOf: (card: StudyCard) => readonly Fact[] = cardFacts,
): QuestionChecker {
  const byPosition = new Map(
    cards.map((card) => {
      const facts = factsOf(card);
      return [
        card.position,
        { front: cardPrompt(card, facts), holds: phraseFinder(cardPlainText(card, facts)) },
      ];
    }),
  );
  return (question) => check(question, byPosition);
}

/** Everything wrong with the question, as sentences; an empty list means the question is valid. */
export function questionProblems(question: Question, cards: readonly StudyCard[]): string[] {
  return questionChecker(cards)(question);
}

interface PreparedCard {
  front: string;
  holds: (text: string) => boolean;
}

function check(question: Question, byPosition: ReadonlyMap<number, PreparedCard>): string[] {
  const problems: string[] = [];
  const sourceCards = question.sources.map((position) => byPosition.get(position));
  if (question.sources.length === 0 || sourceCards.some((card) => card === undefined)) {
    return [`unknown source card(s) ${question.sources.join(', ')}`];
  }
  const prepared = sourceCards as PreparedCard[];
  const inSources = (text: string) => prepared.some((card) => card.holds(text));
  const inPrompt = phraseFinder(question.prompt);

  if (question.id !== questionId(question)) problems.push('the id is not the hash of the content');
  if (question.prompt.trim() === '') problems.push('the prompt is empty');

  switch (question.kind) {
    case 'cloze':
    case 'multiple-choice':
      if (!inSources(question.answer))
        problems.push(`the answer "${question.answer}" is not in its source card`);
      if (inPrompt(question.answer)) problems.push(`the prompt contains its answer "${question.answer}"`);
      if (question.kind === 'multiple-choice') {
        if (question.choices.length < 2) problems.push('fewer than 2 choices');
        if (!question.choices.includes(question.answer)) problems.push('the answer is not among the choices');
        problems.push(...duplicateChoices(question.choices));
      }
      break;
    case 'ordering': {
      const sortedChoices = [...question.choices].sort();
      const sortedAnswer = [...question.answer].sort();
      if (sortedChoices.join('\u0001') !== sortedAnswer.join('\u0001')) {
        problems.push('the answer is not an ordering of the choices');
      }
      if (question.answer.length < 2) problems.push('fewer than 2 items to order');
      if (question.dates.length !== question.answer.length) problems.push('a date is missing for an item');
      for (const item of question.answer) {
        if (!inSources(item)) problems.push(`the item "${item}" is not in its source cards`);
        if (inPrompt(item)) problems.push(`the prompt contains the item "${item}"`);
      }
      for (const date of question.dates) {
        if (question.prompt.includes(date)) problems.push(`the prompt gives away the date ${date}`);
      }
      problems.push(...duplicateChoices(question.choices));
      break;
    }
    case 'which-card': {
      const card = prepared[0]!;
      if (question.answer !== card.front) problems.push('the answer is not the source card’s front');
      if (!card.holds(question.fact)) problems.push('the fact is not on its source card');
      if (inPrompt(question.answer)) problems.push(`the prompt contains its answer "${question.answer}"`);
      if (!question.choices.includes(question.answer)) problems.push('the answer is not among the choices');
      if (question.choicePositions.length !== question.choices.length) problems.push('a choice has no card');
      problems.push(...duplicateChoices(question.choices));
      break;
    }
  }
  return problems;
}
