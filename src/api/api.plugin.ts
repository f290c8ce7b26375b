/** The JSON API under /api/v1, with TypeBox schemas that validate requests and shape responses. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { previewRoutes } from './preview.routes.js';
import { sessionRoutes } from './session/session.routes.js';
import { setsRoutes } from './sets/sets.routes.js';

export async function apiPlugin(app: FastifyInstance, { ctx }: { ctx: ServiceContext }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/healthz', async () => ({ status: 'ok' }));
  await api.register(
    async (v1) => {
      await v1.register(sessionRoutes, { ctx });
      await v1.register(setsRoutes, { ctx });
      await v1.register(previewRoutes);
    },
    { prefix: '/api/v1' },
  );
}
