/**
 * Tolerant grading of typed answers, with the reason given. Forgiven without comment on correctness:
 * surrounding and repeated spaces, case, number formatting ("7,000,000" = "7000000" = "7 million"),
 * punctuation, the articles "the", "a", "an", and accents where the set's language says they do not count
 * (answer-language.ts). Forgiven as a typo, word by word, what answer-typos.ts allows: never a short word,
 * a number, another word of the set or the dictionary, a dropped negating prefix or a changed accent where
 * accents count.
 *
 * A written answer is at most MAX_ANSWER_LENGTH characters: longer ones are marked wrong unread (the
 * services refuse them before they get here).
 */
import { answerLanguage, type AnswerLanguage } from './answer-language.js';
import { collapseSpace, comparisonKey, normaliseNumbers, stripAccents } from './answer-text.js';
import { typoRefusal, type TypoRefusal, type TypoWords } from './answer-typos.js';

export const MAX_ANSWER_LENGTH = 200;

export type Verdict = 'exact' | 'close' | 'wrong';

export interface Grading {
  correct: boolean;
  verdict: Verdict;
  explanation: string;
}

export interface GradingOptions extends TypoWords {
  /** Other answers that are also right, such as "1930–1932" for "1930 -32". */
  alternatives?: readonly string[];
  /** The set's language (BCP 47), or null. */
  language?: string | null;
}

interface Step {
  /** What the step forgives, as said in the explanation. */
  forgives: string;
  apply: (text: string) => string;
}

const ARTICLES = new Set(['the', 'a', 'an']);

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
          .replace(/[^\p{L}\p{M}\p{N}\uE000\s]+/gu, ' ')
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

// Where accents count, "mère" stays "mère" (texts are compared in NFC, so typed and stored forms agree).
const ACCENTS_KEPT = STEPS.filter((step) => step.forgives !== 'accents');
const stepsFor = (language: AnswerLanguage) => (language.foldsAccents ? STEPS : ACCENTS_KEPT);

const runSteps = (text: string, steps: readonly Step[]) => steps.reduce((t, step) => step.apply(t), text);

/** A text's words as grading compares them, in the set's language: what a set's vocabulary is made of. */
export function answerWords(text: string, language: string | null = null): string[] {
  const normalised = runSteps(text.normalize('NFC'), stepsFor(answerLanguage(language)));
  return normalised === '' ? [] : normalised.split(' ');
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

const quote = (text: string) => (/^[\d.,\s%–-]+$/.test(text) ? text : `'${text}'`);

type Attempt = { grading: Grading } | { refusal: TypoRefusal | null };

function gradeAgainst(given: string, expected: string, language: AnswerLanguage, words: TypoWords): Attempt {
  const raw = given.trim();
  if (raw === expected.trim())
    return { grading: { correct: true, verdict: 'exact', explanation: 'Correct.' } };
  const steps = stepsFor(language);
  const a0 = given.normalize('NFC');
  const b0 = expected.normalize('NFC');
  let a = a0;
  let b = b0;
  for (let k = 0; k < steps.length; k++) {
    a = steps[k]!.apply(a);
    b = steps[k]!.apply(b);
    if (a === b && a !== '') {
      // Name only what was needed: the steps without which the answers would still differ.
      const used = steps.slice(0, k + 1);
      const forgiven = used
        .filter((step) => {
          const others = used.filter((other) => other !== step);
          return step.forgives !== 'spacing' && runSteps(a0, others) !== runSteps(b0, others);
        })
        .map((step) => step.forgives);
      const explanation =
        forgiven.length === 0 ? 'Correct.' : `Accepted: differs only in ${listOf(forgiven)}.`;
      return { grading: { correct: true, verdict: 'exact', explanation } };
    }
  }
  const refusal = typoRefusal(a, b, language, words);
  if (refusal !== null) return { refusal };
  return {
    grading: {
      correct: true,
      verdict: 'close',
      explanation: `Accepted with a typo: you wrote '${raw}', the answer is '${expected.trim()}'.`,
    },
  };
}

const REFUSAL_REASONS: Readonly<Record<TypoRefusal, string>> = {
  'too-many': '',
  'different-word': ' (a different word, not a typo)',
  'meaning-prefix': ' (its prefix changes the meaning)',
  accent: ' (accents count in this language)',
};

/**
 * Grades a typed answer against the expected one (and any alternatives that are also right). Deterministic
 * and pure; the set's words and a dictionary, when given, keep a typo from passing for another word.
 */
export function gradeAnswer(given: string, expected: string, options: GradingOptions = {}): Grading {
  const answer = expected.trim();
  if (given.length > MAX_ANSWER_LENGTH) {
    return {
      correct: false,
      verdict: 'wrong',
      explanation: `Answers are at most ${MAX_ANSWER_LENGTH} characters; the answer is ${quote(answer)}.`,
    };
  }
  const language = answerLanguage(options.language);
  let refusal: TypoRefusal | null = null;
  for (const candidate of [expected, ...(options.alternatives ?? [])]) {
    const attempt = gradeAgainst(given, candidate, language, options);
    if ('grading' in attempt) return attempt.grading;
    refusal ??= attempt.refusal;
  }
  const raw = given.trim();
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
    explanation: `The answer is ${quote(answer)}; you wrote ${quote(raw)}${REFUSAL_REASONS[refusal ?? 'too-many']}.`,
  };
}
