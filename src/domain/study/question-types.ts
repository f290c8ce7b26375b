/** Self-test questions generated from a set's cards: their shapes, and the stable id of each. */
import type { AnswerKind } from './answer-spans.js';
import type { StudyCard } from './card-text.js';
import { contentId } from './content-hash.js';

export const QUESTION_KINDS = ['cloze', 'multiple-choice', 'ordering', 'which-card'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The placeholder a cloze or multiple-choice prompt shows where the answer was. */
export const BLANK = '______';

interface QuestionBase {
  /** A hash of the question's content: the same question always has the same id. */
  id: string;
  kind: QuestionKind;
  prompt: string;
  /** The positions of the cards the question comes from. */
  sources: number[];
  /** Where the answer comes from, e.g. "From card 4 (“Chronology of the Terror 1930 - 38”): 1934 - Dec 1st, …". */
  explanation: string;
}

/** Type the missing words. */
export interface ClozeQuestion extends QuestionBase {
  kind: 'cloze';
  answer: string;
  answerKind: AnswerKind;
}

/** Pick the missing words among choices of the same kind (years with years, people with people, …). */
export interface MultipleChoiceQuestion extends QuestionBase {
  kind: 'multiple-choice';
  answer: string;
  answerKind: AnswerKind;
  choices: string[];
}

/** Put events in date order; the choices are shown without their dates. */
export interface OrderingQuestion extends QuestionBase {
  kind: 'ordering';
  choices: string[];
  /** The choices, earliest first. */
  answer: string[];
  /** The date of each answer item, in the same order ("1 December 1934"). */
  dates: string[];
}

/** Which card does this fact belong to? The choices are cards' titles (or prompts, for untitled cards). */
export interface WhichCardQuestion extends QuestionBase {
  kind: 'which-card';
  /** The fact, as on the card. */
  fact: string;
  answer: string;
  choices: string[];
  /** The card position of each choice, in the same order. */
  choicePositions: number[];
}

export type Question = ClozeQuestion | MultipleChoiceQuestion | OrderingQuestion | WhichCardQuestion;

/** A card set as study sees it (a cloze card's deletions are asked as gaps; see cloze-questions.ts). */
export interface StudySet {
  title: string;
  cards: readonly (StudyCard & { kind?: string })[];
}

type WithoutId<T> = T extends Question ? Omit<T, 'id'> : never;

/** The id from the content: kind, prompt, answer, the choices as a set, the sources. */
export function questionId(question: WithoutId<Question> | Question): string {
  const answer = Array.isArray(question.answer) ? question.answer.join('\u0001') : question.answer;
  const choices = 'choices' in question ? [...question.choices].sort().join('\u0001') : '';
  return contentId([question.kind, question.prompt, answer, choices, question.sources.join(',')]);
}

export function withId<T extends Question>(question: Omit<T, 'id'>): T {
  return { id: questionId(question as WithoutId<Question>), ...question } as T;
}
