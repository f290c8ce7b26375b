import Type from 'typebox';
import { COMMUNITY_LIMITS } from '../../domain/community.js';
import { CardSetSummarySchema } from '../sets/sets.schema.js';

const FolderFields = {
  id: Type.Integer(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
};

export const FolderSchema = Type.Object(FolderFields);

export const FolderListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      ...FolderFields,
      sets: Type.Array(CardSetSummarySchema, {
        description: 'Sets you may still see, most recently added first',
      }),
    }),
  ),
});

export const FolderWriteSchema = Type.Object(
  {
    name: Type.String({
      maxLength: COMMUNITY_LIMITS.folderNameLength + 100,
      description: `1–${COMMUNITY_LIMITS.folderNameLength} characters (trimmed), unique among your folders whatever the letter case`,
    }),
  },
  { additionalProperties: false },
);
