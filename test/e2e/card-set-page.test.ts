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
  /** One tab for the whole file (a context per test costs more than the test); every test loads its page afresh. */
  let page: Page;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    [seed, page] = await Promise.all([findSeedSet(server.url), newPage(browser)]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Loads the seed set page fresh; via about:blank, because a goto that only changes the hash would not reload. */
  async function openSeed(hash = ''): Promise<void> {
    await page.goto('about:blank');
    await page.goto(seed.page + hash);
    // The carousel is ready once its status is filled in.
    await page.waitForFunction(() => document.querySelector('.carousel-status')?.textContent !== '');
  }

  /** Exactly card n is visible, with its title (or none), and the status reads "n of 11"; returns the URL hash. */
  async function assertShowing(n: number): Promise<string> {
    await waitForCarouselStatus(page, status(n));
    // One round trip for the rest: which cards a user can see, what the visible one says, the hash.
    const { shown, hash } = await page.evaluate(() => ({
      hash: window.location.hash,
      shown: Array.from(document.querySelectorAll<HTMLElement>('[data-card]'))
        .filter((card) => card.checkVisibility({ visibilityProperty: true }))
        .map((card) => ({
          id: card.id,
          title: card.querySelector<HTMLElement>('.card-title')?.innerText ?? null,
          label: card.querySelector('article')?.getAttribute('aria-label') ?? null,
        })),
    }));
    assert.deepEqual(
      shown.map((card) => card.id),
      [`card-${n}`],
      `only card ${n} should be visible`,
    );
    assert.equal(shown[0]?.title, SEED_CARD_TITLES[n - 1], `title of card ${n}`);
    assert.equal(shown[0]?.label, `Card ${n} of ${SEED_CARD_COUNT}`);
    return hash;
  }

  it('walks all 11 cards of the seed with the arrow keys', async () => {
    await openSeed();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), SEED_TITLE);
    assert.equal(await page.locator('[data-card]').count(), SEED_CARD_COUNT);
    await assertShowing(1);

    for (let n = 2; n <= SEED_CARD_COUNT; n++) {
      await page.keyboard.press('ArrowRight');
      assert.equal(await assertShowing(n), `#card-${n}`, 'the URL hash follows the card');
    }

    // Past the last card, ArrowRight stays put.
    await page.keyboard.press('ArrowRight');
    assert.equal(await assertShowing(SEED_CARD_COUNT), `#card-${SEED_CARD_COUNT}`);

    await page.keyboard.press('ArrowLeft');
    assert.equal(await assertShowing(SEED_CARD_COUNT - 1), `#card-${SEED_CARD_COUNT - 1}`);
  });

  it('moves with the Next and Previous buttons, which are disabled at the ends', async () => {
    await openSeed();
    const previous = page.getByRole('button', { name: 'Previous', exact: true });
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await assertShowing(1);
    assert.equal(await previous.isDisabled(), true, 'Previous is disabled on the first card');
    assert.equal(await next.isEnabled(), true);

    await next.click();
    assert.equal(await assertShowing(2), '#card-2');
    assert.equal(await previous.isEnabled(), true);

    await previous.click();
    assert.equal(await assertShowing(1), '#card-1');

    for (let n = 2; n <= SEED_CARD_COUNT; n++) {
      await next.click();
      await assertShowing(n);
    }
    assert.equal(await next.isDisabled(), true, 'Next is disabled on the last card');
    assert.equal(await previous.isEnabled(), true);

    await previous.click();
    await assertShowing(SEED_CARD_COUNT - 1);
    assert.equal(await next.isEnabled(), true);
  });

  for (const [button, from, to] of [
    ['Next', SEED_CARD_COUNT - 1, SEED_CARD_COUNT],
    ['Previous', 2, 1],
  ] as const) {
    it(`keeps keyboard focus in the carousel toolbar when ${button} reaches card ${to}`, async () => {
      await openSeed(`#card-${from}`);
      await page.getByRole('button', { name: button, exact: true }).focus();
      await page.keyboard.press('Enter');
      await assertShowing(to);
      const focused = await page.evaluate(() => {
        const element = document.activeElement;
        return element?.closest('.carousel-toolbar') ? element.textContent?.trim() : element?.tagName;
      });
      // A focused button that becomes disabled drops focus to <body>: a keyboard or screen-reader
      // user is thrown out of the carousel (WCAG 2.4.3 Focus Order).
      assert.notEqual(
        focused,
        'BODY',
        `pressing ${button} onto card ${to} lost keyboard focus (the focused button was disabled); ` +
          'move focus to the other button, or mark the button aria-disabled instead of disabled',
      );
    });
  }

  it('opens the card named in the URL hash (#card-5) and follows later hash changes', async () => {
    await openSeed('#card-5');
    await assertShowing(5);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    assert.equal(await assertShowing(6), '#card-6');

    // Following an in-page link (or editing the hash) moves the carousel too.
    await page.evaluate(() => {
      window.location.hash = '#card-3';
    });
    await assertShowing(3);
  });

  it('ignores a hash that names no card and starts at card 1', async () => {
    await openSeed('#card-12');
    await assertShowing(1);
  });

  it('toggles the resource information with the mouse and the keyboard', async () => {
    await openSeed();
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
    await page.waitForFunction(() => !document.querySelector('details.resource-info')?.hasAttribute('open'));
    assert.equal(await list.isVisible(), false, 'Enter hides the information again');
    assert.equal(await summary.innerText(), 'Show resource information');

    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('details.resource-info')?.hasAttribute('open'));
    assert.equal(await list.isVisible(), true, 'Space shows it');

    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('details.resource-info')?.hasAttribute('open'));
    assert.equal(await list.isVisible(), false, 'Space hides it');

    // The carousel's arrow keys still work while the summary has focus.
    await page.keyboard.press('ArrowRight');
    await assertShowing(2);
  });

  it('"Show all cards" (a toggle button) shows all 11 cards at once, and pressing it again goes back', async () => {
    await openSeed('#card-4');
    await assertShowing(4);
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
    assert.equal(
      await toggle.innerText(),
      'Show all cards',
      'a toggle keeps its name; aria-pressed says its state',
    );
    assert.equal(await page.getByRole('button', { name: 'Next', exact: true }).isDisabled(), true);
    assert.equal(await page.getByRole('button', { name: 'Previous', exact: true }).isDisabled(), true);

    // Arrow keys do nothing while all cards are shown.
    await page.keyboard.press('ArrowRight');
    assert.equal(await visibleCardNumbers(page).then((cards) => cards.length), SEED_CARD_COUNT);

    await toggle.click();
    await assertShowing(4);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
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

    it('reports a planted violation, so a clean run means something', async () => {
      await page.goto(`${server.url}/`);
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.querySelector('main')?.append(image);
      });
      const violations = await seriousAxeViolations(page);
      assert.deepEqual(
        violations.map((v) => v.id),
        ['image-alt'],
        describeAxeViolations(violations),
      );
    });

    it('on the seed set page (one card, all cards, resource information open)', async () => {
      await openSeed();
      await assertAccessible(page, 'the seed set page');
      await page.locator('details.resource-info summary').click();
      await page.locator('[data-action="toggle-all"]').click();
      await waitForCarouselStatus(page, `All ${SEED_CARD_COUNT} cards`);
      await assertAccessible(page, 'the seed set page with all cards and the information shown');
    });

    it('on the home page, the History subject page and the topic page', async () => {
      for (const [what, url] of [
        ['the home page', `${server.url}/`],
        ['the History subject page', seed.subject],
        [`the topic page (${seed.topicName})`, seed.topic],
      ] as const) {
        const response = await page.goto(url);
        assert.equal(response?.status(), 200, `${url} answers 200`);
        await assertAccessible(page, what);
      }
    });

    it('on a 404 page', async () => {
      const response = await page.goto(`${server.url}/sets/999999/no-such-set`);
      assert.equal(response?.status(), 404);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
      await assertAccessible(page, 'the 404 page');
    });
  });
});
