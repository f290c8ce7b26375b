/** /exams: setting exam dates, and each exam's plan. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../../services/auth/accounts.js';
import {
  acceptNewCardsChoice,
  acceptTargetChoice,
  deleteExam,
  getExamPlan,
  listExams,
  listExamScopeChoices,
  saveExam,
} from '../../services/study/exams.js';
import { getExamFocus, saveExamFocus } from '../../services/study/exam-focus.js';
import { formFailure, postThenRedirect, redirectToLogin } from '../form-handling.js';
import { emptyForm, type FormState } from '../forms.js';
import { FormFieldsMatching, FormText, readFormBody } from '../form-body.js';
import Type from 'typebox';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { ExamsPage } from './exam-pages.js';
import { cardOfFocusField, ExamFocusPage, FOCUS_FIELD_PATTERN } from './exam-focus-page.js';
import { ExamPlanPage } from './exam-plan-page.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** The service reads these as typed, with a message per field. */
const ExamForm = Type.Object({
  scope: FormText(40),
  date: FormText(20),
  targetPercent: FormText(20),
  dailyCap: FormText(20),
});

/** One of the plan page's offers: a number of new cards a day, or a target. */
const ChoiceForm = (field: string) => Type.Object({ [field]: FormText(20) });

/** The cards ticked to start first: one `first-<card id>` box each. */
const FocusForm = FormFieldsMatching(FOCUS_FIELD_PATTERN, Type.Literal('1'));

export async function examRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  async function renderExams(
    request: FastifyRequest,
    reply: FastifyReply,
    user: SessionUser,
    state: FormState,
    status = 200,
  ) {
    const preset = /^set:(\d{1,10})$/.exec(state.values.scope ?? '');
    const [exams, choices] = await Promise.all([
      listExams(ctx, user),
      listExamScopeChoices(ctx, user, preset === null ? undefined : Number(preset[1])),
    ]);
    return sendPage(
      reply,
      <ExamsPage page={pageContext(request, reply, assets)} exams={exams} choices={choices} state={state} />,
      status,
    );
  }

  app.get<{ Querystring: { set?: string } }>('/exams', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const set = request.query.set;
    const values: Record<string, string> =
      set !== undefined && /^[1-9]\d{0,9}$/.test(set) ? { scope: `set:${set}` } : {};
    return renderExams(request, reply, request.user, emptyForm(values));
  });

  app.post('/exams', async (request, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: ExamForm,
      change: (input) => saveExam(ctx, user, input),
      done: (id) => ({ notice: 'Exam date saved: study now plans for it.', to: `/exams/${id}` }),
      rerender: (state, status) => renderExams(request, reply, user, state, status),
    });
  });

  app.get('/exams/:id', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const view = await getExamPlan(ctx, request.user, Number(request.params.id));
    return sendPage(reply, <ExamPlanPage page={pageContext(request, reply, assets)} view={view} />);
  });

  // The choices the plan page offers when the target cannot be met: applied only when the learner picks one.
  const choice = (
    path: string,
    field: string,
    accept: typeof acceptNewCardsChoice,
    notice: (value: number) => string,
  ) =>
    app.post(path, { schema: { params: idParams } }, async (request: IdRequest, reply) => {
      if (request.user === null) return redirectToLogin(request, reply);
      const id = Number(request.params.id);
      try {
        const value = readFormBody(ChoiceForm(field), request.body)[field] ?? '';
        setNotice(reply, notice(await accept(ctx, request.user, id, value)));
      } catch (error) {
        const { state } = formFailure(error, {}, reply);
        setNotice(reply, [state.message, ...state.problems.map((p) => p.message)].join(' '));
      }
      return reply.redirect(`/exams/${id}`, 303);
    });
  choice(
    '/exams/:id/new-cards',
    'newCardsPerDay',
    acceptNewCardsChoice,
    (count) => `Saved: up to ${count} new cards a day. The plan now starts that many.`,
  );
  choice(
    '/exams/:id/target',
    'targetPercent',
    acceptTargetChoice,
    (percent) => `Saved: the target for this exam is now ${percent}%.`,
  );

  app.get('/exams/:id/focus', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const view = await getExamFocus(ctx, request.user, Number(request.params.id));
    return sendPage(
      reply,
      <ExamFocusPage page={pageContext(request, reply, assets)} view={view} state={emptyForm()} />,
    );
  });

  app.post('/exams/:id/focus', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const id = Number(request.params.id);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: FocusForm,
      change: (ticked) => saveExamFocus(ctx, user, id, Object.keys(ticked).map(cardOfFocusField)),
      done: (count) => ({
        notice:
          count === 0
            ? 'No cards chosen: the plan starts cards in the sets’ order.'
            : `Saved: the plan starts your ${count} chosen cards first.`,
        to: `/exams/${id}`,
      }),
      rerender: async (state, status) => {
        const view = await getExamFocus(ctx, user, id);
        return sendPage(
          reply,
          <ExamFocusPage page={pageContext(request, reply, assets)} view={view} state={state} />,
          status,
        );
      },
    });
  });

  app.post('/exams/:id/delete', { schema: { params: idParams } }, async (request: IdRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    await deleteExam(ctx, request.user, Number(request.params.id));
    setNotice(reply, 'Exam date removed.');
    return reply.redirect('/exams', 303);
  });
}
