/** Tags of card sets and of cards: written with their set or card, read back in order, and filtered by. */
import { sql, type Kysely } from 'kysely';
import { tagKey } from '../../domain/tags.js';
import { taggedWith } from '../search/tagged-with.js';
import { visibleTo } from '../search/visible-to.js';
import type { Database } from '../tables.js';

/** Rows per insert statement (five values each: under every engine's parameter limit). */
const BATCH = 1000;

export type TaggedSetOrder = 'newest' | 'rating';

export class TagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Makes the set's own tags exactly `tags` (normalised, without repeats), in order. */
  async replaceSetTags(setId: number, tags: readonly string[]): Promise<void> {
    await this.db.deleteFrom('card_set_tags').where('card_set_id', '=', setId).execute();
    await this.insertSetTags([{ setId, tags }]);
  }

  async insertSetTags(sets: readonly { setId: number; tags: readonly string[] }[]): Promise<void> {
    const rows = sets.flatMap(({ setId, tags }) =>
      tags.map((name, index) => ({ card_set_id: setId, position: index, name, tag_key: tagKey(name) })),
    );
    for (let start = 0; start < rows.length; start += BATCH) {
      await this.db
        .insertInto('card_set_tags')
        .values(rows.slice(start, start + BATCH))
        .execute();
    }
  }

  /** Makes each given card's tags exactly those listed (cards of one set). */
  async replaceCardTags(
    setId: number,
    cards: readonly { cardId: number; tags: readonly string[] }[],
  ): Promise<void> {
    await this.db.deleteFrom('card_tags').where('card_set_id', '=', setId).execute();
    await this.insertCardTags(cards.map((card) => ({ ...card, setId })));
  }

  async insertCardTags(
    cards: readonly { setId: number; cardId: number; tags: readonly string[] }[],
  ): Promise<void> {
    const rows = cards.flatMap(({ setId, cardId, tags }) =>
      tags.map((name, index) => ({
        card_id: cardId,
        card_set_id: setId,
        position: index,
        name,
        tag_key: tagKey(name),
      })),
    );
    for (let start = 0; start < rows.length; start += BATCH) {
      await this.db
        .insertInto('card_tags')
        .values(rows.slice(start, start + BATCH))
        .execute();
    }
  }

  /** Tags of freshly inserted cards, found by their sets and positions (1-based, in order). */
  async insertCardTagsOfSets(
    sets: readonly { setId: number; cards: readonly { tags?: readonly string[] | undefined }[] }[],
  ): Promise<void> {
    const tagged = sets.filter(({ cards }) => cards.some((card) => (card.tags?.length ?? 0) > 0));
    for (let start = 0; start < tagged.length; start += 500) {
      const batch = tagged.slice(start, start + 500);
      const rows = await this.db
        .selectFrom('cards')
        .select(['id', 'card_set_id as setId', 'position'])
        .where(
          'card_set_id',
          'in',
          batch.map(({ setId }) => setId),
        )
        .execute();
      const idOf = new Map(rows.map((row) => [`${row.setId}:${row.position}`, row.id]));
      await this.insertCardTags(
        batch.flatMap(({ setId, cards }) =>
          cards.flatMap((card, index) => {
            const cardId = idOf.get(`${setId}:${index + 1}`);
            return cardId === undefined || (card.tags?.length ?? 0) === 0
              ? []
              : [{ setId, cardId, tags: card.tags! }];
          }),
        ),
      );
    }
  }

  async findSetTags(setId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('card_set_tags')
      .select('name')
      .where('card_set_id', '=', setId)
      .orderBy('position')
      .execute();
    return rows.map((row) => row.name);
  }

  /** The tags of a set's cards, by card id (cards without tags are left out). */
  async findCardTags(setId: number): Promise<Map<number, string[]>> {
    const rows = await this.db
      .selectFrom('card_tags')
      .select(['card_id as cardId', 'name'])
      .where('card_set_id', '=', setId)
      .orderBy('card_id')
      .orderBy('position')
      .execute();
    const byCard = new Map<number, string[]>();
    for (const row of rows) {
      const list = byCard.get(row.cardId) ?? [];
      list.push(row.name);
      byCard.set(row.cardId, list);
    }
    return byCard;
  }

  /**
   * Of these sets' cards, those the tag applies to: cards with the tag, and every card of a set that has
   * it. By set id; a set with no such card is left out.
   */
  async findTaggedCardIds(setIds: readonly number[], tag: string): Promise<Map<number, Set<number> | 'all'>> {
    const result = new Map<number, Set<number> | 'all'>();
    if (setIds.length === 0) return result;
    const key = tagKey(tag);
    const sets = await this.db
      .selectFrom('card_set_tags')
      .select('card_set_id as setId')
      .where('tag_key', '=', key)
      .where('card_set_id', 'in', setIds)
      .execute();
    for (const { setId } of sets) result.set(setId, 'all');
    const cards = await this.db
      .selectFrom('card_tags')
      .select(['card_set_id as setId', 'card_id as cardId'])
      .where('tag_key', '=', key)
      .where('card_set_id', 'in', setIds)
      .execute();
    for (const { setId, cardId } of cards) {
      const entry = result.get(setId);
      if (entry === 'all') continue;
      if (entry === undefined) result.set(setId, new Set([cardId]));
      else entry.add(cardId);
    }
    return result;
  }

  /**
   * Sets the viewer may find that carry the tag, on the set or on any of its cards (a search by tag alone):
   * newest first, or top rated. Both lookups use the (tag_key, card_set_id) indexes.
   */
  async findTaggedSetIds(request: {
    tag: string;
    viewerId: number | null;
    order: TaggedSetOrder;
    subjectId?: number | undefined;
    topicId?: number | undefined;
    level?: string | undefined;
    examBoard?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<number[]> {
    let query = this.db
      .selectFrom('card_sets as s')
      .select('s.id')
      .where(sql<boolean>`${taggedWith(request.tag)} and ${visibleTo(request.viewerId)}`);
    if (request.subjectId !== undefined) query = query.where('s.subject_id', '=', request.subjectId);
    if (request.topicId !== undefined) query = query.where('s.topic_id', '=', request.topicId);
    if (request.level !== undefined) query = query.where('s.level', '=', request.level);
    if (request.examBoard !== undefined) query = query.where('s.exam_board', '=', request.examBoard);
    if (request.order === 'rating') query = query.orderBy('s.rating_score', 'desc');
    const rows = await query.orderBy('s.id', 'desc').limit(request.limit).offset(request.offset).execute();
    return rows.map((row) => row.id);
  }
}
