/**
 * Study in headless Chromium with JavaScript on: studying the seed by keyboard (Space, then 1–4) without
 * reloads, what persists after a reload, a visitor's answers merged after signing up, a generated test
 * and its score, and accessibility (axe: serious or critical fails) of the study pages.
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
  SEED_TITLE,
  startE2eServer,
  type E2eServer,
} from '../helpers/browser.js';

let handles = 0;

describe('study mode (JavaScript on)', () => {
  let server: E2eServer;
  let browser: Browser;
  let setPath: string;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    const seed = await findSeedSet(server.url);
    setPath = new URL(seed.page).pathname.replace(/\/[^/]+$/, '');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A page whose console errors and failed requests fail the test. */
  async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await newPage(browser, { viewport: { width: 1024, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    return { page, problems };
  }

  async function signUp(page: Page, name: string): Promise<void> {
    handles += 1;
    const handle = `learner-${process.pid}-${handles}`;
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Email').fill(`${handle}@example.org`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await Promise.all([
      page.waitForURL(`${server.url}/`),
      page.getByRole('button', { name: 'Create account' }).click(),
    ]);
  }

  const status = (page: Page) => page.locator('[data-study-status]').innerText();

  /** Space shows the answer; the key rates it; waits until the next card is up. */
  async function studyOne(page: Page, rating: number, answered: number): Promise<void> {
    const card = page.locator('[data-study-card]:not([hidden])');
    await card.locator('[data-answer]').waitFor({ state: 'hidden' });
    await page.keyboard.press('Space');
    await card.locator('[data-answer]').waitFor({ state: 'visible' });
    await page.keyboard.press(String(rating));
    await page.waitForFunction(
      (n) => document.querySelector('[data-study-status]')?.textContent?.includes(`${n} answered`) === true,
      answered,
    );
  }

  const dueToday = async (page: Page) =>
    Number(/Due today: (\d+)/.exec(await page.locator('.due-today').innerText())?.[1]);

  it('studies 5 cards of the seed by keyboard; after a reload the due counts and answers are still there', async () => {
    const { page, problems } = await watchedPage();
    await signUp(page, 'Keyboard Learner');
    await page.goto(server.url + setPath + '/study');
    assert.equal(await dueToday(page), 11, 'all 11 cards are new, under the 20 a day');
    const firstUrl = page.url();
    // "?" lists the shortcuts; keys pressed meanwhile are the dialog's, Escape closes it.
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.waitFor();
    assert.match(await shortcuts.innerText(), /Undo the last answer/);
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('[data-study-card]:not([hidden]) [data-answer]').isHidden(), true);
    const ratings = [3, 3, 4, 1, 2];
    for (const [index, rating] of ratings.entries()) await studyOne(page, rating, index + 1);
    assert.equal(page.url(), firstUrl, 'no page loads while studying');
    // Only the Easy card left today's queue; the others come back within minutes.
    assert.equal(await dueToday(page), 10);
    assert.match(await status(page), /5 answered/);

    await page.reload();
    const detail = await page.locator('.due-detail').innerText();
    assert.match(detail, /5 of your 20 new cards a day seen today/);
    assert.match(detail, /6 new cards/);
    const utcMinutes = new Date().getUTCHours() * 60 + new Date().getUTCMinutes();
    // Learning steps end within the day (unless the test runs in the last minutes before midnight UTC).
    if (utcMinutes < 24 * 60 - 15) assert.equal(await dueToday(page), 10);

    await page.goto(`${server.url}/progress`);
    const progress = await page.locator('main').innerText();
    assert.match(progress, /5 answers in all/);
    assert.match(progress, /Persecution and Control · 1 known, 4 learning, 6 new/);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('keeps the rating buttons on screen after every reveal on a 390 px phone (tap or button to turn), each saying when the card comes back; ends with a summary and the server’s counts', async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true });
    await signUp(page, 'Phone Learner');
    await page.goto(server.url + setPath + '/study');
    // A full-screen reviewer: the site's header and tabs give way to one bar that leaves the session.
    assert.equal(await page.locator('.tab-bar').isVisible(), false, 'no tab bar while studying');
    assert.equal(await page.locator('.site-header').isVisible(), false, 'no site header while studying');
    const exit = page.getByRole('link', { name: `Stop studying: back to ${SEED_TITLE}` });
    assert.equal(await exit.isVisible(), true);
    const reveal = await page.getByRole('button', { name: 'Show answer' }).boundingBox();
    assert.ok(
      reveal !== null && reveal.y + reveal.height <= 844 && reveal.y > 844 / 2,
      `Show answer in thumb reach at the foot of the screen: ${JSON.stringify(reveal)}`,
    );
    for (let answered = 1; answered <= 11; answered++) {
      const card = page.locator('[data-study-card]:not([hidden])');
      // Turned by a tap on the question, or by its button.
      if (answered % 2 === 1) await card.locator('.study-front').tap();
      else await card.getByRole('button', { name: 'Show answer' }).click();
      const buttons = card.locator('.rating');
      await buttons.first().waitFor({ state: 'visible' });
      for (let i = 0; i < 4; i++) {
        const box = await buttons.nth(i).boundingBox();
        assert.ok(
          box !== null && box.y >= 0 && box.y + box.height <= 844,
          `card ${answered}, button ${i + 1}: ${JSON.stringify(box)}`,
        );
      }
      if (answered === 1) {
        // A touch screen is told about the swipes, under the buttons.
        assert.equal(await card.locator('.swipe-hint').isVisible(), true, 'the swipe hint shows');
      }
      const labels = await card.locator('.rating-interval [aria-hidden="true"]').allInnerTexts();
      assert.equal(labels.length, 4);
      for (const label of labels) assert.match(label, /^(<1m|\d+(\.\d)?([mhdy]|mo))$/);
      // Easy, so that no card comes back in this session.
      await buttons.nth(3).click();
      await page.waitForFunction(
        (n) => document.querySelector('[data-study-status]')?.textContent?.includes(`${n} answered`) === true,
        answered,
      );
    }
    // The end of the session says how it went; the counts on the page are the server's.
    const summary = await page.locator('[data-study-done-summary]').innerText();
    assert.match(
      summary,
      /^11 cards, 11 answers in \d+ min; Again 0 times \(0%\); the next of these cards is due in \d+ days\.$/,
    );
    const done = await page.locator('[data-study-done]').boundingBox();
    assert.ok(done !== null && done.y < 844 / 2, `the summary follows the status: ${JSON.stringify(done)}`);
    const counts = await page.locator('.due-summary').textContent();
    assert.match(counts ?? '', /Due today: 0/);
    // With the session over, the site's navigation is back.
    await page.reload();
    assert.equal(await page.locator('.tab-bar').isVisible(), true, 'the tab bar is back after the session');
    await exit.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.due-summary').textContent(), counts);
    await page.context().close();
  });

  it('undoes answers with Ctrl+Z and the button: the card comes back and its state is as before, in the database too', async () => {
    const { page, problems } = await watchedPage();
    await signUp(page, 'Undo Learner');
    await page.goto(server.url + setPath + '/study');
    const db = server.container.database.db;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('handle', '=', `learner-${process.pid}-${handles}`)
      .executeTakeFirstOrThrow();
    const states = () =>
      db.selectFrom('study_states').selectAll().where('user_id', '=', user.id).orderBy('card_id').execute();
    const front = () => page.locator('[data-study-card]:not([hidden]) .study-front').innerText();
    const firstFront = await front();
    await studyOne(page, 4, 1);
    const afterOne = await states();
    assert.equal(afterOne.length, 1);
    const secondFront = await front();
    await studyOne(page, 3, 2);
    assert.equal((await states()).length, 2);
    assert.equal(await dueToday(page), 10, 'the Easy card left today’s count; the Good one comes back');

    await page.keyboard.press('Control+z');
    await page.waitForFunction(() =>
      document.querySelector('[data-study-status]')?.textContent?.includes('1 answered'),
    );
    assert.equal(await front(), secondFront, 'the card answered last is shown again, question first');
    assert.equal(await page.locator('[data-study-card]:not([hidden]) [data-answer]').isHidden(), true);
    assert.deepEqual(await states(), afterOne, 'its state is gone again, the other as it was');

    await page.getByRole('button', { name: 'Undo last answer' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-study-status]')?.textContent?.includes('0 answered'),
    );
    assert.equal(await front(), firstFront);
    assert.deepEqual(await states(), []);
    assert.equal(await dueToday(page), 11, 'the count is back too');
    assert.equal(await page.getByRole('button', { name: 'Undo last answer' }).isHidden(), true);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('keeps a visitor’s answers in the browser, comes back to the set after signing up, and offers to add them', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(server.url + setPath + '/study');
    await page.locator('[data-visitor-note]').waitFor();
    await studyOne(page, 3, 1);
    await studyOne(page, 1, 2);
    const stored = await page.evaluate(
      () => (JSON.parse(localStorage.getItem('recall.browser-reviews.v1') ?? '[]') as unknown[]).length,
    );
    assert.equal(stored, 2);

    // Signing up from the study page's own link comes back to it.
    handles += 1;
    const handle = `learner-${process.pid}-${handles}`;
    await page.locator('[data-visitor-note]').getByRole('link', { name: 'sign up' }).click();
    await page.getByLabel('Name').fill('Visitor Turned Member');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Email').fill(`${handle}@example.org`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await Promise.all([
      page.waitForURL(server.url + setPath + '/study'),
      page.getByRole('button', { name: 'Create account' }).click(),
    ]);
    const banner = page.locator('.merge-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /You answered 2 cards here before logging in/);
    await banner.getByRole('button', { name: 'Add to my progress' }).click();
    await page.waitForFunction(
      () => document.querySelector('.merge-status')?.textContent?.startsWith('Added') === true,
    );
    assert.equal(await banner.locator('.merge-status').innerText(), 'Added 2 answers to your progress.');
    assert.equal(await page.evaluate(() => localStorage.getItem('recall.browser-reviews.v1')), null);

    await page.goto(`${server.url}/progress`);
    assert.match(await page.locator('main').innerText(), /2 answers in all/);
    assert.equal(await page.locator('.merge-banner').count(), 0, 'nothing left to offer');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('takes a generated test and shows the score', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${server.url}${setPath}/test?count=5&seed=42`);
    assert.equal(await page.locator('li.question').count(), 5);
    // Answer the first choice of each multiple-choice question, leave the rest.
    for (const fieldset of await page.locator('fieldset.choices').all()) {
      await fieldset.locator('input[type="radio"]').first().check();
    }
    await Promise.all([
      page.waitForURL(`${server.url}${setPath}/test`),
      page.getByRole('button', { name: 'Mark my test' }).click(),
    ]);
    const score = await page.locator('[data-score]').innerText();
    assert.match(score, /^[0-5] out of 5$/);
    assert.equal(await page.locator('ol.marked > li').count(), 5);
    assert.match(await page.locator('main').innerText(), /Cards to revisit/);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('has no serious or critical accessibility problems on the study, test, timeline, review, progress and exam pages', async () => {
    const { page } = await watchedPage();
    await signUp(page, 'Axe Learner');
    await page.goto(server.url + setPath + '/study');
    await studyOne(page, 3, 1);
    const pages = [
      `${setPath}/study`,
      `${setPath}/test?seed=42`,
      `${setPath}/timeline?seed=7`,
      '/review',
      '/progress',
      '/exams',
    ];
    for (const path of pages) {
      await page.goto(server.url + path);
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, `${path}:\n${describeAxeViolations(violations)}`);
    }
    // The study page with its answer showing, and the marked test.
    await page.goto(server.url + setPath + '/study');
    await page.keyboard.press('Space');
    await page.locator('[data-study-card]:not([hidden]) [data-answer]').waitFor({ state: 'visible' });
    let violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `answer shown:\n${describeAxeViolations(violations)}`);
    await page.goto(`${server.url}${setPath}/test?count=5&seed=42`);
    await Promise.all([
      page.waitForURL(`${server.url}${setPath}/test`),
      page.getByRole('button', { name: 'Mark my test' }).click(),
    ]);
    violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `test result:\n${describeAxeViolations(violations)}`);
    await page.context().close();
  });
});
