/** /me/folders and "Save to my folders" on the set page, as plain forms with POST-redirect-GET. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';
import type { SessionUser } from '../../services/auth/accounts.js';
import {
  createFolder,
  deleteFolder,
  getFolder,
  listFolders,
  removeSetFromFolder,
  renameFolder,
  saveSetToFolder,
  type SaveTarget,
} from '../../services/folders.js';
import { getSetLink } from '../../services/viewable-set.js';
import { formFailure, redirectToLogin } from '../form-handling.js';
import { emptyForm, readForm, type FormState } from '../forms.js';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { DeleteFolderPage, FoldersPage, RenameFolderPage } from './folder-pages.js';
import { cardSetUrl } from '../views/urls.js';
import { formId, sendCardSetPageWithForms } from '../card-set/card-set-page-render.js';
import { ID_PATTERN, idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const folderSetParams = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: ID_PATTERN },
    setId: { type: 'string', pattern: ID_PATTERN },
  },
  required: ['id', 'setId'],
} as const;

/** The save form: a new folder's name wins over the folder chosen in the list. */
function saveTarget(values: Record<string, string>): SaveTarget {
  const newFolderName = values.newFolderName ?? '';
  if (newFolderName.trim() !== '' || values.folderId === 'new') return { newFolderName };
  const folderId = formId(values.folderId);
  if (folderId === undefined) {
    throw new AppError('validation', 'Choose a folder, or name a new one.', [
      { field: 'newFolderName', message: 'Name the new folder to save this set in.' },
    ]);
  }
  return { folderId };
}

export async function folderRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { ctx, assets } = deps;

  async function renderFolders(
    request: FastifyRequest,
    reply: FastifyReply,
    user: SessionUser,
    state: FormState,
    status = 200,
  ) {
    const folders = await listFolders(ctx, user);
    return sendPage(
      reply,
      <FoldersPage page={pageContext(request, reply, assets)} folders={folders} state={state} />,
      status,
    );
  }

  app.get('/me/folders', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    return renderFolders(request, reply, request.user, emptyForm());
  });

  app.post('/me/folders', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const name = readForm(request.body).name ?? '';
    try {
      const folder = await createFolder(ctx, request.user, { name });
      setNotice(reply, `Folder “${folder.name}” created.`);
      return reply.redirect(`/me/folders#folder-${folder.id}`, 303);
    } catch (error) {
      const { state, status } = formFailure(error, { name }, reply);
      return renderFolders(request, reply, request.user, state, status);
    }
  });

  app.get('/me/folders/:id/rename', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const folder = await getFolder(ctx, request.user, Number(request.params.id));
    return sendPage(
      reply,
      <RenameFolderPage
        page={pageContext(request, reply, assets)}
        folder={folder}
        state={emptyForm({ name: folder.name })}
      />,
    );
  });

  app.post('/me/folders/:id/rename', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const id = Number(request.params.id);
    const name = readForm(request.body).name ?? '';
    try {
      const folder = await renameFolder(ctx, request.user, id, { name });
      setNotice(reply, `Folder renamed to “${folder.name}”.`);
      return reply.redirect(`/me/folders#folder-${folder.id}`, 303);
    } catch (error) {
      const { state, status } = formFailure(error, { name }, reply);
      const folder = await getFolder(ctx, request.user, id);
      return sendPage(
        reply,
        <RenameFolderPage page={pageContext(request, reply, assets)} folder={folder} state={state} />,
        status,
      );
    }
  });

  app.get('/me/folders/:id/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const folder = await getFolder(ctx, request.user, Number(request.params.id));
    return sendPage(reply, <DeleteFolderPage page={pageContext(request, reply, assets)} folder={folder} />);
  });

  app.post('/me/folders/:id/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const folder = await deleteFolder(ctx, request.user, Number(request.params.id));
    setNotice(reply, `Folder “${folder.name}” deleted.`);
    return reply.redirect('/me/folders', 303);
  });

  app.post<{ Params: { id: string; setId: string } }>(
    '/me/folders/:id/sets/:setId/remove',
    { schema: { params: folderSetParams } },
    async (request, reply) => {
      if (request.user === null) return redirectToLogin(request, reply);
      const { folder } = await removeSetFromFolder(
        ctx,
        request.user,
        Number(request.params.id),
        Number(request.params.setId),
      );
      setNotice(reply, `Removed from “${folder.name}”.`);
      return reply.redirect(`/me/folders#folder-${folder.id}`, 303);
    },
  );

  app.post('/sets/:id/folders', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const setId = Number(request.params.id);
    const values = readForm(request.body);
    try {
      const saved = await saveSetToFolder(ctx, request.user, setId, saveTarget(values));
      const set = await getSetLink(ctx, request.user, setId);
      setNotice(
        reply,
        saved.added
          ? `Saved to “${saved.folder.name}”${saved.createdFolder ? ' (a new folder)' : ''}.`
          : `This set is already in “${saved.folder.name}”.`,
      );
      return reply.redirect(`${cardSetUrl(set)}#save`, 303);
    } catch (error) {
      const { state, status } = formFailure(
        error,
        { folderId: values.folderId ?? '', newFolderName: values.newFolderName ?? '' },
        reply,
      );
      return sendCardSetPageWithForms(deps, request, reply, setId, { save: state }, status);
    }
  });
}
