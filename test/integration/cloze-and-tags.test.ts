/**
 * Cloze cards, reversed cards and tags as a product, on both engines: written in the editor (plain
 * forms), shown on the set page, studied deletion by deletion through the study forms, found by tag in
 * search and studied by tag, read and written through the API, and exported and imported as JSON
 * without loss.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { documentOfCardSet, OPERATOR } from '../../src/services/card-set-export.js';
import { importDocuments } from '../../src/services/file-import.js';
import { getCardSet } from '../../src/services/read-card-set.js';
import { CLI_IMPORT_AUTHOR } from '../../src/services/system-users.js';
import { jsonFormat } from '../../src/formats/json/json-format.js';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const text = (html: string) =>
  html
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const setForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  revision: '0',
  title: 'Capitals of the Commonwealth',
  subtitle: '',
  subject: 'Geography',
  topic: '',
  level: '',
  examBoard: '',
  visibility: 'public',
  tags: 'Capitals, geography',
  'cards[0][id]': '',
  'cards[0][title]': '',
  'cards[0][body]': '{{c1::Canberra::city}} is the capital of {{c2::Australia}}.',
  'cards[0][kind]': 'cloze',
  'cards[0][tags]': 'Oceania',
  'cards[1][id]': '',
  'cards[1][title]': 'Ottawa',
  'cards[1][body]': 'The capital of Canada',
  'cards[1][kind]': 'basic',
  'cards[1][reversible]': '1',
  'cards[1][tags]': '',
  'cards[2][id]': '',
  'cards[2][title]': 'Wellington',
  'cards[2][body]': 'The capital of New Zealand',
  'cards[2][kind]': 'basic',
  'cards[2][tags]': 'oceania',
  action: 'save',
  ...overrides,
});

const idFromLocation = (location: unknown) => Number(/^\/sets\/(\d+)\//.exec(String(location))?.[1]);

for (const factory of testDatabases()) {
  describe(`cloze cards, reversed cards and tags on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    let setId: number;
    let setPath: string;

    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      author = await quickMember(t, 'Author');
      const created = await author.client.submit('/sets/new', setForm());
      assert.equal(created.statusCode, 303, created.body.slice(0, 2000));
      setPath = String(created.headers.location);
      setId = idFromLocation(setPath);
    });
    after(async () => {
      await t?.close();
    });

    it('saves kinds, “also study reversed” and tags from the editor’s plain form', async () => {
      const set = await getCardSet(t.container.ctx, OPERATOR, setId);
      assert.deepEqual(set.tags, ['Capitals', 'geography']);
      assert.deepEqual(
        set.cards.map(({ kind, reversible, tags }) => ({ kind, reversible, tags })),
        [
          { kind: 'cloze', reversible: false, tags: ['Oceania'] },
          { kind: 'basic', reversible: true, tags: [] },
          { kind: 'basic', reversible: false, tags: ['oceania'] },
        ],
      );
      const items = await t.container.database.db
        .selectFrom('cards')
        .select(['position', 'item_count as items'])
        .where('card_set_id', '=', setId)
        .orderBy('position')
        .execute();
      assert.deepEqual(
        items.map((row) => Number(row.items)),
        [2, 2, 1],
      );
    });

    it('shows deletions marked, reversed cards and tags linking to a search on the set page', async () => {
      const page = (await author.client.get(setPath)).body;
      assert.match(
        page,
        /<mark class="cloze" data-cloze="1" title="Hint: city">Canberra<\/mark> is the capital of <mark class="cloze" data-cloze="2">Australia<\/mark>/,
      );
      assert.ok(!page.includes('{{c1::'), 'no raw cloze syntax');
      assert.match(text(page), /Cloze card: 2 deletions, each studied on its own/);
      assert.match(text(page), /Studied both ways/);
      assert.match(page, /<a class="tag" href="\/search\?tag=Capitals">Capitals<\/a>/);
      assert.match(page, /<a class="tag" href="\/search\?tag=Oceania">Oceania<\/a>/);
      const print = (await author.client.get(`/sets/${setId}/print`)).body;
      assert.match(print, /<mark class="cloze" data-cloze="2">Australia<\/mark>/);
    });

    it('fills the edit form back, and saves changed kinds and tags', async () => {
      const edit = (await author.client.get(`/sets/${setId}/edit`)).body;
      assert.match(edit, /name="tags" value="Capitals, geography"/);
      assert.match(edit, /<option value="cloze" selected>/);
      assert.match(edit, /name="cards\[1\]\[reversible\]" value="1" checked/);
      assert.match(edit, /name="cards\[0\]\[tags\]" value="Oceania"/);
      const ids = [...edit.matchAll(/name="cards\[\d\]\[id\]" value="(\d+)"/g)].map((m) => m[1]!);
      const revision = /name="revision" value="(\d+)"/.exec(edit)![1]!;
      const saved = await author.client.submit(
        `/sets/${setId}/edit`,
        setForm({
          revision,
          tags: 'geography',
          'cards[0][id]': ids[0]!,
          'cards[1][id]': ids[1]!,
          'cards[2][id]': ids[2]!,
          'cards[1][reversible]': '0',
          'cards[2][tags]': 'Oceania, islands',
        }),
        `/sets/${setId}/edit`,
      );
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
      const set = await getCardSet(t.container.ctx, OPERATOR, setId);
      assert.deepEqual(set.tags, ['geography']);
      assert.equal(set.cards[1]!.reversible, false);
      assert.deepEqual(set.cards[2]!.tags, ['Oceania', 'islands']);
      const history = (await author.client.get(`/sets/${setId}/history`)).body;
      assert.match(text(history), /Changed the tags; edited cards 2, 3/);
    });

    it('refuses a cloze card without a deletion, with the message on its body and the input kept', async () => {
      const response = await author.client.submit(
        '/sets/new',
        setForm({ 'cards[0][body]': 'Canberra is the capital of {{c1:Australia}}' }),
      );
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /id="field-cards-0--body-error"/);
      assert.match(text(response.body), /A cloze card needs at least one deletion/);
      assert.match(response.body, /Canberra is the capital of \{\{c1:Australia\}\}<\/textarea>/);
      const reversed = await author.client.submit(
        '/sets/new',
        setForm({ 'cards[1][title]': '', 'cards[1][reversible]': '1' }),
      );
      assert.equal(reversed.statusCode, 400);
      assert.match(reversed.body, /id="field-cards-1--title-error"/);
    });

    it('studies each deletion through the forms: a gap with its hint, then the answer, then the next deletion', async () => {
      const learner = await quickMember(t, 'Learner');
      const clozeId = (await t.container.ctx.repos.cardSets.findCards(setId))[0]!.id;
      const first = (await learner.client.get(`/sets/${setId}/study`)).body;
      assert.match(first, new RegExp(`name="card" value="${clozeId}.1"`));
      assert.match(text(first), /Card 1, deletion 1 of 3/);
      assert.match(text(first), /\[city\] is the capital of Australia\./);
      const revealed = (await learner.client.get(`/sets/${setId}/study?card=${clozeId}.1&reveal=1`)).body;
      assert.match(revealed, /<mark class="cloze cloze-answer" data-cloze="1">Canberra<\/mark>/);
      const rated = await learner.client.submit(
        `/sets/${setId}/study`,
        { card: `${clozeId}.1`, rating: '3', shownAt: String(t.clock.now().getTime()) },
        `/sets/${setId}/study?card=${clozeId}.1&reveal=1`,
      );
      assert.equal(rated.statusCode, 303);
      const next = (await learner.client.get(String(rated.headers.location))).body;
      const current =
        /<li class="study-card"[^>]*data-card-id="(\d+)"[^>]*data-variant="(\d+)"(?! hidden)/.exec(next);
      assert.deepEqual([Number(current?.[1]), Number(current?.[2])], [clozeId, 2]);
      assert.match(text(next), /Canberra is the capital of \[…\] ?\./);
      const states = await t.container.database.db
        .selectFrom('study_states')
        .select(['card_id as cardId', 'variant', 'phase'])
        .where('user_id', '=', learner.userId)
        .execute();
      assert.deepEqual(
        states.map((row) => [row.cardId, row.variant, row.phase]),
        [[clozeId, 1, 'learning']],
      );
    });

    it('studies only a tag’s cards, keeping the tag across answers', async () => {
      const learner = await quickMember(t, 'Tagged');
      const cards = await t.container.ctx.repos.cardSets.findCards(setId);
      const page = (await learner.client.get(`/sets/${setId}/study?tag=OCEANIA`)).body;
      const shown = [...page.matchAll(/data-card-id="(\d+)" data-set-id="\d+" data-variant="(\d+)"/g)].map(
        (m) => `${m[1]}.${m[2]}`,
      );
      assert.deepEqual(shown, [`${cards[0]!.id}.1`, `${cards[0]!.id}.2`, `${cards[2]!.id}.0`]);
      assert.match(text(page), /Only cards tagged OCEANIA/);
      assert.match(text(page), /Card 3 of 3/);
      assert.match(page, /<input type="hidden" name="tag" value="OCEANIA"\/>/);
      const rated = await learner.client.submit(
        `/sets/${setId}/study`,
        { card: `${cards[2]!.id}`, rating: '3', tag: 'OCEANIA', shownAt: String(t.clock.now().getTime()) },
        `/sets/${setId}/study?tag=OCEANIA`,
      );
      assert.equal(rated.headers.location, `/sets/${setId}/study?tag=OCEANIA&undo=1`);
      // A tag the set itself carries applies to all its cards: both deletions and card 2 (no longer
      // reversed) are new; card 3, just answered, is not due.
      const all = (await learner.client.get(`/sets/${setId}/study?tag=geography`)).body;
      assert.equal([...all.matchAll(/data-study-card/g)].length, 3);
    });

    it('finds sets by tag alone or with words, on the set or on a card, whatever the case', async () => {
      const other = await quickMember(t, 'Other');
      const hidden = await other.client.submit(
        '/sets/new',
        setForm({ title: 'My private capitals', visibility: 'private', tags: 'geography' }),
      );
      assert.equal(hidden.statusCode, 303);
      const visitor = (await t.app.inject({ url: '/search?tag=GEOGRAPHY' })).body;
      assert.match(text(visitor), /Card sets tagged “GEOGRAPHY”/);
      assert.match(visitor, /Capitals of the Commonwealth/);
      assert.ok(!visitor.includes('My private capitals'), 'private sets stay private');
      const own = (await other.client.get('/search?tag=geography')).body;
      assert.match(own, /My private capitals/);
      const byCardTag = (await t.app.inject({ url: '/search?tag=islands' })).body;
      assert.match(byCardTag, /Capitals of the Commonwealth/);
      const withWords = (await t.app.inject({ url: '/search?q=canberra&tag=islands' })).body;
      assert.match(withWords, /Capitals of the Commonwealth/);
      const noMatch = (await t.app.inject({ url: '/search?q=canberra&tag=europe' })).body;
      assert.match(text(noMatch), /No card sets match “canberra” tagged “europe”/);
      const api = await t.app.inject({ url: '/api/v1/search?tag=Oceania' });
      assert.equal(api.statusCode, 200, api.body);
      assert.deepEqual(
        api.json<{ results: { set: { id: number } }[] }>().results.map((r) => r.set.id),
        [setId],
      );
      assert.equal((await t.app.inject({ url: `/api/v1/search?tag=${'x'.repeat(101)}` })).statusCode, 400);
    });

    it('searches a cloze card’s words, not its braces, and names the card with a plain snippet', async () => {
      const found = await t.app.inject({ url: '/api/v1/search?q=canberra' });
      const result = found.json<{
        results: { set: { id: number }; card: { position: number }; snippet: string }[];
      }>().results[0];
      assert.equal(result?.set.id, setId);
      assert.equal(result?.card.position, 1);
      // PostgreSQL's ts_headline leaves out the final full stop.
      assert.match(result?.snippet ?? '', /^Canberra is the capital of Australia\.?$/);
      const braces = await t.app.inject({ url: '/api/v1/search?q=c1' });
      assert.deepEqual(braces.json<{ results: unknown[] }>().results, []);
      const hint = await t.app.inject({ url: '/api/v1/search?q=city' });
      assert.deepEqual(hint.json<{ results: unknown[] }>().results, [], 'hints are not the card’s text');
    });

    it('reads and writes kinds, reversibility and tags through the API', async () => {
      const created = await author.client.api('POST', '/api/v1/sets', {
        title: 'Cells',
        subtitle: null,
        subject: 'Biology',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        tags: ['biology'],
        cards: [
          { title: null, body: 'The {{c1::mitochondria}} release energy', kind: 'cloze', tags: ['cells'] },
          { title: 'Osmosis', body: 'Water crossing a membrane', reversible: true },
        ],
      });
      assert.equal(created.statusCode, 201, created.body);
      const set = created.json<{
        id: number;
        tags: string[];
        cards: { kind: string; reversible: boolean; tags: string[] }[];
      }>();
      assert.deepEqual(set.tags, ['biology']);
      assert.deepEqual(
        set.cards.map(({ kind, reversible, tags }) => ({ kind, reversible, tags })),
        [
          { kind: 'cloze', reversible: false, tags: ['cells'] },
          { kind: 'basic', reversible: true, tags: [] },
        ],
      );
      const editable = (await author.client.api('GET', `/api/v1/sets/${set.id}/edit`)).json<{
        revision: number;
        tags: string[];
        cards: { id: number; title: string | null; body: string; kind: string; tags: string[] }[];
      }>();
      assert.deepEqual(editable.tags, ['biology']);
      assert.equal(editable.cards[0]!.kind, 'cloze');
      // Left out, kind and tags stay as they were; given, they change.
      const replaced = await author.client.api('PUT', `/api/v1/sets/${set.id}`, {
        title: 'Cells',
        subtitle: null,
        subject: 'Biology',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        revision: editable.revision,
        cards: [
          { id: editable.cards[0]!.id, title: null, body: 'The {{c1::nucleus}} holds the DNA' },
          { id: editable.cards[1]!.id, title: 'Osmosis', body: 'Water', reversible: false, tags: ['water'] },
        ],
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      const after = replaced.json<typeof set>();
      assert.deepEqual(after.tags, ['biology']);
      assert.deepEqual(
        after.cards.map(({ kind, reversible, tags }) => ({ kind, reversible, tags })),
        [
          { kind: 'cloze', reversible: false, tags: ['cells'] },
          { kind: 'basic', reversible: false, tags: ['water'] },
        ],
      );
      const bad = await author.client.api('PUT', `/api/v1/sets/${set.id}`, {
        title: 'Cells',
        subtitle: null,
        subject: 'Biology',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        revision: editable.revision + 1,
        cards: [{ id: editable.cards[0]!.id, title: null, body: 'No deletion left' }],
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json<{ errors: { field: string }[] }>().errors[0]!.field, 'cards[0].body');
    });

    it('exports a set as Recall JSON and imports it back without loss', async () => {
      const exported = await t.app.inject({ url: `/sets/${setId}/export/json` });
      assert.equal(exported.statusCode, 200);
      const [document] = jsonFormat.read(exported.rawPayload);
      const [imported] = await importDocuments(t.container.ctx, CLI_IMPORT_AUTHOR, [document!], {
        visibility: 'public',
      });
      const original = documentOfCardSet(await getCardSet(t.container.ctx, OPERATOR, setId));
      const copy = documentOfCardSet(await getCardSet(t.container.ctx, OPERATOR, imported!.id));
      assert.deepEqual(copy, original);
      assert.equal(copy.cards[0]!.kind, 'cloze');
      assert.deepEqual(copy.tags, ['geography']);
    });
  });
}
