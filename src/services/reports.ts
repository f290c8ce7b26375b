/** Members report a comment or a set to the moderators, with a reason; one open report each per target. */
import { reportReasonProblems } from '../domain/community.js';
import { AppError, notFound } from '../domain/errors.js';
import type { Actor } from '../domain/viewer.js';
import type { CardSetSummary } from '../domain/card-set.js';
import { toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';
import { consumeRateLimit } from './rate-limits.js';
import { findViewableSet } from './viewable-set.js';
import { canSeeHiddenComment } from '../domain/card-set-access.js';

export const REPORT_RATE_LIMIT = { limit: 20, windowMs: 60 * 60 * 1000 } as const;

function validReason(reason: string): string {
  const problems = reportReasonProblems(reason);
  if (problems.length > 0) throw new AppError('validation', 'The report is not valid.', problems);
  return reason.trim();
}

export async function reportComment(
  ctx: ServiceContext,
  actor: Actor,
  commentId: number,
  input: { reason: string },
): Promise<{ id: number; cardSetId: number }> {
  const comment = await ctx.repos.comments.findById(commentId);
  if (comment === undefined) throw notFound(`Comment ${commentId}`);
  await findViewableSet(ctx.repos, actor, comment.cardSetId).catch(() => {
    throw notFound(`Comment ${commentId}`);
  });
  if (comment.status !== 'visible') {
    if (comment.status === 'hidden' && canSeeHiddenComment(actor, { authorId: comment.authorId })) {
      throw new AppError('conflict', 'A moderator has already hidden this comment.');
    }
    throw notFound(`Comment ${commentId}`);
  }
  const reason = validReason(input.reason);
  await consumeRateLimit(ctx, `report:${actor.userId}`, REPORT_RATE_LIMIT);
  const id = await ctx.repos.reports.insertIfNoneOpen({
    targetType: 'comment',
    targetId: commentId,
    reporterId: actor.userId,
    reason,
    now: ctx.clock.now().getTime(),
  });
  if (id === undefined) {
    throw new AppError('conflict', 'You have already reported this comment; a moderator will look at it.');
  }
  return { id, cardSetId: comment.cardSetId };
}

/** The set as the "Report this set" page shows it. */
export async function getSetToReport(
  ctx: ServiceContext,
  actor: Actor,
  setId: number,
): Promise<CardSetSummary> {
  const { row, facts } = await findViewableSet(ctx.repos, actor, setId);
  if (facts.status === 'hidden') {
    throw new AppError('conflict', 'A moderator has already hidden this card set.');
  }
  return toCardSetSummary(row);
}

export async function reportCardSet(
  ctx: ServiceContext,
  actor: Actor,
  setId: number,
  input: { reason: string },
): Promise<{ id: number }> {
  const { facts } = await findViewableSet(ctx.repos, actor, setId);
  if (facts.status === 'hidden') {
    throw new AppError('conflict', 'A moderator has already hidden this card set.');
  }
  const reason = validReason(input.reason);
  await consumeRateLimit(ctx, `report:${actor.userId}`, REPORT_RATE_LIMIT);
  const id = await ctx.repos.reports.insertIfNoneOpen({
    targetType: 'set',
    targetId: setId,
    reporterId: actor.userId,
    reason,
    now: ctx.clock.now().getTime(),
  });
  if (id === undefined) {
    throw new AppError('conflict', 'You have already reported this card set; a moderator will look at it.');
  }
  return { id };
}
