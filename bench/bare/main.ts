/**
 * The baseline for load time: a page that draws only a Leaflet map with the same offline
 * basemap, and marks when it is drawn.
 */
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { fetchBasemap } from '../../src/lib/data/basemap';

const map = L.map('map').setView([15, -40], 2);
void fetchBasemap().then((basemap) => {
  L.geoJSON(basemap, { style: () => ({ weight: 0.6 }) }).addTo(map);
  document.body.dataset.drawn = String(performance.now());
});
