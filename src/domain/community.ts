/** Comments, ratings, folders and reports: their limits, shapes and the rules on their text. Pure. */
import { nulProblem, type FieldProblem } from './errors.js';

export const COMMUNITY_LIMITS = {
  commentLength: 2_000,
  reportReasonLength: 500,
  folderNameLength: 100,
  foldersPerMember: 100,
  /** Keeps every member's folders page, review queue and progress within bounded queries. */
  setsPerFolder: 500,
  /** The set page shows the newest this many conversations (top-level comments). */
  commentsShown: 200,
  repliesShown: 1_000,
} as const;

/** A comment as stored: visible, hidden by a moderator, or deleted by its author (text removed). */
export type CommentStatus = 'visible' | 'hidden' | 'deleted';
export const isCommentStatus = (value: string): value is CommentStatus =>
  value === 'visible' || value === 'hidden' || value === 'deleted';

export interface Person {
  handle: string;
  displayName: string;
}

/** What the viewer may do with one comment (worked out by the service, shown as buttons). */
export interface CommentActions {
  reply: boolean;
  edit: boolean;
  delete: boolean;
  report: boolean;
  hide: boolean;
  restore: boolean;
}

/**
 * A comment as one viewer sees it. `placeholder` comments stand in for a deleted or hidden comment
 * that still has replies: no author and no text ("[deleted]", "[hidden by a moderator]").
 */
export interface CommentView {
  id: number;
  status: CommentStatus;
  placeholder: boolean;
  author: Person | null;
  body: string | null;
  createdAt: Date;
  editedAt: Date | null;
  yours: boolean;
  actions: CommentActions;
  replies: CommentView[];
}

export interface CommentThreads {
  threads: CommentView[];
  /** More conversations exist than are shown. */
  truncated: boolean;
}

export interface RatingSummary {
  /** Mean stars rounded to one decimal; null when nobody has rated. */
  average: number | null;
  count: number;
}

export const STARS = [1, 2, 3, 4, 5] as const;
export type Stars = (typeof STARS)[number];
export const isStars = (value: number): value is Stars => Number.isInteger(value) && value >= 1 && value <= 5;

/** Exact from the integer sum and count; halves round up (4.45 → 4.5), with no floating-point drift. */
export function ratingSummary(sum: number, count: number): RatingSummary {
  if (count === 0) return { average: null, count: 0 };
  return { average: Math.round((sum * 10) / count) / 10, count };
}

const hasText = (value: string) => value.trim() !== '';

/** A comment's text is kept exactly as written: it only has to say something, within the limit. */
export function commentBodyProblems(body: string, field = 'body'): FieldProblem[] {
  const nul = nulProblem(field, body);
  if (nul !== undefined) return [nul];
  if (!hasText(body)) return [{ field, message: 'Write a comment first.' }];
  if (body.length > COMMUNITY_LIMITS.commentLength) {
    return [
      {
        field,
        message: `At most ${COMMUNITY_LIMITS.commentLength.toLocaleString('en-GB')} characters (this has ${body.length.toLocaleString('en-GB')}).`,
      },
    ];
  }
  return [];
}

export function reportReasonProblems(reason: string, field = 'reason'): FieldProblem[] {
  const nul = nulProblem(field, reason);
  if (nul !== undefined) return [nul];
  const trimmed = reason.trim();
  if (trimmed === '') return [{ field, message: 'Say what is wrong, so that a moderator can judge it.' }];
  if (trimmed.length > COMMUNITY_LIMITS.reportReasonLength) {
    return [
      {
        field,
        message: `At most ${COMMUNITY_LIMITS.reportReasonLength} characters (this has ${trimmed.length}).`,
      },
    ];
  }
  return [];
}

export function folderNameProblems(name: string, field = 'name'): FieldProblem[] {
  const nul = nulProblem(field, name);
  if (nul !== undefined) return [nul];
  const trimmed = name.trim();
  if (trimmed === '') return [{ field, message: 'Give the folder a name.' }];
  if (trimmed.length > COMMUNITY_LIMITS.folderNameLength) {
    return [
      {
        field,
        message: `At most ${COMMUNITY_LIMITS.folderNameLength} characters (this has ${trimmed.length}).`,
      },
    ];
  }
  return [];
}
