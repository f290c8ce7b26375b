/**
 * Import, export and print in Chromium: a member uploads a term list with JavaScript off, previews it,
 * imports it, downloads it as an Anki package and prints it double-sided; a Quizlet export with comma and
 * semicolon separators is read as the separators chosen say, live and on upload; an Anki package's review
 * history is brought as the member's progress, the preview's "due today" being what Review then offers;
 * the pages pass axe.
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
import { packageOf, schema11Collection } from '../unit/formats/support/anki-fixtures.js';

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

  it('reads a Quizlet export with comma and semicolon separators as the chosen separators say, live and on upload', async () => {
    // Quizlet's export with "Between term and definition: Comma" and "Between rows: Semicolon".
    const quizlet =
      'mitochondria,where respiration happens;ribosome,where proteins are made;nucleus,holds the DNA';
    const page = await newPage(browser);
    await signUp(page, server.url, `quizlet-${process.pid}`);
    await page.goto(`${server.url}/import`);
    await page.getByLabel('Or paste the cards').fill(quizlet);
    await page.locator('.import-options summary').click();
    const summary = page.locator('[data-import-live-summary]');
    const live = page.locator('[data-import-live-cards] li');
    await page.getByLabel('Between term and definition').selectOption('tab');
    await page.getByLabel('Between cards').selectOption('newline');
    // Read with the wrong separators, the export is one line without a tab: the preview says so.
    await summary.filter({ hasText: 'has no tab between term and definition' }).waitFor();
    assert.equal(await live.count(), 0);
    await page.getByLabel('Between term and definition').selectOption('comma');
    await page.getByLabel('Between cards').selectOption('semicolon');
    await summary.filter({ hasText: '3 cards' }).waitFor();
    assert.deepEqual(await live.allInnerTexts(), [
      'mitochondria where respiration happens',
      'ribosome where proteins are made',
      'nucleus holds the DNA',
    ]);
    assert.match(await summary.innerText(), /separated by comma, cards by semicolon/);

    // The same export as a file, read by the Preview button with the separators chosen.
    await page.getByLabel('Or paste the cards').fill('');
    await page.setInputFiles('input[name="file"]', {
      name: 'cells.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(quizlet),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(`${server.url}/import`);
    assert.match(await page.locator('.import-reading').innerText(), /separated by comma; cards by semicolon/);
    assert.deepEqual(await page.locator('.import-preview-set .import-preview-title').allInnerTexts(), [
      'mitochondria',
      'ribosome',
      'nucleus',
    ]);
    await page.getByRole('textbox', { name: 'Subject' }).fill('Biology');
    await Promise.all([
      page.waitForURL(/\/sets\/\d+\/cells$/),
      page.getByRole('button', { name: 'Import this set' }).click(),
    ]);
    assert.match(await page.locator('.notice').innerText(), /Imported “cells” \(3 cards\)/);
    await page.context().close();
  });

  it('brings an Anki review history as progress: what the preview says is due today is what Review offers', async () => {
    const now = Date.now();
    const DAY = 86_400_000;
    const deck = packageOf({
      'collection.anki21': schema11Collection({
        decks: { 1: { name: 'Default' }, 2: { name: 'History::Persecution and control' } },
        notes: [
          ['Reichstag fire', 'February 1933'],
          ['Enabling Act', 'March 1933'],
          ['Gestapo', 'The secret state police'],
          ['Kristallnacht', 'November 1938'],
        ].map((fields) => ({ fields, deckId: 2 })),
        reviews: [
          { note: 0, at: now - 10 * DAY, ease: 3, timeMs: 4000 },
          { note: 0, at: now - 9 * DAY, ease: 3, timeMs: 4000 },
          { note: 1, at: now - 3 * DAY, ease: 3, timeMs: 4000 },
          { note: 2, at: now - 2 * DAY, ease: 4, timeMs: 3000 },
        ],
      }),
      media: '{}',
    });
    const page = await newPage(browser);
    await signUp(page, server.url, `anki-${process.pid}`);
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('input[name="file"]', {
      name: 'persecution.apkg',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(deck),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.waitForURL(`${server.url}/import`);
    const progress = await page.getByRole('region', { name: 'Your progress in this file' }).innerText();
    assert.match(progress, /4 answers to 3 cards/);
    const dueToday = Number(/(\d+) due today/.exec(progress)![1]);
    assert.ok(dueToday > 0, progress);
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `preview with progress\n${describeAxeViolations(violations)}`);
    assert.equal(await page.getByLabel(/Bring my progress/).isChecked(), true);
    await page.getByRole('textbox', { name: 'Subject' }).fill('History');
    await Promise.all([
      page.waitForURL(/\/sets\/\d+\//),
      page.getByRole('button', { name: 'Import this set' }).click(),
    ]);
    assert.match(await page.locator('.notice').innerText(), /with your progress: 4 answers/);
    await page.goto(`${server.url}/review`);
    // Review offers the due cards first, then the set's one new card.
    const toReview = Number(/(\d+) cards? to review now/.exec(await page.locator('main').innerText())![1]);
    assert.equal(toReview, dueToday);
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
