/**
 * Work derived from a set's content — its cards as HTML, its timeline, the study context self-tests are made
 * from, its words for similar sets — is done once per revision and reused by every later request (signed-in
 * readers included, whom the visitor page cache does not serve), then done again after an edit, which shows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../helpers/databases.js';
import { quickMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const setBody = (cards: { id?: number | null; title: string; body: string }[]) => ({
  title: 'The Weimar years',
  subtitle: null,
  subject: 'History',
  topic: 'Germany',
  level: null,
  examBoard: null,
  visibility: 'public',
  cards,
});

const missesOf = (t: TestApp) => {
  const { cardHtml, timelines, studyContexts, termCounts } = t.container.ctx.derived;
  return {
    cardHtml: cardHtml.stats.misses,
    timeline: timelines.stats.misses,
    studyContext: studyContexts.stats.misses,
    terms: termCounts.stats.misses,
  };
};

const grew = (t: TestApp, before: ReturnType<typeof missesOf>) => {
  const now = missesOf(t);
  return Object.fromEntries(
    Object.entries(now).map(([key, value]) => [key, value - before[key as keyof typeof now]]),
  );
};

for (const factory of testDatabases()) {
  describe(`derived work kept per set revision on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('renders the page, timeline and test material once per revision, and again after an edit', async () => {
      const author = await quickMember(t, 'Author');
      const reader = await quickMember(t, 'Reader');
      const created = await author.client.api(
        'POST',
        '/api/v1/sets',
        setBody([
          { title: 'Hyperinflation', body: 'In **1923** a loaf of bread cost 200 billion marks.' },
          { title: 'Munich Putsch', body: 'In November 1923 Hitler tried to seize power in Munich.' },
          { title: 'Dawes Plan', body: 'In 1924 the Dawes Plan eased reparations.' },
        ]),
      );
      assert.equal(created.statusCode, 201, created.body);
      const { id, links } = created.json<{ id: number; links: { html: string } }>();

      const start = missesOf(t);
      for (let round = 0; round < 3; round++) {
        const page = await reader.client.get(links.html);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /<strong>1923<\/strong>/);
        assert.equal((await reader.client.get(`/sets/${id}/timeline`)).statusCode, 200);
        assert.equal((await reader.client.get(`/sets/${id}/test`)).statusCode, 200);
      }
      assert.deepEqual(grew(t, start), { cardHtml: 1, timeline: 1, studyContext: 1, terms: 1 });

      const stored = await author.client.api('GET', `/api/v1/sets/${id}/edit`);
      const { revision, cards } = stored.json<{ revision: number; cards: { id: number }[] }>();
      const edited = await author.client.api('PUT', `/api/v1/sets/${id}`, {
        ...setBody([
          {
            id: cards[0]!.id,
            title: 'Hyperinflation',
            body: 'By *November 1923* a loaf cost 200 billion marks.',
          },
          {
            id: cards[1]!.id,
            title: 'Munich Putsch',
            body: 'In November 1923 Hitler tried to seize power in Munich.',
          },
          { id: cards[2]!.id, title: 'Dawes Plan', body: 'In 1924 the Dawes Plan eased reparations.' },
        ]),
        revision,
      });
      assert.equal(edited.statusCode, 200, edited.body);

      const afterEdit = missesOf(t);
      const page = await reader.client.get(links.html);
      assert.match(page.body, /<em>November 1923<\/em>/, 'the edit shows at once');
      assert.doesNotMatch(page.body, /<strong>1923<\/strong>/);
      const timeline = await reader.client.get(`/sets/${id}/timeline`);
      assert.match(timeline.body, /By November 1923 a loaf cost/);
      await reader.client.get(`/sets/${id}/test`);
      await reader.client.get(links.html);
      assert.deepEqual(grew(t, afterEdit), { cardHtml: 1, timeline: 1, studyContext: 1, terms: 1 });
    });
  });
}
