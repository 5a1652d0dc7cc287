import { launchBrowser, serveBuild, offlineContext, watchErrors } from '../tests/e2e/browser';
const { server, url } = await serveBuild();
const browser = await launchBrowser();
for (const [w, h] of (process.argv[2] ?? '1366x768,1920x1080').split(',').map((s) => s.split('x').map(Number))) {
  const ctx = await offlineContext(browser, url, { width: w!, height: h! });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(url + (process.argv[3] ?? ''));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shot-${w}x${h}.png` });
  console.log(w, h, errors);
  await ctx.close();
}
await browser.close();
await server.close();
