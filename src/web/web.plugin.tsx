/** The HTML pages: server-rendered, complete without JavaScript. */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './routes/account.routes.js';
import { browseRoutes } from './routes/browse.routes.js';
import { searchRoutes } from './routes/search.routes.js';
import { cardSetRoutes } from './routes/card-set.routes.js';
import { editorRoutes } from './routes/editor.routes.js';
import { commentRoutes } from './routes/comments.routes.js';
import { folderRoutes } from './routes/folders.routes.js';
import { importExportRoutes } from './routes/import-export.routes.js';
import { moderationRoutes } from './routes/moderation.routes.js';
import { profileRoutes } from './routes/profile.routes.js';
import { ratingRoutes } from './routes/ratings.routes.js';
import { reportRoutes } from './routes/reports.routes.js';
import { studyRoutes } from './routes/study.routes.js';
import { selfTestRoutes } from './routes/self-test.routes.js';
import { timelineRoutes } from './routes/timeline.routes.js';
import { progressRoutes } from './routes/progress.routes.js';
import { examRoutes } from './routes/exams.routes.js';
import { themeRoutes } from './routes/theme.routes.js';
import type { WebDeps } from './routes/route-deps.js';

export async function webPlugin(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await app.register(fastifyStatic, {
    root: deps.assets.directory,
    prefix: '/assets/',
    maxAge: '365d',
    immutable: true,
    index: false,
  });
  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(deps.assets.url('favicon.svg'), 301));
  await app.register(browseRoutes, deps);
  await app.register(searchRoutes, deps);
  await app.register(cardSetRoutes, deps);
  await app.register(accountRoutes, deps);
  await app.register(editorRoutes, deps);
  await app.register(commentRoutes, deps);
  await app.register(ratingRoutes, deps);
  await app.register(folderRoutes, deps);
  await app.register(reportRoutes, deps);
  await app.register(moderationRoutes, deps);
  await app.register(profileRoutes, deps);
  await app.register(importExportRoutes, deps);
  await app.register(studyRoutes, deps);
  await app.register(selfTestRoutes, deps);
  await app.register(timelineRoutes, deps);
  await app.register(progressRoutes, deps);
  await app.register(examRoutes, deps);
  await app.register(themeRoutes, deps);
}
