/**
 * Work derived from a set's content (its cards as HTML, its timeline, the study context self-tests are made
 * from, its words for "similar sets") is done once per set revision and kept for the next request, whoever
 * asks: a set's revision changes with every edit, so a kept result is never stale, on any server. Each kind
 * is kept in its own cache, bounded by an estimate of the bytes it holds (the least recently used dropped
 * first); a result larger than a quarter of its cache is not kept at all.
 */
import type { TermWeight } from '../domain/search-text.js';
import type { OrderingItem, StudyContext, TimelineEvent } from '../domain/study/index.js';

export class DerivedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;
  /** Lookups answered from the cache, and those that had to compute. */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get heldBytes(): number {
    return this.bytes;
  }

  /** The value kept under `key`, or `compute()`'s, kept when it is small enough. */
  get(key: string, compute: () => V): V {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.stats.hits++;
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    this.stats.misses++;
    const value = compute();
    const bytes = this.sizeOf(value);
    if (bytes <= this.maxBytes / 4) {
      this.entries.set(key, { value, bytes });
      this.bytes += bytes;
      for (const [oldest, old] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(oldest);
        this.bytes -= old.bytes;
      }
    }
    return value;
  }

  /** Async `compute`: concurrent misses may both compute; the last one is kept. */
  async getAsync(key: string, compute: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry !== undefined) return this.get(key, () => entry.value);
    const value = await compute();
    return this.get(key, () => value);
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

/** A rough size of texts in memory: two bytes a character, plus a little for each string. */
export function textBytes(texts: Iterable<string>): number {
  let bytes = 0;
  for (const text of texts) bytes += 2 * text.length + 32;
  return bytes;
}

/**
 * A rough size of any plain data (objects, arrays, strings, numbers), without cycles: what a study context or
 * a timeline holds. Walks it once, so costs about what building it did, and only on a miss.
 */
export function dataBytes(value: unknown): number {
  const seen = new Set<object>();
  let bytes = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') bytes += 2 * item.length + 32;
    else if (typeof item === 'number' || typeof item === 'boolean' || item == null) bytes += 8;
    else if (typeof item === 'object') {
      if (seen.has(item)) continue;
      seen.add(item);
      bytes += 48;
      if (item instanceof Map) for (const [k, v] of item) stack.push(k, v);
      else if (item instanceof Set) for (const v of item) stack.push(v);
      else for (const v of Object.values(item)) stack.push(v);
    }
  }
  return bytes;
}

const MB = 1024 * 1024;

/** The key of work derived from one set: its id and revision. */
export const revisionKey = (set: { id: number; revision: number }): string => `${set.id}:${set.revision}`;

/**
 * The caches of one Recall (one database): kept in its ServiceContext. Timelines and study contexts hold
 * card text (an event keeps its sentence, an ordering item its clue): a set of 300 cards of 10,000
 * characters makes a timeline of about 20 MB by this estimate, which must fit a quarter of its cache.
 */
export interface DerivedWork {
  /** Each card's body as HTML, in order. */
  cardHtml: DerivedCache<string[]>;
  /** A set's timeline events, and those an ordering exercise may show. */
  timelines: DerivedCache<{ events: TimelineEvent[]; orderable: OrderingItem[] }>;
  /** Study contexts (facts, answer spans, pools, timeline), by the revisions of the set and its related sets. */
  studyContexts: DerivedCache<StudyContext>;
  /** A set's most frequent words, for finding similar sets. */
  termCounts: DerivedCache<TermWeight[]>;
}

export function createDerivedWork(): DerivedWork {
  return {
    cardHtml: new DerivedCache<string[]>(32 * MB, textBytes),
    timelines: new DerivedCache<{ events: TimelineEvent[]; orderable: OrderingItem[] }>(96 * MB, dataBytes),
    studyContexts: new DerivedCache<StudyContext>(96 * MB, dataBytes),
    termCounts: new DerivedCache<TermWeight[]>(16 * MB, dataBytes),
  };
}
