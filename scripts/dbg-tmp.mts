import { launchChromium, newPage, startE2eServer } from '../test/helpers/browser.js';
const [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
for (const width of [360, 390, 414]) {
  const page = await newPage(browser, { viewport: { width, height: 740 }, isMobile: true });
  await page.goto(server.url + '/');
  const r = await page.evaluate(() =>
    ['.brand', '.site-search', '.site-search input', '.theme-toggle', '.account-links', '.top-bar-inner'].map(
      (s) => {
        const b = document.querySelector(s)!.getBoundingClientRect();
        return `${s}: x${Math.round(b.x)} w${Math.round(b.width)}`;
      },
    ),
  );
  console.log(width, r.join(' | '));
}
await browser.close();
await server.stop();
