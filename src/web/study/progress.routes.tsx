/** /progress: the learner's own progress. */
import type { FastifyInstance } from 'fastify';
import { getProgress } from '../../services/study/progress.js';
import { redirectToLogin } from '../form-handling.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { ProgressPage } from './progress-page.js';
import type { WebDeps } from '../route-deps.js';

export async function progressRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  app.get('/progress', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const progress = await getProgress(ctx, request.user);
    return sendPage(reply, <ProgressPage page={pageContext(request, reply, assets)} progress={progress} />);
  });
}
