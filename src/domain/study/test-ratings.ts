/**
 * How a self-test's answers count for the items they test (logged with source `test`):
 *
 * | question                                   | correct | wrong |
 * | ------------------------------------------ | ------- | ----- |
 * | cloze: the answer typed (recall)           | Good    | Again |
 * | multiple choice, which card, ordering      | Good    | Hard  |
 *   (the answer is among what is shown: recognition)
 *
 * A wrong recognition answer is Hard, not Again: picking the wrong one of four says less about memory
 * than failing to produce the answer. A question left blank is not an answer and counts for nothing.
 * An item tested by several questions of one test gets one answer: the lowest rating of its questions
 * (one wrong answer outweighs the right ones).
 */
import type { QuestionKind } from './question-types.js';
import { RATING, type ReviewRating } from './scheduling.js';

export function testAnswerRating(kind: QuestionKind, correct: boolean): ReviewRating {
  if (correct) return RATING.good;
  switch (kind) {
    case 'cloze':
      return RATING.again;
    case 'multiple-choice':
    case 'which-card':
    case 'ordering':
      return RATING.hard;
  }
}

/** One rating per item: the lowest of the ratings its questions gave, in the order items were first seen. */
export function combineTestRatings<K>(
  answers: Iterable<{ item: K; rating: ReviewRating }>,
): Map<K, ReviewRating> {
  const combined = new Map<K, ReviewRating>();
  for (const { item, rating } of answers) {
    const known = combined.get(item);
    if (known === undefined || rating < known) combined.set(item, rating);
  }
  return combined;
}
