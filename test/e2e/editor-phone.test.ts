/**
 * Writing a 5-card set on a 390 px phone with the keyboard a student uses: Enter goes from a card's
 * title to its body, Tab out of the last body adds the next card, and the Save / Publish bar stays on
 * screen above the tab bar the whole time. The main button says what it will do for the visibility
 * chosen, and the set page shows the five cards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newPage, startE2eServer, type E2eServer } from '../helpers/browser.js';

const PHONE = { width: 390, height: 844 };
const CARDS = [
  ['Mitochondria', 'Where aerobic respiration happens.'],
  ['Ribosome', 'Where proteins are made.'],
  ['Nucleus', 'Holds the genetic material.'],
  ['Cell membrane', 'Controls what enters and leaves the cell.'],
  ['Chloroplast', 'Where photosynthesis happens.'],
] as const;

describe('writing a set on a phone', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    page = await newPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Name').fill('Phone Writer');
    await page.getByLabel('Handle').fill('phone-writer');
    await page.getByLabel('Email').fill('phone-writer@example.org');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Create account' }).click(),
    ]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The Save / Publish bar is on screen, above the tab bar, not under it or scrolled away. */
  async function assertBarInReach(where: string): Promise<void> {
    const bar = await page.locator('[data-editor-actions]').boundingBox();
    const tabs = await page.getByRole('navigation', { name: 'Main' }).last().boundingBox();
    assert.ok(bar !== null && tabs !== null, where);
    assert.ok(
      bar.y >= 0 && bar.y + bar.height <= tabs.y + 1,
      `${where}: the bar is at ${bar.y}–${bar.y + bar.height}, the tab bar at ${tabs.y}`,
    );
  }

  it('writes five cards with Enter and Tab, the Publish bar in reach throughout, and publishes them', async () => {
    await page.goto(`${server.url}/sets/new`);
    await assertBarInReach('on opening the editor');
    await page.getByLabel('Title', { exact: true }).fill('Cell parts');
    await page.getByLabel('Subject', { exact: true }).fill('Biology');
    // The editor opens with three empty cards; Tab out of the third adds the fourth, and so on.
    await page.locator('input[name="cards[0][title]"]').focus();
    for (const [index, [title, body]] of CARDS.entries()) {
      const titleField = page.locator(`input[name="cards[${index}][title]"]`);
      if (index > 0 && index < 3) await titleField.focus();
      assert.equal(
        await titleField.evaluate((field) => field === document.activeElement),
        true,
        `card ${index + 1}'s title has focus`,
      );
      await page.keyboard.type(title);
      await page.keyboard.press('Enter');
      assert.equal(new URL(page.url()).pathname, '/sets/new', 'Enter in a title does not submit');
      await page.keyboard.type(body);
      await assertBarInReach(`writing card ${index + 1}`);
      if (index >= 2 && index < CARDS.length - 1) await page.keyboard.press('Tab');
    }
    assert.equal(await page.locator('[data-editor-card]').count(), 5);

    // A draft is saved as one; choosing Public makes the main button Publish.
    assert.equal(await page.locator('[data-save-button]').innerText(), 'Save as draft');
    await page.getByRole('radio', { name: /Public/ }).check();
    assert.equal(await page.locator('[data-save-button]').innerText(), 'Publish');
    await assertBarInReach('after choosing Public');
    await Promise.all([page.waitForEvent('load'), page.locator('[data-save-button]').click()]);
    assert.match(new URL(page.url()).pathname, /^\/sets\/\d+\/cell-parts$/);
    assert.match(await page.locator('main .notice').first().innerText(), /Published/);
    await page.getByRole('button', { name: 'Show all cards' }).click();
    assert.deepEqual(
      await page.locator('[data-card] .card-title').allInnerTexts(),
      CARDS.map(([title]) => title),
    );
  });
});
