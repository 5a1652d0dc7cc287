/**
 * Leaflet, wrapped once: an attachment that creates the map on its element and removes it on
 * teardown (never rebuilt on a filter change), plus the small layers the views need.
 */
import * as L from './leaflet-core';
import type { Attachment } from 'svelte/attachments';
import { prefersReducedMotion as reducedMotion } from 'svelte/motion';
import type { Basemap } from '../data/basemap';

export interface MapOptions {
  /** Called once the map exists; the map is removed when the element goes. */
  onready: (map: L.Map) => void;
  ondestroy?: () => void;
}

/** Whether the user asked for less motion (Svelte's media query): then the map jumps instead of gliding. */
export function prefersReducedMotion(): boolean {
  return reducedMotion.current;
}

export function leafletMap({ onready, ondestroy }: MapOptions): Attachment<HTMLElement> {
  return (element) => {
    let map: L.Map | undefined;
    // Leaflet measures its container as it starts and as layers are added. Started from the
    // container's first size report, which comes once the page has been laid out, it reads a
    // fresh layout; started while the other views are still being built, its first measure
    // forced a layout of the whole half-built page (the largest cost of the first load).
    const create = () => {
      const motion = !prefersReducedMotion();
      map = L.map(element, {
        boxZoom: false,
        zoomAnimation: motion,
        fadeAnimation: motion,
        markerZoomAnimation: motion,
        inertia: motion,
        center: [15, -40],
        zoom: 2,
        minZoom: 0,
        maxZoom: 12,
        zoomSnap: 0.25,
        zoomDelta: 0.5,
        wheelPxPerZoomLevel: 90,
        worldCopyJump: false,
        attributionControl: true,
      });
      map.attributionControl.setPrefix(false);
      // The drawn basemap and tiles are pictures of the world, not content: the markers and the
      // table twin say what the map shows.
      for (const pane of ['tilePane', 'overlayPane', 'shadowPane'])
        map.getPane(pane)?.setAttribute('aria-hidden', 'true');
      onready(map);
    };
    // The same observer then has the map follow its container (a resized window, a phone
    // turned, a region re-laid out).
    const observer =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => (map ? map.invalidateSize({ pan: false }) : create()))
        : null;
    observer?.observe(element);
    const frame = observer ? 0 : requestAnimationFrame(create);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      observer?.disconnect();
      if (map) {
        ondestroy?.();
        map.remove();
      }
    };
  };
}

/** The words of the map's own controls and credits, in the interface's language. */
export interface MapWords {
  zoomIn: string;
  zoomOut: string;
  /** The credits of the two layers (the offline countries, the online tiles), as the attribution shows them. */
  countriesCredit: string;
  tilesCredit: string;
}

/**
 * The offline country layer: one SVG polygon per country, styled by CSS (class `country`), never
 * interactive. Built from Leaflet's polygons directly: its GeoJSON layer would bring markers,
 * icons and circles, which a map of country shapes never draws, into the first load.
 */
export function basemapLayer(basemap: Basemap, attribution: string): L.LayerGroup {
  const ring = (positions: GeoJSON.Position[]) => positions.map(([lon, lat]) => new L.Point(lat!, lon!));
  const options = { interactive: false, className: 'country', weight: 0.6 };
  const shapes = basemap.features.map((feature) => {
    const g = feature.geometry;
    const rings = g.type === 'Polygon' ? g.coordinates.map(ring) : g.coordinates.map((polygon) => polygon.map(ring));
    return new L.PolygonLayer(rings, options);
  });
  return new L.Group(shapes, { attribution });
}

/** A layer's credit changed in place: the attribution control shows the new one if the layer is on the map. */
function setCredit(map: L.Map, layer: L.Layer, text: string): void {
  const options = layer.options as { attribution?: string };
  const old = options.attribution;
  if (old === text) return;
  options.attribution = text;
  if (map.hasLayer(layer) && map.attributionControl) {
    if (old) map.attributionControl.removeAttribution(old);
    map.attributionControl.addAttribution(text);
  }
}

/** The zoom buttons' names (Leaflet writes them in English once): written anew in the interface's language. */
export function nameZoomButtons(map: L.Map, words: Pick<MapWords, 'zoomIn' | 'zoomOut'>): void {
  const container = map.getContainer();
  for (const [selector, name] of [
    ['.leaflet-control-zoom-in', words.zoomIn],
    ['.leaflet-control-zoom-out', words.zoomOut],
  ] as const) {
    const button = container.querySelector<HTMLElement>(selector);
    button?.setAttribute('title', name);
    button?.setAttribute('aria-label', name);
  }
}

/** The online layer's stand-in, and how to change its credit's words. */
export interface OnlineLayer {
  layer: L.Layer;
  setCredit: (text: string) => void;
}

/** Where the online layer is: off, asked for, its tiles showing, or none could load. */
export type OnlineStatus = 'off' | 'loading' | 'loaded' | 'failed';

/**
 * The optional online layer. The offline countries are drawn above it; only once a tile has
 * really loaded does the map container get `tiles-on`, which lets the tiles show through.
 * When tiles fail (no network in the meeting room), the offline basemap stays as it was, and
 * `onstatus` hears it, so the view can say so.
 */
export function onlineTileLayer(
  map: L.Map,
  credit: string,
  onstatus: (status: OnlineStatus) => void = () => {},
): OnlineLayer {
  const container = map.getContainer();
  let real: L.TileLayer | null = null;
  let shown = false;
  // A stand-in in the layer switch: turned on, it loads the tile code and shows the real layer.
  const Online = L.BaseLayer.extend({
    onAdd(this: L.Layer, on: L.Map) {
      shown = true;
      onstatus('loading');
      void import('./online-tiles').then(
        ({ osmTiles }) => {
          if (!shown) return;
          real ??= osmTiles(container, credit, (loaded) => shown && onstatus(loaded ? 'loaded' : 'failed'));
          real.addTo(on);
        },
        // Its code could not load either (an old copy, no network): the offline map stays.
        () => shown && onstatus('failed'),
      );
      return this;
    },
    onRemove(this: L.Layer) {
      shown = false;
      real?.remove();
      onstatus('off');
      return this;
    },
  });
  return {
    layer: new Online(),
    setCredit(text) {
      credit = text;
      if (real) setCredit(map, real, text);
    },
  };
}

/** The basemap's credits in another language, replaced in place. */
export function renameCredits(map: L.Map, base: L.Layer, online: OnlineLayer, words: MapWords): void {
  setCredit(map, base, words.countriesCredit);
  online.setCredit(words.tilesCredit);
}

/**
 * Moves a node that Svelte renders into one of the map's panes, so it pans with the map; it
 * is hidden while a zoom animates and re-placed by the view after. Clicks on it do not drag
 * or zoom the map.
 */
export function intoPane(map: L.Map, pane: string): Attachment<HTMLElement> {
  return (node) => {
    map.getPane(pane)!.appendChild(node);
    L.domEvent.disableClickPropagation(node);
    node.classList.add('leaflet-zoom-hide');
    return () => node.remove();
  };
}

/**
 * Moves a control that Svelte renders into the map's top-left corner, under the zoom buttons
 * (where the places are framed clear of them); clicks on it stay its own.
 */
export function intoCorner(map: L.Map): Attachment<HTMLElement> {
  return (node) => {
    map.getContainer().querySelector('.leaflet-top.leaflet-left')?.appendChild(node);
    node.classList.add('leaflet-control');
    L.domEvent.disableClickPropagation(node);
    return () => node.remove();
  };
}

/** Bounds around points given as [lat, lon]. */
export function boundsOf(points: readonly (readonly [number, number])[]): L.LatLngBounds {
  return L.latLngBounds(points.map(([lat, lon]) => [lat, lon] as [number, number]));
}

export type { L };
