/** The HTML pages: server-rendered, complete without JavaScript. */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account/account.routes.js';
import { browseRoutes } from './browse/browse.routes.js';
import { searchRoutes } from './browse/search.routes.js';
import { cardSetRoutes } from './card-set/card-set.routes.js';
import { editorRoutes } from './editor/editor.routes.js';
import { commentRoutes } from './comments/comments.routes.js';
import { folderRoutes } from './folders/folders.routes.js';
import { importExportRoutes } from './import-export/import-export.routes.js';
import { moderationRoutes } from './moderation/moderation.routes.js';
import { profileRoutes } from './account/profile.routes.js';
import { ratingRoutes } from './card-set/ratings.routes.js';
import { reportRoutes } from './moderation/reports.routes.js';
import { studyRoutes } from './study/study.routes.js';
import { selfTestRoutes } from './study/self-test.routes.js';
import { timelineRoutes } from './study/timeline.routes.js';
import { progressRoutes } from './study/progress.routes.js';
import { examRoutes } from './study/exams.routes.js';
import { themeRoutes } from './account/theme.routes.js';
import type { WebDeps } from './route-deps.js';

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
