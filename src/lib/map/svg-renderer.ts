/**
 * How the map draws vector layers (the basemap's countries): always in SVG. Leaflet's own
 * `Renderer.getRenderer` can also draw in a canvas (its `preferCanvas` option, which the app
 * never sets), and importing it brings the whole canvas renderer into the first load (about
 * 2 KB gzipped). This is the same code, for SVG alone.
 */
import { Map } from 'leaflet/src/map/Map';
import { svg } from 'leaflet/src/layer/vector/SVG';

interface RendererHost {
  options: { renderer?: unknown };
  _renderer?: unknown;
  _paneRenderers: Record<string, unknown>;
  _getPaneRenderer(pane: string | undefined): unknown;
  _createRenderer(options?: { pane: string }): unknown;
  hasLayer(layer: unknown): boolean;
  addLayer(layer: unknown): void;
}

Map.include({
  getRenderer(this: RendererHost, layer: { options: { renderer?: unknown; pane?: string } }) {
    let renderer =
      layer.options.renderer || this._getPaneRenderer(layer.options.pane) || this.options.renderer || this._renderer;
    if (!renderer) renderer = this._renderer = this._createRenderer();
    if (!this.hasLayer(renderer)) this.addLayer(renderer);
    return renderer;
  },
  _getPaneRenderer(this: RendererHost, name: string | undefined) {
    if (name === 'overlayPane' || name === undefined) return false;
    let renderer = this._paneRenderers[name];
    if (renderer === undefined) {
      renderer = this._createRenderer({ pane: name });
      this._paneRenderers[name] = renderer;
    }
    return renderer;
  },
  _createRenderer(options?: { pane: string }) {
    return svg(options);
  },
});
