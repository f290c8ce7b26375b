/**
 * The design system in Chromium: no main page scrolls sideways at 360 px; the tab bar on a phone and the
 * full navigation on a desktop; the theme chosen is rendered by the server (first paint already in it,
 * JavaScript or not), switched at once with JavaScript and by a form post without; and axe finds no
 * serious or critical problem on any main page in either theme at a phone's and a desktop's width.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { MAIN_PAGES, seedDemoLearner, type DemoLearner, type MainPage } from '../../scripts/demo-pages.js';
import { THEME_COOKIE } from '../../src/web/theme.js';
import {
  describeAxeViolations,
  documentScrollWidth,
  launchChromium,
  newPage,
  seriousAxeViolations,
  startE2eServer,
  type E2eServer,
} from '../helpers/browser.js';

const PHONE = { width: 360, height: 740 };
const PHONE_390 = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** The page background in the light and the dark theme (--color-bg). */
const LIGHT_BG = 'rgb(241, 243, 245)';
const DARK_BG = 'rgb(13, 15, 18)';

describe('design system', () => {
  let server: E2eServer;
  let browser: Browser;
  let demo: DemoLearner;
  let host: string;

  before(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
    demo = await seedDemoLearner(server.container.ctx);
    host = new URL(server.url).hostname;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A tab as a visitor or as the demo learner, optionally with a theme already chosen. */
  async function open(
    as: MainPage['as'],
    options: BrowserContextOptions & { theme?: 'light' | 'dark' } = {},
  ): Promise<Page> {
    const { theme, ...contextOptions } = options;
    const phone = (contextOptions.viewport?.width ?? DESKTOP.width) < 640;
    const page = await newPage(browser, { isMobile: phone, hasTouch: phone, ...contextOptions });
    const cookies = [];
    if (theme !== undefined) cookies.push({ name: THEME_COOKIE, value: theme, domain: host, path: '/' });
    if (as === 'learner') {
      cookies.push({ name: 'recall_session', value: demo.sessionToken, domain: host, path: '/' });
    }
    if (cookies.length > 0) await page.context().addCookies(cookies);
    return page;
  }

  const background = (page: Page) =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  it('scrolls no main page sideways at 360 px, the account menu open included', async () => {
    const tabs = {
      visitor: await open('visitor', { viewport: PHONE }),
      learner: await open('learner', { viewport: PHONE }),
    };
    const tooWide: string[] = [];
    for (const main of MAIN_PAGES) {
      const page = tabs[main.as];
      await page.goto(server.url + main.path(demo));
      await main.prepare?.(page);
      const width = await documentScrollWidth(page);
      if (width > PHONE.width) tooWide.push(`${main.name} (${main.path(demo)}) is ${width} px wide`);
    }
    await tabs.learner.goto(`${server.url}/progress`);
    await tabs.learner.locator('.account-menu summary').click();
    assert.equal(await tabs.learner.getByRole('button', { name: 'Log out' }).isVisible(), true);
    const width = await documentScrollWidth(tabs.learner);
    if (width > PHONE.width) tooWide.push(`progress with the account menu open is ${width} px wide`);
    assert.deepEqual(tooWide, []);
    await Promise.all([tabs.visitor.context().close(), tabs.learner.context().close()]);
  });

  it('puts the five main destinations in a tab bar at the bottom of a phone, which hides nothing', async () => {
    const page = await open('learner', { viewport: PHONE_390 });
    await page.goto(`${server.url}/progress`);
    const bar = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual(await bar.getByRole('link').allInnerTexts(), [
      'Home',
      'Search',
      'Review',
      'Progress',
      'Create',
    ]);
    assert.equal(await bar.getByRole('link', { name: 'Progress' }).getAttribute('aria-current'), 'page');
    const box = await bar.boundingBox();
    assert.ok(box !== null);
    assert.equal(
      Math.round(box.y + box.height),
      PHONE_390.height,
      'the bar sits at the bottom of the screen',
    );
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header !== null && header.height <= 64, `the top bar is ${header?.height} px tall`);
    // Scrolled to the end, the footer's last line is above the bar, not under it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = await page.locator('.site-footer p').boundingBox();
    assert.ok(footer !== null && footer.y + footer.height <= box.y, 'the footer ends above the tab bar');
    await bar.getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(`${server.url}/review`);
    await page.context().close();
  });

  it('shows the full navigation in one row of a 64 px top bar on a desktop, and no tab bar', async () => {
    const page = await open('learner', { viewport: DESKTOP });
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('.tab-bar').isVisible(), false);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const labels = await nav.getByRole('link').allInnerTexts();
    assert.deepEqual(labels, ['Home', 'Review', 'Progress', 'Exams', 'My folders', 'New set', 'Import']);
    const tops = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
    assert.equal(new Set(tops).size, 1, `the links sit on ${new Set(tops).size} rows`);
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header !== null && header.height <= 64, `the top bar is ${header?.height} px tall`);
    assert.equal(await page.getByRole('searchbox', { name: 'Search card sets' }).isVisible(), true);
    await page.context().close();
  });

  it('renders the chosen theme on the server: the first paint has it, with or without JavaScript', async () => {
    // The device prefers light; the cookie says dark. With scripts off, only the server can make it dark.
    for (const javaScriptEnabled of [false, true]) {
      const page = await open('visitor', {
        viewport: DESKTOP,
        colorScheme: 'light',
        theme: 'dark',
        javaScriptEnabled,
      });
      const response = await page.goto(`${server.url}/`);
      const html = (await response?.text()) ?? '';
      assert.match(html, /^<!doctype html><html lang="en-GB" data-theme="dark">/);
      assert.ok(html.indexOf('rel="stylesheet"') < html.indexOf('<body'), 'the stylesheet is in the head');
      assert.equal(await background(page), DARK_BG);
      await page.context().close();
    }
  });

  it('follows the device when no theme was chosen', async () => {
    for (const [colorScheme, expected, offered] of [
      ['light', LIGHT_BG, 'Dark theme'],
      ['dark', DARK_BG, 'Light theme'],
    ] as const) {
      const page = await open('visitor', { viewport: DESKTOP, colorScheme });
      await page.goto(`${server.url}/login`);
      assert.equal(await page.locator('html').getAttribute('data-theme'), null);
      assert.equal(await background(page), expected);
      assert.equal(await page.getByRole('button', { name: offered }).isVisible(), true);
      await page.context().close();
    }
  });

  it('switches theme at once with JavaScript and remembers it for the next page', async () => {
    const page = await open('visitor', { viewport: PHONE_390, colorScheme: 'light' });
    await page.goto(`${server.url}/signup`);
    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(await background(page), DARK_BG);
    assert.equal(loads, 0, 'no page load');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Light theme',
      'the focus moves to the button that switches back',
    );
    const cookie = (await page.context().cookies()).find((c) => c.name === THEME_COOKIE);
    assert.equal(cookie?.value, 'dark');
    await page.goto(`${server.url}/login`);
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    await page.getByRole('button', { name: 'Light theme' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal(await background(page), LIGHT_BG);
    await page.context().close();
  });

  it('switches theme without JavaScript by a form that comes back to the same page', async () => {
    const page = await open('visitor', { viewport: DESKTOP, colorScheme: 'light', javaScriptEnabled: false });
    await page.goto(demo.seedPath.replace(/^/, server.url));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Dark theme' }).click()]);
    assert.equal(page.url(), server.url + demo.seedPath);
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    assert.equal(await background(page), DARK_BG);
    await page.context().close();
  });

  it('prints in the light theme whatever the screen shows', async () => {
    const page = await open('visitor', { viewport: DESKTOP, theme: 'dark' });
    await page.goto(server.url + demo.seedPath);
    const textColour = () => page.evaluate(() => getComputedStyle(document.body).color);
    assert.equal(await textColour(), 'rgb(241, 243, 245)', 'light text on the dark screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await textColour(), 'rgb(33, 37, 41)', 'dark text on paper');
    await page.context().close();
  });

  it('keeps the cached set page apart per theme', async () => {
    const get = async (cookie?: string) => {
      const response = await fetch(server.url + demo.seedPath, {
        headers: cookie === undefined ? {} : { cookie },
      });
      return /<html lang="en-GB"( data-theme="(\w+)")?>/.exec(await response.text())?.[2] ?? 'device';
    };
    // Twice each, so that the second of each comes from the cache.
    const seen = [];
    for (const cookie of [
      undefined,
      `${THEME_COOKIE}=dark`,
      `${THEME_COOKIE}=light`,
      undefined,
      `${THEME_COOKIE}=dark`,
    ]) {
      seen.push(await get(cookie));
    }
    assert.deepEqual(seen, ['device', 'dark', 'light', 'device', 'dark']);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const viewport of [PHONE_390, DESKTOP]) {
      it(`passes axe on every main page in the ${theme} theme at ${viewport.width} px`, async () => {
        const tabs = {
          visitor: await open('visitor', { viewport, theme }),
          learner: await open('learner', { viewport, theme }),
        };
        const problems: string[] = [];
        for (const main of MAIN_PAGES) {
          const page = tabs[main.as];
          await page.goto(server.url + main.path(demo));
          await main.prepare?.(page);
          const violations = await seriousAxeViolations(page);
          if (violations.length > 0) problems.push(`${main.name}:\n${describeAxeViolations(violations)}`);
        }
        assert.equal(problems.join('\n'), '');
        await Promise.all([tabs.visitor.context().close(), tabs.learner.context().close()]);
      });
    }
  }
});
