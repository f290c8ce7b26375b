/** The JSON API under /api/v1, with TypeBox schemas that validate requests and shape responses. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { checkReadiness } from '../services/readiness.js';
import { importsRoutes } from './imports/imports.routes.js';
import { previewRoutes } from './preview.routes.js';
import { sessionRoutes } from './session/session.routes.js';
import { setsRoutes } from './sets/sets.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { commentsRoutes } from './comments/comments.routes.js';
import { foldersRoutes } from './folders/folders.routes.js';
import { moderationRoutes } from './moderation/moderation.routes.js';
import { ratingsRoutes } from './ratings/ratings.routes.js';
import { reportsRoutes } from './reports/reports.routes.js';
import { studyRoutes } from './study/study.routes.js';

export async function apiPlugin(app: FastifyInstance, { ctx }: { ctx: ServiceContext }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // For load balancers: /healthz says the process answers; /readyz that it can serve (database, schema).
  api.get('/healthz', async () => ({ status: 'ok' }));
  api.get('/readyz', async (_request, reply) => {
    const readiness = await checkReadiness(ctx);
    return reply
      .code(readiness.ready ? 200 : 503)
      .send({ status: readiness.ready ? 'ready' : 'not ready', ...readiness });
  });
  await api.register(
    async (v1) => {
      await v1.register(sessionRoutes, { ctx });
      await v1.register(setsRoutes, { ctx });
      await v1.register(searchRoutes, { ctx });
      await v1.register(previewRoutes);
      await v1.register(importsRoutes, { ctx });
      await v1.register(commentsRoutes, { ctx });
      await v1.register(ratingsRoutes, { ctx });
      await v1.register(foldersRoutes, { ctx });
      await v1.register(reportsRoutes, { ctx });
      await v1.register(studyRoutes, { ctx });
      await v1.register(moderationRoutes, { ctx });
    },
    { prefix: '/api/v1' },
  );
}
