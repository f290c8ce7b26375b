import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BrowserClient, signedUpClient } from '../helpers/browser-client.js';
import { testDatabases } from '../helpers/databases.js';
import { COMMUNITY_LIMITS } from '../../src/domain/community.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ApiFolder {
  id: number;
  name: string;
  sets: { id: number; title: string }[];
}

const text = (html: string) => html.replace(/<[^<>]+>/g, ' ').replace(/\s+/g, ' ');

for (const factory of testDatabases()) {
  describe(`folders on ${factory.dialect}`, () => {
    let t: TestApp;
    let author: TestMember;
    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      author = await quickMember(t, 'Author');
    });
    after(async () => {
      await t?.close();
    });

    const folders = async (member: TestMember) =>
      (await member.client.api('GET', '/api/v1/folders')).json<{ items: ApiFolder[] }>().items;
    const folderNamed = async (member: TestMember, name: string) =>
      (await folders(member)).find((folder) => folder.name === name);

    it('creates, renames and deletes folders from /me/folders', async () => {
      const { client } = await signedUpClient(t.app, 'Folder Keeper');
      const empty = await client.get('/me/folders');
      assert.equal(empty.statusCode, 200);
      assert.match(empty.body, /You have no folders yet/);
      assert.match(empty.body, /<label for="field-name">Folder name<\/label>/);
      const created = await client.submit('/me/folders', { name: '  Mock exams  ' });
      assert.equal(created.statusCode, 303);
      assert.match(created.headers.location as string, /^\/me\/folders#folder-\d+$/);
      const id = Number(/folder-(\d+)/.exec(created.headers.location as string)![1]);
      const listed = await client.get('/me/folders');
      assert.match(listed.body, new RegExp(`<h2 id="folder-${id}-name">Mock exams</h2>`));
      assert.match(listed.body, /Folder “Mock exams” created/);

      const renameForm = await client.get(`/me/folders/${id}/rename`);
      assert.match(renameForm.body, /value="Mock exams"/);
      const renamed = await client.submit(`/me/folders/${id}/rename`, { name: 'Finals' });
      assert.equal(renamed.statusCode, 303);
      assert.match(
        (await client.get('/me/folders')).body,
        new RegExp(`<h2 id="folder-${id}-name">Finals</h2>`),
      );

      assert.equal((await client.get(`/me/folders/${id}/delete`)).statusCode, 200);
      const deleted = await client.submit(`/me/folders/${id}/delete`, {});
      assert.equal(deleted.statusCode, 303);
      assert.match((await client.get('/me/folders')).body, /You have no folders yet/);
    });

    it('refuses a duplicate folder name, whatever its letter case, with 409 and a clear message', async () => {
      const member = await quickMember(t, 'Duplicator');
      assert.equal((await member.client.api('POST', '/api/v1/folders', { name: 'Biology' })).statusCode, 201);
      const api = await member.client.api('POST', '/api/v1/folders', { name: 'biology' });
      assert.equal(api.statusCode, 409);
      assert.match(api.json<{ detail: string }>().detail, /already have a folder called “biology”/);
      const page = await member.client.submit('/me/folders', { name: 'BIOLOGY' });
      assert.equal(page.statusCode, 409);
      assert.match(page.body, /id="field-name-error"/);
      assert.match(page.body, /You already have a folder called “BIOLOGY”: choose another name/);
      assert.match(page.body, /value="BIOLOGY"/);
      const other = (
        await member.client.api('POST', '/api/v1/folders', { name: 'Chemistry' })
      ).json<ApiFolder>();
      const rename = await member.client.api('PATCH', `/api/v1/folders/${other.id}`, { name: 'Biology' });
      assert.equal(rename.statusCode, 409);
      assert.equal((await folderNamed(member, 'Chemistry'))?.id, other.id, 'unchanged');
      // Someone else may use the same name.
      const stranger = await quickMember(t, 'Stranger');
      assert.equal(
        (await stranger.client.api('POST', '/api/v1/folders', { name: 'Biology' })).statusCode,
        201,
      );
    });

    it('validates folder names: 1 to 100 characters', async () => {
      const member = await quickMember(t, 'Validator');
      assert.equal((await member.client.api('POST', '/api/v1/folders', { name: '   ' })).statusCode, 400);
      assert.equal(
        (await member.client.api('POST', '/api/v1/folders', { name: 'x'.repeat(101) })).statusCode,
        400,
      );
      assert.equal(
        (await member.client.api('POST', '/api/v1/folders', { name: 'x'.repeat(100) })).statusCode,
        201,
      );
      const page = await member.client.submit('/me/folders', { name: '' });
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /Give the folder a name/);
    });

    it('saves a set from its page into a chosen folder or a new one, and removes it again', async () => {
      const member = await quickMember(t, 'Saver');
      const set = await setBy(t, author.userId, { title: 'Worth keeping' });
      const first = await member.client.get(set.path);
      assert.match(first.body, /<details class="save-menu" id="save" data-menu="true">/);
      assert.match(first.body, /<label for="field-newFolderName">New folder name<\/label>/);
      // With no folder yet, one tap makes one named after the subject.
      assert.match(
        first.body,
        /<button type="submit" name="newFolderName" value="Biology" class="save-choice">/,
      );

      const intoNew = await member.client.submit(
        `/sets/${set.id}/folders`,
        { newFolderName: 'Revision week' },
        set.path,
      );
      assert.equal(intoNew.statusCode, 303);
      assert.equal(intoNew.headers.location, `${set.path}#save`);
      const revision = await folderNamed(member, 'Revision week');
      assert.ok(revision);
      assert.deepEqual(
        revision?.sets.map((s) => s.id),
        [set.id],
      );

      const again = await member.client.get(set.path);
      assert.match(again.body, /Saved to “Revision week” \(a new folder\)/);
      assert.match(
        again.body,
        /<a class="save-choice is-saved" href="\/me\/folders#folder-\d+">.*Revision week/,
      );
      assert.match(again.body, /Saved<span class="visually-hidden"> to a folder<\/span>/);

      const other = (await member.client.api('POST', '/api/v1/folders', { name: 'Later' })).json<ApiFolder>();
      const intoExisting = await member.client.submit(
        `/sets/${set.id}/folders`,
        { folderId: String(other.id) },
        set.path,
      );
      assert.equal(intoExisting.statusCode, 303);
      assert.deepEqual(
        (await folderNamed(member, 'Later'))?.sets.map((s) => s.id),
        [set.id],
      );
      // Naming an existing folder in the "new folder" box saves into it rather than failing.
      await member.client.submit(`/sets/${set.id}/folders`, { newFolderName: 'later' }, set.path);
      assert.equal((await folders(member)).length, 2);
      const page = await member.client.get('/me/folders');
      assert.match(page.body, /This set is already in “Later”/);
      assert.match(text(page.body), /Worth keeping Biology · 1 card · by Author/);
      assert.match(page.body, /Remove<span class="visually-hidden"> “Worth keeping” from “Later”<\/span>/);

      const removed = await member.client.submit(
        `/me/folders/${other.id}/sets/${set.id}/remove`,
        {},
        '/me/folders',
      );
      assert.equal(removed.statusCode, 303);
      assert.deepEqual((await folderNamed(member, 'Later'))?.sets, []);
      const viaApi = await member.client.api('DELETE', `/api/v1/folders/${revision.id}/sets/${set.id}`);
      assert.equal(viaApi.statusCode, 204);
      assert.deepEqual((await folderNamed(member, 'Revision week'))?.sets, []);
      assert.equal(
        (await member.client.api('PUT', `/api/v1/folders/${other.id}/sets/${set.id}`)).statusCode,
        204,
      );
      assert.deepEqual(
        (await folderNamed(member, 'Later'))?.sets.map((s) => s.id),
        [set.id],
      );
    });

    it('keeps a folder to 500 sets: the next is refused with a message naming the field, a held one is fine', async () => {
      const member = await quickMember(t, 'Collector');
      const folder = (
        await member.client.api('POST', '/api/v1/folders', { name: 'Everything' })
      ).json<ApiFolder>();
      const sets: number[] = [];
      for (let i = 0; i <= COMMUNITY_LIMITS.setsPerFolder; i++) {
        sets.push((await setBy(t, author.userId, { title: `Set ${i}` })).id);
      }
      for (const id of sets.slice(0, COMMUNITY_LIMITS.setsPerFolder)) {
        await t.container.ctx.repos.folders.addSet(folder.id, id, t.clock.now().getTime());
      }
      const full = await member.client.api('PUT', `/api/v1/folders/${folder.id}/sets/${sets.at(-1)}`);
      assert.equal(full.statusCode, 400);
      assert.ok(
        full
          .json<{ errors: { field: string; message: string }[] }>()
          .errors.some((e) => e.field === 'folderId' && /up to 500 sets/.test(e.message)),
        full.body,
      );
      const again = await member.client.api('PUT', `/api/v1/folders/${folder.id}/sets/${sets[0]}`);
      assert.equal(again.statusCode, 204, 'saving a set the folder holds changes nothing');
      assert.equal((await folderNamed(member, 'Everything'))?.sets.length, COMMUNITY_LIMITS.setsPerFolder);
    });

    it('cannot add someone else’s private set (404), and lists only sets the member may still see', async () => {
      const member = await quickMember(t, 'Curious');
      const folder = (
        await member.client.api('POST', '/api/v1/folders', { name: 'Everything' })
      ).json<ApiFolder>();
      const secret = await setBy(t, author.userId, { title: 'Secret set', visibility: 'private' });
      assert.equal(
        (await member.client.api('PUT', `/api/v1/folders/${folder.id}/sets/${secret.id}`)).statusCode,
        404,
      );
      const token = await member.client.csrfFrom('/me/folders');
      const viaPage = await member.client.post(`/sets/${secret.id}/folders`, {
        _csrf: token,
        folderId: String(folder.id),
      });
      assert.equal(viaPage.statusCode, 404);

      const soonPrivate = await setBy(t, author.userId, { title: 'Soon private' });
      await member.client.api('PUT', `/api/v1/folders/${folder.id}/sets/${soonPrivate.id}`);
      assert.deepEqual(
        (await folderNamed(member, 'Everything'))?.sets.map((s) => s.id),
        [soonPrivate.id],
      );
      await t.container.database.db
        .updateTable('card_sets')
        .set({ visibility: 'private' })
        .where('id', '=', soonPrivate.id)
        .execute();
      assert.deepEqual((await folderNamed(member, 'Everything'))?.sets, []);
      assert.ok(!(await member.client.get('/me/folders')).body.includes('Soon private'));
    });

    it('keeps folders private to their owner: another member gets 404, a visitor is sent to log in', async () => {
      const owner = await quickMember(t, 'Owner');
      const intruder = await quickMember(t, 'Intruder');
      const folder = (await owner.client.api('POST', '/api/v1/folders', { name: 'Mine' })).json<ApiFolder>();
      const set = await setBy(t, author.userId, { title: 'Shared set' });
      assert.equal(
        (await intruder.client.api('PATCH', `/api/v1/folders/${folder.id}`, { name: 'Taken' })).statusCode,
        404,
      );
      assert.equal((await intruder.client.api('DELETE', `/api/v1/folders/${folder.id}`)).statusCode, 404);
      assert.equal(
        (await intruder.client.api('PUT', `/api/v1/folders/${folder.id}/sets/${set.id}`)).statusCode,
        404,
      );
      assert.equal((await intruder.client.get(`/me/folders/${folder.id}/rename`)).statusCode, 404);
      assert.equal((await folderNamed(owner, 'Mine'))?.sets.length, 0, 'unchanged');
      const visitor = new BrowserClient(t.app);
      const page = await visitor.get('/me/folders');
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/login?next=%2Fme%2Ffolders');
      assert.equal((await visitor.api('GET', '/api/v1/folders')).statusCode, 401);
    });

    it('displays folder names escaped', async () => {
      const member = await quickMember(t, 'Escaper');
      const created = await member.client.submit('/me/folders', { name: '<script>alert(1)</script>' });
      assert.equal(created.statusCode, 303);
      const page = (await member.client.get('/me/folders')).body;
      assert.ok(!page.includes('<script>alert(1)'));
      assert.match(page, /&lt;script(>|&gt;)alert\(1\)&lt;\/script/);
    });
  });
}
