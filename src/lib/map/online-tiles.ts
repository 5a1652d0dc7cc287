/**
 * The online tiles (OpenStreetMap), with Leaflet's tile layer: loaded only when a user turns the
 * online layer on, so the first page never carries the tile code.
 */
import type * as Leaflet from 'leaflet';
import { tileLayer } from 'leaflet/src/layer/tile/TileLayer';

/**
 * Only once a tile has really loaded does the map's container get `tiles-on` (the tiles show
 * through). `attribution`: the credit in the interface's language ("© OpenStreetMap contributors").
 * `onloaded` hears whether tiles load: true at the first that does, false when one fails before
 * any has (no network).
 */
export function osmTiles(
  container: HTMLElement,
  attribution: string,
  onloaded: (loaded: boolean) => void = () => {},
): Leaflet.TileLayer {
  let any = false;
  return (tileLayer as typeof Leaflet.tileLayer)('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution,
    crossOrigin: true,
  })
    .on('tileload', () => {
      container.classList.add('tiles-on');
      if (!any) onloaded(true);
      any = true;
    })
    .on('tileerror', () => {
      if (!any) onloaded(false);
    })
    .on('remove', () => {
      container.classList.remove('tiles-on');
      any = false;
    });
}
