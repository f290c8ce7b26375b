/**
 * Private stays private: subject and topic names used only by private, unlisted, hidden or deleted sets
 * appear on no public list (home, subject and topic pages, search's filter, the editor's suggestions, the
 * JSON API, exam choices), so a member cannot put text on the home page by naming a private set's subject;
 * the counts shown are the sets a visitor may open. An exam on a set that has since become private or
 * hidden says the set is no longer available instead of showing its current title.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../src/domain/viewer.js';
import { createCardSet, deleteCardSet, type CardSetEdit } from '../../src/services/card-set-editing.js';
import { listExamScopeChoices, saveExam } from '../../src/services/study/exams.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const edit = (fields: Partial<CardSetEdit>): CardSetEdit => ({
  title: 'A set',
  subtitle: null,
  subject: 'History',
  topic: null,
  level: null,
  examBoard: null,
  visibility: 'public',
  cards: [{ id: null, title: 'Card', body: 'A body' }],
  ...fields,
});

/** Names that only sets a visitor may not open use. */
const SECRET = {
  privateSubject: 'Visit evil example now',
  privateTopic: 'Private topic in history',
  unlistedSubject: 'Unlisted only subject',
  hiddenSubject: 'Hidden only subject',
  deletedSubject: 'Deleted only subject',
};
const SECRET_SLUGS = [
  '/subjects/visit-evil-example-now',
  '/subjects/unlisted-only-subject',
  '/subjects/hidden-only-subject',
  '/subjects/deleted-only-subject',
  '/subjects/history/private-topic-in-history',
];

for (const factory of testDatabases()) {
  describe(`private stays private on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    let other: TestMember;
    let authorActor: Actor;
    before(async () => {
      t = await createTestApp(factory);
      author = await quickMember(t, 'Author');
      other = await quickMember(t, 'Other');
      authorActor = { userId: author.userId, role: 'member' };
      const ctx = t.container.ctx;
      await createCardSet(ctx, authorActor, edit({ subject: SECRET.privateSubject, visibility: 'private' }));
      await createCardSet(ctx, authorActor, edit({ topic: SECRET.privateTopic, visibility: 'private' }));
      await createCardSet(
        ctx,
        authorActor,
        edit({ subject: SECRET.unlistedSubject, visibility: 'unlisted' }),
      );
      const hidden = await createCardSet(ctx, authorActor, edit({ subject: SECRET.hiddenSubject }));
      await ctx.repos.cardSets.setStatus(hidden.id, 'hidden');
      const deleted = await createCardSet(ctx, authorActor, edit({ subject: SECRET.deletedSubject }));
      await deleteCardSet(ctx, authorActor, deleted.id);
    });
    after(async () => {
      await t?.close();
    });

    const leaks = (html: string) => Object.values(SECRET).filter((name) => html.includes(name));

    it('lists on the home page only subjects with sets a visitor may open, with their true counts', async () => {
      const home = await t.app.inject({ method: 'GET', url: '/' });
      assert.equal(home.statusCode, 200);
      assert.deepEqual(leaks(home.body), []);
      const shown = [
        ...home.body.matchAll(
          /<a href="\/subjects\/([^"/]+)">[^<]*<\/a> <span class="count">(\d+) sets?<\/span>/g,
        ),
      ].map((match) => [match[1], Number(match[2])]);
      assert.ok(shown.length > 0, home.body);
      // What a visitor can really open, subject by subject, through the public listing.
      for (const [slug, count] of shown) {
        const listed = await t.app.inject({ method: 'GET', url: `/api/v1/sets?subject=${slug}&limit=100` });
        assert.equal(listed.json<{ items: unknown[] }>().items.length, count, String(slug));
      }
    });

    it('answers 404 for subject and topic pages that only private, unlisted, hidden or deleted sets use', async () => {
      for (const url of SECRET_SLUGS) {
        const page = await t.app.inject({ method: 'GET', url });
        assert.equal(page.statusCode, 404, url);
        assert.deepEqual(leaks(page.body), [], url);
      }
      const history = await t.app.inject({ method: 'GET', url: '/subjects/history' });
      assert.equal(history.statusCode, 200);
      assert.deepEqual(leaks(history.body), []);
      const topics = [
        ...history.body.matchAll(
          /<a href="\/subjects\/history\/([^"/]+)">[^<]*<\/a> <span class="count">(\d+) sets?<\/span>/g,
        ),
      ].map((match) => [match[1]!, Number(match[2])] as const);
      assert.ok(topics.length > 0, history.body);
      for (const [slug, count] of topics) {
        const listed = await t.app.inject({
          method: 'GET',
          url: `/api/v1/sets?subject=history&topic=${slug}&limit=100`,
        });
        assert.equal(listed.json<{ items: unknown[] }>().items.length, count, slug);
      }
    });

    it('leaves them out of the search filter, the editor suggestions, the API and exam choices', async () => {
      const search = await t.app.inject({ method: 'GET', url: '/search?q=set' });
      assert.equal(search.statusCode, 200);
      assert.deepEqual(leaks(search.body), []);
      const editor = await other.client.get('/sets/new');
      assert.equal(editor.statusCode, 200);
      assert.deepEqual(leaks(editor.body), []);
      for (const subject of [SECRET.privateSubject, SECRET.unlistedSubject, SECRET.hiddenSubject]) {
        const listed = await t.app.inject({
          method: 'GET',
          url: `/api/v1/sets?subject=${encodeURIComponent(subject)}`,
        });
        assert.deepEqual(listed.json(), { items: [], nextCursor: null });
      }
      const exams = await other.client.get('/exams');
      assert.deepEqual(leaks(exams.body), []);
      // Once the author studies their own private set (here: an exam on it), its subject is theirs to choose.
      const [privateSet] = await t.container.ctx.repos.cardSets
        .listByAuthor(author.userId, {
          includeUnlisted: true,
          limit: 100,
        })
        .then((rows) => rows.filter((row) => row.subjectName === SECRET.privateSubject));
      await saveExam(t.container.ctx, authorActor, {
        scope: `set:${privateSet!.id}`,
        date: '2026-12-20',
        targetPercent: '',
        dailyCap: '',
      });
      const own = await author.client.get('/exams');
      assert.ok(own.body.includes(`${SECRET.privateSubject}</option>`), own.body);
      assert.deepEqual(leaks((await other.client.get('/exams')).body), []);
    });

    it('shows an exam on a set made private or hidden since as no longer available, and plans around it', async () => {
      const ctx = t.container.ctx;
      const learner = await quickMember(t, 'Learner');
      const learnerActor: Actor = { userId: learner.userId, role: 'member' };
      const toPrivate = await createCardSet(ctx, authorActor, edit({ title: 'Soon private: the Tudors' }));
      const toHide = await createCardSet(ctx, authorActor, edit({ title: 'Soon hidden: the Stuarts' }));
      const exams = [];
      for (const set of [toPrivate, toHide]) {
        exams.push(
          await saveExam(ctx, learnerActor, {
            scope: `set:${set.id}`,
            date: '2026-12-20',
            targetPercent: '',
            dailyCap: '',
          }),
        );
      }
      const listed = await learner.client.get('/exams');
      assert.ok(listed.body.includes('Soon private: the Tudors'));
      // An exam on the whole subject plans the learner's sets of it: both, for now.
      const { subjects } = await listExamScopeChoices(ctx, learnerActor);
      const history = subjects.find((subject) => subject.name === 'History');
      const subjectExam = await saveExam(ctx, learnerActor, {
        scope: `subject:${history!.id}`,
        date: '2026-12-20',
        targetPercent: '',
        dailyCap: '',
      });
      const subjectPlan = await learner.client.get(`/exams/${subjectExam}`);
      assert.ok(subjectPlan.body.includes('Soon private: the Tudors'), subjectPlan.body);
      assert.ok(subjectPlan.body.includes('Soon hidden: the Stuarts'), subjectPlan.body);

      const editable = await author.client.api('GET', `/api/v1/sets/${toPrivate.id}/edit`);
      const { revision, cards } = editable.json<{
        revision: number;
        cards: { id: number; body: string }[];
      }>();
      const madePrivate = await author.client.api('PUT', `/api/v1/sets/${toPrivate.id}`, {
        ...edit({ title: 'Now private: renamed by its author', visibility: 'private' }),
        revision,
        cards: cards.map((card) => ({ id: card.id, title: null, body: card.body })),
      });
      assert.equal(madePrivate.statusCode, 200, madePrivate.body);
      await ctx.repos.cardSets.setStatus(toHide.id, 'hidden');

      const page = await learner.client.get('/exams');
      assert.equal(page.statusCode, 200);
      for (const title of ['Soon private', 'Now private', 'Soon hidden']) {
        assert.equal(page.body.includes(title), false, title);
      }
      assert.equal(page.body.match(/>This set is no longer available<\/a>/g)?.length, 2);
      for (const id of exams) {
        const plan = await learner.client.get(`/exams/${id}`);
        assert.equal(plan.statusCode, 200);
        assert.match(plan.body, /This set is no longer available: its author has made it private/);
        assert.equal(plan.body.includes('Now private'), false);
        const focus = await learner.client.get(`/exams/${id}/focus`);
        assert.equal(focus.statusCode, 200);
        assert.equal(focus.body.includes('Now private'), false);
        assert.equal(focus.body.includes('Soon hidden'), false);
      }
      const afterwards = await learner.client.get(`/exams/${subjectExam}`);
      assert.equal(afterwards.statusCode, 200);
      for (const title of ['Soon private', 'Now private', 'Soon hidden']) {
        assert.equal(afterwards.body.includes(title), false, title);
      }
      const review = await learner.client.get('/review');
      assert.equal(review.statusCode, 200);
      assert.equal(review.body.includes('Now private'), false);
      // The author still sees their own set's title on an exam of theirs.
      await saveExam(ctx, authorActor, {
        scope: `set:${toPrivate.id}`,
        date: '2026-12-20',
        targetPercent: '',
        dailyCap: '',
      });
      assert.ok((await author.client.get('/exams')).body.includes('Now private: renamed by its author'));
    });

    it('drops an exam on a set deleted since: its page is gone and its title shown nowhere', async () => {
      const ctx = t.container.ctx;
      const learner = await quickMember(t, 'Deleted exam learner');
      const learnerActor: Actor = { userId: learner.userId, role: 'member' };
      const doomed = await createCardSet(ctx, authorActor, edit({ title: 'Soon deleted: the Hanoverians' }));
      const exam = await saveExam(ctx, learnerActor, {
        scope: `set:${doomed.id}`,
        date: '2026-12-20',
        targetPercent: '',
        dailyCap: '',
      });
      assert.ok((await learner.client.get('/exams')).body.includes('Soon deleted: the Hanoverians'));
      await deleteCardSet(ctx, authorActor, doomed.id);
      const page = await learner.client.get('/exams');
      assert.equal(page.statusCode, 200);
      assert.equal(page.body.includes('Soon deleted'), false);
      assert.equal((await learner.client.get(`/exams/${exam}`)).statusCode, 404);
    });
  });
}
