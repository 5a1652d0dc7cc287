/**
 * The map's marks and names for the map's view as it is now: the places in view (or their
 * clusters) projected, moved off each other and off the map's buttons, and their names placed
 * beside them where they fit. The arithmetic is in `scales/` (markers.ts, labels.ts); this wires
 * it to Leaflet's projection. MapView lays them out again when the map moves or the data changes.
 */
import type { L } from '../../map/leaflet';
import type { Box, PlacedLabel } from '../../scales/labels';
import { placeLabels } from '../../scales/labels';
import {
  declutter,
  layoutMarks,
  rectangleObstacles,
  type ClusterIndex,
  type ForceModule,
  type Mark,
} from '../../scales/markers';
import type { PlaceInfo } from '../../scales/places';

/** Markers this far outside the view are still drawn, so a pan shows them at once. */
const MARGIN = 160;
/** A cluster's marker, in px. */
export const CLUSTER_SIZE = 36;
/** Room around a name's words. */
const LABEL_PAD = 3;

/** Each mark's half-size in px: a place's by its messages before any filter, a cluster's fixed. */
export function markRadius(size: (count: number) => number, totals: ReadonlyMap<string, number>) {
  return (mark: Mark): number =>
    mark.type === 'cluster' ? CLUSTER_SIZE / 2 : size(totals.get(mark.info.place.id) ?? 0) / 2;
}

/**
 * The places drawn (or their clusters) where they stand in the map's layer pixels, moved off one
 * another and off the map's own buttons (`reserved`), each at most 15 % of the map's width from
 * its place: a marker never crosses a sea from its place.
 */
export function placeMarks(
  map: L.Map,
  shown: readonly PlaceInfo[],
  clusters: ClusterIndex | null,
  radius: (mark: Mark) => number,
  force: ForceModule | null,
  reserved: readonly Box[],
): Mark[] {
  const size = map.getSize();
  const topLeft = map.containerPointToLayerPoint([-MARGIN, -MARGIN]);
  const bottomRight = map.containerPointToLayerPoint([size.x + MARGIN, size.y + MARGIN]);
  const bounds = map.getBounds().pad(0.3);
  const laid = layoutMarks(shown, clusters, {
    bbox: [
      Math.max(-180, bounds.getWest()),
      Math.max(-85, bounds.getSouth()),
      Math.min(180, bounds.getEast()),
      Math.min(85, bounds.getNorth()),
    ],
    zoom: map.getZoom(),
    project: (lat, lon) => map.latLngToLayerPoint([lat, lon]),
    inView: (p) => p.x >= topLeft.x && p.x <= bottomRight.x && p.y >= topLeft.y && p.y <= bottomRight.y,
  });
  const obstacles = reserved.flatMap((b) => rectangleObstacles(b.left, b.top, b.right - b.left, b.bottom - b.top));
  return declutter(laid, radius, force, undefined, undefined, obstacles, 0.15 * size.x);
}

/** The marks drawn away from their place: each has a leader line. */
export function movedMarks(marks: readonly Mark[]): Mark[] {
  return marks.filter((mark) => Math.hypot(mark.x - mark.anchorX, mark.y - mark.anchorY) > 3);
}

/**
 * The drawn shape's half-size: a marker's box is its hit area; its shape is drawn in a 100-unit
 * square inside a 124-unit view (PlaceMarker), at most 46 units from its centre.
 */
function shapeRadius(mark: Mark, radius: (mark: Mark) => number): number {
  return (radius(mark) * (2 * 46)) / 124;
}

/**
 * Where a place's role badges stand (top right of its shape, PlaceMarker: each a half-size
 * shape at x = 62 − 30·i, y = −14 of the 100-unit square): no name covers them.
 */
function badgeBoxes(mark: Mark, radius: (mark: Mark) => number): Box[] {
  if (mark.type !== 'place' || mark.info.roles.length < 2) return [];
  const unit = (2 * radius(mark)) / 124;
  const badges = mark.info.roles.length - 1;
  return [
    {
      left: mark.x + (62 - 30 * (badges - 1) - 50) * unit,
      top: mark.y + (-14 - 50) * unit,
      right: mark.x + (62 + 50 - 50) * unit,
      bottom: mark.y + (-14 + 50 - 50) * unit,
    },
  ];
}

/** A leader line as small boxes along it, so no place name is written across it. */
function leaderBoxes(list: readonly Mark[]): Box[] {
  return list.flatMap((mark) => {
    const length = Math.hypot(mark.x - mark.anchorX, mark.y - mark.anchorY);
    const steps = Math.max(1, Math.ceil(length / 6));
    return Array.from({ length: steps + 1 }, (_, k) => {
      const x = mark.anchorX + ((mark.x - mark.anchorX) * k) / steps;
      const y = mark.anchorY + ((mark.y - mark.anchorY) * k) / steps;
      return { left: x - 1.5, top: y - 1.5, right: x + 1.5, bottom: y + 1.5 };
    });
  });
}

interface NameOptions {
  radius: (mark: Mark) => number;
  /** The places named first (on stage, this step's). */
  named: ReadonlySet<string>;
  /** Each place's messages before any filter: the places with most are named first. */
  totals: ReadonlyMap<string, number>;
  /** A name's width in px, and its type size. */
  measure: (text: string) => number;
  px: number;
  /** The map's buttons and credits (layer pixels): no name goes there. */
  reserved: readonly Box[];
  /** Kept clear at the map's foot for the credits' line, in px. */
  foot: number;
}

/**
 * Place names beside their markers where they fit, inside the map and above its credits, clear
 * of the markers, their badges, the leader lines and the map's buttons.
 */
export function placeNames(map: L.Map, marks: readonly Mark[], moved: readonly Mark[], o: NameOptions): PlacedLabel[] {
  const topLeft = map.containerPointToLayerPoint([0, 0]);
  const size = map.getSize();
  const bottomRight = map.containerPointToLayerPoint([size.x, size.y - o.foot]);
  return placeLabels(
    marks.flatMap((mark) =>
      mark.type === 'place'
        ? [
            {
              key: mark.info.place.id,
              text: mark.info.place.name,
              x: mark.x,
              y: mark.y,
              r: shapeRadius(mark, o.radius),
              priority: (o.named.has(mark.info.place.id) ? 1e6 : 0) + (o.totals.get(mark.info.place.id) ?? 0),
              extra: badgeBoxes(mark, o.radius),
            },
          ]
        : [],
    ),
    (text) => o.measure(text) + 2 * LABEL_PAD,
    Math.round(o.px * 1.3),
    { left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y },
    4,
    [...o.reserved, ...leaderBoxes(moved)],
  );
}
