/** Choosing how a term list is laid out, on the Import page and through the API, on both engines. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../helpers/databases.js';
import { quickMember, type TestMember } from '../helpers/members.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** Quizlet's export with "Custom" separators: " = " between term and definition, " | " between cards. */
const QUIZLET = 'el perro = the dog | el gato = the cat | la casa = the house, the home';

const NO_CHOICES = {
  format: '',
  separator: '',
  separatorCustom: '',
  rowSeparator: '',
  rowSeparatorCustom: '',
  header: '',
  encoding: '',
};

for (const factory of testDatabases()) {
  describe(`term-list layout choices on ${factory.dialect}`, () => {
    let t: TestApp;
    let member: TestMember;

    before(async () => {
      t = await createTestApp(factory, { demoContent: false });
      member = await quickMember(t, 'Layout chooser');
    });
    after(() => t.close());

    it('previews pasted Quizlet text with custom separators as the cards it holds, cards first', async () => {
      const response = await member.client.submit('/import', {
        ...NO_CHOICES,
        text: QUIZLET,
        separator: 'custom',
        separatorCustom: ' = ',
        rowSeparator: 'custom',
        rowSeparatorCustom: ' | ',
      });
      assert.equal(response.statusCode, 200, response.body.slice(0, 600));
      const body = response.body;
      assert.match(body, /3 cards/);
      assert.match(body, /el perro<\/span> <span class="import-preview-body">the dog</);
      assert.match(body, /la casa<\/span> <span class="import-preview-body">the house, the home</);
      assert.match(body, /Term and definition separated by “=”; cards by “ \| ”/);
      assert.ok(
        body.indexOf('import-preview-cards') < body.indexOf('name="subject"'),
        'the cards come before the choices of where they go',
      );
    });

    it('says which format and line are at fault when the separator chosen is not in the text', async () => {
      const response = await member.client.submit('/import', {
        ...NO_CHOICES,
        text: QUIZLET,
        format: 'tsv',
        separator: 'tab',
        rowSeparator: 'custom',
        rowSeparatorCustom: ' | ',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Line 1 \(“el perro = the dog”\) has no tab between term and definition/);
      assert.match(response.body, /read as Term list/);
      assert.match(response.body, /<textarea[^>]*>el perro = the dog/, 'the pasted text is kept');
      assert.match(response.body, /<option value="tab" selected/);
    });

    it('asks for the characters when "Custom" is chosen with an empty box, keeping the input', async () => {
      const response = await member.client.submit('/import', {
        ...NO_CHOICES,
        text: QUIZLET,
        separator: 'custom',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /id="field-separatorCustom-error"[^>]*>[\s\S]{0,80}Type the characters/);
      assert.match(response.body, /<textarea[^>]*>el perro = the dog/);
    });

    it('previews and imports the same text through the API', async () => {
      const preview = await member.client.api('POST', '/api/v1/imports/preview', {
        text: QUIZLET,
        separator: ' = ',
        rowSeparator: ' | ',
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const read = preview.json<{
        cardCount: number;
        reading: { separator: string; rowSeparator: string };
        sets: { cards: { title: string; body: string }[] }[];
      }>();
      assert.equal(read.cardCount, 3);
      assert.deepEqual(read.sets[0]!.cards[1], { title: 'el gato', body: 'the cat' });
      assert.equal(read.reading.separator, '“=”');

      const imported = await member.client.api('POST', '/api/v1/imports', {
        text: QUIZLET,
        separator: ' = ',
        rowSeparator: ' | ',
        title: 'Spanish animals',
        subject: 'Spanish',
      });
      assert.equal(imported.statusCode, 201, imported.body);
      const [set] = imported.json<{ sets: { id: number; title: string; cardCount: number }[] }>().sets;
      assert.equal(set!.title, 'Spanish animals');
      assert.equal(set!.cardCount, 3);
      const stored = await t.container.ctx.repos.cardSets.findCards(set!.id);
      assert.deepEqual(
        stored.map((card) => [card.title, card.body]),
        [
          ['el perro', 'the dog'],
          ['el gato', 'the cat'],
          ['la casa', 'the house, the home'],
        ],
      );
    });

    it('refuses through the API a separator the text does not have, naming the format and line', async () => {
      const response = await member.client.api('POST', '/api/v1/imports/preview', {
        text: QUIZLET,
        format: 'tsv',
        separator: 'tab',
        rowSeparator: ' | ',
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Line 1 \(“el perro = the dog”\) has no tab/);
      assert.match(response.body, /read as Term list/);
      const same = await member.client.api('POST', '/api/v1/imports/preview', {
        text: QUIZLET,
        separator: ';',
        rowSeparator: ';',
      });
      assert.equal(same.statusCode, 400);
      assert.match(same.body, /different separators/);
    });
  });
}
