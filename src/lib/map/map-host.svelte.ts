/**
 * The map primitive: one Leaflet map on an element, and what a view reads of it as reactive
 * values. The map once made; a version bumped at each move, so what is placed on it is placed
 * anew; its corner's buttons and its credits measured, so nothing is drawn over them; the
 * offline basemap with the optional online layer; Leaflet's own words in the interface's
 * language. A view wires its places onto it (views/map/MapView.svelte); Leaflet itself is
 * wrapped in `leaflet.ts`.
 */
import { tick, untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { Basemap } from '../data/basemap';
import type { Box } from '../scales/labels';
import {
  basemapLayer,
  leafletMap,
  nameZoomButtons,
  onlineTileLayer,
  renameCredits,
  type L,
  type MapWords,
  type OnlineLayer,
  type OnlineStatus,
} from './leaflet';

/** A box in the map container's pixels. */
interface ContainerBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapHostOptions {
  /** The offline basemap, once loaded: drawn as it arrives. */
  basemap: () => Basemap | undefined;
  /** The words of Leaflet's controls and credits, followed when the language changes. */
  words: () => MapWords;
  /** The map is made: frame it before the basemap is drawn, so it is drawn once, at its final zoom. */
  onready?: (map: L.Map) => void;
}

export class MapHost {
  /** The Leaflet map, once its element has been laid out. */
  map = $state.raw<L.Map>();
  /** Bumped whenever Leaflet's view changes: whatever is placed on the map is placed anew. */
  version = $state(0);
  /** The optional OpenStreetMap layer: off, asked for, showing, or none of its tiles could load. */
  online = $state<OnlineStatus>('off');
  /** No tile of the online layer could load: it was turned off, and the view says so until dismissed. */
  tilesFailed = $state(false);
  /**
   * The corner's buttons (zoom, Fit, layers) and the credits ("Countries: Natural Earth"), in the
   * map's pixels: measured when the map is made, resized or renamed, never on a pan or a click
   * (reading the layout there would force one).
   */
  #corner = $state.raw<ContainerBox | null>(null);
  #credits = $state.raw<ContainerBox | null>(null);
  #layers = $state.raw<{ base: L.Layer; online: OnlineLayer } | null>(null);
  readonly attach: Attachment<HTMLElement>;

  /** Made while a component is set up: its effects live as long as the component. */
  constructor(options: MapHostOptions) {
    this.attach = leafletMap({
      onready: (created) => {
        this.map = created;
        options.onready?.(created);
        created.on('zoomend moveend viewreset resize', () => this.version++);
        created.on('resize', () => this.#measure(created));
        // Once the view's own buttons have joined the corner.
        void tick().then(() => this.#measure(created));
      },
      ondestroy: () => (this.map = undefined),
    });

    // The basemap, once loaded, under whatever the view places (the map is already framed).
    $effect(() => {
      const map = this.map;
      const data = options.basemap();
      if (!map || !data) return;
      // Made once: a language switch renames them in place (below), keeping the layer chosen.
      const words = untrack(options.words);
      const base = basemapLayer(data, words.countriesCredit).addTo(map);
      const online = onlineTileLayer(map, words.tilesCredit, (status) => {
        this.online = status;
        if (status === 'loading' || status === 'loaded') this.tilesFailed = false;
        // None could load: the layer goes (its button, its credit), and the view says why.
        if (status === 'failed') {
          this.tilesFailed = true;
          online.layer.remove();
        }
      });
      this.#layers = { base, online };
      // The credits have appeared in the corner: measured once, so no name is written over them.
      void tick().then(() => this.#measure(map));
      return () => {
        this.#layers = null;
        online.layer.remove();
        base.remove();
      };
    });

    // Leaflet writes its controls' words once: they are written anew when the language changes.
    let shown: MapWords | null = null;
    $effect(() => {
      const words = options.words();
      const map = this.map;
      if (!map) return;
      nameZoomButtons(map, words);
      const layers = untrack(() => this.#layers);
      if (layers && shown && words !== shown) {
        renameCredits(map, layers.base, layers.online, words);
        void tick().then(() => this.#measure(map));
      }
      shown = words;
    });
  }

  /** Is the basemap drawn (and so the online layer's button wanted)? */
  get drawn(): boolean {
    return this.#layers !== null;
  }

  /** The online layer on or off (its button). */
  toggleOnline(): void {
    const tiles = this.#layers?.online.layer;
    if (!tiles || !this.map) return;
    if (this.online === 'off') tiles.addTo(this.map);
    else tiles.remove();
  }

  /** The credits' height in px, once measured. */
  get creditsHeight(): number | undefined {
    return this.#credits?.height;
  }

  /**
   * The corner's buttons (and, with `withCredits`, the credits) in the map's layer pixels, once
   * measured: where no marker or name goes.
   */
  reserved(map: L.Map, withCredits = false): Box[] {
    return [this.#corner, ...(withCredits ? [this.#credits] : [])].flatMap((box) => {
      if (!box) return [];
      const at = map.containerPointToLayerPoint([box.x, box.y]);
      return [{ left: at.x, top: at.y, right: at.x + box.width, bottom: at.y + box.height }];
    });
  }

  #measure(map: L.Map): void {
    const host = map.getContainer().getBoundingClientRect();
    const measure = (selector: string): ContainerBox | null => {
      const box = map.getContainer().querySelector(selector)?.getBoundingClientRect();
      return box && box.width > 0
        ? { x: box.left - host.left, y: box.top - host.top, width: box.width, height: box.height }
        : null;
    };
    this.#corner = measure('.leaflet-top.leaflet-left');
    this.#credits = measure('.leaflet-bottom.leaflet-right');
  }
}
