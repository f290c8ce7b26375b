/**
 * What a new author does, end to end in headless Chromium, once with JavaScript and once without:
 * sign up, write a set of 3 cards in the editor, reorder them, publish, comment, save it to a new folder,
 * rate a set, find the folder in My folders, log out. With JavaScript the cards move in the page
 * (Alt+↑ / Alt+↓ and the Move buttons); without it the Move buttons post the form. axe-core checks the
 * pages on the way (serious or critical problems fail).
 *
 * Authors cannot rate their own sets (see the authorisation matrix), so the rating goes to the demo
 * content's seed set, written by someone else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  describeAxeViolations,
  findSeedSet,
  launchChromium,
  newPage,
  seriousAxeViolations,
  startE2eServer,
  type E2eServer,
  type SeedSetLinks,
} from '../helpers/browser.js';

/** The cards as written, in the editor's order before any move. */
const CARDS = [
  { title: 'Alpha', body: 'The first card written.' },
  { title: 'Bravo', body: '- a bullet\n- another bullet' },
  { title: 'Charlie', body: 'The **third** card written.' },
];
/** After the moves: Charlie up twice, then Alpha down once. */
const REORDERED = ['Charlie', 'Bravo', 'Alpha'];

describe('the authoring flow in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let seed: SeedSetLinks;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    seed = await findSeedSet(server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function assertAccessible(page: Page, what: string): Promise<void> {
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `${what} (${page.url()}):\n${describeAxeViolations(violations)}`);
  }

  /** Clicks a submit button and waits for the page it leads to. */
  async function submitWith(page: Page, name: string | RegExp, exact = true): Promise<void> {
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name, exact: typeof name === 'string' ? exact : undefined }).click(),
    ]);
  }

  /** The card titles in the editor, in the order the form would post them. */
  const editorTitles = (page: Page) =>
    page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLInputElement>('[data-editor-card] input[name$="[title]"]'),
      ).map((input) => `${input.name}=${input.value}`),
    );

  const notice = (page: Page) => page.locator('main .notice').first().innerText();

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

    it(`signs up, writes, reorders and publishes a set, comments, saves, rates and logs out, ${mode}`, async () => {
      const page = await newPage(browser, { javaScriptEnabled });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('dialog', (dialog) => {
        problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      const handle = javaScriptEnabled ? 'author-js' : 'author-no-js';
      const setTitle = `Phonetic alphabet ${mode}`;

      // Sign up through the form.
      await page.goto(`${server.url}/signup`);
      if (javaScriptEnabled) await assertAccessible(page, 'the sign-up page');
      await page.getByLabel('Name').fill('Ada Author');
      await page.getByLabel('Handle').fill(handle);
      await page.getByLabel('Email').fill(`${handle}@example.org`);
      await page.getByLabel('Password').fill('correct horse battery staple');
      await submitWith(page, 'Create account');
      assert.equal(new URL(page.url()).pathname, '/');
      assert.match(await notice(page), /Welcome to Recall, Ada Author/);

      // Write three cards, but forget the title: the form comes back with the error and the cards kept.
      await page.getByRole('link', { name: 'New set' }).click();
      await page.waitForURL(`${server.url}/sets/new`);
      await page.getByLabel('Subject', { exact: true }).fill('Languages');
      for (const [index, card] of CARDS.entries()) {
        await page.locator(`input[name="cards[${index}][title]"]`).fill(card.title);
        await page.locator(`textarea[name="cards[${index}][body]"]`).fill(card.body);
      }
      await submitWith(page, 'Publish');
      assert.equal(new URL(page.url()).pathname, '/sets/new', 'still in the editor');
      // The form comes back with 400, which Chromium logs; nothing else may have gone wrong so far.
      assert.deepEqual(problems.splice(0), [
        'Failed to load resource: the server responded with a status of 400 (Bad Request)',
      ]);
      assert.equal(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.ok((await page.locator('.error-summary, [role="alert"]').count()) > 0, 'an error summary');
      assert.deepEqual(await editorTitles(page), [
        'cards[0][title]=Alpha',
        'cards[1][title]=Bravo',
        'cards[2][title]=Charlie',
      ]);
      if (javaScriptEnabled) await assertAccessible(page, 'the editor showing a validation error');
      await page.getByLabel('Title', { exact: true }).fill(setTitle);

      // Reorder: Charlie up twice, then Alpha (now second) down once.
      if (javaScriptEnabled) {
        const charlie = page.locator('input[name="cards[2][title]"]');
        await charlie.focus();
        await page.keyboard.press('Alt+ArrowUp');
        await page.keyboard.press('Alt+ArrowUp');
        assert.equal(
          await page.evaluate(() => (document.activeElement as HTMLInputElement).value),
          'Charlie',
          'the moved card keeps focus',
        );
        await page.getByRole('button', { name: 'Move down card 2' }).click();
        assert.equal(new URL(page.url()).pathname, '/sets/new');
      } else {
        await submitWith(page, 'Move up card 3');
        assert.match(await page.locator('.editor .notice').innerText(), /Moved card 3 to position 2/);
        await submitWith(page, 'Move up card 2');
        await submitWith(page, 'Move down card 2');
        assert.equal(
          await page.getByLabel('Title', { exact: true }).inputValue(),
          setTitle,
          'the form kept its fields across the round trips',
        );
      }
      assert.deepEqual(
        await editorTitles(page),
        REORDERED.map((title, index) => `cards[${index}][title]=${title}`),
      );

      // Preview: the set as visitors will see it, above the form, which keeps what was typed.
      await submitWith(page, 'Preview');
      assert.equal(new URL(page.url()).hash, '#preview');
      assert.deepEqual(await page.locator('#preview .card-title').allInnerTexts(), REORDERED);
      assert.equal(await page.locator('#preview h1').innerText(), setTitle);
      assert.deepEqual(
        await editorTitles(page),
        REORDERED.map((title, index) => `cards[${index}][title]=${title}`),
      );

      // Publish: the set page shows the cards in the new order.
      await submitWith(page, 'Publish');
      assert.match(new URL(page.url()).pathname, /^\/sets\/\d+\/phonetic-alphabet-/);
      const setUrl = page.url().split('#')[0];
      assert.match(await notice(page), /Published/);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), setTitle);
      const shownTitles = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[data-card] .card-title')).map((title) => title.textContent),
      );
      assert.deepEqual(shownTitles, REORDERED);
      const charlieBody = page.locator('[data-card]', { hasText: 'Charlie' }).locator('strong');
      assert.equal(await charlieBody.textContent(), 'third', 'card bodies are rendered from Markdown');
      if (javaScriptEnabled) await assertAccessible(page, 'the set page, logged in');

      // Comment.
      await page.getByLabel('Add a comment').fill(`Written ${mode}.`);
      await submitWith(page, 'Post comment');
      assert.match(await notice(page), /Your comment has been posted/);
      assert.deepEqual(await page.locator('.comment-body').allInnerTexts(), [`Written ${mode}.`]);

      // Save to a new folder: open Save beside Study, name one.
      const folder = `Exam week ${mode}`;
      await page.locator('.save-menu > summary').click();
      await page.getByLabel('New folder name').fill(folder);
      await submitWith(page, 'Save to new folder');
      assert.match(await notice(page), new RegExp(`Saved to “${folder}” \\(a new folder\\)`));
      assert.equal(page.url().split('#')[0], setUrl);
      assert.match(await page.locator('#rate').innerText(), /You cannot rate your own set/);

      // Rate someone else's set: one tap on the fourth star.
      await page.goto(seed.page);
      await submitWith(page, '4 stars');
      assert.match(await notice(page), /You rated this set 4 stars/);
      assert.match(await page.locator('#rate').innerText(), /Rating: \d\.\d out of 5 \(\d+ ratings?\)/);
      assert.equal(await page.getByRole('button', { name: '4 stars' }).getAttribute('aria-pressed'), 'true');

      // Save it in two taps, without typing: Save, then the folder.
      await page.locator('.save-menu > summary').click();
      await submitWith(page, folder);
      assert.match(await notice(page), new RegExp(`Saved to “${folder}”`));
      assert.match(await page.locator('.save-menu > summary').innerText(), /Saved/);

      // My folders lists the folder and the set in it.
      await page.getByRole('link', { name: 'My folders' }).click();
      await page.waitForURL(`${server.url}/me/folders`);
      const saved = page.locator('section.folder', { has: page.getByRole('heading', { name: folder }) });
      assert.equal(await saved.getByRole('link', { name: setTitle, exact: true }).count(), 1);
      if (javaScriptEnabled) await assertAccessible(page, 'My folders');

      // Log out (in the account menu): the header offers "Log in" again, and My folders asks to log in.
      await page.locator('.account-menu summary').click();
      await submitWith(page, 'Log out');
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await page.getByRole('link', { name: 'Log in', exact: true }).count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0);
      await page.goto(`${server.url}/me/folders`);
      assert.equal(new URL(page.url()).pathname, '/login');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/me/folders');

      assert.deepEqual(problems, [], 'no script error, console error or dialog on the way');
      await page.context().close();
    });
  }
});
