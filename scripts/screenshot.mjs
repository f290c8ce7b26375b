// Takes screenshots of Recall pages in headless Chromium, for looking at them:
//   node scripts/screenshot.mjs http://127.0.0.1:3000/sets/1/persecution-and-control out.png [width] [--no-js] [--print]
import { chromium } from 'playwright-core';

const [url, out = 'screenshot.png', width = '1280', ...flags] = process.argv.slice(2);
if (url === undefined) {
  console.error('usage: node scripts/screenshot.mjs URL [OUT.png] [WIDTH] [--no-js] [--print]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  // Playwright starts every browser with a fresh, empty user-data dir of its own.
});
const context = await browser.newContext({
  viewport: { width: Number(width), height: 900 },
  javaScriptEnabled: !flags.includes('--no-js'),
});
const page = await context.newPage();
if (flags.includes('--print')) await page.emulateMedia({ media: 'print' });
await page.goto(url, { waitUntil: 'networkidle' });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
