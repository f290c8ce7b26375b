/**
 * The authorisation matrix (issue 3): every state-changing route the app registers, pages and API,
 * × {anonymous, another member, owner, moderator} → the expected status, with what the route could
 * change read back from the database before and after: unchanged wherever the request is refused.
 *
 * Every request carries a valid CSRF token (the visitor's too), so a 403 here is the authorisation's,
 * never the CSRF check's. The owner's and the visitor's requests are also sent without a token, with the
 * Origin of another site and with `Sec-Fetch-Site: cross-site`: each must be refused with 403 and change
 * nothing.
 * (The same refusals for the login form, and a token from another visitor, are in accounts.test.ts.)
 *
 * The list of routes is checked against the app's own route table, so a mutating route added without a
 * row here fails this file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createUser, hashToken } from '../../src/services/auth/accounts.js';
import { hashPassword } from '../../src/services/auth/password-hash.js';
import { recordReview } from '../../src/services/study/record-review.js';
import { BrowserClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { seedText } from '../helpers/fixtures.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const ACTORS = ['anonymous', 'member', 'owner', 'moderator'] as const;
type ActorName = (typeof ACTORS)[number];

/**
 * What a request should come to:
 * - `login`: 303 to /login?next=… (pages ask visitors to log in), nothing changed;
 * - `400` … `404`: refused with that status, nothing changed;
 * - `done 303` (or 200, 201, 204): allowed, and the target changed;
 * - `noop 303` (…): allowed, but the target is not the actor's and stays as it was (e.g. another member
 *   logging out ends their own session, not the owner's).
 */
type Outcome = 'login' | '400' | '401' | '403' | '404' | `${'done' | 'noop'} ${200 | 201 | 204 | 303}`;

type Fields = Record<string, string | string[]>;

interface Cast {
  owner: TestMember;
  member: TestMember;
  moderator: TestMember;
}

interface World {
  t: TestApp;
  cast: Cast;
  /** A number unique to this request, for names that must not collide. */
  n: number;
}

interface Target {
  url: string;
  /** Form fields for a page, the JSON body for the API. */
  body?: unknown;
  /** What the request could change, read straight from the database. */
  state(): Promise<unknown>;
}

interface Row {
  method: Method;
  /** The route as registered, e.g. /sets/:id/edit. */
  route: string;
  /** Who "owner" is for this route. */
  owner: string;
  expect: Record<ActorName, Outcome>;
  arrange(w: World): Promise<Target>;
}

// ---------------------------------------------------------------------------------------------------
// Fixtures and what they look like in the database

let unique = 0;
const OWNER_PASSWORD = 'owner password 1234';

const db = (w: World) => w.t.container.database.db;
const repos = (w: World) => w.t.container.ctx.repos;
const now = (w: World) => w.t.clock.now().getTime();

const publicSet = (w: World, authorId = w.cast.owner.userId) =>
  setBy(w.t, authorId, { title: `Matrix set ${w.n}` });

async function commentOn(w: World, setId: number, authorId: number, parentId: number | null = null) {
  return repos(w).comments.insert({ cardSetId: setId, authorId, parentId, body: 'As written', now: now(w) });
}

/** A public set by the owner with one comment by the owner. */
async function ownersComment(w: World): Promise<{ setId: number; commentId: number }> {
  const set = await publicSet(w);
  return { setId: set.id, commentId: await commentOn(w, set.id, w.cast.owner.userId) };
}

async function ownersFolder(w: World, withSet?: number): Promise<number> {
  const id = await repos(w).folders.insertIfFree(w.cast.owner.userId, `Folder ${w.n}`, now(w));
  if (id === undefined) throw new Error('folder not created');
  if (withSet !== undefined) await repos(w).folders.addSet(id, withSet, now(w));
  return id;
}

async function setState(w: World, id: number) {
  const row = await repos(w).cardSets.findSummary(id);
  if (row === undefined) return 'gone';
  const cards = await repos(w).cardSets.findCards(id);
  return {
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    revision: row.revision,
    cards: cards.map((card) => [card.id, card.title, card.body]),
  };
}

async function commentState(w: World, id: number) {
  const row = await repos(w).comments.findById(id);
  return row === undefined ? 'gone' : { body: row.body, status: row.status, editedAt: row.editedAt };
}

async function countRows(w: World, table: 'card_sets' | 'folders'): Promise<number> {
  const row = await db(w)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const openReports = async (w: World, targetType: 'set' | 'comment', targetId: number) =>
  Number(
    (
      await db(w)
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('target_type', '=', targetType)
        .where('target_id', '=', targetId)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow()
    ).n,
  );

const commentsOnSet = async (w: World, setId: number) =>
  Number(
    (
      await db(w)
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('card_set_id', '=', setId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const folderState = async (w: World, id: number) => {
  const folder = await repos(w).folders.findById(id);
  const entries = await repos(w).folders.listEntries(w.cast.owner.userId);
  return folder === undefined
    ? 'gone'
    : { name: folder.name, sets: entries.filter((e) => e.folderId === id).map((e) => e.cardSetId) };
};

/** Whether the session behind a cookie value is still alive on the server. */
const sessionAlive = async (w: World, token: string) =>
  (await repos(w).sessions.findUser(hashToken(token), now(w))) !== undefined;

/** An account with a password, for the login routes. */
async function accountWithPassword(w: World) {
  const handle = `login-${process.pid}-${w.n}`;
  const { id } = await createUser(w.t.container.ctx, {
    displayName: 'Login Target',
    handle,
    email: `${handle}@example.org`,
    password: OWNER_PASSWORD,
    role: 'member',
  });
  return { id, handle };
}

const sessionsOf = (w: World, userId: number) =>
  db(w)
    .selectFrom('sessions')
    .select('token_hash')
    .where('user_id', '=', userId)
    .execute()
    .then((rows) => rows.map((row) => row.token_hash).sort());

const editorForm = (overrides: Fields = {}): Fields => ({
  revision: '0',
  title: 'Made by the matrix',
  subtitle: '',
  subject: 'Biology',
  topic: '',
  level: 'GCSE',
  examBoard: 'OCR',
  visibility: 'public',
  'cards[0][id]': '',
  'cards[0][title]': 'Nucleus',
  'cards[0][body]': 'Holds the DNA.',
  action: 'publish',
  ...overrides,
});

const apiSet = {
  title: 'Made by the matrix',
  subtitle: null,
  subject: 'Biology',
  topic: null,
  level: null,
  examBoard: null,
  visibility: 'public',
  cards: [{ title: 'Nucleus', body: 'Holds the DNA.' }],
};

async function setToEdit(w: World) {
  const set = await publicSet(w);
  const summary = await repos(w).cardSets.findSummary(set.id);
  const [card] = await repos(w).cardSets.findCards(set.id);
  return { id: set.id, revision: summary!.revision, cardId: card!.id };
}

/** The hidden fields of an import preview, as the browser sends them back to /import/confirm. */
async function importConfirmation(w: World): Promise<Fields> {
  const preview = await w.cast.owner.client.submit(
    '/import',
    { text: seedText(), format: '', separator: '' },
    '/import',
  );
  assert.equal(preview.statusCode, 200, 'the import preview');
  const form = /<form[^>]*action="\/import\/confirm"[\s\S]*?<\/form>/.exec(preview.body)?.[0] ?? '';
  const fields: Fields = { visibility: 'private' };
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (name === '_csrf') continue;
    const decoded = value!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    const previous = fields[name!];
    fields[name!] = previous === undefined ? decoded : [...[previous].flat(), decoded];
  }
  assert.ok(fields.document !== undefined, 'the preview carries the document');
  return fields;
}

// ---------------------------------------------------------------------------------------------------
// Targets, one per kind of change (pages and API share them where they change the same thing)

/** How many answers to the card are logged: what study, undo and merge routes change. */
const answersTo = async (w: World, cardId: number) =>
  Number(
    (
      await db(w)
        .selectFrom('review_logs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('card_id', '=', cardId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const target = {
  signUp: (w: World): Target => {
    const handle = `signup-${process.pid}-${w.n}`;
    return {
      url: '/signup',
      body: { displayName: 'New Person', handle, email: `${handle}@example.org`, password: OWNER_PASSWORD },
      state: async () => (await repos(w).users.findByHandle(handle)) !== undefined,
    };
  },
  logIn: async (w: World, url: string): Promise<Target> => {
    const account = await accountWithPassword(w);
    return {
      url,
      body: { login: account.handle, password: OWNER_PASSWORD },
      state: () => sessionsOf(w, account.id),
    };
  },
  logOut: (w: World, url: string): Target => {
    const ownersSession = w.cast.owner.client.cookies.get('recall_session')!;
    return { url, state: () => sessionAlive(w, ownersSession) };
  },
  changePassword: async (w: World): Promise<Target> => {
    await repos(w).users.updatePasswordHash(w.cast.owner.userId, await hashPassword(OWNER_PASSWORD));
    return {
      url: '/me/password',
      body: { currentPassword: OWNER_PASSWORD, newPassword: 'a brand new password' },
      state: async () => (await repos(w).users.findById(w.cast.owner.userId))?.password_hash,
    };
  },
  createSet: (w: World, url: string, body: unknown): Target => ({
    url,
    body,
    state: () => countRows(w, 'card_sets'),
  }),
  editSetPage: async (w: World): Promise<Target> => {
    const set = await setToEdit(w);
    return {
      url: `/sets/${set.id}/edit`,
      body: editorForm({
        revision: String(set.revision),
        title: 'Changed by the matrix',
        'cards[0][id]': String(set.cardId),
        action: 'save',
      }),
      state: () => setState(w, set.id),
    };
  },
  editSetApi: async (w: World): Promise<Target> => {
    const set = await setToEdit(w);
    return {
      url: `/api/v1/sets/${set.id}`,
      body: {
        ...apiSet,
        title: 'Changed by the matrix',
        revision: set.revision,
        cards: [{ id: set.cardId, title: 'Nucleus', body: 'Changed.' }],
      },
      state: () => setState(w, set.id),
    };
  },
  deleteSet: async (w: World, url: (id: number) => string): Promise<Target> => {
    const set = await publicSet(w);
    return { url: url(set.id), state: () => setState(w, set.id) };
  },
  postComment: async (w: World, url: (setId: number) => string, body: unknown): Promise<Target> => {
    const set = await publicSet(w);
    return { url: url(set.id), body, state: () => commentsOnSet(w, set.id) };
  },
  reply: async (w: World, kind: 'page' | 'api'): Promise<Target> => {
    const { setId, commentId } = await ownersComment(w);
    return kind === 'page'
      ? {
          url: `/comments/${commentId}/reply`,
          body: { body: 'A reply' },
          state: () => commentsOnSet(w, setId),
        }
      : {
          url: `/api/v1/sets/${setId}/comments`,
          body: { body: 'A reply', replyTo: commentId },
          state: () => commentsOnSet(w, setId),
        };
  },
  changeComment: async (w: World, url: (id: number) => string, body?: unknown): Promise<Target> => {
    const { commentId } = await ownersComment(w);
    return { url: url(commentId), body, state: () => commentState(w, commentId) };
  },
  reportComment: async (w: World, url: (id: number) => string): Promise<Target> => {
    const { commentId } = await ownersComment(w);
    return {
      url: url(commentId),
      body: { reason: 'Spam' },
      state: () => openReports(w, 'comment', commentId),
    };
  },
  reportSet: async (w: World, url: (id: number) => string): Promise<Target> => {
    const set = await publicSet(w);
    return { url: url(set.id), body: { reason: 'Copied' }, state: () => openReports(w, 'set', set.id) };
  },
  rate: async (w: World, url: (id: number) => string, body: unknown): Promise<Target> => {
    const set = await publicSet(w);
    return { url: url(set.id), body, state: () => repos(w).ratings.summarise(set.id) };
  },
  /** The owner here is the member who rated; the set is someone else's. */
  unrate: async (w: World, url: (id: number) => string): Promise<Target> => {
    const author = await quickMember(w.t, 'Author');
    const set = await publicSet(w, author.userId);
    await repos(w).ratings.upsert(set.id, w.cast.owner.userId, 4, now(w));
    return { url: url(set.id), state: () => repos(w).ratings.summarise(set.id) };
  },
  createFolder: (w: World, url: string): Target => ({
    url,
    body: { name: `New folder ${w.n}` },
    state: () => countRows(w, 'folders'),
  }),
  changeFolder: async (w: World, url: (id: number) => string, body?: unknown): Promise<Target> => {
    const id = await ownersFolder(w, (await publicSet(w)).id);
    return { url: url(id), body, state: () => folderState(w, id) };
  },
  addToFolder: async (w: World, kind: 'page' | 'api'): Promise<Target> => {
    const set = await publicSet(w);
    const folderId = await ownersFolder(w);
    return {
      url: kind === 'page' ? `/sets/${set.id}/folders` : `/api/v1/folders/${folderId}/sets/${set.id}`,
      body: kind === 'page' ? { folderId: String(folderId), newFolderName: '' } : undefined,
      state: () => folderState(w, folderId),
    };
  },
  removeFromFolder: async (w: World, url: (folderId: number, setId: number) => string): Promise<Target> => {
    const set = await publicSet(w);
    const folderId = await ownersFolder(w, set.id);
    return { url: url(folderId, set.id), state: () => folderState(w, folderId) };
  },
  moderateComment: async (w: World, url: (id: number) => string, hidden: boolean): Promise<Target> => {
    const { commentId } = await ownersComment(w);
    if (hidden) await repos(w).comments.changeStatus(commentId, 'visible', 'hidden', now(w));
    return { url: url(commentId), state: () => commentState(w, commentId) };
  },
  moderateSet: async (w: World, url: (id: number) => string, hidden: boolean): Promise<Target> => {
    const set = await publicSet(w);
    if (hidden) await repos(w).cardSets.setStatus(set.id, 'hidden');
    return { url: url(set.id), state: () => setState(w, set.id) };
  },
  /** A report on the owner's set, filed by someone else. */
  resolveReport: async (w: World, url: (id: number) => string): Promise<Target> => {
    const set = await publicSet(w);
    const reporter = await quickMember(w.t, 'Reporter');
    const id = await repos(w).reports.insertIfNoneOpen({
      targetType: 'set',
      targetId: set.id,
      reporterId: reporter.userId,
      reason: 'Copied',
      now: now(w),
    });
    return { url: url(id!), state: async () => (await repos(w).reports.findById(id!))?.status };
  },
  importPreview: (w: World): Target => ({
    url: '/import',
    body: { text: seedText(), format: '', separator: '' },
    state: () => countRows(w, 'card_sets'),
  }),
  importConfirm: async (w: World): Promise<Target> => ({
    url: '/import/confirm',
    body: await importConfirmation(w),
    state: () => countRows(w, 'card_sets'),
  }),
  /** A card of the owner's private set: studying it needs a set you can see. */
  review: async (w: World, kind: 'one' | 'merge'): Promise<Target> => {
    const set = await setBy(w.t, w.cast.owner.userId, { title: `Matrix set ${w.n}`, visibility: 'private' });
    const [card] = await repos(w).cardSets.findCards(set.id);
    const cardId = card!.id;
    return {
      url: kind === 'one' ? '/api/v1/reviews' : '/api/v1/reviews/merge',
      body:
        kind === 'one'
          ? { cardId, rating: 3 }
          : { reviews: [{ id: `matrix-${w.n}`, cardId, rating: 3, reviewedAt: now(w) - 60_000 }] },
      state: () => answersTo(w, cardId),
    };
  },
  /** Study pages: an answer (or a marked test) on a card of the owner's private set. */
  studyPage: async (w: World, url: (setId: number) => string, body: Fields): Promise<Target> => {
    const set = await setBy(w.t, w.cast.owner.userId, { title: `Matrix set ${w.n}`, visibility: 'private' });
    const [card] = await repos(w).cardSets.findCards(set.id);
    const cardId = card!.id;
    return {
      url: url(set.id),
      body: { card: String(cardId), ...body },
      state: () => answersTo(w, cardId),
    };
  },
  /** Undo: the owner has just answered a card of their private set; only they can take it back. */
  undo: async (w: World, url: (setId: number) => string): Promise<Target> => {
    const set = await setBy(w.t, w.cast.owner.userId, { title: `Matrix set ${w.n}`, visibility: 'private' });
    const [card] = await repos(w).cardSets.findCards(set.id);
    const cardId = card!.id;
    await recordReview(
      w.t.container.ctx,
      { userId: w.cast.owner.userId, role: 'member' },
      { cardId, rating: 3 },
    );
    return {
      url: url(set.id),
      body: {},
      state: () => answersTo(w, cardId),
    };
  },
  studySettings: (w: World): Target => ({
    url: '/review/settings',
    body: { newCardsPerDay: '7' },
    state: async () => (await repos(w).study.findNewCardsPerDay(w.cast.owner.userId)) ?? 'default',
  }),
  /** An exam date on the owner's private set. */
  setExam: async (w: World): Promise<Target> => {
    const set = await setBy(w.t, w.cast.owner.userId, { title: `Matrix set ${w.n}`, visibility: 'private' });
    const date = new Date(now(w) + 30 * 86_400_000).toISOString().slice(0, 10);
    return {
      url: '/exams',
      body: { scope: `set:${set.id}`, date, targetPercent: '90', dailyCap: '50' },
      state: async () =>
        Number(
          (
            await db(w)
              .selectFrom('exam_dates')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('card_set_id', '=', set.id)
              .executeTakeFirstOrThrow()
          ).n,
        ),
    };
  },
  deleteExam: async (w: World): Promise<Target> => {
    const set = await publicSet(w);
    const id = await repos(w).examDates.insert({
      userId: w.cast.owner.userId,
      cardSetId: set.id,
      subjectId: null,
      examDate: now(w) + 30 * 86_400_000,
      targetRecall: 0.9,
      dailyCap: 50,
      now: now(w),
    });
    return {
      url: `/exams/${id}/delete`,
      state: async () => (await repos(w).examDates.findById(id)) !== undefined,
    };
  },
  /** One of the choices an exam's plan page offers, on the owner's exam. */
  examChoice: async (w: World, choice: 'new-cards' | 'target' | 'focus'): Promise<Target> => {
    const set = await publicSet(w);
    const id = await repos(w).examDates.insert({
      userId: w.cast.owner.userId,
      cardSetId: set.id,
      subjectId: null,
      examDate: now(w) + 30 * 86_400_000,
      targetRecall: 0.9,
      dailyCap: 50,
      now: now(w),
    });
    if (choice === 'focus') {
      const card = (await repos(w).cardSets.findCards(set.id))[0]!;
      // The owner has the set in a folder: its cards are the exam's.
      await ownersFolder(w, set.id);
      return {
        url: `/exams/${id}/focus`,
        body: { [`first-${card.id}`]: '1' },
        state: async () => [...(await repos(w).examDates.listFocus([id])).values()].flat(),
      };
    }
    return choice === 'new-cards'
      ? {
          url: `/exams/${id}/new-cards`,
          // Not the default 20, and within the 500 allowed (n counts the arrangements of both engines' runs).
          body: { newCardsPerDay: String(30 + (w.n % 400)) },
          state: async () => (await repos(w).study.findNewCardsPerDay(w.cast.owner.userId)) ?? 'default',
        }
      : {
          url: `/exams/${id}/target`,
          body: { targetPercent: '80' },
          state: async () => (await repos(w).examDates.findById(id))?.targetRecall,
        };
  },
  apiImportPreview: (): Target => ({
    url: '/api/v1/imports/preview',
    body: { text: 'alpha - first\nbeta - second', separator: 'dash' },
    state: async () => null,
  }),
  apiImport: (w: World): Target => ({
    url: '/api/v1/imports',
    body: {
      text: 'alpha - first\nbeta - second',
      separator: 'dash',
      title: `Matrix list ${w.n}`,
      subject: 'Greek',
    },
    state: () => countRows(w, 'card_sets'),
  }),
  preview: (): Target => ({
    url: '/api/v1/preview',
    body: { markdown: '**bold**' },
    state: async () => null,
  }),
};

// ---------------------------------------------------------------------------------------------------
// The matrix

const row = (
  method: Method,
  route: string,
  owner: string,
  [anonymous, member, ownerOutcome, moderator]: [Outcome, Outcome, Outcome, Outcome],
  arrange: (w: World) => Promise<Target> | Target,
): Row => ({
  method,
  route,
  owner,
  expect: { anonymous, member, owner: ownerOutcome, moderator },
  arrange: async (w) => arrange(w),
});

const COMMENT = { body: 'A comment' };

// prettier-ignore
const MATRIX: Row[] = [
  //                                                                       anonymous    another member  owner        moderator
  // Accounts
  row('POST', '/signup', '—',                                            ['done 303', 'done 303', 'done 303', 'done 303'], target.signUp),
  row('POST', '/login', 'the account',                                   ['done 303', 'done 303', 'done 303', 'done 303'], (w) => target.logIn(w, '/login')),
  row('POST', '/logout', 'the session',                                  ['noop 303', 'noop 303', 'done 303', 'noop 303'], (w) => target.logOut(w, '/logout')),
  row('POST', '/me/password', 'the account',                             ['login', '400', 'done 303', '400'], target.changePassword),
  row('POST', '/api/v1/session', 'the account',                          ['done 200', 'done 200', 'done 200', 'done 200'], (w) => target.logIn(w, '/api/v1/session')),
  row('DELETE', '/api/v1/session', 'the session',                        ['noop 204', 'noop 204', 'done 204', 'noop 204'], (w) => target.logOut(w, '/api/v1/session')),
  // Card sets
  row('POST', '/sets/new', '—',                                          ['login', 'done 303', 'done 303', 'done 303'], (w) => target.createSet(w, '/sets/new', editorForm())),
  row('POST', '/sets/:id/edit', 'the set’s author',                      ['login', '403', 'done 303', '403'], target.editSetPage),
  row('POST', '/sets/:id/delete', 'the set’s author',                    ['login', '403', 'done 303', '403'], (w) => target.deleteSet(w, (id) => `/sets/${id}/delete`)),
  row('POST', '/api/v1/sets', '—',                                       ['401', 'done 201', 'done 201', 'done 201'], (w) => target.createSet(w, '/api/v1/sets', apiSet)),
  row('PUT', '/api/v1/sets/:id', 'the set’s author',                     ['401', '403', 'done 200', '403'], target.editSetApi),
  row('DELETE', '/api/v1/sets/:id', 'the set’s author',                  ['401', '403', 'done 204', '403'], (w) => target.deleteSet(w, (id) => `/api/v1/sets/${id}`)),
  row('POST', '/api/v1/preview', '—',                                    ['noop 200', 'noop 200', 'noop 200', 'noop 200'], target.preview),
  row('POST', '/import', '—',                                            ['login', 'noop 200', 'noop 200', 'noop 200'], target.importPreview),
  row('POST', '/import/confirm', '—',                                    ['login', 'done 303', 'done 303', 'done 303'], target.importConfirm),
  row('POST', '/api/v1/imports/preview', '—',                            ['401', 'noop 200', 'noop 200', 'noop 200'], target.apiImportPreview),
  row('POST', '/api/v1/imports', '—',                                    ['401', 'done 201', 'done 201', 'done 201'], target.apiImport),
  // Comments
  row('POST', '/sets/:id/comments', 'the set’s author',                  ['login', 'done 303', 'done 303', 'done 303'], (w) => target.postComment(w, (id) => `/sets/${id}/comments`, COMMENT)),
  row('POST', '/comments/:id/reply', 'the comment’s author',             ['login', 'done 303', 'done 303', 'done 303'], (w) => target.reply(w, 'page')),
  row('POST', '/comments/:id/edit', 'the comment’s author',              ['login', '403', 'done 303', '403'], (w) => target.changeComment(w, (id) => `/comments/${id}/edit`, { body: 'Changed' })),
  row('POST', '/comments/:id/delete', 'the comment’s author',            ['login', '403', 'done 303', '403'], (w) => target.changeComment(w, (id) => `/comments/${id}/delete`)),
  row('POST', '/comments/:id/report', 'the comment’s author',            ['login', 'done 303', 'done 303', 'done 303'], (w) => target.reportComment(w, (id) => `/comments/${id}/report`)),
  row('POST', '/api/v1/sets/:id/comments', 'the set’s author',           ['401', 'done 201', 'done 201', 'done 201'], (w) => target.postComment(w, (id) => `/api/v1/sets/${id}/comments`, COMMENT)),
  row('POST', '/api/v1/sets/:id/comments', 'the comment’s author',       ['401', 'done 201', 'done 201', 'done 201'], (w) => target.reply(w, 'api')),
  row('PATCH', '/api/v1/comments/:id', 'the comment’s author',           ['401', '403', 'done 200', '403'], (w) => target.changeComment(w, (id) => `/api/v1/comments/${id}`, { body: 'Changed' })),
  row('DELETE', '/api/v1/comments/:id', 'the comment’s author',          ['401', '403', 'done 204', '403'], (w) => target.changeComment(w, (id) => `/api/v1/comments/${id}`)),
  row('POST', '/api/v1/comments/:id/reports', 'the comment’s author',    ['401', 'done 201', 'done 201', 'done 201'], (w) => target.reportComment(w, (id) => `/api/v1/comments/${id}/reports`)),
  // Ratings: the owner of a set may not rate it; removing a rating only ever removes your own
  row('POST', '/sets/:id/rating', 'the set’s author',                    ['login', 'done 303', '403', 'done 303'], (w) => target.rate(w, (id) => `/sets/${id}/rating`, { stars: '4' })),
  row('POST', '/sets/:id/rating/delete', 'the rater',                    ['login', 'noop 303', 'done 303', 'noop 303'], (w) => target.unrate(w, (id) => `/sets/${id}/rating/delete`)),
  row('PUT', '/api/v1/sets/:id/rating', 'the set’s author',              ['401', 'done 200', '403', 'done 200'], (w) => target.rate(w, (id) => `/api/v1/sets/${id}/rating`, { stars: 4 })),
  row('DELETE', '/api/v1/sets/:id/rating', 'the rater',                  ['401', 'noop 204', 'done 204', 'noop 204'], (w) => target.unrate(w, (id) => `/api/v1/sets/${id}/rating`)),
  // Folders: private to their owner, so everyone else is told they do not exist
  row('POST', '/me/folders', '—',                                        ['login', 'done 303', 'done 303', 'done 303'], (w) => target.createFolder(w, '/me/folders')),
  row('POST', '/me/folders/:id/rename', 'the folder’s owner',            ['login', '404', 'done 303', '404'], (w) => target.changeFolder(w, (id) => `/me/folders/${id}/rename`, { name: 'Renamed' })),
  row('POST', '/me/folders/:id/delete', 'the folder’s owner',            ['login', '404', 'done 303', '404'], (w) => target.changeFolder(w, (id) => `/me/folders/${id}/delete`)),
  row('POST', '/sets/:id/folders', 'the folder’s owner',                 ['login', '404', 'done 303', '404'], (w) => target.addToFolder(w, 'page')),
  row('POST', '/me/folders/:id/sets/:setId/remove', 'the folder’s owner', ['login', '404', 'done 303', '404'], (w) => target.removeFromFolder(w, (f, s) => `/me/folders/${f}/sets/${s}/remove`)),
  row('POST', '/api/v1/folders', '—',                                    ['401', 'done 201', 'done 201', 'done 201'], (w) => target.createFolder(w, '/api/v1/folders')),
  row('PATCH', '/api/v1/folders/:id', 'the folder’s owner',              ['401', '404', 'done 200', '404'], (w) => target.changeFolder(w, (id) => `/api/v1/folders/${id}`, { name: 'Renamed' })),
  row('DELETE', '/api/v1/folders/:id', 'the folder’s owner',             ['401', '404', 'done 204', '404'], (w) => target.changeFolder(w, (id) => `/api/v1/folders/${id}`)),
  row('PUT', '/api/v1/folders/:id/sets/:setId', 'the folder’s owner',    ['401', '404', 'done 204', '404'], (w) => target.addToFolder(w, 'api')),
  row('DELETE', '/api/v1/folders/:id/sets/:setId', 'the folder’s owner', ['401', '404', 'done 204', '404'], (w) => target.removeFromFolder(w, (f, s) => `/api/v1/folders/${f}/sets/${s}`)),
  // Study: answers go to the learner's own progress, on cards of sets they can see
  row('POST', '/api/v1/reviews', 'the private set’s author',             ['401', '404', 'done 201', 'done 201'], (w) => target.review(w, 'one')),
  row('POST', '/api/v1/reviews/merge', 'the private set’s author',       ['401', 'noop 200', 'done 200', 'done 200'], (w) => target.review(w, 'merge')),
  row('POST', '/sets/:id/study', 'the private set’s author',             ['404', '404', 'done 303', 'done 303'], (w) => target.studyPage(w, (id) => `/sets/${id}/study`, { rating: '3' })),
  row('POST', '/review', 'the private set’s author',                     ['login', '404', 'done 303', 'done 303'], (w) => target.studyPage(w, () => '/review', { rating: '3' })),
  row('POST', '/review/settings', 'the learner',                         ['login', 'noop 303', 'done 303', 'noop 303'], target.studySettings),
  // Marking a test or a timeline exercise: a set with too little for questions changes nothing
  row('POST', '/sets/:id/test', 'the private set’s author',              ['404', '404', 'noop 200', 'noop 200'], (w) => target.studyPage(w, (id) => `/sets/${id}/test`, { seed: '1', count: '5' })),
  row('POST', '/sets/:id/timeline', 'the private set’s author',          ['404', '404', 'noop 200', 'noop 200'], (w) => target.studyPage(w, (id) => `/sets/${id}/timeline`, { seed: '1' })),
  row('POST', '/exams', 'the private set’s author',                      ['login', '400', 'done 303', 'done 303'], target.setExam),
  row('POST', '/exams/:id/delete', 'the learner',                        ['login', '404', 'done 303', '404'], target.deleteExam),
  row('POST', '/exams/:id/new-cards', 'the learner',                     ['login', '404', 'done 303', '404'], (w) => target.examChoice(w, 'new-cards')),
  row('POST', '/exams/:id/target', 'the learner',                        ['login', '404', 'done 303', '404'], (w) => target.examChoice(w, 'target')),
  row('POST', '/exams/:id/focus', 'the learner',                         ['login', '404', 'done 303', '404'], (w) => target.examChoice(w, 'focus')),
  // Reports on sets
  row('POST', '/sets/:id/reports', 'the set’s author',                   ['login', 'done 303', 'done 303', 'done 303'], (w) => target.reportSet(w, (id) => `/sets/${id}/reports`)),
  row('POST', '/api/v1/sets/:id/reports', 'the set’s author',            ['401', 'done 201', 'done 201', 'done 201'], (w) => target.reportSet(w, (id) => `/api/v1/sets/${id}/reports`)),
  // Moderation: only moderators (and admins), never the author of what is moderated
  row('POST', '/moderation/comments/:id/hide', 'the comment’s author',   ['login', '403', '403', 'done 303'], (w) => target.moderateComment(w, (id) => `/moderation/comments/${id}/hide`, false)),
  row('POST', '/moderation/comments/:id/restore', 'the comment’s author', ['login', '403', '403', 'done 303'], (w) => target.moderateComment(w, (id) => `/moderation/comments/${id}/restore`, true)),
  row('POST', '/moderation/sets/:id/hide', 'the set’s author',           ['login', '403', '403', 'done 303'], (w) => target.moderateSet(w, (id) => `/moderation/sets/${id}/hide`, false)),
  row('POST', '/moderation/sets/:id/restore', 'the set’s author',        ['login', '403', '403', 'done 303'], (w) => target.moderateSet(w, (id) => `/moderation/sets/${id}/restore`, true)),
  row('POST', '/moderation/reports/:id/resolve', 'the reported set’s author', ['login', '403', '403', 'done 303'], (w) => target.resolveReport(w, (id) => `/moderation/reports/${id}/resolve`)),
  row('POST', '/api/v1/moderation/comments/:id/hide', 'the comment’s author', ['401', '403', '403', 'done 204'], (w) => target.moderateComment(w, (id) => `/api/v1/moderation/comments/${id}/hide`, false)),
  row('POST', '/api/v1/moderation/comments/:id/restore', 'the comment’s author', ['401', '403', '403', 'done 204'], (w) => target.moderateComment(w, (id) => `/api/v1/moderation/comments/${id}/restore`, true)),
  row('POST', '/api/v1/moderation/sets/:id/hide', 'the set’s author',    ['401', '403', '403', 'done 204'], (w) => target.moderateSet(w, (id) => `/api/v1/moderation/sets/${id}/hide`, false)),
  row('POST', '/api/v1/moderation/sets/:id/restore', 'the set’s author', ['401', '403', '403', 'done 204'], (w) => target.moderateSet(w, (id) => `/api/v1/moderation/sets/${id}/restore`, true)),
  row('POST', '/api/v1/moderation/reports/:id/resolve', 'the reported set’s author', ['401', '403', '403', 'done 204'], (w) => target.resolveReport(w, (id) => `/api/v1/moderation/reports/${id}/resolve`)),
  // Undo takes back only the learner's own last answer: anyone else has none to undo. Last: the answers
  // these rows leave behind would change the owner's exam plans above.
  row('POST', '/api/v1/reviews/undo', 'the learner',                     ['401', '404', 'done 200', '404'], (w) => target.undo(w, () => '/api/v1/reviews/undo')),
  row('POST', '/sets/:id/study/undo', 'the learner',                     ['login', 'noop 303', 'done 303', 'noop 303'], (w) => target.undo(w, (id) => `/sets/${id}/study/undo`)),
  row('POST', '/review/undo', 'the learner',                             ['login', 'noop 303', 'done 303', 'noop 303'], (w) => target.undo(w, () => '/review/undo')),
];

// ---------------------------------------------------------------------------------------------------
// The app's own list of routes

const UNSAFE: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every state-changing route the app registers, read from Fastify's route tree
 * (`printRoutes({ commonPrefix: false })`: one node per line, four characters of indent per level,
 * each node's path continuing its parent's, its methods in brackets).
 */
function registeredMutatingRoutes(app: FastifyInstance): string[] {
  const paths: string[] = [];
  const found: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([\s│├└─]*)([^\s│├└─]\S*)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    const path = (paths[depth - 2] ?? '') + match[2]!;
    paths[depth - 1] = path;
    for (const method of match[3]?.split(', ') ?? []) {
      if (!UNSAFE.includes(method)) continue;
      assert.ok(app.hasRoute({ method, url: path }), `the route table was read right: ${method} ${path}`);
      found.push(`${method} ${path}`);
    }
  }
  return [...new Set(found)].sort();
}

// ---------------------------------------------------------------------------------------------------
// Sending a request as an actor

async function csrfTokenOf(client: BrowserClient): Promise<string> {
  return (await client.get('/api/v1/session')).json<{ csrfToken: string }>().csrfToken;
}

interface Forgery {
  token?: string | undefined;
  headers?: Record<string, string>;
}

function send(client: BrowserClient, row: Row, target: Target, { token, headers = {} }: Forgery) {
  if (row.route.startsWith('/api/')) {
    return client.request({
      method: row.method,
      url: target.url,
      headers: {
        ...headers,
        ...(token === undefined ? {} : { 'x-csrf-token': token }),
        ...(target.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: target.body === undefined ? undefined : JSON.stringify(target.body),
    });
  }
  const form = new URLSearchParams();
  if (token !== undefined) form.append('_csrf', token);
  for (const [name, value] of Object.entries((target.body ?? {}) as Fields)) {
    for (const one of [value].flat()) form.append(name, one);
  }
  return client.request({
    method: row.method,
    url: target.url,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
}

function assertOutcome(response: LightMyRequestResponse, outcome: Outcome, what: string): void {
  const detail = `${what}: ${response.statusCode} ${String(response.headers.location ?? '')} ${response.body.slice(0, 300)}`;
  const location = String(response.headers.location ?? '');
  if (outcome === 'login') {
    assert.equal(response.statusCode, 303, detail);
    assert.match(location, /^\/login\?next=%2F/, detail);
    return;
  }
  const status = Number(outcome.replace(/^(?:done|noop) /, ''));
  assert.equal(response.statusCode, status, detail);
  if (status === 303) assert.doesNotMatch(location, /^\/login/, detail);
}

// ---------------------------------------------------------------------------------------------------

for (const factory of testDatabases()) {
  describe(`the authorisation matrix on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('has a row for every state-changing route the app registers, and none for routes it lacks', () => {
      const registered = registeredMutatingRoutes(t.app);
      assert.ok(registered.length >= 40, `read ${registered.length} mutating routes`);
      const covered = [...new Set(MATRIX.map((r) => `${r.method} ${r.route}`))].sort();
      assert.deepEqual(
        { missingFromMatrix: registered.filter((r) => !covered.includes(r)) },
        { missingFromMatrix: [] },
        'add a row to MATRIX for each of these routes',
      );
      assert.deepEqual(
        { notRegistered: covered.filter((r) => !registered.includes(r)) },
        { notRegistered: [] },
      );
    });

    for (const r of MATRIX) {
      const name = `${r.method} ${r.route} (owner: ${r.owner}): ${ACTORS.map((a) => `${a} → ${r.expect[a]}`).join(', ')}`;
      it(name, async () => {
        for (const actor of ACTORS) {
          const cast: Cast = {
            owner: await quickMember(t, 'Owner'),
            member: await quickMember(t, 'Other'),
            moderator: await quickMember(t, 'Moderator', 'moderator'),
          };
          const w: World = { t, cast, n: (unique += 1) };
          const tgt = await r.arrange(w);
          const client = actor === 'anonymous' ? new BrowserClient(t.app) : cast[actor].client;
          const token = await csrfTokenOf(client);
          const before = await tgt.state();
          const what = `${r.method} ${tgt.url} as ${actor}`;

          if (actor === 'owner' || actor === 'anonymous') {
            // Forged requests change nothing, with the owner's cookie or with none: 403 before anything.
            const forgeries: [string, Forgery][] = [
              ['without a CSRF token', { token: undefined }],
              ['from another site (Origin)', { token, headers: { origin: 'https://evil.example' } }],
              ['from another site (Sec-Fetch-Site)', { token, headers: { 'sec-fetch-site': 'cross-site' } }],
            ];
            for (const [how, forgery] of forgeries) {
              const response = await send(client, r, tgt, forgery);
              assert.equal(response.statusCode, 403, `${what} ${how}: ${response.body.slice(0, 200)}`);
              assert.deepEqual(await tgt.state(), before, `${what} ${how} changed nothing`);
            }
          }

          const outcome = r.expect[actor];
          assertOutcome(await send(client, r, tgt, { token }), outcome, what);
          const afterwards = await tgt.state();
          if (outcome.startsWith('done')) assert.notDeepEqual(afterwards, before, `${what} changed it`);
          else assert.deepEqual(afterwards, before, `${what} left it unchanged`);
        }
      });
    }

    // Logging out through the page is checked server-side in accounts.test.ts
    // ("logging out ends the session on the server, not just in the browser"); this is the API's.
    it('logging out through the API ends the session on the server: the old cookie is a visitor’s', async () => {
      const member = await quickMember(t, 'Leaver');
      const oldCookie = member.client.cookies.get('recall_session')!;
      const token = await csrfTokenOf(member.client);
      const out = await member.client.request({
        method: 'DELETE',
        url: '/api/v1/session',
        headers: { 'x-csrf-token': token },
      });
      assert.equal(out.statusCode, 204);
      const replay = new BrowserClient(t.app);
      replay.cookies.set('recall_session', oldCookie);
      assert.equal((await replay.get('/api/v1/session')).json<{ user: unknown }>().user, null);
      const write = await replay.api('POST', '/api/v1/folders', { name: 'After logging out' });
      assert.equal(write.statusCode, 401, 'the old cookie may not write');
      assert.equal((await replay.get('/me/folders')).statusCode, 303, 'pages send it to log in');
    });
  });
}
