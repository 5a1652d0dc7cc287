/**
 * An element's width (or height) for a chart, without forcing a layout: read in a ResizeObserver callback,
 * when the browser has just laid the page out. (Svelte's `bind:clientWidth` also reads it once
 * as the element mounts, which, while the other views are still being built, forces a layout
 * of the half-built page.) The chart keeps its default width until the first report, which
 * comes before the first paint.
 */
import type { Attachment } from 'svelte/attachments';

export function observeSize(
  dimension: 'clientWidth' | 'clientHeight',
  set: (size: number) => void,
): Attachment<HTMLElement> {
  return (element) => {
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => set(element[dimension]));
    observer.observe(element);
    return () => observer.disconnect();
  };
}
