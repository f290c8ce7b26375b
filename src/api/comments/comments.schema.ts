import Type from 'typebox';
import { COMMUNITY_LIMITS } from '../../domain/community.js';
import { Nullable, PersonSchema } from '../community.schema.js';

const CommentFields = {
  id: Type.Integer(),
  status: Type.Unsafe<'visible' | 'hidden' | 'deleted'>({
    type: 'string',
    enum: ['visible', 'hidden', 'deleted'],
  }),
  placeholder: Type.Boolean({
    description: 'A deleted or hidden comment kept only because it has replies: no author, no body.',
  }),
  author: Nullable(PersonSchema),
  body: Nullable(Type.String({ description: 'Plain text, exactly as written' })),
  createdAt: Type.String({ format: 'date-time' }),
  editedAt: Nullable(Type.String({ format: 'date-time' })),
  yours: Type.Boolean(),
  actions: Type.Object({
    reply: Type.Boolean(),
    edit: Type.Boolean(),
    delete: Type.Boolean(),
    report: Type.Boolean(),
    hide: Type.Boolean(),
    restore: Type.Boolean(),
  }),
};

export const ReplySchema = Type.Object(CommentFields);
export const CommentSchema = Type.Object({ ...CommentFields, replies: Type.Array(ReplySchema) });

export const CommentListSchema = Type.Object({
  items: Type.Array(CommentSchema, { description: 'Conversations, newest first; replies oldest first' }),
  truncated: Type.Boolean({
    description: `True when more than the newest ${COMMUNITY_LIMITS.commentsShown} exist`,
  }),
});

export const NewCommentSchema = Type.Object(
  {
    body: Type.String({ maxLength: COMMUNITY_LIMITS.commentLength }),
    replyTo: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 1,
          description:
            'Reply to this comment; a reply to a reply joins its conversation (one level of replies)',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);

export const EditCommentSchema = Type.Object(
  { body: Type.String({ maxLength: COMMUNITY_LIMITS.commentLength }) },
  { additionalProperties: false },
);
