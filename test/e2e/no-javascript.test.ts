/** The pages work without JavaScript: every card in order, native <details>, plain links to the listings. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  SEED_CARD_COUNT,
  SEED_CARD_TITLES,
  SEED_TITLE,
  findSeedSet,
  launchChromium,
  newPage,
  startE2eServer,
  type E2eServer,
  type SeedSetLinks,
} from '../helpers/browser.js';

describe('card-set page without JavaScript', () => {
  let server: E2eServer;
  let browser: Browser;
  let seed: SeedSetLinks;
  let page: Page;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    seed = await findSeedSet(server.url);
    page = await newPage(browser, { javaScriptEnabled: false });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows all 11 cards of the seed in order, each with its visible "n of 11"', async () => {
    await page.goto(seed.page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), SEED_TITLE);
    // The script did not run: no carousel toolbar.
    assert.equal(await page.locator('.carousel-toolbar').count(), 0);

    const cards = page.locator('[data-card]');
    assert.equal(await cards.count(), SEED_CARD_COUNT);
    for (let n = 1; n <= SEED_CARD_COUNT; n++) {
      const card = cards.nth(n - 1);
      assert.equal(await card.getAttribute('id'), `card-${n}`, `card ${n} is in place ${n}`);
      assert.equal(await card.isVisible(), true, `card ${n} is visible`);
      const count = card.locator('.card-count');
      assert.equal(await count.isVisible(), true, `the count of card ${n} is visible`);
      assert.equal((await count.innerText()).trim(), `${n} of ${SEED_CARD_COUNT}`);
      const title = SEED_CARD_TITLES[n - 1];
      if (title === null) assert.equal(await card.locator('.card-title').count(), 0);
      else assert.equal(await card.locator('.card-title').innerText(), title, `title of card ${n}`);
    }
  });

  it('links each card to the next and previous one by its #card-n anchor', async () => {
    await page.goto(seed.page);
    const first = page.locator('#card-1');
    assert.equal(await first.locator('a[rel="prev"]').count(), 0);
    const next = first.getByRole('link', { name: 'Next card' });
    assert.equal(await next.getAttribute('href'), '#card-2');
    await next.click();
    await page.waitForURL((url) => url.hash === '#card-2');
    assert.equal(
      await page
        .locator(`#card-${SEED_CARD_COUNT}`)
        .getByRole('link', { name: 'Previous card' })
        .getAttribute('href'),
      `#card-${SEED_CARD_COUNT - 1}`,
    );
    assert.equal(await page.locator(`#card-${SEED_CARD_COUNT} a[rel="next"]`).count(), 0);
  });

  it('opens the resource information, a native <details>', async () => {
    await page.goto(seed.page);
    const details = page.locator('details.resource-info');
    const list = details.locator('dl');
    assert.equal(await list.isVisible(), false);
    await details.locator('summary').click();
    assert.equal(await list.isVisible(), true, 'the summary opens the details without any script');
    assert.equal(await details.locator('summary').innerText(), 'Hide resource information');
    const text = await list.innerText();
    assert.match(text, /Subject\s+History/);
    assert.match(text, new RegExp(`Number of cards\\s+${SEED_CARD_COUNT}`));
  });

  it('leads from "See all History resources »" to a listing that lists the seed set', async () => {
    await page.goto(seed.page);
    await page.getByRole('link', { name: 'See all History resources »' }).click();
    await page.waitForURL(seed.subject);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'History resources');

    const link = page.locator('.set-list').getByRole('link', { name: SEED_TITLE, exact: true });
    assert.equal(await link.count(), 1, 'the listing has one link to the seed set');
    assert.equal(new URL((await link.getAttribute('href')) ?? '', server.url).href, seed.page);

    // And back again: the listing's link opens the set.
    await link.click();
    await page.waitForURL(seed.page);
    assert.equal(await page.locator('[data-card]').count(), SEED_CARD_COUNT);
  });
});
