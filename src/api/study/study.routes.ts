import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../../services/context.js';
import { AppError } from '../../domain/errors.js';
import { mergeBrowserReviews } from '../../services/study/merge-browser-reviews.js';
import { recordReview, undoLastReview } from '../../services/study/record-review.js';
import { getSelfTest, newTestSeed } from '../../services/study/self-test.js';
import { getSetTimeline } from '../../services/study/set-timeline.js';
import { requireUser } from '../auth.js';
import { IdParams } from '../community.schema.js';
import {
  presentRecordedReview,
  presentSelfTest,
  presentStudyState,
  presentTimeline,
} from '../presenters/study.presenter.js';
import {
  MergeBody,
  MergeResultSchema,
  RecordedReviewSchema,
  ReviewBody,
  TestQuery,
  TestResponseSchema,
  TimelineResponseSchema,
  UndoneReviewSchema,
} from './study.schema.js';

export const studyRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.post(
    '/reviews',
    {
      schema: {
        summary: 'Record an answer to a card in study mode: the card’s new FSRS state and due date',
        description: 'Every answer is logged. The card must be in a set you can see.',
        tags: ['study'],
        body: ReviewBody,
        response: { 201: RecordedReviewSchema },
      },
    },
    async (request, reply) => {
      const review = await recordReview(ctx, requireUser(request), request.body);
      return reply.code(201).send(presentRecordedReview(review));
    },
  );

  app.post(
    '/reviews/undo',
    {
      schema: {
        summary: 'Take back your last answer: its log row is removed and the card’s state put back as it was',
        description:
          'Only answers given while studying, in the last hour; undo again takes back the one before. 404 when there is nothing to undo.',
        tags: ['study'],
        response: { 200: UndoneReviewSchema },
      },
    },
    async (request) => {
      const undone = await undoLastReview(ctx, requireUser(request));
      if (undone === null) throw new AppError('not_found', 'There is no answer to undo.');
      return {
        cardId: undone.cardId,
        variant: undone.variant,
        setId: undone.setId,
        state: undone.state === null ? null : presentStudyState(undone.state),
      };
    },
  );

  app.post(
    '/reviews/merge',
    {
      schema: {
        summary: 'Add answers given in this browser before logging in to your progress (idempotent by id)',
        tags: ['study'],
        body: MergeBody,
        response: { 200: MergeResultSchema },
      },
    },
    async (request) => mergeBrowserReviews(ctx, requireUser(request), request.body.reviews),
  );

  app.get(
    '/sets/:id/test',
    {
      schema: {
        summary: 'A self-test generated from a set’s cards, with answers, explanations and source cards',
        description: 'Pass the seed back to get the same test again; without one, a new test is made.',
        tags: ['study'],
        params: IdParams,
        querystring: TestQuery,
        response: { 200: TestResponseSchema },
      },
    },
    async (request) =>
      presentSelfTest(
        await getSelfTest(ctx, request.user, request.params.id, {
          seed: request.query.seed ?? newTestSeed(),
          count: request.query.count,
        }),
      ),
  );

  app.get(
    '/sets/:id/timeline',
    {
      schema: {
        summary: 'The dated events of a set’s cards, in date order',
        tags: ['study'],
        params: IdParams,
        response: { 200: TimelineResponseSchema },
      },
    },
    async (request) => presentTimeline(await getSetTimeline(ctx, request.user, request.params.id)),
  );
};
