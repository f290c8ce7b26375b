/**
 * Tolerant grading of typed answers, with the reason given. Forgiven without comment on correctness:
 * surrounding and repeated spaces, case, accents (NFKD), number formatting ("7,000,000" = "7000000" =
 * "7 million"), punctuation, the articles "the", "a", "an". Forgiven as a typo: a Damerau–Levenshtein
 * distance (adjacent swaps count once) of 1 for answers of 4–7 letters and 2 for 8 or more; none for
 * answers of 3 letters or fewer and none for answers with digits (a typo in a year is a wrong year).
 */
import { collapseSpace, comparisonKey, normaliseNumbers, stripAccents } from './answer-text.js';

export type Verdict = 'exact' | 'close' | 'wrong';

export interface Grading {
  correct: boolean;
  verdict: Verdict;
  explanation: string;
}

interface Step {
  /** What the step forgives, as said in the explanation. */
  forgives: string;
  apply: (text: string) => string;
}

const STEPS: readonly Step[] = [
  { forgives: 'spacing', apply: collapseSpace },
  { forgives: 'case', apply: (t) => t.toLowerCase() },
  { forgives: 'accents', apply: stripAccents },
  { forgives: 'number formatting', apply: normaliseNumbers },
  {
    forgives: 'punctuation',
    apply: (t) =>
      collapseSpace(
        t
          .replace(/(\p{L})['’]s\b/gu, '$1')
          .replace(/(\d)\.(\d)/g, '$1\uE000$2')
          .replace(/[^\p{L}\p{N}\uE000\s]+/gu, ' ')
          .replace(/\uE000/g, '.'),
      ),
  },
  {
    forgives: 'articles',
    apply: (t) =>
      t
        .split(' ')
        .filter((word) => !ARTICLES.has(word.toLowerCase()))
        .join(' '),
  },
];

const ARTICLES = new Set(['the', 'a', 'an']);

const runSteps = (text: string, steps: readonly Step[]) => steps.reduce((t, step) => step.apply(t), text);

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
export function damerauLevenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows = x.length + 1;
  const cols = y.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j]!;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/** How many typos an answer of this (normalised) form tolerates. */
export function typoAllowance(normalisedAnswer: string): number {
  if (/\d/.test(normalisedAnswer)) return 0;
  const letters = normalisedAnswer.replace(/\P{L}/gu, '').length;
  if (letters <= 3) return 0;
  return letters <= 7 ? 1 : 2;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

const quote = (text: string) => (/^[\d.,\s%–-]+$/.test(text) ? text : `'${text}'`);

function gradeAgainst(given: string, expected: string): Grading | null {
  const raw = given.trim();
  if (raw === expected.trim()) return { correct: true, verdict: 'exact', explanation: 'Correct.' };
  let a = given;
  let b = expected;
  for (let k = 0; k < STEPS.length; k++) {
    a = STEPS[k]!.apply(a);
    b = STEPS[k]!.apply(b);
    if (a === b && a !== '') {
      // Name only what was needed: the steps without which the answers would still differ.
      const used = STEPS.slice(0, k + 1);
      const forgiven = used
        .filter((step) => {
          const others = used.filter((other) => other !== step);
          return step.forgives !== 'spacing' && runSteps(given, others) !== runSteps(expected, others);
        })
        .map((step) => step.forgives);
      const explanation =
        forgiven.length === 0 ? 'Correct.' : `Accepted: differs only in ${listOf(forgiven)}.`;
      return { correct: true, verdict: 'exact', explanation };
    }
  }
  const allowance = typoAllowance(b);
  if (allowance > 0 && a !== '' && Math.abs(a.length - b.length) <= allowance) {
    if (damerauLevenshtein(a, b) <= allowance) {
      return {
        correct: true,
        verdict: 'close',
        explanation: `Accepted with a typo: you wrote '${raw}', the answer is '${expected.trim()}'.`,
      };
    }
  }
  return null;
}

/**
 * Grades a typed answer against the expected one (and any alternatives that are also right, such as
 * "1930–1932" for "1930 -32"). Deterministic and pure.
 */
export function gradeAnswer(
  given: string,
  expected: string,
  options: { alternatives?: readonly string[] } = {},
): Grading {
  for (const answer of [expected, ...(options.alternatives ?? [])]) {
    const grading = gradeAgainst(given, answer);
    if (grading !== null) return grading;
  }
  const raw = given.trim();
  const answer = expected.trim();
  if (comparisonKey(raw) === '') {
    return {
      correct: false,
      verdict: 'wrong',
      explanation: `No answer given; the answer is ${quote(answer)}.`,
    };
  }
  return {
    correct: false,
    verdict: 'wrong',
    explanation: `The answer is ${quote(answer)}; you wrote ${quote(raw)}.`,
  };
}
