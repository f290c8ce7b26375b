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

  async listNames(): Promise<string[]> {
    const rows = await this.db.selectFrom('subjects').select('name').orderBy('name').execute();
    return rows.map((row) => row.name);
  }

  /** Every subject with the number of listed (public, active) sets in it, by name. */
  async listWithCounts(): Promise<SubjectWithCountRow[]> {
    const rows = await this.db
      .selectFrom('subjects as sub')
      .leftJoin('card_sets as s', (join) =>
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
