import { findSeedSet, launchChromium, newPage, startE2eServer } from '../helpers/browser.js';
const [server, browser] = await Promise.all([startE2eServer(), launchChromium()]);
const seed = await findSeedSet(server.url);
const run = async (mobile: boolean, from: number, to: number, fix = '') => {
  const page = await newPage(browser, {
    viewport: { width: mobile ? 360 : 1024, height: 740 },
    isMobile: mobile,
    hasTouch: true,
  });
  await page.goto(seed.topic);
  await page.locator('.set-list').getByRole('link', { name: 'Persecution and Control', exact: true }).click();
  await page.waitForURL(seed.page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  if (fix === 'touch')
    await page.evaluate(() => {
      document.querySelector<HTMLElement>('.is-carousel')!.style.touchAction = 'pan-y';
    });
  if (fix === 'over')
    await page.evaluate(() => {
      document.documentElement.style.overscrollBehaviorX = 'none';
    });
  let t0 = 0;
  page.on('framenavigated', (f) => console.log('  nav +', Date.now() - t0, f.url().replace(server.url, '')));
  const box = (await page.locator('.card:not([hidden])').boundingBox())!;
  const y = box.y + 100;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
  for (let i = 1; i <= 4; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: from + ((to - from) * i) / 4, y }],
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  t0 = Date.now();
  await new Promise((r) => setTimeout(r, 2000));
  console.log(fix, mobile ? 'mobile' : 'desktop', from, '->', to, '|', page.url().replace(server.url, ''));
  await page.context().close();
};
for (const fix of ['touch', 'over']) { await run(true, 90, 330, fix); await run(false, 300, 700, fix); }
await browser.close();
await server.stop();
