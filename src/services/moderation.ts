/** Moderators and admins: the queue of open reports, hiding and restoring comments and sets, resolving reports. */
import { canModerate } from '../domain/card-set-access.js';
import { isCommentStatus, type CommentStatus, type Person } from '../domain/community.js';
import { AppError, notFound } from '../domain/errors.js';
import { cardSetSlug } from '../domain/slug.js';
import type { Actor } from '../domain/viewer.js';
import type { ServiceContext } from './context.js';

export const REPORTS_SHOWN = 100;

export interface ReportedSet {
  id: number;
  title: string;
  slug: string;
  hidden: boolean;
}

export type ReportTargetView =
  | {
      type: 'comment';
      id: number;
      /** Null when the comment no longer exists (its set was deleted). */
      status: CommentStatus | null;
      body: string | null;
      author: Person | null;
      set: ReportedSet | null;
    }
  | { type: 'set'; id: number; set: ReportedSet | null };

export interface ReportView {
  id: number;
  target: ReportTargetView;
  reporter: Person;
  reason: string;
  createdAt: Date;
}

export interface ReportQueue {
  reports: ReportView[];
  /** All open reports, of which `reports` are the oldest. */
  openCount: number;
}

function assertModerator(actor: Actor): void {
  if (!canModerate(actor)) {
    throw new AppError('forbidden', 'Only moderators and admins may do this.');
  }
}

export async function listOpenReports(ctx: ServiceContext, actor: Actor): Promise<ReportQueue> {
  assertModerator(actor);
  const rows = await ctx.repos.reports.listOpen(REPORTS_SHOWN);
  const openCount = await ctx.repos.reports.countOpen();
  const reports = rows.map((row): ReportView => {
    const set: ReportedSet | null =
      row.setId === null || row.setTitle === null
        ? null
        : {
            id: row.setId,
            title: row.setTitle,
            slug: cardSetSlug(row.setTitle),
            hidden: row.setStatus === 'hidden',
          };
    const target: ReportTargetView =
      row.targetType === 'comment'
        ? {
            type: 'comment',
            id: row.targetId,
            status:
              row.commentStatus !== null && isCommentStatus(row.commentStatus) ? row.commentStatus : null,
            body: row.commentStatus === 'deleted' ? null : row.commentBody,
            author:
              row.commentAuthorHandle === null || row.commentAuthorName === null
                ? null
                : { handle: row.commentAuthorHandle, displayName: row.commentAuthorName },
            set,
          }
        : { type: 'set', id: row.targetId, set };
    return {
      id: row.id,
      target,
      reporter: { handle: row.reporterHandle, displayName: row.reporterName },
      reason: row.reason,
      createdAt: new Date(row.createdAt),
    };
  });
  return { reports, openCount };
}

/** Hides a comment from everyone but moderators and its author; its open reports are resolved. */
export async function hideComment(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<{ cardSetId: number }> {
  assertModerator(actor);
  const comment = await ctx.repos.comments.findById(id);
  if (comment === undefined) throw notFound(`Comment ${id}`);
  if (comment.status === 'deleted') {
    throw new AppError('conflict', 'Its author has deleted this comment: there is nothing left to hide.');
  }
  const now = ctx.clock.now().getTime();
  await ctx.transact(async (repos) => {
    await repos.comments.changeStatus(id, 'visible', 'hidden', now);
    await repos.reports.resolveAllFor('comment', id, actor.userId, now);
  });
  return { cardSetId: comment.cardSetId };
}

export async function restoreComment(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<{ cardSetId: number }> {
  assertModerator(actor);
  const comment = await ctx.repos.comments.findById(id);
  if (comment === undefined) throw notFound(`Comment ${id}`);
  if (comment.status === 'deleted') {
    throw new AppError('conflict', 'Its author has deleted this comment: it cannot be restored.');
  }
  await ctx.transact(async (repos) => {
    await repos.comments.changeStatus(id, 'hidden', 'visible', ctx.clock.now().getTime());
  });
  return { cardSetId: comment.cardSetId };
}

async function findSet(ctx: ServiceContext, id: number) {
  const row = await ctx.repos.cardSets.findSummary(id);
  if (row === undefined) throw notFound(`Card set ${id}`);
  return { id: row.id, slug: cardSetSlug(row.title), title: row.title };
}

/** Hides a set: only its author and the moderators still see it; its open reports are resolved. */
export async function hideCardSet(ctx: ServiceContext, actor: Actor, id: number) {
  assertModerator(actor);
  const set = await findSet(ctx, id);
  const now = ctx.clock.now().getTime();
  await ctx.transact(async (repos) => {
    await repos.cardSets.setStatus(id, 'hidden');
    await repos.reports.resolveAllFor('set', id, actor.userId, now);
  });
  return set;
}

export async function restoreCardSet(ctx: ServiceContext, actor: Actor, id: number) {
  assertModerator(actor);
  const set = await findSet(ctx, id);
  await ctx.repos.cardSets.setStatus(id, 'active');
  return set;
}

/** Closes a report without acting on its target (dismissed), or after acting on it some other way. */
export async function resolveReport(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  assertModerator(actor);
  const report = await ctx.repos.reports.findById(id);
  if (report === undefined) throw notFound(`Report ${id}`);
  await ctx.repos.reports.resolve(id, actor.userId, ctx.clock.now().getTime());
}
