/**
 * A seeded pseudo-random generator (mulberry32), so that generated tests and exercises are reproducible:
 * the same seed always gives the same questions in the same order. Never Math.random() in the domain.
 */
import { contentHash32 } from './content-hash.js';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** A new array with the items in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** One item, or undefined for an empty list. */
  pick<T>(items: readonly T[]): T | undefined;
}

export function createRandom(seed: number | string): Random {
  let state = (typeof seed === 'number' ? Math.trunc(seed) : contentHash32(seed)) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * Math.max(0, Math.floor(maxExclusive)));
  return {
    next,
    int,
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    pick<T>(items: readonly T[]): T | undefined {
      return items.length === 0 ? undefined : items[int(items.length)];
    },
  };
}
