import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchQuery } from '../../domain/search-query.js';
import type { Database } from '../tables.js';
import type { SearchHit, SearchIndex, SearchRequest, SimilarRequest } from './search-index.js';
import { taggedWith } from './tagged-with.js';
import { visibleTo } from './visible-to.js';

/** The same query as FTS5 gets, in websearch syntax (words, "phrases", -excluded), plus a prefix tsquery. */
export function websearchText(query: SearchQuery): string {
  return [
    ...query.terms,
    ...query.phrases.map((phrase) => `"${phrase.join(' ')}"`),
    ...query.excluded.map((word) => `-${word}`),
  ].join(' ');
}

function tsquery(query: SearchQuery): RawBuilder<unknown> {
  const web = websearchText(query);
  // Words are letters and digits only (see words()), so the prefix cannot carry tsquery syntax.
  const prefix = query.prefix === null ? null : `${query.prefix}:*`;
  if (web === '' && prefix !== null) return sql`to_tsquery('english', ${prefix})`;
  if (prefix === null) return sql`websearch_to_tsquery('english', ${web})`;
  return sql`(websearch_to_tsquery('english', ${web}) && to_tsquery('english', ${prefix}))`;
}

/** Weights D, C, B, A: card bodies, card titles, subtitle, title. Normalised by document length. */
const RANK = sql`ts_rank('{0.1, 0.3, 0.5, 1.0}', s.search_vector, q.query, 1)`;

export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async index(setIds: readonly number[]): Promise<void> {
    await this.reindex(setIds);
  }

  async reindex(setIds: readonly number[]): Promise<void> {
    for (let start = 0; start < setIds.length; start += 500) {
      const ids = setIds.slice(start, start + 500);
      await sql`
        update card_sets s set search_vector =
          setweight(to_tsvector('english', s.title), 'A') ||
          setweight(to_tsvector('english', coalesce(s.subtitle, '')), 'B') ||
          setweight(to_tsvector('english', coalesce((select string_agg(c.title, ' ') from cards c where c.card_set_id = s.id), '')), 'C') ||
          setweight(to_tsvector('english', coalesce((select string_agg(coalesce(c.search_body, c.body), ' ') from cards c where c.card_set_id = s.id), '')), 'D')
        where s.id in (${sql.join(ids)})
      `.execute(this.db);
    }
  }

  async remove(): Promise<void> {
    // The vector lives on the card_sets row and goes with it.
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const { filters } = request;
    const conditions: RawBuilder<unknown>[] = [sql`s.search_vector @@ q.query`, visibleTo(request.viewerId)];
    if (filters.subjectId !== undefined) conditions.push(sql`s.subject_id = ${filters.subjectId}`);
    if (filters.topicId !== undefined) conditions.push(sql`s.topic_id = ${filters.topicId}`);
    if (filters.level !== undefined) conditions.push(sql`s.level = ${filters.level}`);
    if (filters.examBoard !== undefined) conditions.push(sql`s.exam_board = ${filters.examBoard}`);
    if (filters.tag !== undefined) conditions.push(taggedWith(filters.tag));
    const order =
      request.sort === 'newest'
        ? sql`s.id desc`
        : request.sort === 'rating'
          ? sql`s.rating_score desc, score desc, s.id desc`
          : sql`score desc, s.id desc`;
    const { rows } = await sql<{ id: number; score: number }>`
      select s.id, ${RANK} as score
      from card_sets s, (select ${tsquery(request.query)} as query) q
      where ${sql.join(conditions, sql` and `)}
      order by ${order}
      limit ${request.limit} offset ${request.offset}
    `.execute(this.db);
    return rows.map((row) => ({ setId: row.id, score: Number(row.score) }));
  }

  async documentFrequencies(): Promise<{ total: number; frequencies: Map<string, number> }> {
    // PostgreSQL keeps no cheap per-term statistics; similar() ranks by the set's own frequent words.
    return { total: 0, frequencies: new Map() };
  }

  async similar(request: SimilarRequest): Promise<SearchHit[]> {
    const words = request.terms.filter((term) => /^[\p{L}\p{N}]+$/u.test(term));
    if (words.length === 0) return [];
    const { rows } = await sql<{ id: number; score: number }>`
      select s.id, ${RANK} as score
      from card_sets s, (select to_tsquery('english', ${words.join(' | ')}) as query) q
      where s.search_vector @@ q.query and ${visibleTo(null)} and s.id <> ${request.setId}
      order by score desc, s.id desc
      limit ${request.limit * 4}
    `.execute(this.db);
    return rows.map((row) => ({ setId: row.id, score: Number(row.score) }));
  }

  async headlines(query: SearchQuery, texts: readonly string[]): Promise<string[]> {
    if (texts.length === 0) return [];
    const { rows } = await sql<{ headline: string }>`
      select ts_headline('english', t.text, q.query,
        'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "') as headline
      from unnest(${sql.val(texts)}::text[]) with ordinality as t(text, n), (select ${tsquery(query)} as query) q
      order by t.n
    `.execute(this.db);
    return rows.map((row) => row.headline);
  }
}
