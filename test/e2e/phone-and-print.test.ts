/** The card-set page on a 360 px phone (no sideways scrolling, swipes) and printed (every card), JavaScript on. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  SEED_CARD_COUNT,
  SEED_TITLE,
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
  /** One phone tab (360x740, touch) for the whole file; each test loads its pages afresh. */
  let page: Page;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    [seed, page] = await Promise.all([
      findSeedSet(server.url),
      newPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true }),
    ]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Loads the seed set page fresh (via about:blank: a goto that only changes the hash would not reload). */
  async function openSeed(): Promise<void> {
    await page.goto('about:blank');
    await page.goto(seed.page);
    await waitForCarouselStatus(page, `1 of ${SEED_CARD_COUNT}`);
  }

  async function assertNoSidewaysScroll(where: string): Promise<void> {
    const width = await documentScrollWidth(page);
    assert.ok(width <= PHONE.width, `${where} is ${width}px wide, more than the ${PHONE.width}px screen`);
  }

  it('does not scroll sideways at 360px on any card, with all cards shown or the information open', async () => {
    await openSeed();
    await assertNoSidewaysScroll('card 1');
    for (let n = 2; n <= SEED_CARD_COUNT; n++) {
      await page.keyboard.press('ArrowRight');
      await waitForCarouselStatus(page, `${n} of ${SEED_CARD_COUNT}`);
      await assertNoSidewaysScroll(`card ${n}`);
    }
    await page.locator('details.resource-info summary').click();
    await assertNoSidewaysScroll('the page with the resource information open');
    await page.locator('[data-action="toggle-all"]').click();
    await waitForCarouselStatus(page, `All ${SEED_CARD_COUNT} cards`);
    await assertNoSidewaysScroll('the page with all cards shown');
  });

  it('does not scroll sideways at 360px on the home, subject and topic pages', async () => {
    await page.goto(`${server.url}/`);
    await assertNoSidewaysScroll('the home page');
    await page.goto(seed.subject);
    await assertNoSidewaysScroll('the History page');
    await page.goto(seed.topic);
    await assertNoSidewaysScroll('the topic page');
  });

  /** A one-finger horizontal swipe across the visible card, as real touch input through the DevTools protocol. */
  async function swipe(fromX: number, toX: number): Promise<void> {
    const box = await page.locator('[data-card]:not([hidden])').boundingBox();
    assert.ok(box !== null, 'a card is visible');
    // The middle of the part of the card on screen (above the tab bar): where a thumb would swipe.
    const top = Math.max(box.y, 0);
    const bottom = Math.min(box.y + box.height, PHONE.height - 80);
    assert.ok(bottom - top > 40, 'some of the card is on screen');
    const y = (top + bottom) / 2;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: fromX, y }] });
    for (let step = 1; step <= 4; step++) {
      const x = fromX + ((toX - fromX) * step) / 4;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  /** Arrives at the seed set the way a student does, from the topic listing, so "back" has somewhere to go. */
  async function openFromListing(): Promise<void> {
    await page.goto(seed.topic);
    await page.locator('.set-list').getByRole('link', { name: SEED_TITLE, exact: true }).click();
    await page.waitForURL(seed.page);
    await waitForCarouselStatus(page, `1 of ${SEED_CARD_COUNT}`);
  }

  it('moves to the next card with a swipe to the left', async () => {
    await openFromListing();
    await swipe(300, 60);
    await waitForCarouselStatus(page, `2 of ${SEED_CARD_COUNT}`);
    assert.deepEqual(await visibleCardNumbers(page), [2]);
    await swipe(300, 60);
    await waitForCarouselStatus(page, `3 of ${SEED_CARD_COUNT}`);
  });

  it('moves to the previous card with a swipe to the right, without the browser going back a page', async () => {
    await openFromListing();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await waitForCarouselStatus(page, `2 of ${SEED_CARD_COUNT}`);

    // Chromium turns a horizontal swipe the page does not claim into its own "back" gesture
    // (overscroll history navigation). When that happens the navigation commits within ~150 ms of
    // the finger lifting, so a second after the swipe without one means the carousel kept the gesture.
    const leftPage = page
      .waitForEvent('framenavigated', {
        predicate: (frame) => frame === page.mainFrame() && frame.url().split('#')[0] !== seed.page,
        timeout: 0,
      })
      .then((frame) => frame.url());
    leftPage.catch(() => {}); // rejected when the context closes, after the race below is long settled
    await swipe(90, 330);
    const navigatedTo = await Promise.race([leftPage, page.waitForTimeout(1000).then(() => null)]);
    assert.equal(
      navigatedTo,
      null,
      `swiping right to the previous card also made the browser go back a page, to ${navigatedTo}: ` +
        "the carousel needs `touch-action: pan-y pinch-zoom` so horizontal swipes are the page's",
    );
    await waitForCarouselStatus(page, `1 of ${SEED_CARD_COUNT}`);
    assert.deepEqual(await visibleCardNumbers(page), [1]);
  });

  it('prints all 11 cards, none hidden, without the carousel controls', async () => {
    await openSeed();
    assert.deepEqual(await visibleCardNumbers(page), [1], 'on screen the carousel shows one card');

    await page.emulateMedia({ media: 'print' });
    try {
      await page.waitForFunction(() => matchMedia('print').matches);
      assert.deepEqual(await visibleCardNumbers(page), allCards, 'in print every card shows');
      assert.equal(
        await page.locator('.carousel-toolbar').isVisible(),
        false,
        'no carousel controls on paper',
      );
      assert.equal(await page.locator('.site-header').isVisible(), false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    await page.waitForFunction(() => !matchMedia('print').matches);
    assert.deepEqual(await visibleCardNumbers(page), [1], 'back on screen, one card again');
  });
});
