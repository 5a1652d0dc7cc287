/**
 * Leaflet, the parts the app uses, from Leaflet's own ES modules (its package ships `src/`):
 * the map and the handlers a user moves it with, the zoom and attribution controls (the
 * online layer is switched by a button of the app's own, not Leaflet's layer control),
 * GeoJSON drawn in SVG, DOM events and bounds; tile layers load when the online layer is first
 * shown (`online-tiles.ts`). Popups, tooltips, image and video
 * overlays, the scale control and box zoom (Shift-drag, which would fight Shift-click adding a
 * place) are left out of the page. Typed with Leaflet's own types.
 */
import type * as Leaflet from 'leaflet';
import { createMap } from 'leaflet/src/map/Map';
import { LayerGroup } from 'leaflet/src/layer/LayerGroup';
import { Polygon } from 'leaflet/src/layer/vector/Polygon';
import { LatLng } from 'leaflet/src/geo/LatLng';
import { Layer } from 'leaflet/src/layer/Layer';
import * as DomEvent from 'leaflet/src/dom/DomEvent';
import { toLatLngBounds } from 'leaflet/src/geo/LatLngBounds';
// Each registers itself with the map (zoom buttons, attribution, the ways to move the map, the SVG renderer).
import 'leaflet/src/control/Control.Zoom';
import 'leaflet/src/control/Control.Attribution';
import 'leaflet/src/map/handler/Map.Drag';
import 'leaflet/src/map/handler/Map.DoubleClickZoom';
import 'leaflet/src/map/handler/Map.Keyboard';
import 'leaflet/src/map/handler/Map.ScrollWheelZoom';
import 'leaflet/src/map/handler/Map.TouchZoom';
import './svg-renderer';
import 'leaflet/dist/leaflet.css';

export const map = createMap as typeof Leaflet.map;
export const PolygonLayer = Polygon as typeof Leaflet.Polygon;
export const Group = LayerGroup as typeof Leaflet.LayerGroup;
export const Point = LatLng as typeof Leaflet.LatLng;
/** The base of a layer: the online tiles' stand-in extends it (their code loads when first shown). */
export const BaseLayer = Layer as typeof Leaflet.Layer;
export const domEvent = DomEvent as typeof Leaflet.DomEvent;
export const latLngBounds = toLatLngBounds as typeof Leaflet.latLngBounds;
export type { Map, Control, GeoJSON, TileLayer, Layer, LatLngBounds, LayerGroup } from 'leaflet';
