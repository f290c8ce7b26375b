/** The JSON API under /api/v1, with TypeBox schemas that validate requests and shape responses. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { setsRoutes } from './sets/sets.routes.js';

export async function apiPlugin(app: FastifyInstance, { ctx }: { ctx: ServiceContext }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/healthz', async () => ({ status: 'ok' }));
  await api.register(setsRoutes, { prefix: '/api/v1', ctx });
}
