import Type from 'typebox';
import { MAX_LANGUAGE_TAG_LENGTH } from '../../domain/language-tag.js';
import { CARD_KINDS, EXAM_BOARDS, LEVELS, LIMITS, VISIBILITIES } from '../../domain/card-set.js';
import { TAG_LIMITS } from '../../domain/tags.js';
import { MAX_PAGE_SIZE } from '../../services/browse.js';

// Null first: with Fastify's type coercion, a null tried against a string first would become "".
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Choice = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const CardSetSummarySchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  subtitle: Nullable(Type.String()),
  subject: Type.String(),
  topic: Nullable(Type.String()),
  level: Nullable(Choice(LEVELS)),
  examBoard: Nullable(Choice(EXAM_BOARDS)),
  visibility: Choice(VISIBILITIES),
  language: Nullable(Type.String({ description: 'BCP 47 language tag ("en", "fr"), or null' })),
  author: Type.Object({ handle: Type.String(), displayName: Type.String() }),
  cardCount: Type.Integer(),
  viewCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  links: Type.Object({ html: Type.String(), subject: Type.String(), topic: Nullable(Type.String()) }),
});

const Kind = Type.Unsafe<(typeof CARD_KINDS)[number]>({
  type: 'string',
  enum: [...CARD_KINDS],
  description:
    'basic: the title (or a question made from the body) on the front, the body on the back; cloze: the body holds deletions {{c1::answer}} or {{c1::answer::hint}}, each number studied on its own',
});
const Tags = (max: number, description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: TAG_LIMITS.length }), { maxItems: max, description });

export const CardSetSchema = Type.Object({
  ...CardSetSummarySchema.properties,
  tags: Type.Array(Type.String(), { description: "The set's own tags, in order" }),
  cards: Type.Array(
    Type.Object({
      position: Type.Integer({ minimum: 1 }),
      title: Nullable(Type.String()),
      body: Type.String({ description: 'Markdown' }),
      kind: Kind,
      reversible: Type.Boolean({ description: 'A basic card also studied body → title' }),
      tags: Type.Array(Type.String()),
    }),
  ),
});

export const ListSetsQuery = Type.Object(
  {
    subject: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "A subject's name or slug" }),
    ),
    topic: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: "A topic's name or slug" }),
    ),
    order: Type.Optional(Choice(['newest', 'views', 'rating'] as const)),
    limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor from the previous page' })),
  },
  { additionalProperties: false },
);

export const ListSetsResponse = Type.Object({
  items: Type.Array(CardSetSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const SetIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

const CardWrite = Type.Object(
  {
    title: Nullable(Type.String({ maxLength: LIMITS.cardTitleLength })),
    body: Type.String({ maxLength: LIMITS.cardBodyLength, description: 'Markdown' }),
    kind: Type.Optional(Kind),
    reversible: Type.Optional(
      Type.Boolean({ description: 'Also study body → title (basic cards with a title)' }),
    ),
    tags: Type.Optional(
      Tags(TAG_LIMITS.perCard, 'Left out when creating: none; when replacing: the card keeps its tags'),
    ),
  },
  { additionalProperties: false },
);

const SetFields = {
  title: Type.String({ minLength: 1, maxLength: LIMITS.titleLength }),
  subtitle: Nullable(Type.String({ maxLength: LIMITS.subtitleLength })),
  subject: Type.String({ minLength: 1, maxLength: LIMITS.nameLength }),
  topic: Nullable(Type.String({ maxLength: LIMITS.nameLength })),
  level: Nullable(Choice(LEVELS)),
  examBoard: Nullable(Choice(EXAM_BOARDS)),
  visibility: Choice(VISIBILITIES),
  language: Type.Optional(
    Nullable(
      Type.String({
        maxLength: MAX_LANGUAGE_TAG_LENGTH,
        description:
          'BCP 47 language tag ("en", "fr", "pt-BR"); self-tests grade typed answers by its rules. ' +
          'Left out on an update: unchanged.',
      }),
    ),
  ),
  tags: Type.Optional(
    Tags(TAG_LIMITS.perSet, 'Left out when creating: none; when replacing: the set keeps its tags'),
  ),
};

export const CardSetWriteSchema = Type.Object(
  { ...SetFields, cards: Type.Array(CardWrite, { minItems: 1, maxItems: LIMITS.cardsPerSet }) },
  { additionalProperties: false },
);

export const UpdateCardSetSchema = Type.Object(
  {
    ...SetFields,
    revision: Type.Integer({ minimum: 1, description: 'The revision you read (GET /sets/:id/edit)' }),
    cards: Type.Array(
      Type.Object(
        { id: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))), ...CardWrite.properties },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: LIMITS.cardsPerSet },
    ),
  },
  { additionalProperties: false },
);
