/**
 * A reproducible synthetic corpus of card sets: a seeded generator, a vocabulary of pronounceable
 * made-up words drawn with Zipf's law (as words in real text are), sets shaped like the seed's.
 */
import {
  EXAM_BOARDS,
  LEVELS,
  type CardDraft,
  type ExamBoard,
  type Level,
  type Visibility,
} from '../src/domain/card-set.js';
import { createRandom } from '../src/domain/study/random.js';

/** The project's seeded generator (mulberry32), as a plain function. */
const prng = (seed: number): (() => number) => {
  const random = createRandom(seed);
  return () => random.next();
};

const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'w',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'm', 'nd', 'st', 'rk', 'th'];

/** Vose's alias method: O(1) draws from a fixed discrete distribution. */
class AliasTable {
  private readonly probability: Float64Array;
  private readonly alias: Uint32Array;

  constructor(weights: readonly number[]) {
    const n = weights.length;
    const total = weights.reduce((a, b) => a + b, 0);
    const scaled = weights.map((w) => (w * n) / total);
    this.probability = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.probability[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l] < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.probability[i] = 1;
  }

  draw(random: () => number): number {
    const i = Math.floor(random() * this.probability.length);
    return random() < this.probability[i]! ? i : this.alias[i]!;
  }
}

export interface CorpusOptions {
  sets: number;
  cardsPerSet: number;
  seed: number;
  vocabulary?: number;
}

export interface GeneratedSet {
  title: string;
  subtitle: string;
  subject: string;
  topic: string;
  level: Level;
  examBoard: ExamBoard;
  visibility: Visibility;
  cards: CardDraft[];
}

const SUBJECTS = [
  'History',
  'Biology',
  'Chemistry',
  'Physics',
  'Geography',
  'English Literature',
  'Mathematics',
  'Economics',
  'Psychology',
  'Religious Studies',
  'French',
  'Computer Science',
];

export class Corpus {
  readonly words: string[];
  private readonly zipf: AliasTable;

  constructor(private readonly options: CorpusOptions) {
    const random = prng(options.seed);
    const size = options.vocabulary ?? 30_000;
    const seen = new Set<string>();
    this.words = [];
    while (this.words.length < size) {
      const syllables = 1 + Math.floor(random() * 3) + (random() < 0.3 ? 1 : 0);
      let word = '';
      for (let s = 0; s < syllables; s++) {
        word += ONSETS[Math.floor(random() * ONSETS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!;
      }
      word += CODAS[Math.floor(random() * CODAS.length)]!;
      if (word.length >= 3 && !seen.has(word)) {
        seen.add(word);
        this.words.push(word);
      }
    }
    // Zipf's law, s = 1.07: the rank-1 word is about 7% of all words, as "the" is in English.
    this.zipf = new AliasTable(this.words.map((_, rank) => 1 / (rank + 1) ** 1.07));
  }

  private phrase(random: () => number, min: number, max: number): string {
    const length = min + Math.floor(random() * (max - min + 1));
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(this.words[this.zipf.draw(random)]!);
    return out.join(' ');
  }

  /** Sets in order; set `i` is the same every time for the same seed. */
  *sets(): Generator<GeneratedSet> {
    const random = prng(this.options.seed ^ 0x5eed);
    for (let i = 0; i < this.options.sets; i++) {
      const subject = SUBJECTS[Math.floor(random() * SUBJECTS.length)]!;
      const title = this.phrase(random, 2, 5);
      const cards: CardDraft[] = [];
      for (let c = 0; c < this.options.cardsPerSet; c++) {
        const bullets = 2 + Math.floor(random() * 4);
        const lines: string[] = [];
        for (let b = 0; b < bullets; b++) lines.push(`- ${this.phrase(random, 6, 16)}`);
        cards.push({
          title: c === 0 && random() < 0.3 ? null : this.phrase(random, 2, 6),
          body: lines.join('\n'),
        });
      }
      const roll = random();
      yield {
        title: title.charAt(0).toUpperCase() + title.slice(1),
        subtitle: this.phrase(random, 4, 9),
        subject,
        topic: `${subject} topic ${1 + Math.floor(random() * 10)}`,
        level: LEVELS[Math.floor(random() * LEVELS.length)]!,
        examBoard: EXAM_BOARDS[Math.floor(random() * EXAM_BOARDS.length)]!,
        visibility: roll < 0.98 ? 'public' : roll < 0.99 ? 'unlisted' : 'private',
        cards,
      };
    }
  }

  /**
   * Queries of three kinds, drawn the same way every run: one word (common words, with tens of
   * thousands of matching sets, and rarer ones), two words, and two-word phrases taken from the text.
   */
  queries(count: number): { oneWord: string[]; twoWords: string[]; phrase: string[] } {
    const random = prng(this.options.seed ^ 0xc0ffee);
    const rank = (low: number, high: number) => this.words[low + Math.floor(random() * (high - low))]!;
    const oneWord: string[] = [];
    const twoWords: string[] = [];
    const phrase: string[] = [];
    for (let i = 0; i < count; i++) {
      // A third very common (ranks 10-100), a third common (100-1,000), a third rarer (1,000-10,000).
      const band = i % 3 === 0 ? [10, 100] : i % 3 === 1 ? [100, 1000] : [1000, 10000];
      oneWord.push(`${rank(band[0]!, band[1]!)} `);
      twoWords.push(`${rank(10, 1000)} ${rank(100, 5000)} `);
    }
    // Phrases that occur: adjacent words from generated bullets.
    const phraseRandom = prng(this.options.seed ^ 0xbeef);
    while (phrase.length < count) {
      const words = this.phrase(phraseRandom, 6, 16).split(' ');
      const at = Math.floor(phraseRandom() * (words.length - 1));
      phrase.push(`"${words[at]} ${words[at + 1]}"`);
    }
    return { oneWord, twoWords, phrase };
  }
}
