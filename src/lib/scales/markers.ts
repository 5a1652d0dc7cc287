/**
 * Where the map's markers go for the current view: each place inside the view (with a margin)
 * at its projected point, or, for a large dataset, clusters of places that would overlap
 * (supercluster: a few KB, the standard for point clustering, and its clusters are plain
 * data that Svelte renders as buttons like any marker).
 *
 * Both libraries (d3-force, supercluster) load on demand, apart from the first script: the
 * clustering only for a dataset above the threshold, d3-force preloaded by the built page.
 */
import type { SimulationNodeDatum } from 'd3-force';
import type * as Forces from './force';
import type Supercluster from 'supercluster';
import type { PlaceInfo } from './places';

export type ForceModule = typeof Forces;
export type SuperclusterClass = typeof Supercluster;

let forceModule: Promise<ForceModule> | undefined;
/** Loads d3-force's forces (and their tick loop, `force.ts`) once. */
export const loadForce = (): Promise<ForceModule> => (forceModule ??= import('./force'));

let superclusterClass: Promise<SuperclusterClass> | undefined;
/** Loads supercluster once. */
export const loadSupercluster = (): Promise<SuperclusterClass> =>
  (superclusterClass ??= import('supercluster').then((m) => m.default));

/** Above this many places, nearby markers are clustered; below, every place has its marker. */
export const CLUSTER_THRESHOLD = 150;

export interface Point {
  x: number;
  y: number;
}

interface Placed {
  key: string;
  /** Where the marker is drawn. */
  x: number;
  y: number;
  /** Where the place really is; differs from x, y when the marker was moved off a neighbour. */
  anchorX: number;
  anchorY: number;
}

export interface PlaceMark extends Placed {
  type: 'place';
  info: PlaceInfo;
}

export interface ClusterMark extends Placed {
  type: 'cluster';
  infos: PlaceInfo[];
}

export type Mark = PlaceMark | ClusterMark;

export interface ViewBox {
  /** West, south, east, north in degrees. */
  bbox: [number, number, number, number];
  zoom: number;
  project: (lat: number, lon: number) => Point;
  /** Is a projected point inside the view (with its margin)? */
  inView: (point: Point) => boolean;
}

export type ClusterIndex = Supercluster<{ index: number }>;

export function buildClusterIndex(
  infos: readonly PlaceInfo[],
  Cluster: SuperclusterClass,
  radius = 60,
): ClusterIndex | null {
  if (infos.length <= CLUSTER_THRESHOLD) return null;
  const index = new Cluster<{ index: number }>({ radius, maxZoom: 12, minPoints: 2 });
  index.load(
    infos.map((info, i) => ({
      type: 'Feature',
      properties: { index: i },
      geometry: { type: 'Point', coordinates: [info.place.lon, info.place.lat] },
    })),
  );
  return index;
}

export function layoutMarks(infos: readonly PlaceInfo[], clusters: ClusterIndex | null, view: ViewBox): Mark[] {
  if (!clusters) {
    const marks: Mark[] = [];
    for (const info of infos) {
      const point = view.project(info.place.lat, info.place.lon);
      if (view.inView(point)) marks.push({ type: 'place', key: info.place.id, info, ...at(point) });
    }
    return marks;
  }
  return clusters.getClusters(view.bbox, Math.round(view.zoom)).flatMap((feature): Mark[] => {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    const point = view.project(lat, lon);
    if (!view.inView(point)) return [];
    const props = feature.properties as { cluster?: boolean; cluster_id?: number; index?: number };
    if (!props.cluster) {
      const info = infos[props.index!]!;
      return [{ type: 'place', key: info.place.id, info, ...at(point) }];
    }
    const leaves = clusters.getLeaves(props.cluster_id!, Infinity).map((leaf) => infos[leaf.properties.index]!);
    // Keyed with a character no id may hold: a place called `cluster-12` never shares a cluster's key.
    return [{ type: 'cluster', key: `~cluster-${props.cluster_id}`, infos: leaves, ...at(point) }];
  });
}

function at(point: Point) {
  return { x: point.x, y: point.y, anchorX: point.x, anchorY: point.y };
}

/**
 * Moves overlapping markers apart just enough that each can be seen and clicked, each pulled
 * back towards its true place (d3-force: collision plus an anchor), for at most `ticks` ticks
 * and no more than it takes for none to overlap, nor farther than `maxShift` from its place.
 * Deterministic: d3-force
 * jiggles with a fixed-seed generator. Returns new marks; the view draws a leader line from
 * each moved marker to its anchor. Until d3-force has loaded (`force` null), overlapping marks
 * stay where they are.
 */
export function declutter<M extends Mark>(
  marks: readonly M[],
  radius: (mark: M) => number,
  force: ForceModule | null,
  gap = 2,
  ticks = 80,
  obstacles: readonly Obstacle[] = [],
  /** The farthest a marker may move from its place (its leader line's length), in px. */
  maxShift = Infinity,
): M[] {
  type Node = SimulationNodeDatum & { mark: M | null; r: number };
  // A marker is a round button in a square box: kept apart by the box's corners (r·√2), no
  // button's box covers another's, so each keeps its whole 24 px target (WCAG 2.5.8).
  const nodes: Node[] = marks.map((mark) => ({
    mark,
    r: radius(mark) * Math.SQRT2 + gap,
    x: mark.anchorX,
    y: mark.anchorY,
  }));
  // The map's own buttons stand still: markers are moved off them, never they off markers.
  const fixed: Node[] = obstacles.map((o) => ({ mark: null, r: o.r, x: o.x, y: o.y, fx: o.x, fy: o.y }));
  const all = [...nodes, ...fixed];
  if (!force || !overlaps(all)) return [...marks];
  const { forceCollide, simulate, forceX, forceY } = force;
  const simulation = simulate(all, [
    forceX<Node>((n) => n.mark?.anchorX ?? n.x!).strength(0.15),
    forceY<Node>((n) => n.mark?.anchorY ?? n.y!).strength(0.15),
    forceCollide<Node>((n) => n.r)
      .strength(0.9)
      .iterations(3),
  ]);
  // A few ticks at a time, stopping as soon as nothing overlaps.
  for (let done = 0; done < ticks && overlaps(all); done += 5) simulation.tick(Math.min(5, ticks - done));
  // Never far from its place: a marker pushed past the limit comes back along its line (crowded
  // markers may then touch; a list of the places stands beside a small map for them).
  return nodes.map((n) => {
    const mark = n.mark!;
    const dx = n.x! - mark.anchorX;
    const dy = n.y! - mark.anchorY;
    const shift = Math.hypot(dx, dy);
    const k = shift > maxShift ? maxShift / shift : 1;
    return { ...mark, x: mark.anchorX + dx * k, y: mark.anchorY + dy * k };
  });
}

/** Something markers must keep off (a circle in the marks' coordinates): the map's buttons. */
export interface Obstacle {
  x: number;
  y: number;
  r: number;
}

/** Circles that cover a rectangle (the map's column of buttons), for {@link declutter}. */
export function rectangleObstacles(left: number, top: number, width: number, height: number): Obstacle[] {
  if (width <= 0 || height <= 0) return [];
  const r = width / 2;
  const out: Obstacle[] = [];
  for (let y = top + r; y < top + height + r; y += r) out.push({ x: left + r, y: Math.min(y, top + height - r), r });
  return out;
}

/**
 * How far (px) two circles may still reach into each other and count as apart: each already
 * carries a `gap` of room beyond its box, and the collision force closes the last fraction of a
 * pixel only slowly. Chasing it ran every tick on every load (80 ticks, about 90 ms in a cold
 * browser), for a difference no one can see; the boxes stay at least `2 × gap − SLACK` apart.
 */
const SLACK = 1;

/** Does any marker overlap another, or an obstacle? (Obstacles may overlap each other.) */
function overlaps(nodes: readonly { x?: number; y?: number; r: number; mark: unknown }[]): boolean {
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (a.mark === null && b.mark === null) continue;
      if (Math.hypot(a.x! - b.x!, a.y! - b.y!) < a.r + b.r - SLACK) return true;
    }
  }
  return false;
}
