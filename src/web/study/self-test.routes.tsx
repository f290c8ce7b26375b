/** Self-tests: /sets/:id/test shows a generated test as a form; handing it in marks it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getSelfTest, gradeSelfTest, newTestSeed, TEST_LIMITS } from '../../services/study/self-test.js';
import { readForm } from '../forms.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { SelfTestPage, TestResultPage } from './self-test-pages.js';
import { idParams, type WebDeps } from '../route-deps.js';

type TestRequest = FastifyRequest<{ Params: { id: string }; Querystring: { count?: string; seed?: string } }>;

/** A whole number written plainly, or NaN (the service says what is wrong with it). */
const wholeNumber = (value: string | undefined): number =>
  value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;

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
    const values = readForm(request.body);
    const responses = Object.fromEntries(Object.entries(values).filter(([name]) => name.startsWith('a-')));
    const result = await gradeSelfTest(ctx, request.user, Number(request.params.id), {
      seed: wholeNumber(values.seed),
      count: wholeNumber(values.count),
      responses,
    });
    return sendPage(reply, <TestResultPage page={pageContext(request, reply, assets)} result={result} />);
  });
}
