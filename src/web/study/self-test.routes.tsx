/** Self-tests: /sets/:id/test shows a generated test as a form; handing it in marks it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getSelfTest, gradeSelfTest, newTestSeed, TEST_LIMITS } from '../../services/study/self-test.js';
import Type from 'typebox';
import { FormFieldsMatching, readFormBody } from '../form-body.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { SelfTestPage, TestResultPage } from './self-test-pages.js';
import { idParams, type WebDeps } from '../route-deps.js';

type TestRequest = FastifyRequest<{ Params: { id: string }; Querystring: { count?: string; seed?: string } }>;

/** A whole number written plainly, or NaN (the service says what is wrong with it). */
const wholeNumber = (value: string | undefined): number =>
  value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;

/** The test handed in: which test it was (the seed makes it again), and an answer per question. */
const TestForm = Type.Object({
  seed: Type.Integer({ minimum: 1, maximum: TEST_LIMITS.maxSeed }),
  count: Type.Integer({ minimum: 1, maximum: TEST_LIMITS.maxCount }),
});
/** `a-<question>` for a typed or chosen answer, `a-<question>-<n>` for each of several. */
const AnswersForm = FormFieldsMatching('^a-[0-9a-z-]{1,60}$', Type.String({ maxLength: 1000 }));

export async function selfTestRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  app.get('/sets/:id/test', { schema: { params: idParams } }, async (request: TestRequest, reply) => {
    const count = wholeNumber(request.query.count);
    const seed = wholeNumber(request.query.seed);
    const test = await getSelfTest(ctx, request.user, Number(request.params.id), {
      count: count >= 1 && count <= TEST_LIMITS.maxCount ? count : TEST_LIMITS.defaultCount,
      seed: seed >= 1 && seed <= TEST_LIMITS.maxSeed ? seed : newTestSeed(),
    });
    return sendPage(reply, <SelfTestPage page={pageContext(request, reply, assets)} test={test} />);
  });

  app.post('/sets/:id/test', { schema: { params: idParams } }, async (request: TestRequest, reply) => {
    const { seed, count } = readFormBody(TestForm, request.body);
    const result = await gradeSelfTest(ctx, request.user, Number(request.params.id), {
      seed,
      count,
      responses: readFormBody(AnswersForm, request.body),
    });
    return sendPage(reply, <TestResultPage page={pageContext(request, reply, assets)} result={result} />);
  });
}
