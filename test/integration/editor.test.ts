import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setRole } from '../../src/services/auth/accounts.js';
import { BrowserClient, signedUpClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { seedText } from '../helpers/fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const setForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  revision: '0',
  title: 'Cold War crises',
  subtitle: 'Berlin, Cuba, détente',
  subject: 'History',
  topic: 'Cold War',
  level: 'GCSE',
  examBoard: 'OCR',
  visibility: 'private',
  'cards[0][id]': '',
  'cards[0][title]': 'Berlin Blockade',
  'cards[0][body]': '- 1948-49\n- Airlift',
  'cards[1][id]': '',
  'cards[1][title]': 'Cuban Missile Crisis',
  'cards[1][body]': 'October 1962',
  'cards[2][id]': '',
  'cards[2][title]': 'Détente',
  'cards[2][body]': 'SALT I, 1972',
  action: 'save',
  ...overrides,
});

const idFromLocation = (location: unknown) => Number(/^\/sets\/(\d+)\//.exec(String(location))?.[1]);

for (const factory of testDatabases()) {
  describe(`the card-set editor on ${factory.dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
    });
    after(async () => {
      await t?.close();
    });

    it('sends visitors to log in first, and back afterwards', async () => {
      const response = await new BrowserClient(t.app).get('/sets/new');
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/login?next=%2Fsets%2Fnew');
    });

    it('previews the set as visitors will see it above the form, saving nothing and escaping what was typed', async () => {
      const { client } = await signedUpClient(t.app, 'Previewer');
      const before = await t.container.database.db.selectFrom('card_sets').select('id').execute();
      const page = await client.submit(
        '/sets/new',
        setForm({ action: 'preview', 'cards[1][title]': '<img src=x onerror=alert(1)>' }),
      );
      assert.equal(page.statusCode, 200);
      const preview = page.body.slice(
        page.body.indexOf('id="preview"'),
        page.body.indexOf('id="editor-form"'),
      );
      assert.match(preview, /<h1 class="editor-preview-title">Cold War crises<\/h1>/);
      assert.match(preview, /<h3 class="card-title">Berlin Blockade<\/h3><div class="card-body"><ul>/);
      assert.match(preview, /<h3 class="card-title">&lt;img src=x onerror=alert\(1\)>/);
      assert.doesNotMatch(page.body, /<img src=x/);
      assert.match(preview, /3 of 3/);
      assert.match(preview, /a draft: only you will see it/);
      // The form below keeps every field, and the Preview button brings the page back to the preview.
      assert.match(page.body, /name="cards\[2\]\[title\]" value="Détente"/);
      assert.match(page.body, /formaction="\/sets\/new#preview"/);
      const after = await t.container.database.db.selectFrom('card_sets').select('id').execute();
      assert.equal(after.length, before.length, 'nothing saved');
    });

    it('creates a private draft, then publishes it', async () => {
      const { client } = await signedUpClient(t.app, 'Author');
      const created = await client.submit('/sets/new', setForm());
      assert.equal(created.statusCode, 303);
      const id = idFromLocation(created.headers.location);
      const page = await client.get(created.headers.location as string);
      assert.match(page.body, /Saved as a draft: only you can see it\./);
      assert.match(page.body, /Private: only you can see this set/);
      assert.equal(page.body.match(/ of 3</g)?.length, 3);
      assert.equal((await new BrowserClient(t.app).get(`/sets/${id}`)).statusCode, 404, 'hidden from others');

      const edit = await client.get(`/sets/${id}/edit`);
      assert.equal(edit.statusCode, 200);
      // A draft's main button says so, with Publish beside it.
      assert.match(edit.body, /data-save-button="true">Save as draft<\/button>/);
      assert.match(
        edit.body,
        /<button type="submit" name="action" value="publish" class="button button-secondary" data-publish-button="true">/,
      );
      const revision = /name="revision" value="(\d+)"/.exec(edit.body)?.[1];
      const cardIds = [...edit.body.matchAll(/name="cards\[\d\]\[id\]" value="(\d+)"/g)].map((m) => m[1]!);
      assert.equal(cardIds.length, 3);
      const published = await client.submit(
        `/sets/${id}/edit`,
        setForm({
          revision: revision!,
          'cards[0][id]': cardIds[0]!,
          'cards[1][id]': cardIds[1]!,
          'cards[2][id]': cardIds[2]!,
          action: 'publish',
        }),
        `/sets/${id}/edit`,
      );
      assert.equal(published.statusCode, 303);
      const listing = await new BrowserClient(t.app).get('/subjects/history/cold-war');
      assert.match(listing.body, /Cold War crises/);
    });

    it('re-renders the form with the input kept and a message per field', async () => {
      const { client } = await signedUpClient(t.app, 'Sloppy');
      const response = await client.submit(
        '/sets/new',
        setForm({ title: '', 'cards[1][body]': 'x'.repeat(10_001), 'cards[2][title]': '<i>kept</i>' }),
      );
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /class="error-summary"/);
      assert.match(response.body, /id="field-title-error"/);
      assert.match(response.body, /id="field-cards-1--body-error"/);
      assert.match(response.body, /value="&lt;i>kept&lt;\/i>"/);
      assert.match(response.body, /value="Cold War"/, 'other fields keep their input');
    });

    it('adds, moves and deletes cards with plain form buttons, saving nothing', async () => {
      const { client } = await signedUpClient(t.app, 'NoScript');
      const added = await client.submit('/sets/new', setForm({ action: 'add' }));
      assert.equal(added.statusCode, 200);
      assert.equal(added.body.match(/<legend>Card \d+<\/legend>/g)?.length, 4);
      const moved = await client.submit('/sets/new', setForm({ action: 'down:0' }));
      const titles = [...moved.body.matchAll(/name="cards\[\d\]\[title\]" value="([^"]*)"/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(titles, ['Cuban Missile Crisis', 'Berlin Blockade', 'Détente']);
      const deleted = await client.submit('/sets/new', setForm({ action: 'delete:1' }));
      assert.equal(deleted.body.match(/<legend>Card \d+<\/legend>/g)?.length, 2);
      assert.equal(await t.container.ctx.repos.cardSets.count(), 1, 'only the set of the earlier test');
    });

    it('adds pasted revision-card text as cards to check before saving', async () => {
      const { client } = await signedUpClient(t.app, 'Paster');
      const response = await client.submit('/sets/new', {
        ...setForm({ title: '', subject: '', topic: '', subtitle: '' }),
        'cards[0][title]': '',
        'cards[0][body]': '',
        'cards[1][title]': '',
        'cards[1][body]': '',
        'cards[2][title]': '',
        'cards[2][body]': '',
        paste: seedText(),
        pasteFormat: 'auto',
        action: 'paste',
      });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /Added 11 cards from your paste/);
      assert.equal(response.body.match(/<legend>Card \d+<\/legend>/g)?.length, 11);
      assert.match(response.body, /name="title" value="Persecution and Control"/);
      assert.match(response.body, /name="subject" value="History"/);
    });

    it('adds pasted term, definition lines; and explains unreadable text without losing it', async () => {
      const { client } = await signedUpClient(t.app, 'Lister');
      const terms = await client.submit('/sets/new', {
        ...setForm(),
        paste:
          'osmosis\tmovement of water across a membrane\ndiffusion\tspreading from high to low concentration',
        pasteFormat: 'tab',
        action: 'paste',
      });
      assert.equal(terms.statusCode, 200);
      assert.match(terms.body, /Added 2 cards from your paste/);
      assert.match(terms.body, /value="osmosis"/);
      const broken = await client.submit('/sets/new', {
        ...setForm(),
        paste: 'Title\n\nCard\n\nx\n1 of 3\nMore\n\ny\n3 of 3\n',
        pasteFormat: 'revision-text',
        action: 'paste',
      });
      assert.match(broken.body, /The pasted text could not be read/);
      assert.match(broken.body, /Line 10: expected &quot;2 of 3&quot;/);
      assert.match(broken.body, /3 of 3\s*<\/textarea>/, 'the pasted text is kept');
    });

    it('keeps card identities through a reorder and records who changed what', async () => {
      const { client } = await signedUpClient(t.app, 'Reorderer');
      const created = await client.submit('/sets/new', setForm({ action: 'publish' }));
      const id = idFromLocation(created.headers.location);
      const before = await t.container.ctx.repos.cardSets.findCards(id);
      const saved = await client.submit(
        `/sets/${id}/edit`,
        {
          ...setForm({ revision: '1', title: 'Cold War crises, revised', visibility: 'public' }),
          'cards[0][id]': String(before[2]!.id),
          'cards[0][title]': before[2]!.title!,
          'cards[0][body]': before[2]!.body,
          'cards[1][id]': String(before[0]!.id),
          'cards[1][title]': before[0]!.title!,
          'cards[1][body]': before[0]!.body,
          'cards[2][id]': String(before[1]!.id),
          'cards[2][title]': before[1]!.title!,
          'cards[2][body]': 'October 1962: thirteen days',
        },
        `/sets/${id}/edit`,
      );
      assert.equal(saved.statusCode, 303);
      const after = await t.container.ctx.repos.cardSets.findCards(id);
      assert.deepEqual(
        after.map((card) => card.id),
        [before[2]!.id, before[0]!.id, before[1]!.id],
      );
      const history = await client.get(`/sets/${id}/history`);
      assert.match(history.body, /Revision 2/);
      assert.match(
        history.body,
        /Saved: changed the title; edited card 3; reordered the cards\./,
        'the notice',
      );
      assert.match(history.body, /Changed the title; edited card 3; reordered the cards/);
      assert.match(history.body, /Created the set/);
    });

    it('gives the second of two editors a conflict with their input kept, never a silent overwrite', async () => {
      const { client: first } = await signedUpClient(t.app, 'First');
      const created = await first.submit('/sets/new', setForm({ action: 'publish', title: 'Shared set' }));
      const id = idFromLocation(created.headers.location);
      const cards = await t.container.ctx.repos.cardSets.findCards(id);
      const withIds = (overrides: Record<string, string>) =>
        setForm({
          revision: '1',
          'cards[0][id]': String(cards[0]!.id),
          'cards[1][id]': String(cards[1]!.id),
          'cards[2][id]': String(cards[2]!.id),
          ...overrides,
        });
      // Both opened the editor at revision 1 (a second tab of the same author stands in for a co-editor).
      const token = await first.csrfFrom(`/sets/${id}/edit`);
      const one = await first.post(`/sets/${id}/edit`, { _csrf: token, ...withIds({ title: 'First wins' }) });
      assert.equal(one.statusCode, 303);
      const two = await first.post(`/sets/${id}/edit`, {
        _csrf: token,
        ...withIds({ title: 'Second loses?' }),
      });
      assert.equal(two.statusCode, 409);
      assert.match(two.body, /Someone else saved this card set after you opened it/);
      assert.match(two.body, /value="Second loses\?"/, 'the second editor’s input is kept');
      assert.match(two.body, /name="revision" value="2"/);
      assert.equal((await t.container.ctx.repos.cardSets.findSummary(id))!.title, 'First wins');
      const again = await first.post(`/sets/${id}/edit`, {
        _csrf: token,
        ...withIds({ revision: '2', title: 'Second, knowingly' }),
      });
      assert.equal(again.statusCode, 303);
    });

    it('lets only the author or an admin edit and delete, leaving the set unchanged otherwise', async () => {
      const { client: owner } = await signedUpClient(t.app, 'Owner');
      const created = await owner.submit('/sets/new', setForm({ action: 'publish', title: 'Mine' }));
      const id = idFromLocation(created.headers.location);
      const { client: other } = await signedUpClient(t.app, 'Other');
      const { client: moderator, handle: moderatorHandle } = await signedUpClient(t.app, 'Moderator');
      await setRole(t.container.ctx, moderatorHandle, 'moderator');
      for (const client of [other, moderator]) {
        assert.equal((await client.get(`/sets/${id}/edit`)).statusCode, 403);
        const token = await client.csrfFrom('/sets/new');
        assert.equal(
          (
            await client.post(`/sets/${id}/edit`, {
              _csrf: token,
              ...setForm({ revision: '1', title: 'Stolen' }),
            })
          ).statusCode,
          403,
        );
        assert.equal((await client.post(`/sets/${id}/delete`, { _csrf: token })).statusCode, 403);
      }
      assert.equal((await t.container.ctx.repos.cardSets.findSummary(id))!.title, 'Mine');
      const { client: admin, handle: adminHandle } = await signedUpClient(t.app, 'Admin');
      await setRole(t.container.ctx, adminHandle, 'admin');
      assert.equal((await admin.get(`/sets/${id}/edit`)).statusCode, 200);
      const deleted = await owner.submit(`/sets/${id}/delete`, {}, `/sets/${id}/delete`);
      assert.equal(deleted.statusCode, 303);
      assert.equal(await t.container.ctx.repos.cardSets.findSummary(id), undefined);
    });

    it('offers the same writes through the JSON API, with CSRF, revisions and problem details', async () => {
      const { client } = await signedUpClient(t.app, 'ApiUser');
      const body = {
        title: 'API set',
        subtitle: null,
        subject: 'Physics',
        topic: null,
        level: null,
        examBoard: null,
        visibility: 'public',
        cards: [{ title: 'F = ma', body: 'Newton’s second law' }],
      };
      const noToken = await client.request({
        method: 'POST',
        url: '/api/v1/sets',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      assert.equal(noToken.statusCode, 403);
      const created = await client.api('POST', '/api/v1/sets', body);
      assert.equal(created.statusCode, 201);
      const { id } = created.json<{ id: number }>();
      const editable = (await client.api('GET', `/api/v1/sets/${id}/edit`)).json<{
        revision: number;
        cards: { id: number }[];
      }>();
      const update = {
        ...body,
        revision: editable.revision,
        cards: [{ id: editable.cards[0]!.id, title: 'F = ma', body: 'Force equals mass times acceleration' }],
      };
      assert.equal((await client.api('PUT', `/api/v1/sets/${id}`, update)).statusCode, 200);
      const stale = await client.api('PUT', `/api/v1/sets/${id}`, update);
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<{ code: string }>().code, 'conflict');
      const invalid = await client.api('POST', '/api/v1/sets', { ...body, cards: [] });
      assert.equal(invalid.statusCode, 400);
      const anonymous = await new BrowserClient(t.app).api('DELETE', `/api/v1/sets/${id}`);
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await client.api('DELETE', `/api/v1/sets/${id}`)).statusCode, 204);
      assert.equal((await client.api('GET', `/api/v1/sets/${id}`)).statusCode, 404);
    });

    it('previews Markdown as the set page renders it, with raw HTML off', async () => {
      const { client } = await signedUpClient(t.app, 'Previewer');
      const response = await client.api('POST', '/api/v1/preview', {
        markdown: '- **bold** <script>x</script>',
      });
      assert.equal(response.statusCode, 200);
      assert.equal(
        response.json<{ html: string }>().html,
        '<ul>\n<li><strong>bold</strong> &lt;script&gt;x&lt;/script&gt;</li>\n</ul>\n',
      );
    });
  });
}
