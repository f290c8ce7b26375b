import type { Kysely } from 'kysely';
import type { Database } from '../tables.js';

export interface SetView {
  cardSetId: number;
  /** A salted hash of who viewed: the same visitor and day give the same value. */
  visitor: string;
}

// Three parameters a row: well within both engines' limits on parameters in one statement.
const ROWS_PER_INSERT = 500;

/**
 * Who has been counted for which set on which day (`set_views`), and the salt of each day's visitor
 * hashes (`view_salts`), so that a view counts once per visitor, set and day on every app server.
 */
export class SetViewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The salt of `day`: `candidate` if no server has chosen one yet. */
  async daySalt(day: number, candidate: string): Promise<string> {
    await this.db
      .insertInto('view_salts')
      .values({ day, salt: candidate })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('view_salts')
      .select('salt')
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    return row.salt;
  }

  /** Deletes the visitors and salts of days before `day`: their hashes can no longer be linked. */
  async forgetBefore(day: number): Promise<void> {
    await this.db.deleteFrom('set_views').where('day', '<', day).execute();
    await this.db.deleteFrom('view_salts').where('day', '<', day).execute();
  }

  /**
   * Records these views of `day` and returns, per set, how many were new (not yet counted that day by
   * any server). Views of sets that no longer exist are dropped.
   */
  async recordNew(day: number, views: readonly SetView[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const setIds = [...new Set(views.map((view) => view.cardSetId))];
    const existing = new Set<number>();
    for (let start = 0; start < setIds.length; start += ROWS_PER_INSERT) {
      const rows = await this.db
        .selectFrom('card_sets')
        .select('id')
        .where('id', 'in', setIds.slice(start, start + ROWS_PER_INSERT))
        .execute();
      for (const row of rows) existing.add(row.id);
    }
    const rows = views
      .filter((view) => existing.has(view.cardSetId))
      .map((view) => ({ day, card_set_id: view.cardSetId, visitor: view.visitor }));
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      // Only rows really inserted come back: a visitor already counted today is not counted again.
      const inserted = await this.db
        .insertInto('set_views')
        .values(rows.slice(start, start + ROWS_PER_INSERT))
        .onConflict((oc) => oc.columns(['day', 'card_set_id', 'visitor']).doNothing())
        .returning('card_set_id')
        .execute();
      for (const { card_set_id: id } of inserted) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** Adds buffered page views to the sets' counts; one statement per set. */
  async addToSets(views: ReadonlyMap<number, number>): Promise<void> {
    for (const [id, count] of views) {
      await this.db
        .updateTable('card_sets')
        .set((eb) => ({ view_count: eb('view_count', '+', count) }))
        .where('id', '=', id)
        .execute();
    }
  }
}
