/**
 * Putting a self-test together from the generated questions (questions.ts): every valid question of the
 * kinds asked, or a test of a given length mixing the kinds by weight, each fact and answer asked about
 * at most once while others remain. Deterministic for a seed.
 */
import { choiceKey } from './answer-text.js';
import { QUESTION_KINDS, type Question, type QuestionKind, type StudySet } from './question-types.js';
import { buildStudyContext, GENERATORS, type QuestionOptions, type StudyContext } from './questions.js';
import { createRandom } from './random.js';

/** How a test's questions are shared between the kinds (ordering questions are long: fewer of them). */
const WEIGHTS: Readonly<Record<QuestionKind, number>> = {
  cloze: 3,
  'multiple-choice': 4,
  'which-card': 2,
  ordering: 1,
};

const kindsOf = (options: QuestionOptions): QuestionKind[] =>
  QUESTION_KINDS.filter((kind) => options.kinds === undefined || options.kinds.includes(kind));

const randomFor = (seed: number | string, kind: QuestionKind) => createRandom(`${String(seed)}:${kind}`);

/**
 * Every valid question the set yields (at most `limit`), deterministic for the seed, no two alike.
 * For a test, use generateTest: it stops as soon as it has enough.
 */
export function generateQuestions(
  set: StudySet,
  options: QuestionOptions & { limit?: number; context?: StudyContext },
): Question[] {
  const context = options.context ?? buildStudyContext(set, options.related);
  const limit = options.limit ?? 1000;
  const questions: Question[] = [];
  const ids = new Set<string>();
  for (const kind of kindsOf(options)) {
    for (const { question } of GENERATORS[kind](context, randomFor(options.seed, kind))) {
      if (questions.length >= limit) return questions;
      if (ids.has(question.id)) continue;
      ids.add(question.id);
      questions.push(question);
    }
  }
  return questions;
}

function quotas(count: number, kinds: readonly QuestionKind[]): Map<QuestionKind, number> {
  const total = kinds.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  const shares = kinds.map((kind) => ({ kind, exact: (count * WEIGHTS[kind]) / total }));
  const result = new Map(shares.map(({ kind, exact }) => [kind, Math.floor(exact)]));
  let left = count - [...result.values()].reduce((a, b) => a + b, 0);
  for (const { kind } of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    result.set(kind, result.get(kind)! + 1);
  }
  return result;
}

/**
 * A test of `count` questions (fewer only when the set cannot yield that many), mixing the kinds by
 * WEIGHTS, asking about each fact at most once and each answer at most once while others remain, in a
 * shuffled order.
 * Deterministic: the same set, options and seed always give the same test.
 */
export function generateTest(
  set: StudySet,
  options: QuestionOptions & { count: number; context?: StudyContext },
): Question[] {
  const count = Math.max(0, Math.floor(options.count));
  if (count === 0) return [];
  const context = options.context ?? buildStudyContext(set, options.related);
  const kinds = kindsOf(options);
  const sources = new Map(
    kinds.map((kind) => [kind, GENERATORS[kind](context, randomFor(options.seed, kind))]),
  );
  const exhausted = new Set<QuestionKind>();
  const usedFacts = new Set<string>();
  // The same answer twice in one test (Stalin, Stalin, Stalin) teaches little: others go first.
  const usedAnswers = new Set<string>();
  const ids = new Set<string>();
  const deferred: Question[] = [];
  const chosen: Question[] = [];

  /** Takes the next question of a kind about facts not asked yet; false when the kind has none left. */
  const takeOne = (kind: QuestionKind): boolean => {
    const source = sources.get(kind)!;
    for (let step = source.next(); !step.done; step = source.next()) {
      const { question, factKeys } = step.value;
      if (ids.has(question.id)) continue;
      const answerKey = typeof question.answer === 'string' ? choiceKey(question.answer) : null;
      if (factKeys.some((key) => usedFacts.has(key)) || (answerKey !== null && usedAnswers.has(answerKey))) {
        deferred.push(question);
        continue;
      }
      ids.add(question.id);
      factKeys.forEach((key) => usedFacts.add(key));
      if (answerKey !== null) usedAnswers.add(answerKey);
      chosen.push(question);
      return true;
    }
    exhausted.add(kind);
    return false;
  };

  const quota = quotas(count, kinds);
  // Interleave the kinds so that a short test still gets a mix.
  for (let round = 0; chosen.length < count && [...quota.values()].some((n) => n > 0); round++) {
    for (const kind of kinds) {
      if (chosen.length >= count) break;
      const left = quota.get(kind)!;
      if (left <= 0) continue;
      quota.set(kind, exhausted.has(kind) || !takeOne(kind) ? 0 : left - 1);
    }
  }
  // Kinds that ran out leave room for the others, then for questions about facts already asked.
  while (chosen.length < count && exhausted.size < kinds.length) {
    for (const kind of kinds) {
      if (chosen.length >= count) break;
      if (!exhausted.has(kind)) takeOne(kind);
    }
  }
  for (const question of deferred) {
    if (chosen.length >= count) break;
    if (ids.has(question.id)) continue;
    ids.add(question.id);
    chosen.push(question);
  }
  return createRandom(`${String(options.seed)}:order`).shuffle(chosen);
}
