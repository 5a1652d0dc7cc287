/**
 * The offline basemap: Natural Earth countries (world-atlas, 1:110m) shipped with the app as
 * its own file and fetched at run time, so it never weighs on the main bundle.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import basemapUrl from 'world-atlas/countries-110m.json?url';

export type CountryShape = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string }>;
export type Basemap = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { name: string }>;

/** Antarctica: no city there, and its ring runs along the map's edge. */
const LEFT_OUT = new Set(['010']);

/**
 * Makes a ring's longitudes continuous: where a ring crosses the antimeridian (Fiji, Russia's
 * far east) each next point is shifted by ±360° instead of jumping across the whole map.
 */
export function unwrapRing(ring: GeoJSON.Position[]): GeoJSON.Position[] {
  let offset = 0;
  let previous: number | undefined;
  return ring.map(([lon, lat, ...rest]) => {
    let x = lon! + offset;
    if (previous !== undefined) {
      while (x - previous > 180) {
        offset -= 360;
        x -= 360;
      }
      while (previous - x > 180) {
        offset += 360;
        x += 360;
      }
    }
    previous = x;
    return [x, lat!, ...rest];
  });
}

function unwrapGeometry(geometry: CountryShape['geometry']): CountryShape['geometry'] {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
}

/** Countries as GeoJSON, rings unwrapped, from world-atlas's TopoJSON. */
export function toBasemap(topology: Topology): Basemap {
  const countries = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const features = (countries as unknown as Basemap).features
    .filter((f) => f.geometry && !LEFT_OUT.has(String(f.id)))
    .map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) }));
  return { type: 'FeatureCollection', features };
}

export async function fetchBasemap(url: string = basemapUrl): Promise<Basemap> {
  const response = await fetch(url);
  if (!response.ok) {
    const words = await laterMessages();
    throw new Error(words.load_failed({ what: words.load_what_basemap(), url, why: `HTTP ${response.status}` }));
  }
  return toBasemap((await response.json()) as Topology);
}

export const basemapQuery = () => ({
  queryKey: ['basemap', basemapUrl] as const,
  queryFn: () => fetchBasemap(),
});
