/** Profile pages at /users/:handle. */
import type { FastifyInstance } from 'fastify';
import { getProfile } from '../../services/profiles.js';
import { pageContext } from '../page-context.js';
import { sendPage } from '../render.js';
import { ProfilePage } from './profile-page.js';
import type { WebDeps } from '../route-deps.js';

const handleParams = {
  type: 'object',
  properties: { handle: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' } },
  required: ['handle'],
} as const;

export async function profileRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  app.get<{ Params: { handle: string } }>(
    '/users/:handle',
    { schema: { params: handleParams } },
    async (request, reply) => {
      const profile = await getProfile(ctx, request.user, request.params.handle);
      // One address per member: /users/Ada → /users/ada.
      if (request.params.handle !== profile.handle) return reply.redirect(`/users/${profile.handle}`, 301);
      return sendPage(reply, <ProfilePage page={pageContext(request, reply, assets)} profile={profile} />);
    },
  );
}
