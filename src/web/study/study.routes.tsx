/** Study mode for one set (/sets/:id/study) and the daily queue (/review), as plain forms. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_DURATION_MS, recordReview, undoLastReview } from '../../services/study/record-review.js';
import { getDailyQueue, getSetStudySession, type StudyItem } from '../../services/study/study-queue.js';
import { saveNewCardsPerDay } from '../../services/study/study-settings.js';
import { itemKey, parseItemKey } from '../../domain/study/index.js';
import { TAG_LIMITS } from '../../domain/tags.js';
import { formFailure, postThenRedirect, redirectToLogin } from '../form-handling.js';
import { emptyForm, type FormState } from '../forms.js';
import { FormCheckbox, FormText, readFormBody } from '../form-body.js';
import Type, { type Static } from 'typebox';
import { pageContext, setNotice } from '../page-context.js';
import { sendPage } from '../render.js';
import { ReviewPage, SetStudyPage } from './study-pages.js';
import { idParams, type WebDeps } from '../route-deps.js';

interface StudyQuery {
  card?: string;
  reveal?: string;
  ahead?: string;
  done?: string;
  shownAt?: string;
  /** Only the cards with this tag (or every card of a set with it). */
  tag?: string;
  /** An answer was just saved: offer to undo it. */
  undo?: string;
}

/** A tag from the address or a form: trimmed, bounded, or none. */
function tagOf(value: string | undefined): string | undefined {
  const tag = value?.trim() ?? '';
  return tag === '' || tag.length > TAG_LIMITS.length ? undefined : tag;
}

/** The query string that keeps a session's options (ahead, tag) across its forms and redirects. */
function sessionQuery(options: { ahead?: boolean; tag?: string | undefined }, extra = ''): string {
  const params = new URLSearchParams();
  if (options.ahead === true) params.set('ahead', '1');
  if (options.tag !== undefined) params.set('tag', options.tag);
  const text = [params.toString(), extra].filter((part) => part !== '').join('&');
  return text === '' ? '' : `?${text}`;
}

type SetStudyRequest = FastifyRequest<{ Params: { id: string }; Querystring: StudyQuery }>;

/** The item asked for (by its key) if it is in the session, else the first; revealed only when asked for. */
function pickCard(items: readonly StudyItem[], query: StudyQuery) {
  const requested = query.card;
  const current = items.find((item) => item.key === requested) ?? items[0];
  return { current, revealed: current !== undefined && current.key === requested && query.reveal === '1' };
}

/** What a rating form posts (a visitor's read-through posts no rating), and the undo buttons. */
const AnswerForm = Type.Object({
  card: FormText(40),
  rating: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 4, problem: 'Choose Again, Hard, Good or Easy.' }),
  ),
  shownAt: FormText(20),
  ahead: FormCheckbox(),
  tag: FormText(TAG_LIMITS.length + 100),
});

const SettingsForm = Type.Object({ newCardsPerDay: FormText(20) });

/** The review a rating form posts: its item's card and variant, and the rating. */
function answerOf(form: Static<typeof AnswerForm>, durationMs: number | null) {
  const item = parseItemKey(form.card);
  return {
    cardId: item?.cardId ?? 0,
    variant: item?.variant ?? 0,
    rating: form.rating ?? Number.NaN,
    durationMs,
  };
}

/** When the front was shown: carried by the reveal form, trusted only within the last hour. */
function shownAtFrom(value: string | undefined, now: number): number {
  const time = Number(value);
  return Number.isSafeInteger(time) && time <= now && now - time <= MAX_DURATION_MS ? time : now;
}

/** The answer time, from when the front was shown; null when unknown or implausibly long. */
function durationFrom(value: string | undefined, now: number): number | null {
  const time = Number(value);
  if (!Number.isSafeInteger(time) || time > now) return null;
  const duration = now - time;
  return duration <= MAX_DURATION_MS ? duration : null;
}

export async function studyRoutes(app: FastifyInstance, { ctx, assets }: WebDeps): Promise<void> {
  const now = () => ctx.clock.now().getTime();

  async function renderSetStudy(
    request: SetStudyRequest,
    reply: FastifyReply,
    query: StudyQuery,
    state?: FormState,
    status = 200,
  ) {
    const setId = Number(request.params.id);
    const ahead = query.ahead === '1';
    const tag = tagOf(query.tag);
    const session = await getSetStudySession(ctx, request.user, setId, { ahead, tag });
    const { current, revealed } = pickCard(session.items, query);
    return sendPage(
      reply,
      <SetStudyPage
        page={pageContext(request, reply, assets)}
        set={session.set}
        queue={session.queue}
        items={session.items}
        current={current}
        revealed={revealed}
        ahead={ahead}
        tag={tag}
        shownAt={revealed ? shownAtFrom(query.shownAt, now()) : now()}
        finished={session.queue === null && query.done === '1'}
        state={state}
        offerUndo={query.undo === '1'}
      />,
      status,
    );
  }

  app.get('/sets/:id/study', { schema: { params: idParams } }, async (request: SetStudyRequest, reply) =>
    renderSetStudy(request, reply, request.query),
  );

  app.post('/sets/:id/study', { schema: { params: idParams } }, async (request: SetStudyRequest, reply) => {
    const setId = Number(request.params.id);
    const values = readFormBody(AnswerForm, request.body);
    const { ahead } = values;
    const tag = tagOf(values.tag);
    if (request.user === null) {
      // A visitor's read-through without JavaScript: nothing to keep, on to the next card.
      const session = await getSetStudySession(ctx, null, setId, { tag });
      const index = session.items.findIndex((item) => item.key === values.card);
      const next = session.items[index + 1];
      return reply.redirect(
        `/sets/${setId}/study${sessionQuery({ tag }, next === undefined ? 'done=1' : `card=${next.key}`)}`,
        303,
      );
    }
    try {
      await recordReview(ctx, request.user, answerOf(values, durationFrom(values.shownAt, now())));
      return reply.redirect(`/sets/${setId}/study${sessionQuery({ ahead, tag }, 'undo=1')}`, 303);
    } catch (error) {
      const { state, status } = formFailure(error, {}, reply);
      return renderSetStudy(
        request,
        reply,
        { card: values.card, reveal: '1', ahead: ahead ? '1' : undefined, tag },
        state,
        status,
      );
    }
  });

  type ReviewRequest = FastifyRequest<{ Querystring: StudyQuery }>;

  async function renderReview(
    request: ReviewRequest,
    reply: FastifyReply,
    query: StudyQuery,
    forms: { state?: FormState; settings?: FormState } = {},
    status = 200,
  ) {
    const tag = tagOf(query.tag);
    const queue = await getDailyQueue(ctx, request.user!, { tag });
    const { current, revealed } = pickCard(queue.items, query);
    return sendPage(
      reply,
      <ReviewPage
        page={pageContext(request, reply, assets)}
        queue={queue}
        tag={tag}
        current={current}
        revealed={revealed}
        shownAt={revealed ? shownAtFrom(query.shownAt, now()) : now()}
        settings={forms.settings ?? emptyForm()}
        state={forms.state}
        offerUndo={query.undo === '1'}
      />,
      status,
    );
  }

  app.get('/review', async (request: ReviewRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    return renderReview(request, reply, request.query);
  });

  app.post('/review', async (request: ReviewRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const values = readFormBody(AnswerForm, request.body);
    const tag = tagOf(values.tag);
    try {
      await recordReview(ctx, request.user, answerOf(values, durationFrom(values.shownAt, now())));
      return reply.redirect(`/review${sessionQuery({ tag }, 'undo=1')}`, 303);
    } catch (error) {
      const { state, status } = formFailure(error, {}, reply);
      return renderReview(request, reply, { card: values.card, reveal: '1', tag }, { state }, status);
    }
  });

  /** Takes back the last answer, then shows its card first again (its front). */
  async function undo(request: FastifyRequest, reply: FastifyReply, path: string) {
    const values = readFormBody(AnswerForm, request.body);
    const options = { ahead: values.ahead, tag: tagOf(values.tag) };
    const undone = await undoLastReview(ctx, request.user!);
    setNotice(reply, undone === null ? 'There is no answer to undo.' : 'Your last answer was taken back.');
    const card = undone === null ? '' : `card=${itemKey(undone.cardId, undone.variant)}`;
    return reply.redirect(`${path}${sessionQuery(options, card)}`, 303);
  }

  app.post(
    '/sets/:id/study/undo',
    { schema: { params: idParams } },
    async (request: SetStudyRequest, reply) => {
      if (request.user === null) return redirectToLogin(request, reply);
      return undo(request, reply, `/sets/${Number(request.params.id)}/study`);
    },
  );

  app.post('/review/undo', async (request: ReviewRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    return undo(request, reply, '/review');
  });

  app.post('/review/settings', async (request: ReviewRequest, reply) => {
    if (request.user === null) return redirectToLogin(request, reply);
    const user = request.user;
    return postThenRedirect(request, reply, {
      body: SettingsForm,
      change: ({ newCardsPerDay }) => saveNewCardsPerDay(ctx, user, newCardsPerDay),
      done: (count) => ({ notice: `Saved: up to ${count} new cards a day.`, to: '/review' }),
      rerender: (state, status) => renderReview(request, reply, {}, { settings: state }, status),
    });
  });
}
