/**
 * Adversarial text, the text routines it is given to, and the timing of each routine's growth with its
 * input, for text-routines-grow-linearly.test.ts (which runs it in a worker: see there).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseSearchQuery } from '../../../../src/domain/search-query.js';
import { highlight, plainText } from '../../../../src/domain/search-text.js';
import { comparisonKey, normaliseNumbers } from '../../../../src/domain/study/answer-text.js';
import { extractAnswerSpans } from '../../../../src/domain/study/answer-spans.js';
import { cardFacts, cardPlainText } from '../../../../src/domain/study/card-text.js';
import { clozePlainText, parseCloze } from '../../../../src/domain/study/cloze.js';
import { findDates } from '../../../../src/domain/study/dates.js';
import { answerWords, gradeAnswer, MAX_ANSWER_LENGTH } from '../../../../src/domain/study/grading.js';
import { cardPrompt } from '../../../../src/domain/study/prompt.js';
import { generateTest } from '../../../../src/domain/study/generate-test.js';
import { splitSentences } from '../../../../src/domain/study/sentences.js';
import { extractTimeline } from '../../../../src/domain/study/timeline.js';
import { renderMarkdown } from '../../../../src/formats/render-markdown.js';

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** A string of `length` characters repeating `unit` (the last repeat cut short). */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Adversarial inputs by name, each made at any length. */
const PATTERNS: Record<string, (length: number) => string> = {
  ...Object.fromEntries(
    [...PUNCTUATION].map((c) => [`run of ${c}`, (length: number) => fill(c, length)] as const),
  ),
  'digit groups': (length) => `1${fill(',000', length - 4)},00`,
  'digit groups with points': (length) => `1${fill('.000', length - 4)}.0,`,
  'nested brackets': (length) => `${fill('[', length / 2)}${fill(']', length / 2)}`,
  'unclosed links': (length) => fill('[a](', length),
  'unclosed cloze': (length) => fill('{{c1::', length),
  'dated sentences full of commas': (length) => fill('In 1933, , , ! Hitler, ', length),
  'dates without end': (length) => fill('9 November 1938 ', length),
  'words and spaces': (length) => fill('the Reichstag fire ', length),
  'one long word': (length) => fill('a', length),
  'spaces then a letter': (length) => `${fill(' ', length - 1)}x`,
};

const studyCard = (text: string) => ({ position: 1, title: 'Card', body: text });

/** The routines, each given the adversarial text wherever users' text arrives. */
export const ROUTINES: Record<string, (text: string) => unknown> = {
  'answer normalisation (numbers)': normaliseNumbers,
  'answer comparison key': comparisonKey,
  'answer words': (text) => answerWords(text),
  'grading an answer against long card text': (text) => gradeAnswer(text.slice(0, MAX_ANSWER_LENGTH), text),
  'Markdown rendering': (text) => renderMarkdown(text),
  'Markdown to plain text (search, similar sets)': plainText,
  'cloze parsing': (text) => [parseCloze(text), clozePlainText(text)],
  'card facts and plain text': (text) => cardPlainText(studyCard(text)),
  'card prompt': (text) => cardPrompt(studyCard(text)),
  'sentence splitting': splitSentences,
  'date finding': findDates,
  'timeline extraction': (text) => extractTimeline([studyCard(text)]),
  'answer spans': (text) => extractAnswerSpans(cardFacts(studyCard(text))),
  'question generation': (text) =>
    generateTest(
      { title: 'Hostile', cards: [studyCard(text), studyCard(text.slice(0, text.length / 2))] },
      { count: 10, seed: 1 },
    ),
  'search-query parsing': parseSearchQuery,
  'search highlighting': (text) => highlight(text, parseSearchQuery('reichstag 1933')),
};

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * The process's CPU time in milliseconds: unlike the clock, it does not count the time this process waits
 * while other test files use the cores.
 */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The fastest of `runs` calls, in milliseconds, after a full collection (not charged to them). */
function fastest(work: () => unknown, runs: number): number {
  let best = Infinity;
  collectGarbage();
  for (let run = 0; run < runs; run++) {
    const start = cpuMs();
    work();
    best = Math.min(best, cpuMs() - start);
  }
  return best;
}

/**
 * Below this at 100,000 characters, the work is harmless whatever its growth (a quadratic routine that fast
 * takes 0.2 ms at 10,000), and the ratio mostly noise.
 */
const NOISE_MS = 20;
const MAX_RATIO = 30;
const MAX_RATIO_400K = 10;

export interface Growth {
  /** The patterns on which the routine grew faster than linearly, with their timings. */
  slow: string[];
  /** The worst growth seen, for the test's diagnostics. */
  summary: string;
}

/** Times one routine on every adversarial pattern at 10k, 100k and (where it matters) 400k characters. */
export function measureGrowth(routine: string): Growth {
  const run = ROUTINES[routine];
  if (run === undefined) throw new Error(`No routine called ${routine}`);
  const slow: string[] = [];
  let worst = { pattern: '', ratio: 0, ms: 0 };
  let worstQuadrupled = 0;
  for (const [pattern, make] of Object.entries(PATTERNS)) {
    const [small, medium, large] = [1_000, 10_000, 100_000].map(make) as [string, string, string];
    run(small); // warm up the code paths
    const mediumMs = fastest(() => run(medium), 5);
    const largeMs = fastest(() => run(large), 3);
    const ratio = largeMs / Math.max(mediumMs, 0.05);
    if (largeMs > NOISE_MS && ratio > worst.ratio) worst = { pattern, ratio, ms: largeMs };
    if (largeMs <= NOISE_MS) continue;
    // Linear plus quadratic work can stay under 30× from 10k to 100k while the quadratic part already
    // costs most of the time: quadrupling once more shows it (linear 4×, quadratic 16×).
    const huge = make(400_000);
    let hugeMs = fastest(() => run(huge), 2);
    let quadrupled = hugeMs / largeMs;
    if (quadrupled > MAX_RATIO_400K) {
      // Confirm before failing: a collection can land in one size's runs and not the other's.
      const againLargeMs = fastest(() => run(large), 3);
      hugeMs = Math.min(
        hugeMs,
        fastest(() => run(huge), 3),
      );
      quadrupled = hugeMs / Math.min(largeMs, againLargeMs);
    }
    worstQuadrupled = Math.max(worstQuadrupled, quadrupled);
    if (ratio > MAX_RATIO || quadrupled > MAX_RATIO_400K) {
      slow.push(
        `${pattern}: ${mediumMs.toFixed(1)} ms at 10k, ${largeMs.toFixed(1)} ms at 100k (${ratio.toFixed(0)}×), ${hugeMs.toFixed(1)} ms at 400k (${quadrupled.toFixed(1)}×)`,
      );
    }
  }
  const summary =
    worst.pattern === ''
      ? `${routine}: every pattern under ${NOISE_MS} ms at 100k`
      : `${routine}: worst ${worst.pattern}, ${worst.ratio.toFixed(1)}× (${worst.ms.toFixed(1)} ms at 100k); 100k to 400k at most ${worstQuadrupled.toFixed(1)}×`;
  return { slow, summary };
}
