/**
 * Counts page views without a database write per request: views are added up in memory and flushed
 * as one increment per set every few seconds and at shutdown. Increments are additive, so any number
 * of servers can each flush their own share.
 */
import type { Repositories } from '../db/repositories/index.js';

export class ViewCounter {
  private pending = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly repos: Repositories,
    private readonly onError: (error: unknown) => void,
    intervalMs = 5_000,
  ) {
    if (intervalMs > 0) {
      this.timer = setInterval(() => void this.flush(), intervalMs);
      this.timer.unref();
    }
  }

  record(cardSetId: number): void {
    this.pending.set(cardSetId, (this.pending.get(cardSetId) ?? 0) + 1);
  }

  /** Views recorded but not yet written, for showing a count that includes them. */
  unflushed(cardSetId: number): number {
    return this.pending.get(cardSetId) ?? 0;
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      try {
        await this.repos.cardSets.addViews(batch);
      } catch (error) {
        // Put the views back so the next flush retries them.
        for (const [id, count] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + count);
        this.onError(error);
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.flush();
  }
}
