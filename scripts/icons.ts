/**
 * `npm run icons`: the PNG icons that install prompts and home screens need, drawn from the
 * app's SVG icon (public/favicon.svg) in the bundled headless Chromium, into public/. Run when
 * the icon changes; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/browser';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await launchBrowser();
const page = await browser.newPage();
// [file, size, the share of the square the icon fills] — a maskable icon keeps its safe zone.
const icons: [string, number, number][] = [
  ['icon-192.png', 192, 1],
  ['icon-512.png', 512, 1],
  ['icon-maskable-512.png', 512, 0.8],
  ['apple-touch-icon.png', 180, 1],
];
for (const [file, size, fill] of icons) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * fill);
  await page.setContent(
    `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${fill < 1 ? '#005a9c' : 'transparent'}">` +
      svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `) +
      '</body>',
  );
  await page.screenshot({ path: `public/${file}`, omitBackground: fill === 1 });
  console.log(`Wrote public/${file} (${size}×${size}).`);
}
await browser.close();
