/** Finding card sets: full-text search with filters, and "similar sets" for a set's page. */
import type { SearchFilters, SearchSort } from '../db/search/search-index.js';

export type { SearchSort };
import { isExamBoard, isLevel, type CardSet, type CardSetSummary } from '../domain/card-set.js';
import { AppError } from '../domain/errors.js';
import { isEmptyQuery, parseSearchQuery, type SearchQuery } from '../domain/search-query.js';
import {
  bestMatchingCard,
  distinctiveTerms,
  highlight,
  plainText,
  termCounts,
} from '../domain/search-text.js';
import { slugify } from '../domain/slug.js';
import { readableBody } from '../domain/study/cloze.js';
import { TAG_LIMITS } from '../domain/tags.js';
import type { Viewer } from '../domain/viewer.js';
import { toCard, toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';

export const SEARCH_PAGE_SIZE = 20;
const MAX_PAGES = 25;
export const SEARCH_SORTS: readonly SearchSort[] = ['relevance', 'newest', 'rating'];

export interface SearchInput {
  q: string;
  subject?: string | undefined;
  topic?: string | undefined;
  level?: string | undefined;
  examBoard?: string | undefined;
  /** Only sets with this tag, on the set or on a card; with no words, every such set. */
  tag?: string | undefined;
  sort?: SearchSort | undefined;
  /** 1-based. */
  page?: number | undefined;
}

export interface SearchResult {
  set: CardSetSummary;
  /** The card that matched best, or null when only the set's title or subtitle matched. */
  card: { position: number; title: string | null } | null;
  /** A fragment with matches between HIGHLIGHT_START and HIGHLIGHT_END (src/domain/search-text.ts). */
  snippet: string;
}

export interface SearchOutcome {
  query: SearchQuery;
  results: SearchResult[];
  page: number;
  hasMore: boolean;
}

async function filtersFor(ctx: ServiceContext, input: SearchInput): Promise<SearchFilters | null> {
  const filters: SearchFilters = {};
  if (input.level !== undefined && input.level !== '') {
    if (!isLevel(input.level)) throw invalid('level', 'Choose a level from the list.');
    filters.level = input.level;
  }
  if (input.examBoard !== undefined && input.examBoard !== '') {
    if (!isExamBoard(input.examBoard)) throw invalid('examBoard', 'Choose an exam board from the list.');
    filters.examBoard = input.examBoard;
  }
  const tag = input.tag?.trim() ?? '';
  if (tag !== '') {
    if (tag.length > TAG_LIMITS.length)
      throw invalid('tag', `A tag has at most ${TAG_LIMITS.length} characters.`);
    filters.tag = tag;
  }
  if (input.subject !== undefined && input.subject !== '') {
    const subject = await ctx.repos.subjects.findBySlug(slugify(input.subject));
    if (subject === undefined) return null;
    filters.subjectId = subject.id;
    if (input.topic !== undefined && input.topic !== '') {
      const topic = await ctx.repos.topics.findBySlug(subject.id, slugify(input.topic));
      if (topic === undefined) return null;
      filters.topicId = topic.id;
    }
  }
  return filters;
}

const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }]);

export async function searchCardSets(
  ctx: ServiceContext,
  viewer: Viewer,
  input: SearchInput,
): Promise<SearchOutcome> {
  const query = parseSearchQuery(input.q);
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1)), MAX_PAGES);
  const empty = { query, results: [], page, hasMore: false };
  const filters = await filtersFor(ctx, input);
  if (filters === null) return empty;
  if (isEmptyQuery(query))
    return filters.tag === undefined ? empty : taggedSets(ctx, viewer, input, filters, page);
  const hits = await ctx.repos.search.search({
    query,
    filters,
    sort: input.sort ?? 'relevance',
    viewerId: viewer?.userId ?? null,
    limit: SEARCH_PAGE_SIZE + 1,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
  });
  const shown = hits.slice(0, SEARCH_PAGE_SIZE);
  const summaries = new Map(
    (await ctx.repos.cardSets.findSummaries(shown.map((hit) => hit.setId))).map((row) => [row.id, row]),
  );
  const cardsBySet = await ctx.repos.cardSets.findCardsOfSets(shown.map((hit) => hit.setId));
  const results: SearchResult[] = [];
  const fragments: string[] = [];
  for (const hit of shown) {
    const row = summaries.get(hit.setId);
    if (row === undefined) continue;
    const set = toCardSetSummary(row);
    // Cards as they read: a cloze card's deletions are their answers, not braces.
    const cards = (cardsBySet.get(hit.setId) ?? []).map((row) => ({
      ...toCard(row),
      body: readableBody(row),
    }));
    const card = bestMatchingCard(cards, query);
    const text = card === undefined ? (set.subtitle ?? set.title) : plainText(card.body);
    fragments.push(text);
    results.push({
      set,
      card: card === undefined ? null : { position: card.position, title: card.title },
      snippet: highlight(text, query),
    });
  }
  // PostgreSQL highlights with ts_headline; SQLite's contentless index leaves it to highlight().
  const headlines = await ctx.repos.search.headlines(query, fragments);
  if (headlines !== null) headlines.forEach((headline, index) => (results[index]!.snippet = headline));
  return { query, results, page, hasMore: hits.length > SEARCH_PAGE_SIZE };
}

/** A search by tag alone: the sets it applies to, newest first (or top rated), without snippets of cards. */
async function taggedSets(
  ctx: ServiceContext,
  viewer: Viewer,
  input: SearchInput,
  filters: SearchFilters & { tag?: string },
  page: number,
): Promise<SearchOutcome> {
  const ids = await ctx.repos.tags.findTaggedSetIds({
    ...filters,
    tag: filters.tag!,
    viewerId: viewer?.userId ?? null,
    order: input.sort === 'rating' ? 'rating' : 'newest',
    limit: SEARCH_PAGE_SIZE + 1,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
  });
  const shown = ids.slice(0, SEARCH_PAGE_SIZE);
  const rows = new Map((await ctx.repos.cardSets.findSummaries(shown)).map((row) => [row.id, row]));
  const results = shown.flatMap((id) => {
    const row = rows.get(id);
    if (row === undefined) return [];
    const set = toCardSetSummary(row);
    return [{ set, card: null, snippet: set.subtitle ?? '' }];
  });
  return { query: parseSearchQuery(''), results, page, hasMore: ids.length > SEARCH_PAGE_SIZE };
}

export const SIMILAR_LIMIT = 5;

/**
 * "More like this": the set's most distinctive words (TF-IDF against the whole index) as a query,
 * then sets of the same topic, and of the same subject, boosted above the rest.
 */
export async function findSimilarSets(
  ctx: ServiceContext,
  set: Pick<CardSet, 'id' | 'title' | 'subtitle' | 'subject' | 'topic' | 'cards'>,
  options: { limit?: number; sameSubjectOnly?: boolean; revisionKey?: string } = {},
): Promise<CardSetSummary[]> {
  const limit = options.limit ?? SIMILAR_LIMIT;
  // Distinctive words are among a set's frequent ones; looking up only the 40 most frequent keeps this fast.
  const frequent = () =>
    termCounts({
      ...set,
      cards: set.cards.map((card) => ({ ...card, body: plainText(readableBody(card)) })),
    })
      .sort((a, b) => b.count - a.count)
      .slice(0, 40);
  const terms =
    options.revisionKey === undefined
      ? frequent()
      : ctx.derived.termCounts.get(options.revisionKey, frequent);
  const stats = await ctx.repos.search.documentFrequencies(terms.map((term) => term.stem));
  const chosen = distinctiveTerms(terms, stats);
  const hits = await ctx.repos.search.similar({
    setId: set.id,
    terms: chosen.map((term) => term.word),
    limit: options.sameSubjectOnly === true ? limit * 3 : limit,
  });
  const rows = await ctx.repos.cardSets.findSummaries(hits.map((hit) => hit.setId));
  const byId = new Map(rows.map((row) => [row.id, toCardSetSummary(row)]));
  const boosted = hits.flatMap((hit) => {
    const other = byId.get(hit.setId);
    if (other === undefined || other.id === set.id) return [];
    if (options.sameSubjectOnly === true && other.subject.slug !== set.subject.slug) return [];
    const sameTopic =
      set.topic !== null && other.topic?.slug === set.topic.slug && other.subject.slug === set.subject.slug;
    const sameSubject = other.subject.slug === set.subject.slug;
    return [{ other, score: hit.score * (sameTopic ? 2 : sameSubject ? 1.5 : 1) }];
  });
  boosted.sort((a, b) => b.score - a.score || b.other.id - a.other.id);
  const similar = boosted.slice(0, limit).map(({ other }) => other);
  if (similar.length >= limit) return similar;
  // A small catalogue (or a set of rare words): fill up with the newest sets of the same topic, then subject.
  const own = await ctx.repos.cardSets.findSummary(set.id);
  if (own === undefined) return similar;
  const fillers = await ctx.repos.cardSets.listSameTopicThenSubject(own, limit * 2);
  const seen = new Set(similar.map((other) => other.id));
  for (const row of fillers) {
    if (similar.length >= limit) break;
    if (!seen.has(row.id)) similar.push(toCardSetSummary(row));
  }
  return similar;
}
