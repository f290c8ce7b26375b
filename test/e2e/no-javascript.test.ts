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

    // One round trip: each card's id, whether it and its "n of 11" show, its count text and title.
    const cards = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-card]')).map((card) => {
        const count = card.querySelector<HTMLElement>('.card-count');
        return {
          id: card.id,
          visible: card.checkVisibility(),
          countVisible: count?.checkVisibility() ?? false,
          count: count?.innerText.trim() ?? null,
          title: card.querySelector<HTMLElement>('.card-title')?.innerText ?? null,
        };
      }),
    );
    assert.equal(cards.length, SEED_CARD_COUNT);
    cards.forEach((card, index) => {
      const n = index + 1;
      assert.deepEqual(
        card,
        {
          id: `card-${n}`,
          visible: true,
          countVisible: true,
          count: `${n} of ${SEED_CARD_COUNT}`,
          title: SEED_CARD_TITLES[n - 1],
        },
        `card ${n} of the page`,
      );
    });
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
