import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServiceContext } from '../../services/context.js';
import {
  createFolder,
  deleteFolder,
  listFolders,
  removeSetFromFolder,
  renameFolder,
  saveSetToFolder,
} from '../../services/folders.js';
import { requireUser } from '../auth.js';
import { FolderSetParams, IdParams, NoContent } from '../community.schema.js';
import { presentFolder, presentFolderWithSets } from '../presenters/community.presenter.js';
import { FolderListSchema, FolderSchema, FolderWriteSchema } from './folders.schema.js';

/** "Save to my folders": your named folders of card sets. */
export const foldersRoutes: FastifyPluginAsyncTypebox<{ ctx: ServiceContext }> = async (app, { ctx }) => {
  app.get(
    '/folders',
    {
      schema: {
        summary: 'Your folders, by name, with the sets in each',
        tags: ['folders'],
        response: { 200: FolderListSchema },
      },
    },
    async (request) => ({ items: (await listFolders(ctx, requireUser(request))).map(presentFolderWithSets) }),
  );

  app.post(
    '/folders',
    {
      schema: {
        summary: 'Create a folder (409 if you have one of that name)',
        tags: ['folders'],
        body: FolderWriteSchema,
        response: { 201: FolderSchema },
      },
    },
    async (request, reply) => {
      const folder = await createFolder(ctx, requireUser(request), request.body);
      return reply.code(201).send(presentFolder(folder));
    },
  );

  app.patch(
    '/folders/:id',
    {
      schema: {
        summary: 'Rename a folder (409 if you have another of that name)',
        tags: ['folders'],
        params: IdParams,
        body: FolderWriteSchema,
        response: { 200: FolderSchema },
      },
    },
    async (request) =>
      presentFolder(await renameFolder(ctx, requireUser(request), request.params.id, request.body)),
  );

  app.delete(
    '/folders/:id',
    {
      schema: {
        summary: 'Delete a folder (the sets in it stay)',
        tags: ['folders'],
        params: IdParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await deleteFolder(ctx, requireUser(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/folders/:id/sets/:setId',
    {
      schema: {
        summary: 'Put a set you may see into one of your folders (no change if it is there)',
        tags: ['folders'],
        params: FolderSetParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await saveSetToFolder(ctx, requireUser(request), request.params.setId, { folderId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/folders/:id/sets/:setId',
    {
      schema: {
        summary: 'Take a set out of one of your folders',
        tags: ['folders'],
        params: FolderSetParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeSetFromFolder(ctx, requireUser(request), request.params.id, request.params.setId);
      return reply.code(204).send(null);
    },
  );
};
