/**
 * The set page's two modes on a 390 px phone: Cards (each card in the room of the tallest, so Next never
 * moves) and Flashcards (the front, turned over with a tap, the Flip button, Space or Enter).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  SEED_CARD_COUNT,
  findSeedSet,
  launchChromium,
  newPage,
  startE2eServer,
  waitForCarouselStatus,
  type E2eServer,
  type SeedSetLinks,
} from '../helpers/browser.js';

const PHONE = { width: 390, height: 844 };

describe('flashcards and the fixed card on the set page', () => {
  let server: E2eServer;
  let browser: Browser;
  let seed: SeedSetLinks;
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

  async function openSeed(): Promise<void> {
    await page.goto('about:blank');
    await page.goto(seed.page);
    await page.waitForFunction(() => document.querySelector('.carousel-status')?.textContent !== '');
  }

  /** Where Next is on the page (not the window: scrolling must not hide a jump). */
  const nextButtonTop = () =>
    page.evaluate(() =>
      Math.round(
        document.querySelector('[data-action="next"]')!.getBoundingClientRect().top + window.scrollY,
      ),
    );

  /** Which face of the shown card a person can see. */
  const shownFace = () =>
    page.evaluate(() => {
      const card = Array.from(document.querySelectorAll<HTMLElement>('[data-card]')).find((c) =>
        c.checkVisibility({ visibilityProperty: true }),
      )!;
      const front = card.querySelector<HTMLElement>('.card-front')!;
      const back = card.querySelector<HTMLElement>('.card-back')!;
      return {
        front: front.checkVisibility({ visibilityProperty: true }) ? front.innerText.trim() : null,
        back: back.checkVisibility({ visibilityProperty: true }),
      };
    });

  it('keeps Next in the same place on every card, short or long', async () => {
    await openSeed();
    const tops: number[] = [];
    for (let n = 1; n <= SEED_CARD_COUNT; n++) {
      await waitForCarouselStatus(page, `${n} of ${SEED_CARD_COUNT}`);
      tops.push(await nextButtonTop());
      if (n < SEED_CARD_COUNT) await page.getByRole('button', { name: 'Next' }).click();
    }
    assert.deepEqual(new Set(tops).size, 1, `Next was at ${tops.join(', ')}`);
    const box = await page.getByRole('button', { name: 'Next' }).boundingBox();
    assert.ok(box !== null && box.y + box.height <= PHONE.height, 'Next can be reached without scrolling');
  });

  it('shows fronts in Flashcards mode and turns a card over by tap, by the Flip button and by keyboard', async () => {
    await openSeed();
    await page.getByRole('button', { name: 'Flashcards' }).click();
    assert.equal(await page.getByRole('button', { name: 'Flashcards' }).getAttribute('aria-pressed'), 'true');
    const top = await nextButtonTop();
    // Card 1 has no title: its front is a question made from its text.
    assert.deepEqual(await shownFace(), {
      front: "What do historians say about Stalin's Russia?\n\nTap to flip",
      back: false,
    });

    await page.locator('[data-card]:not([hidden])').tap();
    assert.deepEqual(await shownFace(), { front: null, back: true });
    assert.equal(await nextButtonTop(), top, 'turning the card over moves nothing');
    await page.getByRole('button', { name: 'Show the front' }).click();
    assert.equal((await shownFace()).back, false);

    // The keyboard: Space turns it, Enter turns it back, the arrow goes on to the next card's front.
    await page.locator('[data-card]:not([hidden])').focus();
    await page.keyboard.press('Space');
    assert.equal((await shownFace()).back, true);
    await page.keyboard.press('Enter');
    assert.equal((await shownFace()).back, false);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await waitForCarouselStatus(page, `2 of ${SEED_CARD_COUNT}`);
    assert.deepEqual(await shownFace(), {
      front: 'How did Stalin establish control over the Soviet U\n\nTap to flip',
      back: false,
    });
    assert.equal(await nextButtonTop(), top);

    // The mode is remembered; Cards goes back to reading.
    await openSeed();
    assert.equal(await page.getByRole('button', { name: 'Flashcards' }).getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Cards', exact: true }).click();
    assert.deepEqual(await shownFace(), { front: null, back: true });
    assert.equal(await page.getByRole('button', { name: 'Flip' }).isVisible(), false);
  });

  it('shows no flashcard fronts without JavaScript, only the cards', async () => {
    const plain = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
    await plain.goto(seed.page);
    assert.equal(await plain.locator('.card-front').first().isVisible(), false);
    assert.equal(await plain.locator('.card-back').first().isVisible(), true);
    await plain.context().close();
  });
});
