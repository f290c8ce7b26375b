import type { CardSetSummary, NamedLink } from '../domain/card-set.js';
import { AppError, notFound } from '../domain/errors.js';
import { slugify } from '../domain/slug.js';
import { toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';

export const MAX_PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  /** Opaque; pass it back to get the next page. Null on the last page. */
  nextCursor: string | null;
}

export interface SubjectListing extends NamedLink {
  setCount: number;
}

export type ListingOrder = 'newest' | 'views' | 'rating';
export const LISTING_ORDERS: readonly ListingOrder[] = ['newest', 'views', 'rating'];

interface Position {
  order: ListingOrder;
  value: number;
  id: number;
}

/** Where the next page starts (the order it belongs to, the last row's order value and id), opaque to clients. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.order, position.value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, order: ListingOrder): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3) {
      const [cursorOrder, orderValue, id] = value as unknown[];
      if (
        cursorOrder === order &&
        typeof orderValue === 'number' &&
        Number.isSafeInteger(orderValue) &&
        typeof id === 'number' &&
        Number.isSafeInteger(id) &&
        id > 0
      ) {
        return { order, value: orderValue, id };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'The cursor is not valid: pass back the nextCursor of a previous page.', [
    { field: 'cursor', message: 'Not a cursor this server made for this order.' },
  ]);
}

export interface ListQuery {
  /** A subject's slug or name. */
  subject?: string | undefined;
  topic?: string | undefined;
  order?: ListingOrder | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Listed sets by subject and topic, newest first, most viewed or top rated, one keyset page at a time. */
export async function listCardSets(ctx: ServiceContext, query: ListQuery): Promise<Page<CardSetSummary>> {
  const limit = Math.min(Math.max(1, query.limit), MAX_PAGE_SIZE);
  const order = query.order ?? 'newest';
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, order);
  let subjectId: number | undefined;
  let topicId: number | undefined;
  if (query.subject !== undefined) {
    const subject = await ctx.repos.subjects.findBySlug(slugify(query.subject));
    if (subject === undefined) return { items: [], nextCursor: null };
    subjectId = subject.id;
    if (query.topic !== undefined) {
      const topic = await ctx.repos.topics.findBySlug(subject.id, slugify(query.topic));
      if (topic === undefined) return { items: [], nextCursor: null };
      topicId = topic.id;
    }
  } else if (query.topic !== undefined) {
    throw new AppError('validation', 'A topic filter needs its subject.', [
      { field: 'topic', message: 'Give subject as well: topics are named within a subject.' },
    ]);
  }
  const rows = await ctx.repos.cardSets.listListed({ subjectId, topicId, order, after, limit: limit + 1 });
  const items = rows.slice(0, limit).map(toCardSetSummary);
  const lastRow = rows[limit - 1];
  const nextCursor =
    rows.length > limit && lastRow !== undefined
      ? encodeCursor({
          order,
          value:
            order === 'views' ? lastRow.viewCount : order === 'rating' ? lastRow.ratingScore : lastRow.id,
          id: lastRow.id,
        })
      : null;
  return { items, nextCursor };
}

export interface HomePage {
  subjects: SubjectListing[];
  popular: CardSetSummary[];
  recent: CardSetSummary[];
}

export async function getHomePage(ctx: ServiceContext): Promise<HomePage> {
  const subjects = await ctx.repos.subjects.listWithCounts();
  const popular = await ctx.repos.cardSets.listListed({ order: 'views', limit: 6 });
  const recent = await ctx.repos.cardSets.listListed({ limit: 10 });
  return {
    subjects: subjects.map(({ name, slug, setCount }) => ({ name, slug, setCount })),
    popular: popular.map(toCardSetSummary),
    recent: recent.map(toCardSetSummary),
  };
}

export interface ListingPage {
  cursor?: string | undefined;
  order?: ListingOrder | undefined;
  limit: number;
}

export interface SubjectPage {
  subject: NamedLink;
  topics: SubjectListing[];
  order: ListingOrder;
  sets: Page<CardSetSummary>;
}

export async function getSubjectPage(
  ctx: ServiceContext,
  slug: string,
  page: ListingPage,
): Promise<SubjectPage> {
  // A subject or topic that only private, unlisted or hidden sets use is not public: "not found".
  const subject = await ctx.repos.subjects.findListedBySlug(slug);
  if (subject === undefined) throw notFound(`The subject "${slug}"`);
  const topics = await ctx.repos.topics.listWithCounts(subject.id);
  const sets = await listCardSets(ctx, { subject: subject.slug, ...page });
  return {
    subject: { name: subject.name, slug: subject.slug },
    topics: topics.map(({ name, slug: topicSlug, setCount }) => ({ name, slug: topicSlug, setCount })),
    order: page.order ?? 'newest',
    sets,
  };
}

export interface TopicPage {
  subject: NamedLink;
  topic: NamedLink;
  order: ListingOrder;
  sets: Page<CardSetSummary>;
}

export async function getTopicPage(
  ctx: ServiceContext,
  subjectSlug: string,
  topicSlug: string,
  page: ListingPage,
): Promise<TopicPage> {
  const subject = await ctx.repos.subjects.findListedBySlug(subjectSlug);
  const topic = subject && (await ctx.repos.topics.findListedBySlug(subject.id, topicSlug));
  if (subject === undefined || topic === undefined) throw notFound(`The topic "${subjectSlug}/${topicSlug}"`);
  const sets = await listCardSets(ctx, { subject: subject.slug, topic: topic.slug, ...page });
  return {
    subject: { name: subject.name, slug: subject.slug },
    topic: { name: topic.name, slug: topic.slug },
    order: page.order ?? 'newest',
    sets,
  };
}

/** Names to offer in the editor's subject and topic fields and search's filter: those with listed sets. */
export async function getCatalogueNames(
  ctx: ServiceContext,
): Promise<{ subjects: string[]; topics: string[] }> {
  return { subjects: await ctx.repos.subjects.listNames(), topics: await ctx.repos.topics.listNames() };
}
