/** The JSON shape of a Recall card set (format "recall-card-set", version 1), as a TypeBox schema. */
import Type from 'typebox';
import { MAX_LANGUAGE_TAG_LENGTH } from '../../domain/language-tag.js';
import { CARD_KINDS, EXAM_BOARDS, LEVELS, LIMITS } from '../../domain/card-set.js';
import { TAG_LIMITS } from '../../domain/tags.js';
import { FORMAT_LIMITS } from '../format-limits.js';

export const RECALL_JSON_FORMAT = 'recall-card-set';
export const RECALL_JSON_VERSION = 1;

const text = (maxLength: number) => Type.String({ maxLength });
const optionalText = (maxLength: number) => Type.Union([Type.String({ maxLength }), Type.Null()]);

/** `kind`, `reversible` and `tags` are left out when they say nothing (basic, one way, none). */
export const RecallCardJson = Type.Object(
  {
    title: optionalText(LIMITS.cardTitleLength),
    body: text(LIMITS.cardBodyLength),
    kind: Type.Optional(Type.Union(CARD_KINDS.map((kind) => Type.Literal(kind)))),
    reversible: Type.Optional(Type.Boolean()),
    tags: Type.Optional(Type.Array(text(FORMAT_LIMITS.tagLength), { maxItems: TAG_LIMITS.perCard })),
  },
  { additionalProperties: false },
);

export const RecallCardSetJson = Type.Object(
  {
    format: Type.Literal(RECALL_JSON_FORMAT),
    version: Type.Literal(RECALL_JSON_VERSION),
    title: Type.String({ minLength: 1, maxLength: LIMITS.titleLength }),
    subtitle: optionalText(LIMITS.subtitleLength),
    subject: optionalText(LIMITS.nameLength),
    topic: optionalText(LIMITS.nameLength),
    level: Type.Union([...LEVELS.map((level) => Type.Literal(level)), Type.Null()]),
    examBoard: Type.Union([...EXAM_BOARDS.map((board) => Type.Literal(board)), Type.Null()]),
    /** Optional: files written before sets had a language have none. */
    language: Type.Optional(optionalText(MAX_LANGUAGE_TAG_LENGTH)),
    tags: Type.Array(text(FORMAT_LIMITS.tagLength), { maxItems: FORMAT_LIMITS.tagsPerSet }),
    cards: Type.Array(RecallCardJson),
  },
  { additionalProperties: false },
);
