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
import { emptyForm, readForm, type FormState } from '../forms.js';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { ExamsPage } from './exam-pages.js';
import { ExamFocusPage } from './exam-focus-page.js';
import { ExamPlanPage } from './exam-plan-page.js';
import { idParams, type WebDeps } from '../route-deps.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

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
    const values = readForm(request.body);
    const input = {
      scope: values.scope ?? '',
      date: values.date ?? '',
      targetPercent: values.targetPercent ?? '',
      dailyCap: values.dailyCap ?? '',
    };
    const user = request.user;
    return postThenRedirect(reply, {
      kept: input,
      change: () => saveExam(ctx, user, input),
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
      const value = readForm(request.body)[field] ?? '';
      try {
        setNotice(reply, notice(await accept(ctx, request.user, id, value)));
      } catch (error) {
        const { state } = formFailure(error, { [field]: value }, reply);
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
    const values = readForm(request.body);
    const chosen = Object.keys(values).flatMap((field) => /^first-(\d{1,15})$/.exec(field)?.[1] ?? []);
    const user = request.user;
    return postThenRedirect(reply, {
      kept: values,
      change: () => saveExamFocus(ctx, user, id, chosen),
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
