import Type from 'typebox';
import { PHASES, QUESTION_KINDS } from '../../domain/study/index.js';
import { MERGE_LIMITS } from '../../services/study/merge-browser-reviews.js';
import { MAX_DURATION_MS } from '../../services/study/record-review.js';
import { TEST_LIMITS } from '../../services/study/self-test.js';
import { Nullable } from '../community.schema.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const Choice = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const DateTime = Type.String({ format: 'date-time' });
const Rating = Type.Integer({ minimum: 1, maximum: 4, description: '1 Again, 2 Hard, 3 Good, 4 Easy' });
const DurationMs = Nullable(
  Type.Integer({ minimum: 0, maximum: MAX_DURATION_MS, description: 'Time taken to answer' }),
);

const Variant = Type.Integer({
  minimum: 0,
  maximum: 500,
  description:
    'Which study item of the card: 0 (default) the card, 1 a reversible card’s reverse, n a cloze card’s deletion n',
});

export const ReviewBody = Type.Object(
  { cardId: Id, variant: Type.Optional(Variant), rating: Rating, durationMs: Type.Optional(DurationMs) },
  { additionalProperties: false },
);

export const StudyStateSchema = Type.Object({
  phase: Choice(PHASES),
  due: DateTime,
  stability: Type.Number({ description: 'Days until recall falls to 90%' }),
  difficulty: Type.Number({ description: '1 (easy) … 10 (hard)' }),
  reps: Type.Integer(),
  lapses: Type.Integer(),
  scheduledDays: Type.Integer(),
  lastReview: Nullable(DateTime),
});

export const RecordedReviewSchema = Type.Object({
  cardId: Type.Integer(),
  variant: Type.Integer(),
  setId: Type.Integer(),
  rating: Type.Integer(),
  reviewedAt: DateTime,
  due: DateTime,
  counted: Type.Boolean({
    description:
      'False: practice. The item was not due again (a learning step answered before its minutes passed, a review item answered twice in a day): the answer is logged, the schedule unchanged',
  }),
  state: StudyStateSchema,
  nextIntervals: Type.Object(
    {
      again: Type.Integer(),
      hard: Type.Integer(),
      good: Type.Integer(),
      easy: Type.Integer(),
    },
    {
      description:
        'When the item is next due: how long each rating answered then would put it off, in milliseconds (what the rating buttons show)',
    },
  ),
});

export const UndoneReviewSchema = Type.Object({
  cardId: Type.Integer(),
  variant: Type.Integer(),
  setId: Type.Integer(),
  // The card's state as it is again; null: a new card again.
  state: Nullable(StudyStateSchema),
});

export const MergeBody = Type.Object(
  {
    reviews: Type.Array(
      Type.Object(
        {
          id: Type.String({
            pattern: '^[A-Za-z0-9_-]{8,64}$',
            description: 'The browser’s id for the answer',
          }),
          cardId: Id,
          variant: Type.Optional(Variant),
          rating: Rating,
          reviewedAt: Type.Integer({ minimum: 0, description: 'Epoch milliseconds' }),
          durationMs: Type.Optional(DurationMs),
        },
        { additionalProperties: false },
      ),
      { maxItems: MERGE_LIMITS.reviews },
    ),
  },
  { additionalProperties: false },
);

export const MergeResultSchema = Type.Object({
  merged: Type.Integer({ description: 'Answers added to your progress' }),
  alreadyMerged: Type.Integer({ description: 'Answers merged before (same ids): not added again' }),
  skipped: Type.Integer({
    description: 'Answers on cards that no longer exist or that you cannot see, or older than your progress',
  }),
});

export const TestQuery = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: TEST_LIMITS.maxCount, default: TEST_LIMITS.defaultCount }),
    seed: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: TEST_LIMITS.maxSeed,
        description: 'The same seed gives the same test',
      }),
    ),
  },
  { additionalProperties: false },
);

const SetRef = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  links: Type.Object({ html: Type.String() }),
});
const CardRef = Type.Object({
  position: Type.Integer({ minimum: 1 }),
  title: Nullable(Type.String()),
  link: Type.String(),
});

export const QuestionSchema = Type.Object({
  id: Type.String(),
  kind: Choice(QUESTION_KINDS),
  prompt: Type.String(),
  choices: Nullable(Type.Array(Type.String())),
  answer: Type.Union([Type.String(), Type.Array(Type.String())], {
    description: 'A string; for ordering questions, the choices earliest first',
  }),
  answerKind: Nullable(Type.String({ description: 'year, number, person, place, name or term' })),
  dates: Nullable(Type.Array(Type.String(), { description: 'Ordering: the date of each answer item' })),
  explanation: Type.String(),
  sources: Type.Array(CardRef),
});

export const TestResponseSchema = Type.Object({
  set: SetRef,
  seed: Type.Integer(),
  count: Type.Integer({ description: 'Questions asked for; fewer come back when the set yields fewer' }),
  questions: Type.Array(QuestionSchema),
});

export const TimelineResponseSchema = Type.Object({
  set: SetRef,
  events: Type.Array(
    Type.Object({
      id: Type.String(),
      year: Type.Integer(),
      month: Nullable(Type.Integer({ minimum: 1, maximum: 12 })),
      day: Nullable(Type.Integer({ minimum: 1, maximum: 31 })),
      endYear: Nullable(Type.Integer({ description: 'The last year of a range' })),
      dateLabel: Type.String({ description: '“1 December 1934”, “1930–1932”' }),
      text: Type.String(),
      card: CardRef,
    }),
  ),
});
