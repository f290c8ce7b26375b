/** /sets/:id/timeline: the set's dated events, and a "put these in order" exercise marked on submit. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newTestSeed, TEST_LIMITS } from '../../services/study/self-test.js';
import { getSetTimeline, markTimelineExercise, timelineExercise } from '../../services/study/set-timeline.js';
import Type from 'typebox';
import { FormFieldsMatching, readFormBody } from '../form-body.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { TimelinePage } from './timeline-page.js';
import { idParams, type WebDeps } from '../route-deps.js';

type TimelineRequest = FastifyRequest<{ Params: { id: string }; Querystring: { seed?: string } }>;

const seedFrom = (value: string | undefined): number | null =>
  value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : null;

/** The exercise handed in: its seed (which makes it again) and the place chosen for each event. */
const ExerciseForm = Type.Object({ seed: Type.Integer({ minimum: 1, maximum: TEST_LIMITS.maxSeed }) });
const PlacesForm = FormFieldsMatching('^place-.{1,100}$', Type.String({ maxLength: 2 }));

export async function timelineRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  app.get('/sets/:id/timeline', { schema: { params: idParams } }, async (request: TimelineRequest, reply) => {
    const timeline = await getSetTimeline(ctx, request.user, Number(request.params.id));
    const seed = seedFrom(request.query.seed);
    const exercise = timelineExercise(timeline, seed !== null && seed >= 1 ? seed : newTestSeed());
    return sendPage(
      reply,
      <TimelinePage
        page={pageContext(request, reply, assets)}
        timeline={timeline}
        exercise={exercise}
        marking={null}
        given={{}}
      />,
    );
  });

  app.post(
    '/sets/:id/timeline',
    { schema: { params: idParams } },
    async (request: TimelineRequest, reply) => {
      const { seed } = readFormBody(ExerciseForm, request.body);
      const places = readFormBody(PlacesForm, request.body);
      const timeline = await getSetTimeline(ctx, request.user, Number(request.params.id));
      const exercise = timelineExercise(timeline, seed);
      return sendPage(
        reply,
        <TimelinePage
          page={pageContext(request, reply, assets)}
          timeline={timeline}
          exercise={exercise}
          marking={exercise === null ? null : markTimelineExercise(exercise, places)}
          given={places}
        />,
      );
    },
  );
}
