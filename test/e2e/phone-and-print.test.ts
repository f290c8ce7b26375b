/** The card-set page on a 360 px phone (no sideways scrolling, swipes) and printed (every card), JavaScript on. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  SEED_CARD_COUNT,
  documentScrollWidth,
  findSeedSet,
  launchChromium,
  newPage,
  startE2eServer,
  visibleCardNumbers,
  waitForCarouselStatus,
  type E2eServer,
  type SeedSetLinks,
} from '../helpers/browser.js';

const PHONE = { width: 360, height: 740 };
const allCards = Array.from({ length: SEED_CARD_COUNT }, (_, i) => i + 1);

describe('card-set page on a phone and in print', () => {
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

  async function openOnPhone(url: string, options: { hasTouch?: boolean } = {}): Promise<Page> {
    const page = await newPage(browser, { viewport: PHONE, isMobile: true, ...options });
    await page.goto(url);
    return page;
  }

  async function assertNoSidewaysScroll(page: Page, where: string): Promise<void> {
    const width = await documentScrollWidth(page);
    assert.ok(width <= PHONE.width, `${where} is ${width}px wide, more than the ${PHONE.width}px screen`);
  }

  it('does not scroll sideways at 360px on any card, with all cards shown or the information open', async () => {
    const page = await openOnPhone(seed.page);
    try {
      await waitForCarouselStatus(page, `1 of ${SEED_CARD_COUNT}`);
      await assertNoSidewaysScroll(page, 'card 1');
      for (let n = 2; n <= SEED_CARD_COUNT; n++) {
        await page.keyboard.press('ArrowRight');
        await waitForCarouselStatus(page, `${n} of ${SEED_CARD_COUNT}`);
        await assertNoSidewaysScroll(page, `card ${n}`);
      }
      await page.locator('details.resource-info summary').click();
      await assertNoSidewaysScroll(page, 'the page with the resource information open');
      await page.locator('[data-action="toggle-all"]').click();
      await waitForCarouselStatus(page, `All ${SEED_CARD_COUNT} cards`);
      await assertNoSidewaysScroll(page, 'the page with all cards shown');
    } finally {
      await page.context().close();
    }
  });

  it('does not scroll sideways at 360px on the home, subject and topic pages', async () => {
    const page = await openOnPhone(`${server.url}/`);
    try {
      await assertNoSidewaysScroll(page, 'the home page');
      await page.goto(seed.subject);
      await assertNoSidewaysScroll(page, 'the History page');
      await page.goto(seed.topic);
      await assertNoSidewaysScroll(page, 'the topic page');
    } finally {
      await page.context().close();
    }
  });

  it('moves to the next and previous card with a swipe', async () => {
    const page = await openOnPhone(seed.page, { hasTouch: true });
    try {
      await waitForCarouselStatus(page, `1 of ${SEED_CARD_COUNT}`);
      const box = await page.locator('#card-1').boundingBox();
      assert.ok(box !== null);
      const y = box.y + Math.min(box.height / 2, 100);
      const cdp = await page.context().newCDPSession(page);
      const swipe = async (fromX: number, toX: number) => {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: (fromX + toX) / 2, y }],
        });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: toX, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      };

      await swipe(300, 60); // finger moves left: next card
      await waitForCarouselStatus(page, `2 of ${SEED_CARD_COUNT}`);
      assert.deepEqual(await visibleCardNumbers(page), [2]);
      await swipe(60, 300); // finger moves right: previous card
      await waitForCarouselStatus(page, `1 of ${SEED_CARD_COUNT}`);
      assert.deepEqual(await visibleCardNumbers(page), [1]);
    } finally {
      await page.context().close();
    }
  });

  it('prints all 11 cards, none hidden, without the carousel controls', async () => {
    const page = await openOnPhone(seed.page);
    try {
      await waitForCarouselStatus(page, `1 of ${SEED_CARD_COUNT}`);
      assert.deepEqual(await visibleCardNumbers(page), [1], 'on screen the carousel shows one card');

      await page.emulateMedia({ media: 'print' });
      await page.waitForFunction(() => matchMedia('print').matches);
      assert.deepEqual(await visibleCardNumbers(page), allCards, 'in print every card shows');
      assert.equal(
        await page.locator('.carousel-toolbar').isVisible(),
        false,
        'no carousel controls on paper',
      );
      assert.equal(await page.locator('.site-header').isVisible(), false);

      await page.emulateMedia({ media: 'screen' });
      await page.waitForFunction(() => !matchMedia('print').matches);
      assert.deepEqual(await visibleCardNumbers(page), [1], 'back on screen, one card again');
    } finally {
      await page.context().close();
    }
  });
});
