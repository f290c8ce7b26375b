/**
 * An exam that cannot be met, in headless Chromium: the learner lowers their new-card limit, sets an exam
 * on the seed two days away, reads on the plan page that not every card can reach the target and why,
 * takes the offered limit with its button, and finds the plan on track and the Review queue with the new
 * limit. The plan page in both states has no serious or critical accessibility problems.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  describeAxeViolations,
  findSeedSet,
  launchChromium,
  newPage,
  seriousAxeViolations,
  startE2eServer,
  type E2eServer,
} from '../helpers/browser.js';

describe('an exam that cannot be met (JavaScript on)', () => {
  let server: E2eServer;
  let browser: Browser;
  let setId: string;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    const seed = await findSeedSet(server.url);
    setId = /\/sets\/(\d+)\//.exec(new URL(seed.page).pathname)![1]!;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says so on the plan page, and the offered choice changes the limit and puts the plan on track', async () => {
    const page = await newPage(browser, { viewport: { width: 1024, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const handle = `examinee-${process.pid}`;
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Name').fill('Examinee');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Email').fill(`${handle}@example.org`);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await Promise.all([
      page.waitForURL(`${server.url}/`),
      page.getByRole('button', { name: 'Create account' }).click(),
    ]);

    // Three new cards a day, and the seed's 11 cards to know in two days.
    await page.goto(`${server.url}/review`);
    await page.locator('.study-settings > summary').click();
    await page.getByLabel('How many new cards to start each day').fill('3');
    await Promise.all([
      page.waitForURL(`${server.url}/review`),
      page.getByRole('button', { name: 'Save' }).click(),
    ]);
    await page.goto(`${server.url}/exams?set=${setId}`);
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Exam date', { exact: true }).fill(inTwoDays);
    await Promise.all([
      page.waitForURL(/\/exams\/\d+$/),
      page.getByRole('button', { name: 'Save exam date' }).click(),
    ]);
    const planUrl = page.url();

    const status = page.locator('[data-plan-status]');
    assert.equal(await status.getAttribute('data-plan-status'), 'short');
    const heading = await page.getByRole('heading', { name: /Not every card can reach 90% by/ }).innerText();
    assert.match(heading, /Not every card can reach 90%/);
    assert.match(
      await status.innerText(),
      /5 cards of 11 cannot be started before the exam with 3 new cards a day/,
    );
    const recall = await page.locator('[data-forecast-recall]').innerText();
    assert.ok(Number.parseInt(recall, 10) < 60, `predicted ${recall}: 6 of 11 cards at most`);
    let violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `plan page, short:\n${describeAxeViolations(violations)}`);

    const choice = page.getByRole('button', { name: 'Learn 6 new cards a day' });
    await choice.focus();
    // The button posts its form: the same page comes back, with the new limit.
    await page.keyboard.press('Enter');
    await page.getByText('Saved: up to 6 new cards a day').waitFor();
    assert.equal(page.url(), planUrl);
    assert.equal(await page.locator('[data-plan-status]').getAttribute('data-plan-status'), 'ready');
    assert.match(await page.locator('[data-plan-status]').innerText(), /On track/);
    violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `plan page, on track:\n${describeAxeViolations(violations)}`);

    await page.goto(`${server.url}/review`);
    assert.match(await page.locator('.due-detail').innerText(), /6 new cards/);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
