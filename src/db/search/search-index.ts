/**
 * The full-text index of card sets: one document per set. The query syntax is parsed once
 * (src/domain/search-query.ts) and compiled here for each engine: FTS5 MATCH with bm25 on SQLite,
 * websearch_to_tsquery with ts_rank on PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { SearchQuery } from '../../domain/search-query.js';
import { isPostgres } from '../migrations/dialect.js';
import type { Database } from '../tables.js';
import { PostgresSearchIndex } from './postgres-search-index.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

export type SearchSort = 'relevance' | 'newest' | 'rating';

export interface SearchFilters {
  subjectId?: number | undefined;
  topicId?: number | undefined;
  level?: string | undefined;
  examBoard?: string | undefined;
  /** Sets tagged with it, or with a card tagged with it (compared without regard to case). */
  tag?: string | undefined;
}

export interface SearchRequest {
  query: SearchQuery;
  filters: SearchFilters;
  sort: SearchSort;
  /** Sees public sets, and their own private and unlisted sets. */
  viewerId: number | null;
  limit: number;
  offset: number;
}

export interface SearchHit {
  setId: number;
  /** Higher is better; comparable within one result list only. */
  score: number;
}

export interface SimilarRequest {
  setId: number;
  /** The set's distinctive words as written (the engine stems them), most distinctive first. */
  terms: string[];
  limit: number;
}

export interface SearchIndex {
  /** Adds new sets' text to the index (after a create, in the same transaction). */
  index(setIds: readonly number[]): Promise<void>;
  /** Re-reads edited sets' text into the index (in the edit's transaction). */
  reindex(setIds: readonly number[]): Promise<void>;
  remove(setId: number): Promise<void>;
  search(request: SearchRequest): Promise<SearchHit[]>;
  /** How many indexed sets contain each (stemmed) term, and how many sets there are. */
  documentFrequencies(terms: readonly string[]): Promise<{ total: number; frequencies: Map<string, number> }>;
  /** Listed sets ranked by the given terms, without the set itself. */
  similar(request: SimilarRequest): Promise<SearchHit[]>;
  /** Highlighted fragments of texts for a query, with \u0001 … \u0002 around matches; null when the engine leaves it to us. */
  headlines(query: SearchQuery, texts: readonly string[]): Promise<string[] | null>;
}

export function createSearchIndex(db: Kysely<Database>): SearchIndex {
  return isPostgres(db) ? new PostgresSearchIndex(db) : new SqliteSearchIndex(db);
}
