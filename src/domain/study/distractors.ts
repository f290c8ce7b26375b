/**
 * Plausible wrong choices of the same kind as the answer, taken from the set itself (and from related
 * sets of the same subject): years with years (the closest first), numbers with numbers (same unit:
 * counts, percentages or money; similar size), people with people, places with places, other names with
 * names, terms with terms. Work per question is bounded (a sample of at most SAMPLE candidates), so big
 * sets stay fast.
 */
import type { AnswerKind, AnswerSpan } from './answer-spans.js';
import { choiceKey, overlappingChoices, phraseFinder } from './answer-text.js';
import type { Random } from './random.js';

export interface PoolEntry {
  text: string;
  key: string;
  kind: AnswerKind;
  value: number | null;
  unit: AnswerSpan['unit'];
  words: number;
}

export type DistractorPools = ReadonlyMap<AnswerKind, readonly PoolEntry[]>;

const SAMPLE = 60;
const SHORTLIST = 5;

export function buildPools(spanLists: Iterable<readonly AnswerSpan[]>): DistractorPools {
  const pools = new Map<AnswerKind, PoolEntry[]>();
  const seen = new Set<string>();
  for (const spans of spanLists) {
    for (const span of spans) {
      const key = choiceKey(span.text);
      const id = `${span.kind}\u0000${key}`;
      if (key === '' || seen.has(id)) continue;
      seen.add(id);
      const pool = pools.get(span.kind) ?? [];
      pool.push({
        text: span.text,
        key,
        kind: span.kind,
        value: span.value,
        unit: span.unit,
        words: span.text.split(/\s+/).length,
      });
      pools.set(span.kind, pool);
    }
  }
  return pools;
}

function distance(answer: AnswerSpan, entry: PoolEntry): number {
  switch (answer.kind) {
    case 'year':
      return Math.abs((entry.value ?? 0) - (answer.value ?? 0));
    case 'number': {
      const a = Math.abs(answer.value ?? 0) || 1;
      const b = Math.abs(entry.value ?? 0) || 1;
      return Math.abs(Math.log10(b / a));
    }
    case 'person':
    case 'place':
    case 'name':
    case 'term':
      return Math.abs(entry.words - answer.text.split(/\s+/).length);
  }
}

function sample(pool: readonly PoolEntry[], random: Random): PoolEntry[] {
  if (pool.length <= SAMPLE) return [...pool];
  const picked = new Set<number>();
  for (let tries = 0; picked.size < SAMPLE && tries < SAMPLE * 3; tries++)
    picked.add(random.int(pool.length));
  return [...picked].map((i) => pool[i]!);
}

/**
 * Up to `count` distractors for the answer: never the same as the answer or as each other (normalised,
 * plurals folded), never one inside another ("Army" / "Red Army"), never a word shown in the prompt.
 */
export function pickDistractors(
  pools: DistractorPools,
  answer: AnswerSpan,
  options: { prompt: string; count: number; random: Random },
): string[] {
  const pool = pools.get(answer.kind) ?? [];
  const answerKey = choiceKey(answer.text);
  const scored = sample(pool, options.random)
    .filter((entry) => entry.key !== answerKey && (answer.value === null || entry.value !== answer.value))
    // A percentage among counts (or money among percentages) would give itself away.
    .filter((entry) => answer.kind !== 'number' || entry.unit === answer.unit)
    .map((entry) => ({ entry, score: distance(answer, entry) + options.random.next() * 0.5 }))
    .sort((a, b) => a.score - b.score);
  const shortlist = options.random.shuffle(scored.slice(0, SHORTLIST));
  shortlist.push(...scored.slice(SHORTLIST));
  const chosen: string[] = [];
  const inPrompt = phraseFinder(options.prompt);
  for (const { entry } of shortlist) {
    if (chosen.length >= options.count) break;
    if (overlappingChoices(entry.text, answer.text)) continue;
    if (chosen.some((other) => choiceKey(other) === entry.key || overlappingChoices(other, entry.text)))
      continue;
    if (inPrompt(entry.text)) continue;
    chosen.push(entry.text);
  }
  return chosen;
}
