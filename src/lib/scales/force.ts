/**
 * The map's declutter forces: d3-force's collision and anchor forces, ticked here. d3-force's
 * `forceSimulation` adds a timer and an event dispatcher (d3-timer, d3-dispatch) that a
 * simulation run synchronously (`stop()`, then `tick(n)`) never uses; the page loads this
 * module at once, so the tick loop below is d3's own, with its defaults (alpha from 1 to 0.001
 * in 300 ticks, velocity decay 0.4) and its fixed-seed generator, and the same result, in
 * about 1.7 KB less (gzipped). Loaded on demand (see `markers.ts`).
 */
import { forceCollide, forceX, forceY } from 'd3-force';
import type { Force, SimulationNodeDatum } from 'd3-force';

export { forceCollide, forceX, forceY };

/** A synchronous simulation: `tick(n)` moves the nodes n steps, as d3-force's `simulation.tick(n)`. */
export interface Ticker {
  tick(iterations?: number): void;
}

/** d3-force's linear congruential generator (its `lcg.js`), seeded the same: the same jiggle. */
function lcg(): () => number {
  let s = 1;
  return () => (s = (1664525 * s + 1013904223) % 4294967296) / 4294967296;
}

/**
 * The nodes under the forces, in order, as `forceSimulation(nodes).force(…)….stop()` would set
 * them up: indexed, fixed nodes at their place, velocities zero; each force initialised with
 * the nodes and the generator.
 */
export function simulate<N extends SimulationNodeDatum>(nodes: N[], forces: readonly Force<N, undefined>[]): Ticker {
  const random = lcg();
  const alphaMin = 0.001;
  const alphaDecay = 1 - Math.pow(alphaMin, 1 / 300);
  const velocityDecay = 0.6;
  let alpha = 1;
  nodes.forEach((node, i) => {
    node.index = i;
    if (node.fx != null) node.x = node.fx;
    if (node.fy != null) node.y = node.fy;
    if (Number.isNaN(node.vx ?? NaN) || Number.isNaN(node.vy ?? NaN)) node.vx = node.vy = 0;
  });
  for (const force of forces) force.initialize?.(nodes, random);
  return {
    tick(iterations = 1) {
      for (let k = 0; k < iterations; ++k) {
        alpha += (0 - alpha) * alphaDecay;
        for (const force of forces) force(alpha);
        for (const node of nodes) {
          if (node.fx == null) node.x! += node.vx! *= velocityDecay;
          else {
            node.x = node.fx;
            node.vx = 0;
          }
          if (node.fy == null) node.y! += node.vy! *= velocityDecay;
          else {
            node.y = node.fy;
            node.vy = 0;
          }
        }
      }
    },
  };
}
