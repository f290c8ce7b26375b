import { isPostgres } from '../migrations/dialect.js';
import { sql, type Kysely, type Updateable } from 'kysely';
import type { CardDraft, CardKind } from '../../domain/card-set.js';
import { clozePlainText } from '../../domain/study/cloze.js';
import { studyVariants } from '../../domain/study/study-items.js';
import type { CardRow, CardSetsTable, Database, NewCardSet } from '../tables.js';
import { markSetPageChanged, type PageChanged } from './set-page-version.repository.js';

/** What makes a set appear in listings: public and not hidden by a moderator. */
export const LISTED = { visibility: 'public', status: 'active' } as const;

export interface CardSetSummaryRow {
  id: number;
  title: string;
  subtitle: string | null;
  level: string | null;
  examBoard: string | null;
  language: string | null;
  visibility: string;
  status: string;
  isDemo: number;
  cardCount: number;
  viewCount: number;
  ratingScore: number;
  revision: number;
  createdAt: number;
  updatedAt: number;
  authorId: number;
  authorHandle: string;
  authorName: string;
  subjectId: number;
  subjectName: string;
  subjectSlug: string;
  topicId: number | null;
  topicName: string | null;
  topicSlug: string | null;
}

export type ListingOrder = 'newest' | 'views' | 'rating';

export interface ListCardSetsQuery {
  subjectId?: number | undefined;
  topicId?: number | undefined;
  order?: ListingOrder;
  /** Keyset pagination: the last row of the previous page (its order value and id). */
  after?: { value: number; id: number } | undefined;
  limit: number;
}

export class CardSetRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Told of each set whose page a write here changed or removed. */
    private readonly pageChanged: PageChanged = () => undefined,
  ) {}

  private selectSummaries() {
    return this.db
      .selectFrom('card_sets as s')
      .innerJoin('subjects as sub', 'sub.id', 's.subject_id')
      .leftJoin('topics as t', 't.id', 's.topic_id')
      .innerJoin('users as u', 'u.id', 's.author_id')
      .select([
        's.id',
        's.title',
        's.subtitle',
        's.level',
        's.exam_board as examBoard',
        's.language',
        's.visibility',
        's.status',
        's.is_demo as isDemo',
        's.card_count as cardCount',
        's.view_count as viewCount',
        's.rating_score as ratingScore',
        's.revision',
        's.created_at as createdAt',
        's.updated_at as updatedAt',
        's.author_id as authorId',
        'u.handle as authorHandle',
        'u.display_name as authorName',
        's.subject_id as subjectId',
        'sub.name as subjectName',
        'sub.slug as subjectSlug',
        's.topic_id as topicId',
        't.name as topicName',
        't.slug as topicSlug',
      ]);
  }

  async insert(set: NewCardSet, cards: readonly CardDraft[]): Promise<number> {
    const { id } = await this.db
      .insertInto('card_sets')
      .values(set)
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.insertCardsOfSets([{ setId: id, cards }]);
    return id;
  }

  /**
   * Inserts sets in order and returns their ids in that order. On SQLite, write transactions hold the
   * database's only write lock from BEGIN (IMMEDIATE), so ids can be given out after the largest ever used
   * and the rows inserted a hundred at a time; elsewhere one insert each, returning its id.
   */
  async insertMany(sets: readonly NewCardSet[]): Promise<number[]> {
    if (sets.length === 0) return [];
    if (isPostgres(this.db)) {
      const ids: number[] = [];
      for (const set of sets) ids.push(await this.insert(set, []));
      return ids;
    }
    // After the largest id ever given out (AUTOINCREMENT's own record), not just the largest in use: a
    // deleted set's id must never come back, or its reports and links would point at a new set.
    const { rows: last } = await sql<{ max: number | null }>`
      select max(coalesce((select seq from sqlite_sequence where name = 'card_sets'), 0),
                 coalesce((select max(id) from card_sets), 0)) as max
    `.execute(this.db);
    const first = Number(last[0]?.max ?? 0) + 1;
    const rows = sets.map((set, index) => ({ ...set, id: first + index }));
    for (let start = 0; start < rows.length; start += 100) {
      await this.db
        .insertInto('card_sets')
        .values(rows.slice(start, start + 100))
        .execute();
    }
    return rows.map((row) => row.id);
  }

  /** Cards of several sets in few statements (1,000 rows each, under every engine's parameter limit). */
  async insertCardsOfSets(sets: readonly { setId: number; cards: readonly CardDraft[] }[]): Promise<void> {
    const rows = sets.flatMap(({ setId, cards }) =>
      cards.map((card, index) => ({
        card_set_id: setId,
        position: index + 1,
        title: card.title,
        body: card.body,
        ...cardKindColumns(card).columns,
      })),
    );
    for (let start = 0; start < rows.length; start += 1000) {
      await this.db
        .insertInto('cards')
        .values(rows.slice(start, start + 1000))
        .execute();
    }
  }

  async findSummary(id: number): Promise<CardSetSummaryRow | undefined> {
    return this.selectSummaries().where('s.id', '=', id).executeTakeFirst();
  }

  /** Several sets at once (any order; unknown ids are left out). */
  async findSummaries(ids: readonly number[]): Promise<CardSetSummaryRow[]> {
    if (ids.length === 0) return [];
    return this.selectSummaries().where('s.id', 'in', ids).execute();
  }

  /** The cards of several sets at once, in order, by set. */
  async findCardsOfSets(ids: readonly number[]): Promise<Map<number, CardRow[]>> {
    const bySet = new Map<number, CardRow[]>();
    if (ids.length === 0) return bySet;
    const rows = await this.db
      .selectFrom('cards')
      .selectAll()
      .where('card_set_id', 'in', ids)
      .orderBy('card_set_id')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = bySet.get(row.card_set_id) ?? [];
      list.push(row);
      bySet.set(row.card_set_id, list);
    }
    return bySet;
  }

  async findCards(cardSetId: number): Promise<CardRow[]> {
    return this.db
      .selectFrom('cards')
      .selectAll()
      .where('card_set_id', '=', cardSetId)
      .orderBy('position')
      .execute();
  }

  /**
   * Listed sets, newest first, most viewed or top rated, one keyset page at a time: page 500 costs what
   * page 1 does (the order columns are indexed with the subject and topic).
   */
  async listListed(query: ListCardSetsQuery): Promise<CardSetSummaryRow[]> {
    let select = this.selectSummaries()
      .where('s.visibility', '=', LISTED.visibility)
      .where('s.status', '=', LISTED.status);
    if (query.subjectId !== undefined) select = select.where('s.subject_id', '=', query.subjectId);
    if (query.topicId !== undefined) select = select.where('s.topic_id', '=', query.topicId);
    const order = query.order ?? 'newest';
    const after = query.after;
    if (order === 'newest') {
      if (after !== undefined) select = select.where('s.id', '<', after.id);
      return select.orderBy('s.id', 'desc').limit(query.limit).execute();
    }
    const column = order === 'views' ? 's.view_count' : 's.rating_score';
    if (after !== undefined) {
      select = select.where((eb) =>
        eb.or([
          eb(column, '<', after.value),
          eb.and([eb(column, '=', after.value), eb('s.id', '<', after.id)]),
        ]),
      );
    }
    return select.orderBy(column, 'desc').orderBy('s.id', 'desc').limit(query.limit).execute();
  }

  /**
   * Recounts a set's ratings into its row, which its page shows (so its cached copies go stale). The
   * row is locked first, by the version's bump, and recounted by a second statement: on PostgreSQL a
   * statement's subqueries see what was committed when it began, so a recount that had waited for
   * another rater's lock would miss that rating.
   */
  async refreshRatingStats(id: number): Promise<void> {
    await markSetPageChanged(this.db, id, this.pageChanged);
    await this.db
      .updateTable('card_sets')
      .set((eb) => ({
        rating_count: eb
          .selectFrom('ratings')
          .select((r) => r.fn.countAll<number>().as('n'))
          .where('card_set_id', '=', id),
        rating_score: eb.fn.coalesce(
          eb
            .selectFrom('ratings')
            .select(sql<number>`round(avg(stars) * 100)`.as('score'))
            .where('card_set_id', '=', id),
          sql<number>`0`,
        ),
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Other listed sets of the same topic first, then of the same subject, newest first within each. */
  async listSameTopicThenSubject(
    set: { id: number; subjectId: number; topicId: number | null },
    limit: number,
  ): Promise<CardSetSummaryRow[]> {
    return this.selectSummaries()
      .where('s.visibility', '=', LISTED.visibility)
      .where('s.status', '=', LISTED.status)
      .where('s.subject_id', '=', set.subjectId)
      .where('s.id', '!=', set.id)
      .orderBy((eb) =>
        eb
          .case()
          .when('s.topic_id', '=', set.topicId ?? -1)
          .then(0)
          .else(1)
          .end(),
      )
      .orderBy('s.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Updates the set's own columns if nobody saved since `expectedRevision`; false when someone did. */
  async updateIfRevision(
    id: number,
    expectedRevision: number,
    changes: Updateable<CardSetsTable>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('card_sets')
      .set((eb) => ({
        ...changes,
        revision: expectedRevision + 1,
        cache_version: eb('cache_version', '+', 1),
      }))
      .where('id', '=', id)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    const updated = Number(result.numUpdatedRows) === 1;
    if (updated) this.pageChanged(id);
    return updated;
  }

  /**
   * Makes the set's cards exactly `cards`, in order: cards with an id are updated in place (so that
   * anything keyed on a card, like study progress, survives an edit), the others inserted, the rest
   * deleted. Returns the ids in order.
   */
  async replaceCards(
    cardSetId: number,
    cards: readonly {
      id: number | null;
      title: string | null;
      body: string;
      /** Absent: a kept card keeps its kind (and reversibility); a new one is basic. */
      kind?: CardKind;
      reversible?: boolean;
    }[],
  ) {
    const keep = cards.flatMap((card) => (card.id === null ? [] : [card.id]));
    let remove = this.db.deleteFrom('cards').where('card_set_id', '=', cardSetId);
    if (keep.length > 0) remove = remove.where('id', 'not in', keep);
    await remove.execute();
    const kept = new Map(
      (
        await this.db
          .selectFrom('cards')
          .select(['id', 'kind', 'reversible'])
          .where('card_set_id', '=', cardSetId)
          .execute()
      ).map((row) => [row.id, row]),
    );
    // Park the kept cards on negative positions so that renumbering never collides with the unique index.
    await this.db
      .updateTable('cards')
      .set((eb) => ({ position: eb.neg(eb.ref('position')) }))
      .where('card_set_id', '=', cardSetId)
      .execute();
    const ids: number[] = [];
    for (const [index, card] of cards.entries()) {
      const position = index + 1;
      const before = card.id === null ? undefined : kept.get(card.id);
      const { columns, variants } = cardKindColumns({
        ...card,
        kind: card.kind ?? (before?.kind === 'cloze' ? 'cloze' : 'basic'),
        reversible: card.reversible ?? before?.reversible === 1,
      });
      if (card.id !== null) {
        await this.db
          .updateTable('cards')
          .set({ position, title: card.title, body: card.body, ...columns })
          .where('id', '=', card.id)
          .where('card_set_id', '=', cardSetId)
          .execute();
        // Progress on an item the card no longer gives (a deletion removed, reversing turned off) goes.
        await this.db
          .deleteFrom('study_states')
          .where('card_id', '=', card.id)
          .where('variant', 'not in', variants)
          .execute();
        ids.push(card.id);
      } else {
        const row = await this.db
          .insertInto('cards')
          .values({ card_set_id: cardSetId, position, title: card.title, body: card.body, ...columns })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
    }
    return ids;
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('card_sets').where('id', '=', id).execute();
    this.pageChanged(id);
  }

  async setStatus(id: number, status: 'active' | 'hidden'): Promise<void> {
    await this.db
      .updateTable('card_sets')
      .set((eb) => ({ status, cache_version: eb('cache_version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    this.pageChanged(id);
  }

  async listByAuthor(authorId: number, options: { includeUnlisted: boolean; limit: number }) {
    let query = this.selectSummaries().where('s.author_id', '=', authorId);
    if (!options.includeUnlisted) {
      query = query.where('s.visibility', '=', LISTED.visibility).where('s.status', '=', LISTED.status);
    }
    return query.orderBy('s.id', 'desc').limit(options.limit).execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('card_sets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/**
 * A card's kind columns, with the number of study items it gives and those items' variants, and the text
 * search reads when it is not the body (a cloze card's, without its braces).
 */
function cardKindColumns(card: Pick<CardDraft, 'title' | 'body' | 'kind' | 'reversible'>) {
  const kind = card.kind ?? 'basic';
  const reversible = card.reversible === true;
  const variants = studyVariants({ kind, reversible, title: card.title, body: card.body });
  const plain = kind === 'cloze' ? clozePlainText(card.body) : card.body;
  return {
    columns: {
      kind,
      reversible: reversible ? 1 : 0,
      item_count: variants.length,
      search_body: plain === card.body ? null : plain,
    },
    variants,
  };
}
