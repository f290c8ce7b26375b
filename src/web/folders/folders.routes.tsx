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
import { postThenRedirect, redirectToLogin } from '../form-handling.js';
import { emptyForm, type FormState } from '../forms.js';
import { FormText } from '../form-body.js';
import { COMMUNITY_LIMITS } from '../../domain/community.js';
import Type, { type Static } from 'typebox';
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

const FolderForm = Type.Object({ name: FormText(COMMUNITY_LIMITS.folderNameLength) });

/** A folder of the list (its id), "new", or a new folder's name. */
const SaveForm = Type.Object({
  folderId: FormText(20),
  newFolderName: FormText(COMMUNITY_LIMITS.folderNameLength),
});

/** The save form: a new folder's name wins over the folder chosen in the list. */
function saveTarget({ folderId: chosen, newFolderName }: Static<typeof SaveForm>): SaveTarget {
  if (newFolderName.trim() !== '' || chosen === 'new') return { newFolderName };
  const folderId = formId(chosen);
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
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: FolderForm,
      change: ({ name }) => createFolder(ctx, user, { name }),
      done: (folder) => ({
        notice: `Folder “${folder.name}” created.`,
        to: `/me/folders#folder-${folder.id}`,
      }),
      rerender: (state, status) => renderFolders(request, reply, user, state, status),
    });
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
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: FolderForm,
      change: ({ name }) => renameFolder(ctx, user, id, { name }),
      done: (folder) => ({
        notice: `Folder renamed to “${folder.name}”.`,
        to: `/me/folders#folder-${folder.id}`,
      }),
      rerender: async (state, status) => {
        const folder = await getFolder(ctx, user, id);
        return sendPage(
          reply,
          <RenameFolderPage page={pageContext(request, reply, assets)} folder={folder} state={state} />,
          status,
        );
      },
    });
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
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: SaveForm,
      change: async (body) => {
        // saveTarget throws a form problem when neither a folder nor a new name is given.
        const saved = await saveSetToFolder(ctx, user, setId, saveTarget(body));
        return { saved, set: await getSetLink(ctx, user, setId) };
      },
      done: ({ saved, set }) => ({
        notice: saved.added
          ? `Saved to “${saved.folder.name}”${saved.createdFolder ? ' (a new folder)' : ''}.`
          : `This set is already in “${saved.folder.name}”.`,
        to: `${cardSetUrl(set)}#save`,
      }),
      rerender: (state, status) =>
        sendCardSetPageWithForms(deps, request, reply, setId, { save: state }, status),
    });
  });
}
