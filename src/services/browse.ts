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

export function encodeCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ before: lastId })).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'before' in value) {
      const before = value.before;
      if (typeof before === 'number' && Number.isSafeInteger(before) && before > 0) return before;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation', 'The cursor is not valid: pass back the nextCursor of a previous page.', [
    { field: 'cursor', message: 'Not a cursor this server made.' },
  ]);
}

export interface ListQuery {
  /** A subject's slug or name. */
  subject?: string | undefined;
  topic?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Listed sets, newest first, by subject and topic, one keyset page at a time. */
export async function listCardSets(ctx: ServiceContext, query: ListQuery): Promise<Page<CardSetSummary>> {
  const limit = Math.min(Math.max(1, query.limit), MAX_PAGE_SIZE);
  const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
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
  const rows = await ctx.repos.cardSets.listListed({ subjectId, topicId, beforeId, limit: limit + 1 });
  const items = rows.slice(0, limit).map(toCardSetSummary);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.id) : null };
}

export interface HomePage {
  subjects: SubjectListing[];
  recent: CardSetSummary[];
}

export async function getHomePage(ctx: ServiceContext): Promise<HomePage> {
  const subjects = await ctx.repos.subjects.listWithCounts();
  const recent = await ctx.repos.cardSets.listListed({ limit: 10 });
  return {
    subjects: subjects.map(({ name, slug, setCount }) => ({ name, slug, setCount })),
    recent: recent.map(toCardSetSummary),
  };
}

export interface SubjectPage {
  subject: NamedLink;
  topics: SubjectListing[];
  sets: Page<CardSetSummary>;
}

export async function getSubjectPage(
  ctx: ServiceContext,
  slug: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<SubjectPage> {
  const subject = await ctx.repos.subjects.findBySlug(slug);
  if (subject === undefined) throw notFound(`The subject "${slug}"`);
  const topics = await ctx.repos.topics.listWithCounts(subject.id);
  const sets = await listCardSets(ctx, { subject: subject.slug, ...page });
  return {
    subject: { name: subject.name, slug: subject.slug },
    topics: topics.map(({ name, slug: topicSlug, setCount }) => ({ name, slug: topicSlug, setCount })),
    sets,
  };
}

export interface TopicPage {
  subject: NamedLink;
  topic: NamedLink;
  sets: Page<CardSetSummary>;
}

export async function getTopicPage(
  ctx: ServiceContext,
  subjectSlug: string,
  topicSlug: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<TopicPage> {
  const subject = await ctx.repos.subjects.findBySlug(subjectSlug);
  const topic = subject && (await ctx.repos.topics.findBySlug(subject.id, topicSlug));
  if (subject === undefined || topic === undefined) throw notFound(`The topic "${subjectSlug}/${topicSlug}"`);
  const sets = await listCardSets(ctx, { subject: subject.slug, topic: topic.slug, ...page });
  return {
    subject: { name: subject.name, slug: subject.slug },
    topic: { name: topic.name, slug: topic.slug },
    sets,
  };
}

/** Names to offer in the editor's subject and topic fields. */
export async function getCatalogueNames(
  ctx: ServiceContext,
): Promise<{ subjects: string[]; topics: string[] }> {
  return { subjects: await ctx.repos.subjects.listNames(), topics: await ctx.repos.topics.listNames() };
}
