/** Comments on a card set: read the conversations, post, reply (one level), edit and delete your own. */
import type { CommentRow } from '../db/repositories/comment.repository.js';
import type { Repositories } from '../db/repositories/index.js';
import {
  canChangeComment,
  canModerate,
  canSeeHiddenComment,
  canTakePart,
  type AccessFacts,
} from '../domain/card-set-access.js';
import type { CardSetSummary } from '../domain/card-set.js';
import {
  COMMUNITY_LIMITS,
  commentBodyProblems,
  isCommentStatus,
  type CommentStatus,
  type CommentThreads,
  type CommentView,
} from '../domain/community.js';
import { AppError, notFound } from '../domain/errors.js';
import { cardSetSlug } from '../domain/slug.js';
import type { Actor, Viewer } from '../domain/viewer.js';
import { toCardSetSummary } from './card-set-mapping.js';
import type { ServiceContext } from './context.js';
import { consumeRateLimit } from './rate-limits.js';
import { findSetToTakePartIn, findViewableSet, type SetLink } from './viewable-set.js';

/** Posting: 10 comments per 10 minutes per member, counted where every app server sees it. */
export const COMMENT_RATE_LIMIT = { limit: 10, windowMs: 10 * 60 * 1000 } as const;

const statusOf = (row: CommentRow): CommentStatus => (isCommentStatus(row.status) ? row.status : 'hidden');

/** Whether this viewer sees the comment's text (deleted text is gone for everyone). */
function readable(viewer: Viewer, row: CommentRow): boolean {
  const status = statusOf(row);
  return status === 'visible' || (status === 'hidden' && canSeeHiddenComment(viewer, row));
}

function toView(viewer: Viewer, set: AccessFacts, row: CommentRow, replies: CommentView[]): CommentView {
  const status = statusOf(row);
  const placeholder = !readable(viewer, row);
  const yours = canChangeComment(viewer, row);
  const takePart = canTakePart(viewer, set);
  const staff = canModerate(viewer);
  return {
    id: row.id,
    status,
    placeholder,
    author: placeholder ? null : { handle: row.authorHandle, displayName: row.authorName },
    body: placeholder ? null : row.body,
    createdAt: new Date(row.createdAt),
    editedAt: placeholder || row.editedAt === null ? null : new Date(row.editedAt),
    yours: yours && !placeholder,
    actions: {
      reply: takePart && status === 'visible',
      edit: takePart && yours && status === 'visible',
      delete: yours && status !== 'deleted',
      report: takePart && !yours && status === 'visible',
      hide: staff && status === 'visible',
      restore: staff && status === 'hidden',
    },
    replies,
  };
}

/**
 * The set's conversations as this viewer sees them, newest first, replies oldest first. A deleted or
 * hidden comment with replies stays as a placeholder so that the replies keep their context; without
 * replies it is left out.
 */
export async function listComments(
  ctx: ServiceContext,
  viewer: Viewer,
  setId: number,
): Promise<CommentThreads> {
  const { facts } = await findViewableSet(ctx.repos, viewer, setId);
  return loadThreads(ctx.repos, viewer, setId, facts);
}

export async function loadThreads(
  repos: Repositories,
  viewer: Viewer,
  setId: number,
  facts: AccessFacts,
): Promise<CommentThreads> {
  const limit = COMMUNITY_LIMITS.commentsShown;
  const top = await repos.comments.listTopLevel(setId, limit + 1);
  const shown = top.slice(0, limit);
  const replyRows = await repos.comments.listReplies(
    shown.map((row) => row.id),
    COMMUNITY_LIMITS.repliesShown,
  );
  const repliesByParent = new Map<number, CommentView[]>();
  for (const reply of replyRows) {
    if (!readable(viewer, reply) || reply.parentId === null) continue;
    const list = repliesByParent.get(reply.parentId) ?? [];
    list.push(toView(viewer, facts, reply, []));
    repliesByParent.set(reply.parentId, list);
  }
  const threads: CommentView[] = [];
  for (const row of shown) {
    const replies = repliesByParent.get(row.id) ?? [];
    if (!readable(viewer, row) && replies.length === 0) continue;
    threads.push(toView(viewer, facts, row, replies));
  }
  return { threads, truncated: top.length > limit };
}

/** A single comment the viewer can read, with its set (for the reply, edit, delete and report pages). */
export interface CommentInContext {
  comment: CommentView;
  set: CardSetSummary;
  /** The conversation's first comment, when this is a reply. */
  parentId: number | null;
}

async function findReadableComment(repos: Repositories, viewer: Viewer, id: number) {
  const row = await repos.comments.findById(id);
  if (row === undefined) throw notFound(`Comment ${id}`);
  const set = await findViewableSet(repos, viewer, row.cardSetId).catch(() => {
    throw notFound(`Comment ${id}`);
  });
  if (!readable(viewer, row)) throw notFound(`Comment ${id}`);
  return { row, set };
}

export async function getComment(ctx: ServiceContext, viewer: Viewer, id: number): Promise<CommentInContext> {
  const { row, set } = await findReadableComment(ctx.repos, viewer, id);
  return {
    comment: toView(viewer, set.facts, row, []),
    set: toCardSetSummary(set.row),
    parentId: row.parentId,
  };
}

/** The comment a reply page answers: refused now, as posting the reply would be. */
export async function getCommentToReplyTo(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<CommentInContext> {
  const found = await getComment(ctx, actor, id);
  await findSetToTakePartIn(ctx.repos, actor, found.set.id);
  if (found.comment.status !== 'visible') {
    throw new AppError('conflict', 'A moderator has hidden this comment: it cannot be replied to.');
  }
  return found;
}

function assertValidBody(body: string): void {
  const problems = commentBodyProblems(body);
  if (problems.length > 0) throw new AppError('validation', 'The comment is not valid.', problems);
}

const linkTo = (row: { id: number; title: string }): SetLink => ({
  id: row.id,
  slug: cardSetSlug(row.title),
});

export interface PostedComment {
  id: number;
  cardSet: SetLink;
  /** The top-level comment of the conversation: itself, or the comment it replies to. */
  threadId: number;
}

/**
 * Posts a comment, or a reply when `replyTo` is given. There is one level of replies: a reply to a
 * reply joins the conversation of the comment that reply belongs to.
 */
export async function postComment(
  ctx: ServiceContext,
  actor: Actor,
  setId: number,
  input: { body: string; replyTo?: number | null | undefined },
): Promise<PostedComment> {
  const { row } = await findSetToTakePartIn(ctx.repos, actor, setId);
  let parentId: number | null = null;
  if (input.replyTo !== undefined && input.replyTo !== null) {
    const parent = await ctx.repos.comments.findById(input.replyTo);
    if (parent === undefined || parent.cardSetId !== setId || !readable(actor, parent)) {
      throw new AppError('not_found', 'The comment you are replying to was not found on this set.', [
        { field: 'replyTo', message: 'There is no such comment on this set.' },
      ]);
    }
    if (statusOf(parent) !== 'visible') {
      throw new AppError('conflict', 'A moderator has hidden this comment: it cannot be replied to.');
    }
    parentId = parent.parentId ?? parent.id;
  }
  assertValidBody(input.body);
  await consumeRateLimit(ctx, `comment:${actor.userId}`, COMMENT_RATE_LIMIT);
  const id = await ctx.transact(async (repos) => {
    const inserted = await repos.comments.insert({
      cardSetId: setId,
      authorId: actor.userId,
      parentId,
      body: input.body,
      now: ctx.clock.now().getTime(),
    });
    return inserted;
  });
  return { id, cardSet: linkTo(row), threadId: parentId ?? id };
}

const notYours = () =>
  new AppError('forbidden', 'Only the person who wrote a comment may change or delete it.');

async function findCommentToChange(repos: Repositories, actor: Actor, id: number, change: 'edit' | 'delete') {
  const found = await findReadableComment(repos, actor, id);
  if (!canChangeComment(actor, found.row)) throw notYours();
  if (change === 'edit') {
    if (!canTakePart(actor, found.set.facts)) {
      throw new AppError(
        'forbidden',
        'A moderator has hidden this card set: its comments cannot be changed.',
      );
    }
    if (statusOf(found.row) !== 'visible') {
      throw new AppError('conflict', 'A moderator has hidden this comment: it can no longer be edited.');
    }
  }
  return found;
}

/** Your own comment, for the page that edits or deletes it; others' are refused as the change itself would be. */
export async function getCommentToChange(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  change: 'edit' | 'delete',
): Promise<CommentInContext> {
  const { row, set } = await findCommentToChange(ctx.repos, actor, id, change);
  return {
    comment: toView(actor, set.facts, row, []),
    set: toCardSetSummary(set.row),
    parentId: row.parentId,
  };
}

export async function editComment(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  input: { body: string },
): Promise<CommentInContext> {
  await findCommentToChange(ctx.repos, actor, id, 'edit');
  assertValidBody(input.body);
  const now = ctx.clock.now().getTime();
  await ctx.transact(async (repos) => {
    if (!(await repos.comments.updateBody(id, input.body, now))) {
      throw new AppError('conflict', 'This comment changed while you were editing it; reload and try again.');
    }
  });
  return getComment(ctx, actor, id);
}

/** Deletes your own comment: its text is removed; if it has replies, "[deleted]" keeps their place. */
export async function deleteComment(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<{ cardSet: SetLink }> {
  const { set } = await findCommentToChange(ctx.repos, actor, id, 'delete');
  await ctx.transact(async (repos) => {
    await repos.comments.markDeleted(id, ctx.clock.now().getTime());
  });
  return { cardSet: linkTo(set.row) };
}
