/**
 * Framing the map: fitting it on places, clear of its own buttons, and moving it (never a
 * panel) until a marker is seen whole, clear of what stands over the map. Leaflet does the
 * moving; the arithmetic of where to is `revealShift` (scales/labels.ts).
 */
import { tick } from 'svelte';
import { revealShift } from '../scales/labels';
import { boundsOf, prefersReducedMotion, type L } from './leaflet';

/**
 * Fits the map on points given as [lat, lon], `pad` px clear of its edges and of the buttons at
 * its top left, with room below for a marker that decluttering moved down from its place.
 */
export function fitPoints(
  map: L.Map,
  points: readonly (readonly [number, number])[],
  pad: number,
  animate = true,
): void {
  if (points.length === 0) return;
  const controls = map.getContainer().querySelector('.leaflet-top.leaflet-left')?.getBoundingClientRect().width ?? 0;
  map.fitBounds(boundsOf(points), {
    paddingTopLeft: [pad + controls, pad],
    paddingBottomRight: [pad, 2 * pad],
    maxZoom: 6,
    animate: animate && !prefersReducedMotion(),
  });
}

/**
 * Pans the map so that `target` (a marker) stands inside it, clear of `over` (a panel over the
 * map) and of the map's own buttons; says whether it moved.
 */
export function panClear(map: L.Map, target: HTMLElement, over?: HTMLElement): boolean {
  // The browser scrolls the map's box to show what took the focus, and Leaflet scrolls it back:
  // measured as Leaflet will leave it.
  const container = map.getContainer();
  container.scrollTop = 0;
  container.scrollLeft = 0;
  const host = container.getBoundingClientRect();
  const obstacles = [over, ...container.querySelectorAll<HTMLElement>('.leaflet-top')]
    .filter((el): el is HTMLElement => Boolean(el))
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  const [x, y] = revealShift(target.getBoundingClientRect(), host, obstacles);
  if (!x && !y) return false;
  map.panBy([x, y], { animate: false });
  return true;
}

/**
 * Does `step` again once the markers are laid out anew (after Svelte's update and a frame),
 * while it says it moved the map, `tries` times at most: a pan lays the markers out anew, which
 * may move the one being revealed.
 */
export function untilClear(step: () => boolean, tries: number): void {
  if (step() && tries > 1) void tick().then(() => requestAnimationFrame(() => untilClear(step, tries - 1)));
}

/**
 * A focused marker the page has scrolled out of sight (a map taller than a zoomed-in window):
 * the page scrolls to it, below what sticks at its top. The browser leaves it, as the marker
 * sits in the map's own panes.
 */
export function intoWindow(target: HTMLElement): void {
  if (document.activeElement !== target) return;
  const box = target.getBoundingClientRect();
  const top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  if (box.bottom > innerHeight) scrollBy({ top: box.bottom - innerHeight + 8, behavior: 'instant' });
  else if (box.top < top) scrollBy({ top: box.top - top - 8, behavior: 'instant' });
}
