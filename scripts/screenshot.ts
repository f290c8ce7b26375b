/**
 * Screenshots of Recall's pages in headless Chromium, for looking at them.
 *
 *   npm run screenshot                       # every main page at 360, 390 and 1280 px, light and dark,
 *                                            # into screenshots/ (its own server, demo content, a learner)
 *   npm run screenshot -- --out DIR --only set,study --widths 390
 *   npm run screenshot -- --out DIR --only study --widths 390 --window   # what the window shows, no scroll
 *   npm run screenshot -- URL [OUT.png] [WIDTH] [--no-js] [--print] [--dark]   # one page of a running server
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadConfig } from '../src/app/config.js';
import { startServer } from '../src/app/start.js';
import { THEME_COOKIE } from '../src/web/theme.js';
import { MAIN_PAGES, seedDemoLearner, type MainPage } from './demo-pages.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};

const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

async function oneShot(): Promise<void> {
  const [url, out = 'screenshot.png', width = '1280', ...flags] = args;
  const browser = await launch();
  const context = await browser.newContext({
    viewport: { width: Number(width), height: 900 },
    javaScriptEnabled: !flags.includes('--no-js'),
    colorScheme: flags.includes('--dark') ? 'dark' : 'light',
  });
  const page = await context.newPage();
  if (flags.includes('--print')) await page.emulateMedia({ media: 'print' });
  await page.goto(url!, { waitUntil: 'networkidle' });
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
  console.log(`wrote ${out}`);
}

async function allPages(): Promise<void> {
  const outDir = option('--out') ?? 'screenshots';
  const widths = (option('--widths') ?? '360,390,1280').split(',').map(Number);
  const only = option('--only')?.split(',');
  const themes = (option('--themes') ?? 'light,dark').split(',') as ('light' | 'dark')[];
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'recall-screenshots-'));
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: join(dataDir, 'recall.db'),
      LOG_LEVEL: 'warn',
      MAX_EVENT_LOOP_DELAY_MS: '0',
    }),
  );
  const browser = await launch();
  try {
    const demo = await seedDemoLearner(server.container.ctx);
    const host = new URL(server.url).hostname;
    let count = 0;
    for (const theme of themes) {
      for (const width of widths) {
        const contexts: Record<MainPage['as'], BrowserContext> = {
          visitor: await browser.newContext({
            viewport: { width, height: 800 },
            isMobile: width < 640,
            hasTouch: width < 640,
          }),
          learner: await browser.newContext({
            viewport: { width, height: 800 },
            isMobile: width < 640,
            hasTouch: width < 640,
          }),
        };
        await contexts.visitor.addCookies([{ name: THEME_COOKIE, value: theme, domain: host, path: '/' }]);
        await contexts.learner.addCookies([
          { name: THEME_COOKIE, value: theme, domain: host, path: '/' },
          { name: 'recall_session', value: demo.sessionToken, domain: host, path: '/' },
        ]);
        for (const shot of MAIN_PAGES) {
          if (only !== undefined && !only.includes(shot.name)) continue;
          const page = await contexts[shot.as].newPage();
          await page.goto(server.url + shot.path(demo), { waitUntil: 'networkidle' });
          await shot.prepare?.(page);
          const file = join(outDir, `${shot.name}-${width}-${theme}.png`);
          // The whole page in one picture, with the window as tall as the page, so that fixed bars (the
          // phone's tab bar) sit at its bottom as on a phone, not across the middle.
          const height = await page.evaluate(() => {
            window.scrollTo(0, 0);
            return document.documentElement.scrollHeight;
          });
          if (!args.includes('--window')) {
            await page.setViewportSize({ width, height: Math.min(Math.max(height, 800), 12_000) });
          }
          await page.screenshot({ path: file });
          await page.close();
          count += 1;
        }
        await Promise.all([contexts.visitor.close(), contexts.learner.close()]);
      }
    }
    console.log(`wrote ${count} screenshots to ${outDir}/`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (args[0] !== undefined && /^https?:\/\//.test(args[0])) await oneShot();
else await allPages();
