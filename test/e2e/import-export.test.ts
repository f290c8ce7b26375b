/**
 * Import, export and print in Chromium: a member uploads a term list with JavaScript off, previews it,
 * imports it, downloads it as an Anki package and prints it double-sided; the pages pass axe.
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
  startE2eServer,
  type E2eServer,
  type SeedSetLinks,
} from '../helpers/browser.js';

const TERMS = [
  '#separator:tab',
  ...Array.from({ length: 11 }, (_, i) => `organelle ${i + 1}\twhat organelle ${i + 1} does, in a cell`),
].join('\n');

async function signUp(page: Page, base: string, handle: string): Promise<void> {
  await page.goto(`${base}/signup`);
  await page.fill('input[name="displayName"]', 'Importer');
  await page.fill('input[name="handle"]', handle);
  await page.fill('input[name="email"]', `${handle}@example.org`);
  await page.fill('input[name="password"]', 'correct horse battery staple');
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/signup')),
    page.click('main form button[type="submit"]'),
  ]);
}

describe('import, export and print in the browser', () => {
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

  it('uploads, previews and imports a term list without JavaScript, then downloads it', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false, acceptDownloads: true });
    await signUp(page, server.url, `importer-${process.pid}`);
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('input[name="file"]', {
      name: 'cell organelles.tsv',
      mimeType: 'text/tab-separated-values',
      buffer: Buffer.from(TERMS),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(`${server.url}/import`);
    assert.equal(
      await page.getByRole('heading', { level: 1 }).innerText(),
      'Check the cards before importing',
    );
    assert.equal(await page.locator('.import-preview-cards li').count(), 11);
    await page.getByRole('textbox', { name: 'Subject' }).fill('Biology');
    await page.getByRole('textbox', { name: 'Topic' }).fill('Cells');
    await page.getByLabel('Public: listed under their subject and topic for everyone.').check();
    await Promise.all([
      page.waitForURL(/\/sets\/\d+\/cell-organelles$/),
      page.getByRole('button', { name: 'Import this set' }).click(),
    ]);
    assert.match(await page.locator('.notice').innerText(), /Imported “cell organelles” \(11 cards\)/);

    await page.locator('.export-menu summary').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Anki package/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'cell-organelles.apkg');
    await page.context().close();
  });

  it('prints the seed double-sided: fronts and backs on alternate pages, rows mirrored', async () => {
    const page = await newPage(browser);
    const setPath = new URL(seed.page).pathname;
    const id = /^\/sets\/(\d+)\//.exec(setPath)![1]!;
    await page.goto(`${server.url}/sets/${id}/print?sides=2`);
    // With JavaScript, the Print button shows (and the hint to use the browser's command does not).
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), true);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.print-controls').isVisible(), false);
    const sheets = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.print-sheet')).map((sheet) =>
        Array.from(sheet.querySelectorAll<HTMLElement>('.print-card')).map((card) => {
          const box = card.getBoundingClientRect();
          return {
            number: Number(
              /^(\d+) of/.exec(card.querySelector('.print-card-count')?.textContent ?? '')?.[1] ?? 0,
            ),
            x: Math.round(box.x),
            y: Math.round(box.y - sheet.getBoundingClientRect().y),
            size: `${Math.round(box.width)}x${Math.round(box.height)}`,
          };
        }),
      ),
    );
    assert.equal(sheets.length, 4);
    const left = Math.min(...sheets[0]!.map((card) => card.x));
    const right = Math.max(...sheets[0]!.map((card) => card.x));
    assert.ok(left < right);
    for (const [fronts, backs] of [
      [sheets[0]!, sheets[1]!],
      [sheets[2]!, sheets[3]!],
    ]) {
      for (const front of fronts!.filter((card) => card.number > 0)) {
        const back = backs!.find((card) => card.number === front.number)!;
        // Behind its front when the page is turned over on the long edge: same row, the other column.
        assert.equal(back.y, front.y, `card ${front.number} row`);
        assert.equal(back.x, front.x === left ? right : left, `card ${front.number} column`);
      }
    }
    assert.equal(new Set(sheets.flat().map((card) => card.size)).size, 1, 'every card the same size');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length;
    assert.equal(pages, 4, '11 cards: two sheets, each a page of fronts and a page of backs');
    await page.context().close();
  });

  it('has no serious accessibility problems on the import, preview and print pages', async () => {
    const page = await newPage(browser);
    await signUp(page, server.url, `axe-${process.pid}`);
    for (const path of ['/import', `${new URL(seed.page).pathname.replace(/\/[^/]+$/, '')}/print`]) {
      await page.goto(`${server.url}${path}`);
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, `${path}\n${describeAxeViolations(violations)}`);
    }
    await page.goto(`${server.url}/import`);
    await page.getByLabel('Or paste the cards').fill('alpha\tthe first letter\nbeta\tthe second letter');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(`${server.url}/import`);
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `preview\n${describeAxeViolations(violations)}`);
    await page.context().close();
  });
});
