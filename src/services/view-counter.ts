/**
 * Counts page views: one a visitor, set and (UTC) day, so reloading a page does not raise its count
 * (issue 19). A visitor is a member by account, anyone else by address (services get it as a string).
 *
 * A view costs no database work when it happens: it is remembered in memory (a set lookup, so that the
 * cached visitor page stays as cheap as sending bytes) and flushed every few seconds and at shutdown
 * in one transaction, which stores each new visitor as a salted hash in `set_views` and raises each
 * set's count by the visitors no server had counted that day yet. So any number of servers can count
 * without counting anyone twice. Each day has its own random salt, and rows and salts of earlier days
 * are deleted, so that stored hashes cannot be linked to an address after the day is over.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SetView } from '../db/repositories/set-view.repository.js';
import type { ServiceContext } from './context.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many (set, visitor) pairs of today a server remembers as counted; beyond it the database decides. */
const MAX_REMEMBERED = 100_000;

const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);

export class ViewCounter {
  /** Views not yet flushed: `day|set|visitor`. */
  private pending = new Set<string>();
  /** Of those, how many per set (shown on top of the stored count). */
  private pendingPerSet = new Map<number, number>();
  /** `set|visitor` pairs of `rememberedDay` this server has already recorded. */
  private remembered = new Set<string>();
  private rememberedDay = -1;
  /** The salts of the days last flushed, as stored. */
  private salts = new Map<number, string>();
  private forgottenBefore = -1;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly onError: (error: unknown) => void,
    intervalMs = 5_000,
  ) {
    if (intervalMs > 0) {
      this.timer = setInterval(() => void this.flush(), intervalMs);
      this.timer.unref();
    }
  }

  /** `visitor` views the set now; it counts unless this visitor was counted for this set today. */
  record(cardSetId: number, visitor: string): void {
    const day = dayOf(this.ctx.clock.now().getTime());
    if (day !== this.rememberedDay) {
      this.remembered = new Set();
      this.rememberedDay = day;
    }
    const pair = `${cardSetId}|${visitor}`;
    if (this.remembered.has(pair)) return;
    if (this.remembered.size < MAX_REMEMBERED) this.remembered.add(pair);
    const key = `${day}|${pair}`;
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.pendingPerSet.set(cardSetId, (this.pendingPerSet.get(cardSetId) ?? 0) + 1);
  }

  /**
   * Views recorded here but not yet written, for showing a count that includes them. (A visitor who
   * was counted today by another server is among them until the next flush finds that out.)
   */
  unflushed(cardSetId: number): number {
    return this.pendingPerSet.get(cardSetId) ?? 0;
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Set();
      this.pendingPerSet = new Map();
      try {
        await this.write(batch);
      } catch (error) {
        // Put the views back so the next flush retries them.
        for (const key of batch) this.putBack(key);
        this.onError(error);
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.flush();
  }

  private putBack(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    const cardSetId = Number(key.split('|', 2)[1]);
    this.pendingPerSet.set(cardSetId, (this.pendingPerSet.get(cardSetId) ?? 0) + 1);
  }

  private async write(batch: ReadonlySet<string>): Promise<void> {
    const byDay = new Map<number, { cardSetId: number; visitor: string }[]>();
    for (const key of batch) {
      const [day, cardSetId, ...visitor] = key.split('|');
      const views = byDay.get(Number(day)) ?? [];
      views.push({ cardSetId: Number(cardSetId), visitor: visitor.join('|') });
      byDay.set(Number(day), views);
    }
    const today = dayOf(this.ctx.clock.now().getTime());
    const salts = new Map<number, string>();
    await this.ctx.transact(async (repos) => {
      // Yesterday is kept, so that views flushed just after midnight are still counted once.
      if (this.forgottenBefore !== today - 1) await repos.setViews.forgetBefore(today - 1);
      for (const [day, views] of byDay) {
        // Only after flushes failed for a whole day: those visitors can no longer be told apart.
        if (day < today - 1) continue;
        const salt =
          this.salts.get(day) ?? (await repos.setViews.daySalt(day, randomBytes(24).toString('base64url')));
        salts.set(day, salt);
        const hashed: SetView[] = views.map((view) => ({
          cardSetId: view.cardSetId,
          visitor: createHash('sha256').update(`${salt}|${view.visitor}`).digest('base64url').slice(0, 32),
        }));
        await repos.setViews.addToSets(await repos.setViews.recordNew(day, hashed));
      }
    });
    // Only once committed: a salt chosen in a transaction that failed was never shared.
    this.forgottenBefore = today - 1;
    for (const [day, salt] of salts) this.salts.set(day, salt);
    for (const day of this.salts.keys()) if (day < today - 1) this.salts.delete(day);
  }
}
