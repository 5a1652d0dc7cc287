import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { toBasemap, unwrapRing } from '../../src/lib/data/basemap';
import {
  buildClusterIndex,
  CLUSTER_THRESHOLD,
  declutter,
  rectangleObstacles,
  layoutMarks,
  loadForce,
  loadSupercluster,
  type Mark,
  type ViewBox,
} from '../../src/lib/scales/markers';
import { markerSizeScale, placeInfos } from '../../src/lib/scales/places';
import { countryName, placeName } from '../../src/lib/views/map/place-words';
import { nextSort, sortRows } from '../../src/lib/scales/sort';
import type { Dataset } from '../../src/lib/data/schema';
import { tinyDataset } from '../fixtures/tiny';
import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { simulate } from '../../src/lib/scales/force';

describe('unwrapRing', () => {
  it.each([
    [
      'a ring that does not cross is unchanged',
      [
        [10, 0],
        [20, 0],
        [20, 10],
        [10, 0],
      ],
      [
        [10, 0],
        [20, 0],
        [20, 10],
        [10, 0],
      ],
    ],
    [
      'crossing east continues past 180',
      [
        [179, 0],
        [-179, 0],
        [-179, 5],
        [179, 0],
      ],
      [
        [179, 0],
        [181, 0],
        [181, 5],
        [179, 0],
      ],
    ],
    [
      'crossing west continues past -180',
      [
        [-179, 0],
        [179, 0],
        [179, 5],
        [-179, 0],
      ],
      [
        [-179, 0],
        [-181, 0],
        [-181, 5],
        [-179, 0],
      ],
    ],
  ])('%s', (_name, ring, expected) => {
    expect(unwrapRing(ring)).toEqual(expected);
  });

  it('leaves no ring of the shipped basemap jumping across the map', () => {
    const basemap = toBasemap(
      JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8')) as Topology,
    );
    expect(basemap.features.length).toBeGreaterThan(170);
    let worst = 0;
    for (const f of basemap.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        for (let i = 1; i < ring.length; i++) worst = Math.max(worst, Math.abs(ring[i]![0]! - ring[i - 1]![0]!));
      }
    }
    expect(worst).toBeLessThan(180);
    expect(basemap.features.some((f) => f.properties.name === 'Antarctica')).toBe(false);
    expect(basemap.features.some((f) => f.properties.name === 'Fiji')).toBe(true);
  });
});

describe('placeInfos', () => {
  const data = tinyDataset();
  data.messages[0]!.placeIds = ['quito'];
  const infos = placeInfos(data);
  const byId = (id: string) => infos.find((i) => i.place.id === id)!;

  it.each([
    ['montevideo', ['practice']],
    ['sao-paulo', ['representative']],
    ['quito', ['event']],
  ])('%s has roles %j', (id, roles) => {
    expect(byId(id).roles).toEqual(roles);
  });

  it('lists the people based at a place and names its country', () => {
    expect(byId('sao-paulo').people.map((p) => p.name)).toEqual(['Ana Example']);
    expect(countryName(byId('sao-paulo').place.countryCode)).toBe('Brazil');
    expect(countryName('UY')).toBe('Uruguay');
    expect(countryName('ZZ')).toBe('ZZ');
  });

  it('names a marker with its place, country, roles and messages', () => {
    expect(placeName(byId('montevideo'), 2)).toBe('Montevideo, Uruguay (practice cited): 2 messages');
    expect(placeName(byId('montevideo'), 1)).toBe('Montevideo, Uruguay (practice cited): 1 message');
    expect(placeName(byId('sao-paulo'), 0)).toMatch(/^São Paulo, Brazil \(representative\b.*\): 0 messages$/);
  });

  it('never draws a marker under 24 px, the least a pointer target may be', () => {
    expect(markerSizeScale(16)(0)).toBe(24);
    expect(markerSizeScale(1)(0)).toBeGreaterThanOrEqual(24);
  });

  it('marker size grows with the count, by area, within its range', () => {
    const size = markerSizeScale(16, [10, 50]);
    expect(size(0)).toBe(10);
    expect(size(4)).toBe(30);
    expect(size(16)).toBe(50);
    expect(size(99)).toBe(50);
  });
});

function syntheticInfos(n: number) {
  const data: Dataset = tinyDataset();
  data.places = Array.from({ length: n }, (_, i) => ({
    id: `p-${i}`,
    name: `Place ${i}`,
    kind: 'city' as const,
    countryCode: 'UY',
    lat: -30 + (i % 40) * 0.5,
    lon: -60 + Math.floor(i / 40) * 0.5,
  }));
  return placeInfos(data);
}

const identityView = (zoom: number): ViewBox => ({
  bbox: [-180, -85, 180, 85],
  zoom,
  project: (lat, lon) => ({ x: (lon + 180) * 2 ** zoom, y: (90 - lat) * 2 ** zoom }),
  inView: () => true,
});

describe('layoutMarks', () => {
  it('gives every place its own marker below the clustering threshold', async () => {
    const infos = syntheticInfos(CLUSTER_THRESHOLD);
    expect(buildClusterIndex(infos, await loadSupercluster())).toBeNull();
    const marks = layoutMarks(infos, null, identityView(2));
    expect(marks).toHaveLength(CLUSTER_THRESHOLD);
    expect(marks.every((m) => m.type === 'place')).toBe(true);
  });

  it('clusters a large set at low zoom, and every place is in exactly one mark', async () => {
    const infos = syntheticInfos(1000);
    const index = buildClusterIndex(infos, await loadSupercluster())!;
    const low = layoutMarks(infos, index, identityView(2));
    expect(low.length).toBeLessThan(100);
    const covered = low.flatMap((m) => (m.type === 'place' ? [m.info.place.id] : m.infos.map((i) => i.place.id)));
    expect(new Set(covered).size).toBe(1000);
    expect(covered).toHaveLength(1000);
    const high = layoutMarks(infos, index, identityView(12));
    expect(high.filter((m) => m.type === 'place').length).toBeGreaterThan(low.filter((m) => m.type === 'place').length);
  });

  it('leaves out the marks outside the view', () => {
    const infos = syntheticInfos(10);
    const marks = layoutMarks(infos, null, { ...identityView(0), inView: (p) => p.y < 118 });
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.length).toBeLessThan(10);
  });
});

describe('declutter', () => {
  const mark = (key: string, x: number, y: number): Mark => ({
    type: 'place',
    key,
    info: syntheticInfos(1)[0]!,
    x,
    y,
    anchorX: x,
    anchorY: y,
  });

  it('keeps marks that do not overlap where they are', async () => {
    const marks = [mark('a', 0, 0), mark('b', 100, 0)];
    expect(declutter(marks, () => 10, await loadForce())).toEqual(marks);
  });

  it('its tick loop moves nodes exactly as d3-force’s own simulation does, fixed nodes and all', () => {
    type Node = SimulationNodeDatum & { r: number; ax: number; ay: number };
    // A crowded cluster (a dozen places within a few pixels) and two fixed buttons.
    const start = (): Node[] => [
      ...Array.from({ length: 12 }, (_, i) => {
        const x = 100 + (i % 4) * 3;
        const y = 50 + Math.floor(i / 4) * 2;
        return { x, y, ax: x, ay: y, r: 8 + (i % 3) };
      }),
      { x: 95, y: 45, fx: 95, fy: 45, ax: 95, ay: 45, r: 12 },
      { x: 110, y: 40, fx: 110, fy: 40, ax: 110, ay: 40, r: 12 },
    ];
    const forces = () => [
      forceX<Node>((n) => n.ax).strength(0.15),
      forceY<Node>((n) => n.ay).strength(0.15),
      forceCollide<Node>((n) => n.r)
        .strength(0.9)
        .iterations(3),
    ];
    const ours = start();
    const theirs = start();
    simulate(ours, forces()).tick(40);
    const [x, y, collide] = forces();
    forceSimulation(theirs).force('x', x!).force('y', y!).force('collide', collide!).stop().tick(40);
    expect(ours.map((n) => [n.x, n.y])).toEqual(theirs.map((n) => [n.x, n.y]));
    // And they did move: the crowd spread out.
    expect(ours.slice(0, 12).some((n) => Math.hypot(n.x! - n.ax, n.y! - n.ay) > 5)).toBe(true);
  });

  it('leaves overlapping marks where they are until d3-force has loaded', () => {
    const marks = [mark('a', 0, 0), mark('b', 1, 0)];
    expect(declutter(marks, () => 10, null)).toEqual(marks);
  });

  it('moves overlapping marks apart until none overlaps, keeping their anchors', async () => {
    const marks = [mark('a', 0, 0), mark('b', 1, 0), mark('c', 0, 1)];
    const out = declutter(marks, () => 10, await loadForce(), 2);
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        expect(Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y)).toBeGreaterThan(19);
      }
    }
    expect(out.map((m) => [m.anchorX, m.anchorY])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(Math.max(...out.map((m) => Math.hypot(m.x - m.anchorX, m.y - m.anchorY)))).toBeLessThan(30);
  });

  it('moves markers off the map’s buttons, which stay where they are', async () => {
    const buttons = rectangleObstacles(0, 0, 40, 120);
    expect(buttons.length).toBeGreaterThan(3);
    // Every point of the column is under some circle.
    for (let y = 0; y <= 120; y += 10)
      expect(
        buttons.some((b) => Math.hypot(20 - b.x, y - b.y) <= b.r),
        `y ${y}`,
      ).toBe(true);
    const marks = [mark('a', 20, 30), mark('b', 200, 30)];
    const out = declutter(marks, () => 10, await loadForce(), 2, 80, buttons);
    const a = out.find((m) => m.key === 'a')!;
    for (const b of buttons) expect(Math.hypot(a.x - b.x, a.y - b.y), 'a keeps off the buttons').toBeGreaterThan(b.r);
    expect([a.anchorX, a.anchorY]).toEqual([20, 30]);
    // A marker far from the buttons does not move.
    expect(out.find((m) => m.key === 'b')).toEqual(marks[1]);
  });

  it('stops as soon as no two boxes overlap, not after every tick it may take', async () => {
    const force = await loadForce();
    let ticks = 0;
    const counted: typeof force = {
      ...force,
      simulate: ((...args: Parameters<typeof force.simulate>) => {
        const simulation = force.simulate(...args);
        return {
          tick: (n = 1) => {
            ticks += n;
            simulation.tick(n);
          },
        };
      }) as typeof force.simulate,
    };
    // A crowded corner of the map: six markers a few px apart.
    const marks = [0, 1, 2, 3, 4, 5].map((i) => mark(String(i), (i % 3) * 6, Math.floor(i / 3) * 6));
    const radius = 10;
    const gap = 2;
    const out = declutter(marks, () => radius, counted, gap, 80);
    expect(ticks).toBeGreaterThan(0);
    expect(ticks).toBeLessThan(80);
    // The buttons' boxes (r·√2) stay apart, with at least 2 × gap − 1 px between them.
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++)
        expect(Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y)).toBeGreaterThanOrEqual(
          2 * radius * Math.SQRT2 + 2 * gap - 1,
        );
  });

  it('is deterministic', async () => {
    const force = await loadForce();
    const marks = [mark('a', 0, 0), mark('b', 0, 0), mark('c', 0, 0)];
    expect(declutter(marks, () => 8, force)).toEqual(declutter(marks, () => 8, force));
  });
});

describe('table sorting', () => {
  const rows = [
    { name: 'São Paulo', n: 2 },
    { name: 'Montevideo', n: 2 },
    { name: 'la Paz', n: 0 },
  ];
  const value = (r: (typeof rows)[number], key: 'name' | 'n') => r[key];

  it.each([
    [{ key: 'name', direction: 'ascending' }, ['la Paz', 'Montevideo', 'São Paulo']],
    [{ key: 'name', direction: 'descending' }, ['São Paulo', 'Montevideo', 'la Paz']],
    [{ key: 'n', direction: 'descending' }, ['São Paulo', 'Montevideo', 'la Paz']],
    [{ key: 'n', direction: 'ascending' }, ['la Paz', 'São Paulo', 'Montevideo']],
  ] as const)('%j', (sort, expected) => {
    expect(sortRows(rows, sort, value).map((r) => r.name)).toEqual(expected);
  });

  it('a click on the same column flips, on another starts over', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'n', true)).toEqual({ key: 'n', direction: 'descending' });
  });
});
