/**
 * Global setup of the end-to-end project: finds the Chromium the tests drive (unpacking the
 * bundled one if need be) before any test file starts, and names it in one line of the output.
 */
import { findChromium } from '../e2e/chromium';

export default async function setup(): Promise<void> {
  const started = performance.now();
  const found = await findChromium();
  const took = performance.now() - started;
  console.log(`Browser: ${found.description}${took > 1000 ? `, unpacked in ${(took / 1000).toFixed(1)} s` : ''}`);
}
