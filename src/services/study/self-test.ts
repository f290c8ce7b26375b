/**
 * Self-tests generated from a set's cards. A test is its seed: the page carries the seed in a hidden field
 * and the test is generated again when it is handed in, so that nothing but the seed and the learner's
 * responses comes back from the browser (never questions, answers or card ids). Wrong answers count as
 * Again for their cards (one answer per card), for a learner who is logged in.
 */
import { revisionKey, type DerivedWork } from '../derived-work.js';
import { randomInt } from 'node:crypto';
import type { CardSetSummaryRow } from '../../db/repositories/card-set.repository.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { CardSetSummary } from '../../domain/card-set.js';
import { AppError } from '../../domain/errors.js';
import {
  buildStudyContext,
  combineTestRatings,
  generateTest,
  gradeAnswer,
  studyVariants,
  testAnswerRating,
  type Question,
  type StudySet,
} from '../../domain/study/index.js';
import type { Viewer } from '../../domain/viewer.js';
import { toCard, toCardSetSummary } from '../card-set-mapping.js';
import type { ServiceContext } from '../context.js';
import { findViewableSet } from '../viewable-set.js';
import { recordTestOutcomes } from './record-review.js';
import { toItemCard } from './study-mapping.js';

export const TEST_LIMITS = {
  defaultCount: 10,
  maxCount: 50,
  maxSeed: 2_147_483_647,
  relatedSets: 8,
} as const;

export interface TestCard {
  id: number;
  position: number;
  title: string | null;
  /** The study item a test answer about the card is logged on: its first (see study-items.ts). */
  variant: number;
}

export interface SelfTest {
  set: CardSetSummary;
  seed: number;
  count: number;
  questions: Question[];
  /** The set's cards by position, for naming a question's source. */
  cards: Map<number, TestCard>;
}

/** A fresh seed for a new test. */
export const newTestSeed = (): number => randomInt(1, TEST_LIMITS.maxSeed);

/** The form field of a question's response; ordering questions have one per item (index in shown order). */
export const responseField = (questionId: string, index?: number): string =>
  index === undefined ? `a-${questionId}` : `a-${questionId}-${index}`;

function assertValidOptions(seed: number, count: number): void {
  const problems = [];
  if (!Number.isSafeInteger(seed) || seed < 1 || seed > TEST_LIMITS.maxSeed) {
    problems.push({ field: 'seed', message: `A whole number from 1 to ${TEST_LIMITS.maxSeed}.` });
  }
  if (!Number.isSafeInteger(count) || count < 1 || count > TEST_LIMITS.maxCount) {
    problems.push({ field: 'count', message: `A whole number from 1 to ${TEST_LIMITS.maxCount}.` });
  }
  if (problems.length > 0) throw new AppError('validation', 'The test options are not valid.', problems);
}

/**
 * What questions are made from (facts, answer spans, distractor pools, timeline) takes about a
 * millisecond per card to work out; it depends only on the set's and the related sets' revisions, so it is
 * kept for the next test of the same set (derived-work.ts).
 */

/** The set's cards and the study context for it, with other listed sets of the same subject for distractors. */
async function studyMaterial(repos: Repositories, derived: DerivedWork, row: CardSetSummaryRow) {
  const relatedIds = await repos.study.findRelatedSetIds(row.subjectId, row.id, TEST_LIMITS.relatedSets);
  const relatedRows = (await repos.cardSets.findSummaries(relatedIds)).sort((a, b) => a.id - b.id);
  const cardRows = await repos.cardSets.findCards(row.id);
  const key = [row, ...relatedRows].map(revisionKey).join(',');
  const context = await derived.studyContexts.getAsync(key, async () => {
    const relatedCards = await repos.cardSets.findCardsOfSets(relatedRows.map((set) => set.id));
    const related: StudySet[] = relatedRows.map((set) => ({
      title: set.title,
      cards: (relatedCards.get(set.id) ?? []).map(toCard),
    }));
    return buildStudyContext({ title: row.title, cards: cardRows.map(toCard) }, related);
  });
  return { cardRows, context };
}

/** The test of `count` questions that `seed` gives for the set (fewer when the set yields fewer). */
export async function getSelfTest(
  ctx: ServiceContext,
  viewer: Viewer,
  setId: number,
  options: { seed: number; count: number },
): Promise<SelfTest> {
  assertValidOptions(options.seed, options.count);
  const { row } = await findViewableSet(ctx.repos, viewer, setId);
  const { cardRows, context } = await studyMaterial(ctx.repos, ctx.derived, row);
  const questions = generateTest(
    { title: row.title, cards: cardRows.map(toCard) },
    { seed: options.seed, count: options.count, context },
  );
  return {
    set: toCardSetSummary(row),
    seed: options.seed,
    count: options.count,
    questions,
    cards: new Map(
      cardRows.map((card) => [
        card.position,
        {
          id: card.id,
          position: card.position,
          title: card.title,
          variant: studyVariants(toItemCard(card))[0] ?? 0,
        },
      ]),
    ),
  };
}

export interface GradedQuestion {
  question: Question;
  answered: boolean;
  correct: boolean;
  /** What the learner gave, as text (for an ordering question, the items in the order they gave). */
  given: string | string[] | null;
  /** How it was marked ("Accepted with a typo: …", "The answer is …"). */
  verdict: string;
}

export interface TestResult extends Omit<SelfTest, 'questions'> {
  graded: GradedQuestion[];
  score: number;
  /** Cards of the questions answered wrongly or not at all, by position. */
  revisit: TestCard[];
  /** Cards whose wrong answers were recorded and moved their schedule (logged-in learners only). */
  recordedAgain: number;
  /** Cards whose answers were logged: counted (moved the schedule), or practice (see record-review.ts). */
  recorded: { counted: number; practice: number };
  /** Responses to questions this test no longer has: the set changed since the test was made. */
  unmatched: number;
}

const quote = (text: string) => `“${text}”`;

function gradeChoice(
  question: Question & { choices: string[]; answer: string },
  response: string | undefined,
) {
  const index = response !== undefined && /^\d{1,2}$/.test(response) ? Number(response) : -1;
  const chosen = question.choices[index];
  if (chosen === undefined) {
    return {
      answered: false,
      correct: false,
      given: null,
      verdict: `Not answered; the answer is ${quote(question.answer)}.`,
    };
  }
  const correct = chosen === question.answer;
  return {
    answered: true,
    correct,
    given: chosen,
    verdict: correct ? 'Correct.' : `The answer is ${quote(question.answer)}; you chose ${quote(chosen)}.`,
  };
}

function gradeQuestion(question: Question, responses: Readonly<Record<string, string>>): GradedQuestion {
  switch (question.kind) {
    case 'cloze': {
      const response = responses[responseField(question.id)] ?? '';
      const grading = gradeAnswer(response, question.answer);
      return {
        question,
        answered: response.trim() !== '',
        correct: grading.correct,
        given: response.trim() === '' ? null : response,
        verdict: grading.explanation,
      };
    }
    case 'multiple-choice':
    case 'which-card':
      return { question, ...gradeChoice(question, responses[responseField(question.id)]) };
    case 'ordering': {
      const n = question.choices.length;
      const ranks = question.choices.map((_, index) => {
        const value = responses[responseField(question.id, index)] ?? '';
        return /^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= n ? Number(value) : null;
      });
      if (ranks.some((rank) => rank === null)) {
        return {
          question,
          answered: ranks.some((rank) => rank !== null),
          correct: false,
          given: null,
          verdict: `Not every item was given a place from 1 to ${n}.`,
        };
      }
      const order = question.choices
        .map((choice, index) => ({ choice, rank: ranks[index]! }))
        .sort((a, b) => a.rank - b.rank)
        .map((item) => item.choice);
      const correct = new Set(ranks).size === n && order.every((choice, i) => choice === question.answer[i]);
      return {
        question,
        answered: true,
        correct,
        given: order,
        verdict: correct ? 'Correct: all in date order.' : 'Not in date order.',
      };
    }
  }
}

/** Marks a handed-in test: regenerates it from the seed, grades each response, records Again for wrong answers. */
export async function gradeSelfTest(
  ctx: ServiceContext,
  viewer: Viewer,
  setId: number,
  input: { seed: number; count: number; responses: Readonly<Record<string, string>> },
): Promise<TestResult> {
  const test = await getSelfTest(ctx, viewer, setId, input);
  const graded = test.questions.map((question) => gradeQuestion(question, input.responses));
  const ids = new Set(test.questions.map((question) => question.id));
  const unmatched = new Set(
    Object.keys(input.responses)
      .map((field) => /^a-([0-9a-f]{6,32})(?:-\d+)?$/.exec(field)?.[1])
      .filter((id): id is string => id !== undefined && !ids.has(id)),
  ).size;
  const positions = (list: GradedQuestion[]) =>
    [...new Set(list.flatMap((g) => g.question.sources))].sort((a, b) => a - b);
  const revisit = positions(graded.filter((g) => !g.correct)).flatMap((p) => {
    const card = test.cards.get(p);
    return card === undefined ? [] : [card];
  });
  let recordedAgain = 0;
  let recorded = { counted: 0, practice: 0 };
  if (viewer !== null) {
    // Only questions answered: a question left blank is not an answer.
    const ratings = combineTestRatings(
      graded
        .filter((g) => g.answered)
        .flatMap((g) =>
          g.question.sources.map((position) => ({
            item: position,
            rating: testAnswerRating(g.question.kind, g.correct),
          })),
        ),
    );
    const outcomes = [...ratings].flatMap(([position, rating]) => {
      const card = test.cards.get(position);
      return card === undefined
        ? []
        : [{ card: { id: card.id, cardSetId: setId }, variant: card.variant, rating }];
    });
    const counted = await recordTestOutcomes(ctx, viewer, outcomes);
    recorded = { counted: counted.filter(Boolean).length, practice: counted.filter((c) => !c).length };
    recordedAgain = outcomes.filter((o, i) => o.rating < 3 && counted[i]).length;
  }
  return {
    set: test.set,
    seed: test.seed,
    count: test.count,
    cards: test.cards,
    graded,
    score: graded.filter((g) => g.correct).length,
    revisit,
    recordedAgain,
    recorded,
    unmatched,
  };
}
