import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SearchQuery } from '../../domain/search-query.js';
import type { Database } from '../tables.js';
import type { SearchHit, SearchIndex, SearchRequest, SimilarRequest } from './search-index.js';
import { taggedWith } from './tagged-with.js';
import { visibleTo } from './visible-to.js';

/** Title matches weigh most, then the subtitle, card titles, card bodies. */
const BM25 = sql`bm25(search_sets, 10.0, 5.0, 3.0, 1.0)`;
/** Candidates read from the index alone before checking who may see them (see search()). */
const FIRST_PASS_EXTRA = 50;

/** Shared by every index object of the process (repositories are made per transaction). */
let counted: { at: number; total: number } | undefined;
const frequencyCache = new Map<string, { doc: number; at: number }>();

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/** Compiles a parsed query to FTS5's MATCH syntax; every word is quoted, so nothing typed is syntax. */
export function fts5Match(query: SearchQuery): string {
  const positive = [
    ...query.terms.map(quote),
    ...query.phrases.map((phrase) => quote(phrase.join(' '))),
    ...(query.prefix === null ? [] : [`${quote(query.prefix)}*`]),
  ];
  return [positive.join(' '), ...query.excluded.map((word) => `NOT ${quote(word)}`)].join(' ');
}

export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<Database>) {}

  async reindex(setIds: readonly number[]): Promise<void> {
    for (let start = 0; start < setIds.length; start += 500) {
      await sql`delete from search_sets where rowid in (${sql.join(setIds.slice(start, start + 500))})`.execute(
        this.db,
      );
    }
    await this.index(setIds);
  }

  /** New sets only: a contentless index cannot tell a missing row, so deleting one first would leave a tombstone. */
  async index(setIds: readonly number[]): Promise<void> {
    for (let start = 0; start < setIds.length; start += 500) {
      const ids = setIds.slice(start, start + 500);
      await sql`
        insert into search_sets (rowid, title, subtitle, card_titles, bodies)
        select s.id, s.title, coalesce(s.subtitle, ''),
          coalesce((select group_concat(c.title, ' ') from cards c where c.card_set_id = s.id), ''),
          coalesce((select group_concat(coalesce(c.search_body, c.body), ' ') from cards c where c.card_set_id = s.id), '')
        from card_sets s where s.id in (${sql.join(ids)})
      `.execute(this.db);
    }
  }

  async remove(setId: number): Promise<void> {
    await sql`delete from search_sets where rowid = ${setId}`.execute(this.db);
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const match = fts5Match(request.query);
    const { filters } = request;
    const filtered =
      filters.subjectId !== undefined ||
      filters.topicId !== undefined ||
      filters.level !== undefined ||
      filters.examBoard !== undefined ||
      filters.tag !== undefined;
    if (request.sort === 'relevance' && !filtered) {
      // Rank from the index alone (no join per match), then keep those the viewer may see. Nearly every
      // indexed set is public, so the first pass almost always suffices; otherwise rank with the join.
      const wanted = request.offset + request.limit;
      const { rows } = await sql<{ id: number; score: number }>`
        select rowid as id, ${BM25} as score from search_sets where search_sets match ${match}
        order by score limit ${wanted + FIRST_PASS_EXTRA}
      `.execute(this.db);
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return [];
      const visible = await sql<{ id: number }>`
        select s.id from card_sets s where s.id in (${sql.join(ids)}) and ${visibleTo(request.viewerId)}
      `.execute(this.db);
      const allowed = new Set(visible.rows.map((row) => row.id));
      const hits = rows.filter((row) => allowed.has(row.id));
      if (hits.length >= wanted || rows.length < wanted + FIRST_PASS_EXTRA) {
        return hits.slice(request.offset, wanted).map((row) => ({ setId: row.id, score: -row.score }));
      }
    }
    const conditions: RawBuilder<unknown>[] = [sql`search_sets match ${match}`, visibleTo(request.viewerId)];
    if (filters.subjectId !== undefined) conditions.push(sql`s.subject_id = ${filters.subjectId}`);
    if (filters.topicId !== undefined) conditions.push(sql`s.topic_id = ${filters.topicId}`);
    if (filters.level !== undefined) conditions.push(sql`s.level = ${filters.level}`);
    if (filters.examBoard !== undefined) conditions.push(sql`s.exam_board = ${filters.examBoard}`);
    if (filters.tag !== undefined) conditions.push(taggedWith(filters.tag));
    const order =
      request.sort === 'newest'
        ? sql`s.id desc`
        : request.sort === 'rating'
          ? sql`s.rating_score desc, score, s.id desc`
          : sql`score, s.id desc`;
    const { rows } = await sql<{ id: number; score: number }>`
      select s.id, ${BM25} as score
      from search_sets join card_sets s on s.id = search_sets.rowid
      where ${sql.join(conditions, sql` and `)}
      order by ${order}
      limit ${request.limit} offset ${request.offset}
    `.execute(this.db);
    return rows.map((row) => ({ setId: row.id, score: -row.score }));
  }

  /**
   * fts5vocab counts a term's documents by reading its whole posting list: fast for rare terms, tens of
   * milliseconds for common ones at a million cards. Frequencies change slowly, so they are remembered
   * for an hour (per process; servers need not agree on them).
   */
  async documentFrequencies(terms: readonly string[]) {
    const now = Date.now();
    const frequencies = new Map<string, number>();
    const missing: string[] = [];
    for (const term of terms) {
      const known = frequencyCache.get(term);
      if (known !== undefined && now - known.at < 60 * 60 * 1000) frequencies.set(term, known.doc);
      else missing.push(term);
    }
    if (missing.length > 0) {
      const { rows } = await sql<{ term: string; doc: number }>`
        select term, doc from search_vocab where term in (${sql.join(missing)})
      `.execute(this.db);
      const found = new Map(rows.map((row) => [row.term, row.doc]));
      if (frequencyCache.size > 200_000) frequencyCache.clear();
      for (const term of missing) {
        const doc = found.get(term) ?? 0;
        frequencyCache.set(term, { doc, at: now });
        frequencies.set(term, doc);
      }
    }
    return { total: await this.documentCount(), frequencies };
  }

  /** The number of indexed sets changes slowly; counting it once a minute is plenty for IDF. */
  private async documentCount(): Promise<number> {
    const now = Date.now();
    if (counted === undefined || now - counted.at > 60_000) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from card_sets`.execute(this.db);
      counted = { at: now, total: Number(rows[0]?.n ?? 0) };
    }
    return counted.total;
  }

  async similar(request: SimilarRequest): Promise<SearchHit[]> {
    if (request.terms.length === 0) return [];
    // Any of the terms; the tokenizer stems them as it stemmed the indexed text.
    const match = request.terms.map(quote).join(' OR ');
    const { rows } = await sql<{ id: number; score: number }>`
      select rowid as id, ${BM25} as score from search_sets where search_sets match ${match}
      order by score limit ${request.limit * 4 + 1}
    `.execute(this.db);
    const ids = rows.map((row) => row.id).filter((id) => id !== request.setId);
    if (ids.length === 0) return [];
    const visible = await sql<{ id: number }>`
      select s.id from card_sets s where s.id in (${sql.join(ids)}) and ${visibleTo(null)}
    `.execute(this.db);
    const allowed = new Set(visible.rows.map((row) => row.id));
    return rows.filter((row) => allowed.has(row.id)).map((row) => ({ setId: row.id, score: -row.score }));
  }

  async headlines(): Promise<string[] | null> {
    return null;
  }
}
