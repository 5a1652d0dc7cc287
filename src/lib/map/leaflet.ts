/**
 * Leaflet, wrapped once: an attachment that creates the map on its element and removes it on
 * teardown (never rebuilt on a filter change), plus the small layers the views need.
 */
import * as L from './leaflet-core';
import type { Attachment } from 'svelte/attachments';
import type { Basemap } from '../data/basemap';

export interface MapOptions {
  /** Called once the map exists; the map is removed when the element goes. */
  onready: (map: L.Map) => void;
  ondestroy?: () => void;
}

/** Whether the user asked for less motion: then the map jumps instead of gliding. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function leafletMap({ onready, ondestroy }: MapOptions): Attachment<HTMLElement> {
  return (element) => {
    let map: L.Map | undefined;
    let observer: ResizeObserver | null = null;
    // Leaflet measures its container as it starts and as layers are added. Started at the next
    // frame, it measures a page already laid out once; started while the other views are still
    // being built, each measure would force a layout of the half-built page.
    const frame = requestAnimationFrame(() => {
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
      // The map follows its container (a resized window, a phone turned, a region re-laid out).
      const created = map;
      observer =
        typeof ResizeObserver === 'function' ? new ResizeObserver(() => created.invalidateSize({ pan: false })) : null;
      observer?.observe(element);
      onready(map);
    });
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      if (map) {
        ondestroy?.();
        map.remove();
      }
    };
  };
}

/** The offline country layer: styled by CSS (class `country`), never interactive. */
export function basemapLayer(basemap: Basemap): L.GeoJSON {
  return L.geoJson(basemap, {
    interactive: false,
    style: () => ({ className: 'country', weight: 0.6 }),
    attribution: 'Countries: Natural Earth',
  });
}

/**
 * The optional online layer. The offline countries are drawn above it; only once a tile has
 * really loaded does the map container get `tiles-on`, which lets the tiles show through.
 * When tiles fail (no network in the meeting room), the offline basemap stays as it was.
 */
export function onlineTileLayer(map: L.Map): L.Layer {
  const container = map.getContainer();
  let real: L.TileLayer | null = null;
  let shown = false;
  // A stand-in in the layer switch: turned on, it loads the tile code and shows the real layer.
  const Online = L.BaseLayer.extend({
    onAdd(this: L.Layer, on: L.Map) {
      shown = true;
      void import('./online-tiles').then(({ osmTiles }) => {
        if (!shown) return;
        real ??= osmTiles(container);
        real.addTo(on);
      });
      return this;
    },
    onRemove(this: L.Layer) {
      shown = false;
      real?.remove();
      return this;
    },
  });
  return new Online();
}

/**
 * The layer switch. Leaflet collapses it when the pointer leaves or the map is clicked, which
 * would hide a checkbox that has the keyboard focus: the focus then goes to its toggle first.
 * It also collapses when the focus leaves it, as it expands when the focus comes in.
 */
export function layerControl(map: L.Map, base: L.Layer, online: L.Layer): L.Control.Layers {
  const control = L.control
    // Top left, under the zoom buttons: the place's details open on the right and never cover it.
    .layers(
      {},
      { 'Countries (offline)': base, 'OpenStreetMap tiles (online)': online },
      { collapsed: true, position: 'topleft' },
    )
    .addTo(map);
  const container = control.getContainer()!;
  const toggle = container.querySelector<HTMLElement>('.leaflet-control-layers-toggle');
  toggle?.setAttribute('aria-label', 'Map layers');
  // Leaflet's own handlers hold its collapse(); what it hides is watched instead (the watcher
  // goes with the control's element).
  const watcher = new MutationObserver(() => {
    const open = container.classList.contains('leaflet-control-layers-expanded');
    if (!open && toggle && container.contains(document.activeElement) && document.activeElement !== toggle) {
      toggle.focus();
    }
  });
  watcher.observe(container, { attributes: true, attributeFilter: ['class'] });
  L.domEvent.on(container, 'focusout', (event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (next instanceof Node && !container.contains(next)) control.collapse();
  });
  return control;
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
 * and the layer switch (where the places are framed clear of them); clicks on it stay its own.
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
