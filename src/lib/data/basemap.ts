/**
 * The offline basemap: Natural Earth countries (world-atlas, 1:110m) shipped with the app as
 * its own file and fetched at run time, so it never weighs on the main bundle.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Topology } from 'topojson-specification';
import { toBasemap, type Basemap } from './basemap-shape';
import basemapUrl from 'world-atlas/countries-110m.json?url';

export { toBasemap, unwrapRing, type Basemap, type CountryShape } from './basemap-shape';

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
