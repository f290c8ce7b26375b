/**
 * Study progress: each learner's state per card, the log of every answer, and study settings. Days are
 * UTC calendar days counted from the epoch (`time / 86400000`, integer division on both engines).
 */
import type { Insertable, Kysely } from 'kysely';
import { isPostgres } from '../migrations/dialect.js';
import type { Database, ReviewLogsTable } from '../tables.js';
import { LISTED } from './card-set.repository.js';

export interface StudyStateRow {
  cardId: number;
  variant: number;
  cardSetId: number;
  phase: string;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  lastReview: number | null;
}

export type StudyStateValues = Omit<StudyStateRow, 'cardId' | 'variant' | 'cardSetId'>;

export interface StudyCardRow {
  id: number;
  cardSetId: number;
  position: number;
  title: string | null;
  body: string;
  kind: string;
  reversible: number;
}

export type NewReviewLog = Insertable<ReviewLogsTable>;

export class StudyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private selectStates() {
    return this.db
      .selectFrom('study_states')
      .select([
        'card_id as cardId',
        'variant',
        'card_set_id as cardSetId',
        'phase',
        'due',
        'stability',
        'difficulty',
        'elapsed_days as elapsedDays',
        'scheduled_days as scheduledDays',
        'reps',
        'lapses',
        'learning_steps as learningSteps',
        'last_review as lastReview',
      ]);
  }

  async findCard(cardId: number): Promise<StudyCardRow | undefined> {
    return this.db
      .selectFrom('cards')
      .select(['id', 'card_set_id as cardSetId', 'position', 'title', 'body', 'kind', 'reversible'])
      .where('id', '=', cardId)
      .executeTakeFirst();
  }

  /** Several cards at once (unknown ids are left out). */
  async findCards(cardIds: readonly number[]): Promise<StudyCardRow[]> {
    if (cardIds.length === 0) return [];
    return this.db
      .selectFrom('cards')
      .select(['id', 'card_set_id as cardSetId', 'position', 'title', 'body', 'kind', 'reversible'])
      .where('id', 'in', cardIds)
      .execute();
  }

  /**
   * The learner's state of the item (card and variant), locked until the transaction ends (PostgreSQL: FOR UPDATE; SQLite's
   * write transactions are serial already), created as `initial` first if there is none, so that
   * concurrent answers to one card take turns instead of overwriting each other.
   */
  async lockState(
    userId: number,
    card: { id: number; cardSetId: number },
    variant: number,
    initial: StudyStateValues,
    now: number,
  ): Promise<{ state: StudyStateRow; updatedAt: number; created: boolean }> {
    const inserted = await this.db
      .insertInto('study_states')
      .values({
        user_id: userId,
        card_id: card.id,
        variant,
        card_set_id: card.cardSetId,
        ...stateColumns(initial),
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['user_id', 'card_id', 'variant']).doNothing())
      .executeTakeFirst();
    let query = this.selectStates()
      .select('updated_at as updatedAt')
      .where('user_id', '=', userId)
      .where('card_id', '=', card.id)
      .where('variant', '=', variant);
    if (isPostgres(this.db)) query = query.forUpdate();
    const { updatedAt, ...state } = await query.executeTakeFirstOrThrow();
    return { state, updatedAt, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
  }

  /**
   * The learner's latest answer since `since`, when undo may take it back (a study answer logged with the
   * state before it); undefined when there is none or the latest is of another kind.
   */
  async findLastUndoable(
    userId: number,
    since: number,
  ): Promise<
    { id: number; cardId: number; variant: number; cardSetId: number; stateBefore: string | null } | undefined
  > {
    const last = await this.db
      .selectFrom('review_logs')
      .select([
        'id',
        'card_id as cardId',
        'variant',
        'card_set_id as cardSetId',
        'state_before as stateBefore',
        'undoable',
      ])
      .where('user_id', '=', userId)
      .where('reviewed_at', '>=', since)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last === undefined || last.undoable !== 1) return undefined;
    const { undoable: _undoable, ...row } = last;
    return row;
  }

  /** Removes one log row of the learner's; false when it was already gone (undone meanwhile). */
  async deleteLog(userId: number, id: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('review_logs')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Puts an item's state back as it was: `before` null removes it (the item had none). */
  async restoreState(
    userId: number,
    item: { cardId: number; variant: number },
    before: { state: StudyStateValues; updatedAt: number } | null,
  ): Promise<void> {
    if (before === null) {
      await this.db
        .deleteFrom('study_states')
        .where('user_id', '=', userId)
        .where('card_id', '=', item.cardId)
        .where('variant', '=', item.variant)
        .execute();
      return;
    }
    await this.db
      .updateTable('study_states')
      .set({ ...stateColumns(before.state), updated_at: before.updatedAt })
      .where('user_id', '=', userId)
      .where('card_id', '=', item.cardId)
      .where('variant', '=', item.variant)
      .execute();
  }

  async updateState(
    userId: number,
    item: { cardId: number; variant: number },
    state: StudyStateValues,
    now: number,
  ): Promise<void> {
    await this.db
      .updateTable('study_states')
      .set({ ...stateColumns(state), updated_at: now })
      .where('user_id', '=', userId)
      .where('card_id', '=', item.cardId)
      .where('variant', '=', item.variant)
      .execute();
  }

  async insertLog(log: NewReviewLog): Promise<void> {
    await this.db.insertInto('review_logs').values(log).execute();
  }

  /** Many log rows at once (an imported history); the caller keeps batches to a few hundred rows. */
  async insertLogs(logs: readonly NewReviewLog[]): Promise<void> {
    if (logs.length === 0) return;
    await this.db
      .insertInto('review_logs')
      .values([...logs])
      .execute();
  }

  /** States of items the learner has none of yet (an imported history); batches of a few hundred rows. */
  async insertStates(
    rows: readonly {
      userId: number;
      cardId: number;
      variant: number;
      cardSetId: number;
      state: StudyStateValues;
    }[],
    now: number,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('study_states')
      .values(
        rows.map((row) => ({
          user_id: row.userId,
          card_id: row.cardId,
          variant: row.variant,
          card_set_id: row.cardSetId,
          ...stateColumns(row.state),
          updated_at: now,
        })),
      )
      .execute();
  }

  /** The learner's state of one item, if any (unlocked: for reads that change nothing). */
  async findState(userId: number, cardId: number, variant: number): Promise<StudyStateRow | undefined> {
    return this.selectStates()
      .where('user_id', '=', userId)
      .where('card_id', '=', cardId)
      .where('variant', '=', variant)
      .executeTakeFirst();
  }

  /** The learner's states of every variant of these cards. */
  async findStates(userId: number, cardIds: readonly number[]): Promise<StudyStateRow[]> {
    if (cardIds.length === 0) return [];
    return this.selectStates().where('user_id', '=', userId).where('card_id', 'in', cardIds).execute();
  }

  async findStatesOfSets(userId: number, setIds: readonly number[]): Promise<StudyStateRow[]> {
    if (setIds.length === 0) return [];
    return this.selectStates().where('user_id', '=', userId).where('card_set_id', 'in', setIds).execute();
  }

  async countDue(userId: number, until: number): Promise<number> {
    const row = await this.db
      .selectFrom('study_states')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('due', '<=', until)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** How many items the learner started since `since` (each item's first answer that counted). */
  async countFirstReviewsSince(userId: number, since: number): Promise<number> {
    const row = await this.db
      .selectFrom('review_logs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('reviewed_at', '>=', since)
      .where('phase_before', '=', 'new')
      .where('practice', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The sets the learner has answered cards of. */
  async listStudiedSetIds(userId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('study_states')
      .select('card_set_id as cardSetId')
      .distinct()
      .where('user_id', '=', userId)
      .execute();
    return rows.map((row) => row.cardSetId);
  }

  /** Which of these browser ids the learner's log already holds. */
  async findLoggedClientIds(userId: number, clientIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let start = 0; start < clientIds.length; start += 500) {
      const rows = await this.db
        .selectFrom('review_logs')
        .select('client_id as clientId')
        .where('user_id', '=', userId)
        .where('client_id', 'in', clientIds.slice(start, start + 500))
        .execute();
      for (const row of rows) if (row.clientId !== null) found.add(row.clientId);
    }
    return found;
  }

  async findNewCardsPerDay(userId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('study_settings')
      .select('new_cards_per_day as n')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.n;
  }

  async saveNewCardsPerDay(userId: number, count: number, now: number): Promise<void> {
    await this.db
      .insertInto('study_settings')
      .values({ user_id: userId, new_cards_per_day: count, updated_at: now })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet((eb) => ({
          new_cards_per_day: eb.ref('excluded.new_cards_per_day'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  /**
   * Listed sets of the subject other than `excludeId`, oldest first: distractors for self-tests. Oldest
   * first, so that a set published between showing a test and marking it does not change its questions.
   */
  async findRelatedSetIds(subjectId: number, excludeId: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('card_sets')
      .select('id')
      .where('subject_id', '=', subjectId)
      .where('id', '!=', excludeId)
      .where('visibility', '=', LISTED.visibility)
      .where('status', '=', LISTED.status)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }
}

function stateColumns(state: StudyStateValues) {
  return {
    phase: state.phase,
    due: state.due,
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    reps: state.reps,
    lapses: state.lapses,
    learning_steps: state.learningSteps,
    last_review: state.lastReview,
  };
}
