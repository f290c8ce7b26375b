import Type from 'typebox';
import { Nullable, PersonSchema } from '../community.schema.js';

const ReportedSetSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  hidden: Type.Boolean(),
  html: Type.String(),
});

export const ReportQueueSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      target: Type.Object({
        type: Type.Unsafe<'comment' | 'set'>({ type: 'string', enum: ['comment', 'set'] }),
        id: Type.Integer(),
        status: Nullable(
          Type.Unsafe<'visible' | 'hidden' | 'deleted'>({
            type: 'string',
            enum: ['visible', 'hidden', 'deleted'],
          }),
        ),
        body: Nullable(Type.String()),
        author: Nullable(PersonSchema),
        set: Nullable(ReportedSetSchema),
      }),
      reporter: PersonSchema,
      reason: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
    { description: 'Open reports, oldest first' },
  ),
  openCount: Type.Integer({ description: 'All open reports (items holds at most the oldest 100)' }),
});
