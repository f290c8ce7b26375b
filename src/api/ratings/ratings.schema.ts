import Type from 'typebox';
import { Nullable } from '../community.schema.js';

export const SetRatingSchema = Type.Object({
  average: Nullable(Type.Number({ description: 'Mean stars to one decimal; null when nobody has rated' })),
  count: Type.Integer({ minimum: 0 }),
  yours: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  canRate: Type.Boolean({ description: 'False for visitors and for the set’s author' }),
});

export const RateSchema = Type.Object(
  { stars: Type.Integer({ minimum: 1, maximum: 5 }) },
  { additionalProperties: false },
);
