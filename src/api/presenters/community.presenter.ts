/** Shapes comments, ratings, folders and reports for the JSON API, independent of the tables. */
import type { CommentView, RatingSummary } from '../../domain/community.js';
import type { Folder, FolderWithSets } from '../../services/folders.js';
import type { ReportView } from '../../services/moderation.js';
import type { SetRating } from '../../services/ratings.js';
import { presentCardSetSummary } from './card-set.presenter.js';

function presentCommentFields(comment: CommentView) {
  return {
    id: comment.id,
    status: comment.status,
    placeholder: comment.placeholder,
    author:
      comment.author === null
        ? null
        : { handle: comment.author.handle, displayName: comment.author.displayName },
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt === null ? null : comment.editedAt.toISOString(),
    yours: comment.yours,
    actions: { ...comment.actions },
  };
}

export function presentComment(comment: CommentView) {
  return { ...presentCommentFields(comment), replies: comment.replies.map(presentCommentFields) };
}

export const presentRatingSummary = (summary: RatingSummary) => ({
  average: summary.average,
  count: summary.count,
});

export const presentSetRating = (rating: SetRating) => ({
  ...presentRatingSummary(rating.summary),
  yours: rating.yours,
  canRate: rating.canRate,
});

export const presentFolder = (folder: Folder) => ({
  id: folder.id,
  name: folder.name,
  createdAt: folder.createdAt.toISOString(),
});

export const presentFolderWithSets = (folder: FolderWithSets) => ({
  ...presentFolder(folder),
  sets: folder.sets.map(presentCardSetSummary),
});

export function presentReport(report: ReportView) {
  const { target } = report;
  const set =
    target.set === null
      ? null
      : {
          id: target.set.id,
          title: target.set.title,
          hidden: target.set.hidden,
          html: `/sets/${target.set.id}/${target.set.slug}`,
        };
  return {
    id: report.id,
    target:
      target.type === 'set'
        ? { type: target.type, id: target.id, status: null, body: null, author: null, set }
        : {
            type: target.type,
            id: target.id,
            status: target.status,
            body: target.body,
            author:
              target.author === null
                ? null
                : { handle: target.author.handle, displayName: target.author.displayName },
            set,
          },
    reporter: { handle: report.reporter.handle, displayName: report.reporter.displayName },
    reason: report.reason,
    createdAt: report.createdAt.toISOString(),
  };
}
