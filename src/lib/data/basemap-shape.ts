/**
 * The basemap's countries as GeoJSON, from world-atlas's TopoJSON, their rings unwrapped
 * across the antimeridian. A leaf module: the build and the Node scripts use it too.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

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
