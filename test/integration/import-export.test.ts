/** The Import page (upload or paste → preview → confirm), Export downloads and the print view, on both engines. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FORMAT_IDS, type FormatId } from '../../src/formats/card-set-format.js';
import { formatById } from '../../src/formats/registry.js';
import { parseRevisionText } from '../../src/formats/revision-text/parse-revision-text.js';
import { deleteCardSet } from '../../src/services/card-set-editing.js';
import { importCardSets } from '../../src/services/import-card-set.js';
import { BrowserClient } from '../helpers/browser-client.js';
import {
  confirmationFields,
  csrfOf,
  decodeEntities,
  postMultipart,
  type Part,
} from '../helpers/import-form.js';
import { testDatabases } from '../helpers/databases.js';
import { seedText } from '../helpers/fixtures.js';
import { quickMember, setBy, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { packageOf, schema11Collection } from '../unit/formats/support/anki-fixtures.js';
import { buildZip, deflatedZeros } from '../unit/formats/support/zip-builder.js';
import { hostileImportSpecs } from '../fixtures/hostile/hostile-imports.js';

const TERMS =
  'mitochondria\tWhere respiration happens\nribosome\tWhere proteins are made\nnucleus\tHolds the DNA\n';

for (const factory of testDatabases()) {
  describe(`import, export and print on ${factory.dialect}`, () => {
    let t: TestApp;
    let seedId: number;
    let member: TestMember;

    const setCount = async () => t.container.ctx.repos.cardSets.count();

    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      const [seed] = await importCardSets(t.container.ctx, [
        {
          parsed: parseRevisionText(seedText()),
          level: 'GCSE',
          examBoard: 'AQA',
          author: { handle: 'demo-team', displayName: 'Demo team' },
        },
      ]);
      seedId = seed!.id;
      member = await quickMember(t, 'Importer');
    });
    after(async () => {
      await t?.close();
    });

    it('never gives an imported set the id of a deleted one', async () => {
      const input = {
        parsed: parseRevisionText(seedText()),
        author: { handle: 'demo-team', displayName: 'Demo team' },
      };
      const admin = { userId: (await quickMember(t, 'Admin', 'admin')).userId, role: 'admin' as const };
      const [newest] = await importCardSets(t.container.ctx, [input]);
      await deleteCardSet(t.container.ctx, admin, newest!.id);
      const [next] = await importCardSets(t.container.ctx, [input]);
      assert.ok(next!.id > newest!.id, `${next!.id} comes after the deleted ${newest!.id}`);
      await deleteCardSet(t.container.ctx, admin, next!.id);
    });

    it('sends visitors to log in before importing, and shows members an Import link', async () => {
      const visitor = await new BrowserClient(t.app).get('/import');
      assert.equal(visitor.statusCode, 303);
      assert.equal(visitor.headers.location, '/login?next=%2Fimport');
      const page = await member.client.get('/import');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<a href="\/import">Import<\/a>/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      assert.match(page.body, /<input type="file"[^>]*name="file"/);
    });

    it('previews pasted revision text without storing it, then stores it on confirmation', async () => {
      const before = await setCount();
      const preview = await member.client.submit('/import', { text: seedText(), format: '', separator: '' });
      assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
      assert.match(preview.body, /Check the cards before importing/);
      assert.match(preview.body, /read as\s+Revision-card text|read as\s[^:]+: 1 set, 11 cards/);
      assert.match(preview.body, /Persecution and Control/);
      assert.match(preview.body, /How did Stalin establish control over the Soviet U/);
      assert.match(preview.body, /Untitled card/);
      assert.equal(await setCount(), before, 'nothing is stored before the confirmation');

      const confirmed = await postMultipart(
        member.client,
        '/import/confirm',
        confirmationFields(preview.body, { visibility: 'private' }),
      );
      assert.equal(confirmed.statusCode, 303, confirmed.body.slice(0, 800));
      const location = String(confirmed.headers.location);
      assert.match(location, /^\/sets\/\d+\/persecution-and-control$/);
      assert.equal(await setCount(), before + 1);
      const page = await member.client.get(location);
      assert.match(page.body, /Imported “Persecution and Control” \(11 cards\)/);
      assert.match(page.body, /Private: only you can see this set/);
      assert.equal(page.body.match(/ of 11</g)?.length, 11);
      const id = Number(/^\/sets\/(\d+)\//.exec(location)![1]);
      const stored = await t.container.ctx.repos.cardSets.findSummary(id);
      assert.equal(stored?.authorHandle, member.handle, 'the set belongs to the member');
      assert.equal(stored?.subjectName, 'History');
      assert.equal((await new BrowserClient(t.app).get(location)).statusCode, 404, 'private to others');
    });

    it('uploads a term list as multipart, asks for a subject it lacks, then imports it', async () => {
      const page = await member.client.get('/import');
      const uploaded = await postMultipart(member.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'cell biology.tsv', bytes: new TextEncoder().encode(TERMS) }],
        ['text', ''],
        ['format', ''],
        ['separator', ''],
      ]);
      assert.equal(uploaded.statusCode, 200, uploaded.body.slice(0, 800));
      assert.match(uploaded.body, /“cell biology.tsv” was read as\s+Term list \(tab-separated/);
      assert.match(uploaded.body, /<h2 id="import-set-1">cell biology<\/h2>/);
      assert.match(
        uploaded.body,
        /mitochondria<\/span> <span class="import-preview-body">Where respiration happens/,
      );
      assert.match(uploaded.body, /Subject:\s*none given/);
      assert.match(
        uploaded.body,
        /<input[^>]*name="title"[^>]*value="cell biology"|value="cell biology"[^>]*name="title"/,
      );

      const before = await setCount();
      const noSubject = await postMultipart(
        member.client,
        '/import/confirm',
        confirmationFields(uploaded.body, { subject: '', visibility: 'public' }),
      );
      assert.equal(noSubject.statusCode, 400);
      assert.match(noSubject.body, /The file names no subject: choose one/);
      assert.match(noSubject.body, /name="document"/, 'the cards are still carried');
      assert.equal(await setCount(), before);

      const done = await postMultipart(
        member.client,
        '/import/confirm',
        confirmationFields(noSubject.body, {
          title: 'Cell organelles',
          subject: 'Biology',
          topic: 'Cells',
          level: 'A-level',
          visibility: 'public',
        }),
      );
      assert.equal(done.statusCode, 303, done.body.slice(0, 800));
      const id = Number(/^\/sets\/(\d+)\//.exec(String(done.headers.location))![1]);
      const set = await t.container.ctx.repos.cardSets.findSummary(id);
      assert.equal(set?.title, 'Cell organelles');
      assert.equal(set?.subjectName, 'Biology');
      assert.equal(set?.topicName, 'Cells');
      assert.equal(set?.level, 'A-level');
      assert.equal(set?.visibility, 'public');
      assert.equal(set?.cardCount, 3);
    });

    it('reads the CSRF token from the multipart field, and refuses a multipart post without it', async () => {
      const page = await member.client.get('/import');
      const fields: [string, Part][] = [
        ['file', { fileName: 'terms.tsv', bytes: new TextEncoder().encode(TERMS) }],
      ];
      const missing = await postMultipart(member.client, '/import', fields);
      assert.equal(missing.statusCode, 403);
      const wrong = await postMultipart(member.client, '/import', [['_csrf', 'not-a-token'], ...fields]);
      assert.equal(wrong.statusCode, 403);
      const otherPerson = await quickMember(t, 'Other');
      const stolen = await postMultipart(otherPerson.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ...fields,
      ]);
      assert.equal(stolen.statusCode, 403, "another browser's token is refused");
      const right = await postMultipart(member.client, '/import', [['_csrf', csrfOf(page.body)], ...fields]);
      assert.equal(right.statusCode, 200);
    });

    it('answers a file over 10 MB with 413 and the form, keeping the pasted text', async () => {
      const page = await member.client.get('/import');
      const response = await postMultipart(member.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'huge.tsv', bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61) }],
        ['text', 'keep these words'],
      ]);
      assert.equal(response.statusCode, 413);
      assert.match(response.body, /larger than 10 MB/);
      assert.match(response.body, /<textarea[^>]*name="text"[^>]*>keep these words<\/textarea>/);
      // Far over: refused outright, with the error page.
      const huge = await postMultipart(member.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'huge.tsv', bytes: new Uint8Array(25 * 1024 * 1024) }],
      ]);
      assert.equal(huge.statusCode, 413);
      assert.match(huge.body, /The upload is larger than 24 MB/);
    });

    it('says beside the file field, linked to it, that a file or pasted cards are needed', async () => {
      const response = await member.client.submit(
        '/import',
        { text: '  ', format: '', separator: '' },
        '/import',
      );
      assert.equal(response.statusCode, 400);
      const input = /<input type="file"[^>]*>/.exec(response.body)?.[0] ?? '';
      assert.match(input, /aria-invalid="true"/);
      assert.match(input, /aria-describedby="[^"]*field-file-error/);
      assert.match(
        response.body,
        /id="field-file-error"[^>]*>(?:<span[^>]*>Error: <\/span>)?Choose a file, or paste some cards/,
      );
    });

    it('re-renders the form with the line at fault and the pasted text for a malformed paste', async () => {
      const broken = 'Title\n\nCard\n\nx\n1 of 3\nMore\n\ny\n3 of 3\n';
      const response = await member.client.submit(
        '/import',
        { text: broken, format: '', separator: '' },
        '/import',
      );
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Line 10: expected &quot;2 of 3&quot;, found &quot;3 of 3&quot;/);
      assert.match(response.body, /<textarea[^>]*>Title\n\nCard/);
    });

    it('says when it cannot tell the format, and reads it when the format is chosen', async () => {
      const unknown = await member.client.submit('/import', {
        text: 'just some words',
        format: '',
        separator: '',
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /Recall cannot tell which format this text is in/);
      const chosen = await member.client.submit('/import', {
        text: 'alpha - the first letter\nbeta - the second letter',
        format: 'tsv',
        separator: ' - ',
      });
      assert.equal(chosen.statusCode, 200, chosen.body.slice(0, 600));
      assert.match(chosen.body, /alpha<\/span> <span class="import-preview-body">the first letter/);
      const badFormat = await member.client.submit('/import', { text: 'x', format: 'docx', separator: '' });
      assert.equal(badFormat.statusCode, 400);
    });

    it('refuses a zip bomb and binary garbage with a message, storing nothing', async () => {
      const before = await setCount();
      const { data, size } = deflatedZeros(120);
      const bomb = buildZip([
        { name: 'collection.anki2', data, method: 8, crc32: 0, uncompressedSize: size },
      ]);
      const page = await member.client.get('/import');
      const response = await postMultipart(member.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'bomb.apkg', bytes: bomb }],
      ]);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /collection\.anki2: declares 120 MB uncompressed/);
      const garbage = await postMultipart(member.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'noise.apkg', bytes: new Uint8Array(4096).map((_, i) => (i * 151) % 256) }],
      ]);
      assert.equal(garbage.statusCode, 400);
      assert.equal(await setCount(), before);
    });

    it('refuses every hostile package of the corpus with its message, storing nothing, still serving pages', async () => {
      const before = await setCount();
      const page = await member.client.get('/import');
      // The larger files of the corpus are replayed through `recall import` (cli-import-hostile.test.ts).
      for (const hostile of hostileImportSpecs().filter((spec) => spec.fileName.endsWith('.apkg'))) {
        if (['million-notes', 'fifty-megabyte-field'].includes(hostile.name)) continue;
        const response = await postMultipart(member.client, '/import', [
          ['_csrf', csrfOf(page.body)],
          ['file', { fileName: hostile.fileName, bytes: new Uint8Array(Buffer.from(hostile.bytes())) }],
        ]);
        assert.equal(response.statusCode, 400, `${hostile.name}: ${response.body.slice(0, 300)}`);
        assert.match(decodeEntities(response.body), hostile.refusal, hostile.name);
        assert.equal((await member.client.get('/')).statusCode, 200);
      }
      assert.equal(await setCount(), before);
    });

    it('imports an Anki package of two decks as two sets and sends the member to their profile', async () => {
      const deck = packageOf({
        'collection.anki2': schema11Collection({
          decks: { 1: { name: 'Default' }, 2: { name: 'Biology::Cells' }, 3: { name: 'Biology::Enzymes' } },
          notes: [
            { fields: ['Mitochondria', 'Respiration'], deckId: 2 },
            { fields: ['Ribosome', 'Protein synthesis'], deckId: 2 },
            { fields: ['Active site', 'Where the substrate binds'], deckId: 3 },
          ],
        }),
        media: '{}',
      });
      const page = await member.client.get('/import');
      const preview = await postMultipart(member.client, '/import', [
        ['_csrf', csrfOf(page.body)],
        ['file', { fileName: 'biology.apkg', bytes: deck }],
      ]);
      assert.equal(preview.statusCode, 200, preview.body.slice(0, 800));
      assert.match(preview.body, /2 sets, 3 cards/);
      assert.match(preview.body, /Import 2 sets/);
      const before = await setCount();
      const done = await postMultipart(
        member.client,
        '/import/confirm',
        confirmationFields(preview.body, { visibility: 'unlisted' }),
      );
      assert.equal(done.statusCode, 303, done.body.slice(0, 800));
      assert.equal(done.headers.location, `/users/${member.handle}`);
      assert.equal(await setCount(), before + 2);
    });

    it('checks the carried sets again on confirmation: tampered JSON is refused', async () => {
      const page = await member.client.get('/import');
      const before = await setCount();
      const tampered = await postMultipart(member.client, '/import/confirm', [
        ['_csrf', csrfOf(page.body)],
        ['document', '{"format":"recall-card-set","version":1,"title":"x","cards":"nope"}'],
        ['subject', 'History'],
        ['visibility', 'public'],
      ]);
      assert.equal(tampered.statusCode, 400);
      assert.match(tampered.body, /could not be read back/);
      const tooMany = JSON.stringify({
        format: 'recall-card-set',
        version: 1,
        title: 'Too many',
        subtitle: null,
        subject: 'History',
        topic: null,
        level: null,
        examBoard: null,
        tags: [],
        cards: Array.from({ length: 501 }, (_, i) => ({ title: `T${i}`, body: 'b' })),
      });
      const refused = await postMultipart(member.client, '/import/confirm', [
        ['_csrf', csrfOf(page.body)],
        ['document', tooMany],
        ['visibility', 'public'],
      ]);
      assert.equal(refused.statusCode, 400);
      const none = await postMultipart(member.client, '/import/confirm', [
        ['_csrf', csrfOf(page.body)],
        ['visibility', 'public'],
      ]);
      assert.equal(none.statusCode, 400);
      assert.equal(await setCount(), before);
    });

    it('offers every export format on the set page, and downloads each as an attachment', async () => {
      const page = await new BrowserClient(t.app).get(`/sets/${seedId}/persecution-and-control`);
      assert.match(page.body, new RegExp(`<a href="/sets/${seedId}/print">Print</a>`));
      for (const id of FORMAT_IDS) assert.match(page.body, new RegExp(`href="/sets/${seedId}/export/${id}"`));

      const seed = parseRevisionText(seedText());
      for (const id of FORMAT_IDS) {
        const format = formatById(id);
        const response = await new BrowserClient(t.app).get(`/sets/${seedId}/export/${id}`);
        assert.equal(response.statusCode, 200, id);
        assert.equal(
          response.headers['content-disposition'],
          `attachment; filename="persecution-and-control${format.extension}"`,
        );
        assert.equal(response.headers['content-type'], format.mediaType);
        const [document] = format.read(new Uint8Array(response.rawPayload));
        assert.deepEqual(document?.cards, seed.cards, `${id} keeps the cards`);
      }
      const json = JSON.parse(
        (await new BrowserClient(t.app).get(`/sets/${seedId}/export/json`)).body,
      ) as Record<string, unknown>;
      assert.equal(json.level, 'GCSE');
      assert.equal(json.examBoard, 'AQA');
      assert.equal(json.topic, 'Russia - 19th and 20th century');
      assert.equal((await new BrowserClient(t.app).get(`/sets/${seedId}/export/docx`)).statusCode, 404);
      assert.equal((await new BrowserClient(t.app).get(`/sets/999999/export/json`)).statusCode, 404);
    });

    it('exports and prints a private set only for its author', async () => {
      const { id } = await setBy(t, member.userId, { title: 'My secret notes', visibility: 'private' });
      for (const path of [`/sets/${id}/export/${'markdown' satisfies FormatId}`, `/sets/${id}/print`]) {
        assert.equal((await new BrowserClient(t.app).get(path)).statusCode, 404, path);
        assert.equal((await member.client.get(path)).statusCode, 200, path);
      }
    });

    it('prints the cards as a grid, and double-sided with each row of backs mirrored', async () => {
      const single = await new BrowserClient(t.app).get(`/sets/${seedId}/print`);
      assert.equal(single.statusCode, 200);
      assert.equal(single.body.match(/<li class="print-card">/g)?.length, 11);
      assert.match(single.body, /Chronology of the Terror 1930 - 38/);
      assert.match(single.body, /<script type="module" src="\/assets\/print\.js/);
      assert.match(single.body, /data-print-button="true" hidden/);

      const double = await new BrowserClient(t.app).get(`/sets/${seedId}/print?sides=2`);
      assert.equal(double.statusCode, 200);
      const sections = [
        ...double.body.matchAll(
          /<section class="print-sheet print-sheet-(fronts|backs)"[\s\S]*?<\/section>/g,
        ),
      ];
      assert.deepEqual(
        sections.map((match) => match[1]),
        ['fronts', 'backs', 'fronts', 'backs'],
      );
      const order = (html: string) =>
        html
          .split('class="print-card print-card-')
          .slice(1)
          .map((cell) => (cell.startsWith('blank') ? 0 : Number(/(?<!\d)(\d+) of 11/.exec(cell)?.[1])));
      assert.deepEqual(order(sections[0]![0]), [1, 2, 3, 4, 5, 6, 7, 8]);
      assert.deepEqual(order(sections[1]![0]), [2, 1, 4, 3, 6, 5, 8, 7]);
      assert.deepEqual(order(sections[2]![0]), [9, 10, 11, 0]);
      assert.deepEqual(order(sections[3]![0]), [10, 9, 0, 11]);
      // Fronts carry titles (or "Card n" for the untitled first card); backs carry bodies.
      assert.match(sections[0]![0], /<p class="print-card-title">Card 1<\/p>/);
      assert.match(sections[1]![0], /Kirov/);
    });
  });
}
