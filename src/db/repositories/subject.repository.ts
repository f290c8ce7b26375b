import type { Kysely } from 'kysely';
import { slugify } from '../../domain/slug.js';
import type { Database } from '../tables.js';
import { LISTED } from './card-set.repository.js';

export interface SubjectRow {
  id: number;
  name: string;
  slug: string;
}

export interface SubjectWithCountRow extends SubjectRow {
  setCount: number;
}

export class SubjectRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The subject with this name's slug, created if it does not exist yet (safe against a concurrent create). */
  async findOrCreate(name: string, now: number): Promise<SubjectRow> {
    const slug = slugify(name);
    await this.db
      .insertInto('subjects')
      .values({ name, slug, created_at: now })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    return (await this.findBySlug(slug))!;
  }

  async findBySlug(slug: string): Promise<SubjectRow | undefined> {
    return this.db
      .selectFrom('subjects')
      .select(['id', 'name', 'slug'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  /**
   * The subject with this slug if a visitor may see it: it has at least one listed (public, not hidden)
   * set. A subject used only by private, unlisted or hidden sets is not shown anywhere public.
   */
  async findListedBySlug(slug: string): Promise<SubjectRow | undefined> {
    return this.db
      .selectFrom('subjects as sub')
      .select(['sub.id', 'sub.name', 'sub.slug'])
      .where('sub.slug', '=', slug)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('card_sets as s')
            .select('s.id')
            .whereRef('s.subject_id', '=', 'sub.id')
            .where('s.visibility', '=', LISTED.visibility)
            .where('s.status', '=', LISTED.status),
        ),
      )
      .executeTakeFirst();
  }

  /** Names of the subjects that have listed sets, by name (for the editor's and search's choices). */
  async listNames(): Promise<string[]> {
    return (await this.listWithCounts()).map((row) => row.name);
  }

  /** The subjects that have listed (public, not hidden) sets, with how many, by name. */
  async listWithCounts(): Promise<SubjectWithCountRow[]> {
    const rows = await this.db
      .selectFrom('subjects as sub')
      .innerJoin('card_sets as s', (join) =>
        join
          .onRef('s.subject_id', '=', 'sub.id')
          .on('s.visibility', '=', LISTED.visibility)
          .on('s.status', '=', LISTED.status),
      )
      .select(['sub.id', 'sub.name', 'sub.slug'])
      .select((eb) => eb.fn.count<number>('s.id').as('setCount'))
      .groupBy(['sub.id', 'sub.name', 'sub.slug'])
      .orderBy('sub.name')
      .execute();
    return rows.map((row) => ({ ...row, setCount: Number(row.setCount) }));
  }
}
