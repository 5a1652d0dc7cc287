/**
 * The map follows the page around it: framed anew for each presentation scene that puts it on
 * stage (and again once the stage's type has settled), when its view is expanded or given back,
 * and put back where its user left it when the presentation ends; re-measured when it is shown
 * again after a table. Set up while the view is made: the effects live as long as the view.
 */
import { untrack } from 'svelte';
import type { L } from './leaflet';
import type { MapHost } from './map-host.svelte';

export interface PageFacts {
  /** Presenting (the map on stage or not): its view before is kept, and restored after. */
  presenting: () => boolean;
  /** The scene that has the map on stage, if any: framed anew at each. */
  scene: () => number | undefined;
  /** The stage's type size (and so the markers'): framed again when it settles. */
  grow: () => number;
  /** Its view fills the dashboard. */
  expanded: () => boolean;
  /** The map is shown (not its table). */
  shown: () => boolean;
  /** Frames what the map is showing now. */
  frame: () => void;
}

export function followPage(host: MapHost, page: PageFacts): void {
  /** After the page's layout has settled: Leaflet measures its container anew, then frames. */
  const afterLayout = (map: L.Map, then: () => void) => {
    const frame = requestAnimationFrame(() => {
      map.invalidateSize({ pan: false });
      then();
    });
    return () => cancelAnimationFrame(frame);
  };

  // Each scene that puts the map on stage frames it, and again when the stage's type settles.
  $effect(() => {
    void page.grow();
    const map = host.map;
    if (!map || page.scene() === undefined) return;
    return afterLayout(map, () => untrack(page.frame));
  });

  // The dashboard's own view of the map, kept while a presentation frames it scene by scene:
  // the presentation ends, and the map is back where its user left it.
  let before: { center: ReturnType<L.Map['getCenter']>; zoom: number } | null = null;
  $effect(() => {
    const map = host.map;
    if (!map) return;
    if (page.presenting()) {
      before ??= untrack(() => ({ center: map.getCenter(), zoom: map.getZoom() }));
      return;
    }
    if (!before) return;
    const back = before;
    before = null;
    const restore = () => map.setView(back.center, back.zoom, { animate: false });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = afterLayout(map, () => {
      restore();
      // A scene's zoom still animating (a quarter of a second) ends by moving the map to its own
      // target: back again after that.
      map.once('zoomend', restore);
      timer = setTimeout(() => map.off('zoomend', restore), 600);
    });
    return () => {
      cancel();
      clearTimeout(timer);
    };
  });

  // Expanded to fill the dashboard, or back: framed anew on the places at its new size.
  let framedExpanded = false;
  $effect(() => {
    const now = page.expanded();
    const map = host.map;
    if (!map || now === framedExpanded) return;
    framedExpanded = now;
    return afterLayout(map, () => untrack(page.frame));
  });

  // Coming back from a table, Leaflet must measure its (shown again) container.
  $effect(() => {
    if (page.shown()) host.map?.invalidateSize({ pan: false });
  });
}
