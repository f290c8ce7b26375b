/** What the comment and report forms post. */
import Type from 'typebox';
import { COMMUNITY_LIMITS } from '../../domain/community.js';
import { FormText } from '../form-body.js';

export const CommentForm = Type.Object({ body: FormText(COMMUNITY_LIMITS.commentLength) });

/** A report of a comment or of a card set. */
export const ReportForm = Type.Object({ reason: FormText(COMMUNITY_LIMITS.reportReasonLength) });
