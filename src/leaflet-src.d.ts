/** Leaflet's source modules (its package ships `src/`) have no types of their own: `lib/map/leaflet-core.ts` gives them Leaflet's. */
declare module 'leaflet/src/*';
