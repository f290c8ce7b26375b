/** The card-set page in headless Chromium with JavaScript on: the carousel, resource information, accessibility. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  SEED_CARD_COUNT,
  SEED_CARD_TITLES,
  SEED_TITLE,
  describeAxeViolations,
  findSeedSet,
  launchChromium,
  newPage,
  seriousAxeViolations,
  startE2eServer,
  visibleCardNumbers,
  waitForCarouselStatus,
  type E2eServer,
  type SeedSetLinks,
} from '../helpers/browser.js';

const status = (n: number) => `${n} of ${SEED_CARD_COUNT}`;

describe('card-set page (JavaScript on)', () => {
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

  async function openSeed(hash = ''): Promise<Page> {
    const page = await newPage(browser);
    await page.goto(seed.page + hash);
    // The carousel is ready once its status is filled in.
    await page.waitForFunction(() => document.querySelector('.carousel-status')?.textContent !== '');
    return page;
  }

  const hashOf = (page: Page) => page.evaluate(() => window.location.hash);

  /** Exactly card n is visible, with its title (or none), and the status reads "n of 11". */
  async function assertShowing(page: Page, n: number): Promise<void> {
    await waitForCarouselStatus(page, status(n));
    assert.deepEqual(await visibleCardNumbers(page), [n], `only card ${n} should be visible`);
    const card = page.locator(`#card-${n}`);
    const expectedTitle = SEED_CARD_TITLES[n - 1];
    if (expectedTitle === null) {
      assert.equal(await card.locator('.card-title').count(), 0, `card ${n} has no title`);
    } else {
      assert.equal(await card.locator('.card-title').innerText(), expectedTitle, `title of card ${n}`);
    }
    assert.equal(
      await card.getByRole('article').getAttribute('aria-label'),
      `Card ${n} of ${SEED_CARD_COUNT}`,
    );
  }

  it('walks all 11 cards of the seed with the arrow keys', async () => {
    const page = await openSeed();
    try {
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), SEED_TITLE);
      assert.equal(await page.locator('[data-card]').count(), SEED_CARD_COUNT);
      await assertShowing(page, 1);

      for (let n = 2; n <= SEED_CARD_COUNT; n++) {
        await page.keyboard.press('ArrowRight');
        await assertShowing(page, n);
        assert.equal(await hashOf(page), `#card-${n}`, 'the URL hash follows the card');
      }

      // Past the last card, ArrowRight stays put.
      await page.keyboard.press('ArrowRight');
      await assertShowing(page, SEED_CARD_COUNT);
      assert.equal(await hashOf(page), `#card-${SEED_CARD_COUNT}`);

      await page.keyboard.press('ArrowLeft');
      await assertShowing(page, SEED_CARD_COUNT - 1);
      assert.equal(await hashOf(page), `#card-${SEED_CARD_COUNT - 1}`);
    } finally {
      await page.context().close();
    }
  });

  it('moves with the Next and Previous buttons, which are disabled at the ends', async () => {
    const page = await openSeed();
    try {
      const previous = page.getByRole('button', { name: 'Previous', exact: true });
      const next = page.getByRole('button', { name: 'Next', exact: true });
      await assertShowing(page, 1);
      assert.equal(await previous.isDisabled(), true, 'Previous is disabled on the first card');
      assert.equal(await next.isEnabled(), true);

      await next.click();
      await assertShowing(page, 2);
      assert.equal(await previous.isEnabled(), true);
      assert.equal(await hashOf(page), '#card-2');

      await previous.click();
      await assertShowing(page, 1);
      assert.equal(await hashOf(page), '#card-1');

      for (let n = 2; n <= SEED_CARD_COUNT; n++) {
        await next.click();
        await assertShowing(page, n);
      }
      assert.equal(await next.isDisabled(), true, 'Next is disabled on the last card');
      assert.equal(await previous.isEnabled(), true);

      await previous.click();
      await assertShowing(page, SEED_CARD_COUNT - 1);
      assert.equal(await next.isEnabled(), true);
    } finally {
      await page.context().close();
    }
  });

  it('opens the card named in the URL hash (#card-5) and follows later hash changes', async () => {
    const page = await openSeed('#card-5');
    try {
      await assertShowing(page, 5);
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await assertShowing(page, 6);
      assert.equal(await hashOf(page), '#card-6');

      // Following an in-page link (or editing the hash) moves the carousel too.
      await page.evaluate(() => {
        window.location.hash = '#card-3';
      });
      await assertShowing(page, 3);
    } finally {
      await page.context().close();
    }
  });

  it('ignores a hash that names no card and starts at card 1', async () => {
    const page = await openSeed('#card-12');
    try {
      await assertShowing(page, 1);
    } finally {
      await page.context().close();
    }
  });

  it('toggles the resource information with the mouse and the keyboard', async () => {
    const page = await openSeed();
    try {
      const details = page.locator('details.resource-info');
      const summary = details.locator('summary');
      const list = details.locator('dl');
      const isOpen = () => details.evaluate((element) => (element as HTMLDetailsElement).open);

      assert.equal(await summary.innerText(), 'Show resource information');
      assert.equal(await list.isVisible(), false, 'the information starts hidden');

      await summary.click();
      assert.equal(await isOpen(), true);
      assert.equal(await list.isVisible(), true);
      assert.equal(await summary.innerText(), 'Hide resource information');
      const info = await list.evaluate((dl) => {
        const pairs: Record<string, string> = {};
        for (const dt of Array.from(dl.querySelectorAll('dt'))) {
          const dd = dt.nextElementSibling;
          pairs[dt.textContent?.trim() ?? ''] = (dd as HTMLElement | null)?.innerText.trim() ?? '';
        }
        return pairs;
      });
      assert.equal(info['Created by'], seed.authorName);
      assert.notEqual(info['Created by'], '');
      assert.equal(info['Subject'], 'History');
      assert.equal(info['Topic'], seed.topicName);
      assert.equal(info['Number of cards'], String(SEED_CARD_COUNT));
      assert.match(info['Created on'] ?? '', /\d{4}/);
      assert.match(info['Views'] ?? '', /^\d[\d,]*$/);

      // From the keyboard: Enter and Space on the focused summary toggle it, as on any <details>.
      await summary.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => !document.querySelector('details.resource-info')?.hasAttribute('open'),
      );
      assert.equal(await list.isVisible(), false, 'Enter hides the information again');
      assert.equal(await summary.innerText(), 'Show resource information');

      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.querySelector('details.resource-info')?.hasAttribute('open'));
      assert.equal(await list.isVisible(), true, 'Space shows it');

      await page.keyboard.press('Space');
      await page.waitForFunction(
        () => !document.querySelector('details.resource-info')?.hasAttribute('open'),
      );
      assert.equal(await list.isVisible(), false, 'Space hides it');

      // The carousel's arrow keys still work while the summary has focus.
      await page.keyboard.press('ArrowRight');
      await assertShowing(page, 2);
    } finally {
      await page.context().close();
    }
  });

  it('"Show all cards" shows all 11 cards at once, and "One card at a time" goes back', async () => {
    const page = await openSeed('#card-4');
    try {
      await assertShowing(page, 4);
      const toggle = page.locator('[data-action="toggle-all"]');
      assert.equal(await toggle.innerText(), 'Show all cards');
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');

      await toggle.click();
      await waitForCarouselStatus(page, `All ${SEED_CARD_COUNT} cards`);
      assert.deepEqual(
        await visibleCardNumbers(page),
        Array.from({ length: SEED_CARD_COUNT }, (_, i) => i + 1),
      );
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await toggle.innerText(), 'One card at a time');
      assert.equal(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled(), true);
      assert.equal(await page.getByRole('button', { name: 'Previous', exact: true }).isDisabled(), true);

      // Arrow keys do nothing while all cards are shown.
      await page.keyboard.press('ArrowRight');
      assert.equal(await visibleCardNumbers(page).then((cards) => cards.length), SEED_CARD_COUNT);

      await toggle.click();
      await assertShowing(page, 4);
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    } finally {
      await page.context().close();
    }
  });

  describe('has no serious or critical axe-core violation', () => {
    async function assertAccessible(page: Page, what: string): Promise<void> {
      const violations = await seriousAxeViolations(page);
      assert.equal(
        violations.length,
        0,
        `axe-core found serious/critical violations on ${what}:\n${describeAxeViolations(violations)}`,
      );
    }

    it('on the seed set page (one card, all cards, resource information open)', async () => {
      const page = await openSeed();
      try {
        await assertAccessible(page, 'the seed set page');
        await page.locator('details.resource-info summary').click();
        await page.locator('[data-action="toggle-all"]').click();
        await waitForCarouselStatus(page, `All ${SEED_CARD_COUNT} cards`);
        await assertAccessible(page, 'the seed set page with all cards and the information shown');
      } finally {
        await page.context().close();
      }
    });

    it('on the home page, the History subject page and the topic page', async () => {
      const page = await newPage(browser);
      try {
        for (const [what, url] of [
          ['the home page', `${server.url}/`],
          ['the History subject page', seed.subject],
          [`the topic page (${seed.topicName})`, seed.topic],
        ] as const) {
          const response = await page.goto(url);
          assert.equal(response?.status(), 200, `${url} answers 200`);
          await assertAccessible(page, what);
        }
      } finally {
        await page.context().close();
      }
    });

    it('on a 404 page', async () => {
      const page = await newPage(browser);
      try {
        const response = await page.goto(`${server.url}/sets/999999/no-such-set`);
        assert.equal(response?.status(), 404);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
        await assertAccessible(page, 'the 404 page');
      } finally {
        await page.context().close();
      }
    });
  });
});
