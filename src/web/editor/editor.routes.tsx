/** Writing card sets in the browser: /sets/new, /sets/:id/edit, deleting, and the revision history. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getCatalogueNames } from '../../services/browse.js';
import {
  createCardSet,
  deleteCardSet,
  EditConflictError,
  getEditableCardSet,
  listRevisions,
  updateCardSet,
} from '../../services/card-set-editing.js';
import { cardSetSlug } from '../../domain/slug.js';
import {
  applyEditorAction,
  editFromState,
  editorStateFrom,
  newEditorState,
  EditorForm,
  readEditorForm,
  type EditorState,
} from './editor-form.js';
import { changeThenRedirect, redirectToLogin } from '../form-handling.js';
import { parseFormBody } from '../form-body.js';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { DeleteSetPage, HistoryPage } from '../card-set/card-set-admin-pages.js';
import { EditorPage } from './editor-page.js';
import { cardSetUrl } from '../views/urls.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Rows left completely empty are not cards: drop them before saving so that problems point at the right card. */
const withoutBlankCards = (state: EditorState): EditorState => ({
  ...state,
  cards: state.cards.filter((card) => card.id !== '' || card.title.trim() !== '' || card.body.trim() !== ''),
});

interface EditorTarget {
  action: string;
  heading: string;
  cancelHref: string;
  published: boolean;
}

/** What saving a new set did, in the words of the buttons (Save as draft, Publish). */
const savedNotice = (visibility: string) =>
  visibility === 'public'
    ? 'Published.'
    : visibility === 'unlisted'
      ? 'Published as unlisted: anyone with the link can see it.'
      : 'Saved as a draft: only you can see it.';

export async function editorRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  async function renderEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    state: EditorState,
    target: EditorTarget,
    status = 200,
    preview = false,
  ) {
    const names = await getCatalogueNames(ctx);
    return sendPage(
      reply,
      <EditorPage
        page={pageContext(request, reply, assets)}
        state={state}
        preview={preview}
        {...target}
        {...names}
      />,
      status,
    );
  }

  const newTarget: EditorTarget = {
    action: '/sets/new',
    heading: 'New card set',
    cancelHref: '/',
    published: false,
  };
  const editTarget = (id: number, title: string, visibility: string): EditorTarget => ({
    action: `/sets/${id}/edit`,
    heading: `Edit “${title}”`,
    cancelHref: `/sets/${id}`,
    published: visibility !== 'private',
  });

  /** A button that changes the form (not Save) re-renders it; Save stores it. */
  async function handleEditorPost(
    request: FastifyRequest,
    reply: FastifyReply,
    target: EditorTarget,
    save: (
      state: EditorState,
      edit: ReturnType<typeof editFromState>,
    ) => Promise<{ id: number; title: string; notice: string }>,
  ) {
    const { value, problems } = parseFormBody(EditorForm, request.body);
    const { state, action } = readEditorForm(value);
    if (problems.length > 0) {
      const message = 'Please correct the highlighted fields.';
      return renderEditor(request, reply, { ...state, problems, message }, target, 400);
    }
    if (action.kind !== 'save' && action.kind !== 'publish') {
      const preview = action.kind === 'preview';
      return renderEditor(request, reply, applyEditorAction(state, action), target, 200, preview);
    }
    const cleaned = withoutBlankCards(state);
    return changeThenRedirect(request, reply, {
      // The editor shows its own state again, not the posted strings.
      keep: () => ({}),
      change: () => save(cleaned, editFromState(cleaned, action)),
      done: (saved) => ({
        notice: saved.notice,
        to: cardSetUrl({ id: saved.id, slug: cardSetSlug(saved.title) }),
      }),
      rerender: (failed, status, error) =>
        error instanceof EditConflictError
          ? // Keep the editor's input, now based on the newer revision: saving again keeps their version.
            renderEditor(
              request,
              reply,
              { ...cleaned, revision: String(error.currentRevision), problems: [], message: error.message },
              target,
              409,
            )
          : renderEditor(
              request,
              reply,
              { ...cleaned, problems: [...failed.problems], message: failed.message },
              target,
              status,
            ),
    });
  }

  app.get('/sets/new', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    return renderEditor(request, reply, newEditorState(), newTarget);
  });

  app.post('/sets/new', async (request, reply) => {
    const user = request.user;
    if (user === null) return redirectToLogin(request, reply);
    return handleEditorPost(request, reply, newTarget, async (_state, edit) => {
      const { id } = await createCardSet(ctx, user, edit);
      return { id, title: edit.title, notice: savedNotice(edit.visibility) };
    });
  });

  app.get('/sets/:id/edit', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const editable = await getEditableCardSet(ctx, request.user, Number(request.params.id));
    return renderEditor(
      request,
      reply,
      editorStateFrom(editable),
      editTarget(editable.summary.id, editable.summary.title, editable.summary.visibility),
    );
  });

  app.post('/sets/:id/edit', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    const user = request.user;
    if (user === null) return redirectToLogin(request, reply);
    const id = Number(request.params.id);
    const current = await getEditableCardSet(ctx, user, id);
    return handleEditorPost(
      request,
      reply,
      editTarget(id, current.summary.title, current.summary.visibility),
      async (state, edit) => {
        const expected = /^\d{1,10}$/.test(state.revision) ? Number(state.revision) : 0;
        const { summary } = await updateCardSet(ctx, user, id, expected, edit);
        return {
          id,
          title: edit.title,
          notice: `Saved: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}.`,
        };
      },
    );
  });

  app.get('/sets/:id/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const editable = await getEditableCardSet(ctx, request.user, Number(request.params.id));
    return sendPage(
      reply,
      <DeleteSetPage page={pageContext(request, reply, assets)} set={editable.summary} />,
    );
  });

  app.post('/sets/:id/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    await deleteCardSet(ctx, request.user, Number(request.params.id));
    setNotice(reply, 'The card set has been deleted.');
    return reply.redirect(`/users/${request.user.handle}`, 303);
  });

  app.get('/sets/:id/history', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    const { set, revisions } = await listRevisions(ctx, request.user, Number(request.params.id));
    return sendPage(
      reply,
      <HistoryPage page={pageContext(request, reply, assets)} set={set} revisions={revisions} />,
    );
  });
}
