import type { Kysely } from 'kysely';
import { slugify } from '../../domain/slug.js';
import type { Database } from '../tables.js';
import { LISTED } from './card-set.repository.js';

export interface TopicRow {
  id: number;
  subjectId: number;
  name: string;
  slug: string;
}

export interface TopicWithCountRow extends TopicRow {
  setCount: number;
}

export class TopicRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findOrCreate(subjectId: number, name: string, now: number): Promise<TopicRow> {
    const slug = slugify(name);
    await this.db
      .insertInto('topics')
      .values({ subject_id: subjectId, name, slug, created_at: now })
      .onConflict((oc) => oc.columns(['subject_id', 'slug']).doNothing())
      .execute();
    return (await this.findBySlug(subjectId, slug))!;
  }

  async findBySlug(subjectId: number, slug: string): Promise<TopicRow | undefined> {
    return this.db
      .selectFrom('topics')
      .select(['id', 'subject_id as subjectId', 'name', 'slug'])
      .where('subject_id', '=', subjectId)
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  /** The topic with this slug in the subject if it has at least one listed (public, not hidden) set. */
  async findListedBySlug(subjectId: number, slug: string): Promise<TopicRow | undefined> {
    return this.db
      .selectFrom('topics as t')
      .select(['t.id', 't.subject_id as subjectId', 't.name', 't.slug'])
      .where('t.subject_id', '=', subjectId)
      .where('t.slug', '=', slug)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('card_sets as s')
            .select('s.id')
            .whereRef('s.topic_id', '=', 't.id')
            .where('s.visibility', '=', LISTED.visibility)
            .where('s.status', '=', LISTED.status),
        ),
      )
      .executeTakeFirst();
  }

  /** Names of the topics that have listed sets (in any subject), by name, for the editor's choices. */
  async listNames(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('topics as t')
      .innerJoin('card_sets as s', (join) =>
        join
          .onRef('s.topic_id', '=', 't.id')
          .on('s.visibility', '=', LISTED.visibility)
          .on('s.status', '=', LISTED.status),
      )
      .select('t.name')
      .distinct()
      .orderBy('t.name')
      .execute();
    return rows.map((row) => row.name);
  }

  /** A subject's topics that have listed sets, with how many, by name. */
  async listWithCounts(subjectId: number): Promise<TopicWithCountRow[]> {
    const rows = await this.db
      .selectFrom('topics as t')
      .innerJoin('card_sets as s', (join) =>
        join
          .onRef('s.topic_id', '=', 't.id')
          .on('s.visibility', '=', LISTED.visibility)
          .on('s.status', '=', LISTED.status),
      )
      .select(['t.id', 't.subject_id as subjectId', 't.name', 't.slug'])
      .select((eb) => eb.fn.count<number>('s.id').as('setCount'))
      .where('t.subject_id', '=', subjectId)
      .groupBy(['t.id', 't.subject_id', 't.name', 't.slug'])
      .orderBy('t.name')
      .execute();
    return rows.map((row) => ({ ...row, setCount: Number(row.setCount) }));
  }
}
