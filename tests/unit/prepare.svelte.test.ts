import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { syntheticDataset } from '../../scripts/synthetic';
import { DashboardState } from '../../src/lib/state/dashboard.svelte';
import { IN_PARTS, indexOf, lookupOf, prepareInParts } from '../../src/lib/state/prepare';
import { tinyDataset } from '../fixtures/tiny';

describe("a big consultation's first build, in parts", () => {
  it('makes the index and the lookup in tasks of their own, and the dashboard takes them as they are', async () => {
    const dataset = syntheticDataset({ messages: IN_PARTS, places: 50, sessions: 10, seed: 1 });
    let turns = 0;
    // Each part is a task of its own: the page has its turn (this interval's ticks) between them.
    const interval = setInterval(() => turns++, 0);
    try {
      await prepareInParts(dataset);
    } finally {
      clearInterval(interval);
    }
    const index = indexOf(dataset);
    const lookup = lookupOf(dataset);
    const cleanup = $effect.root(() => {
      const dashboard = new DashboardState(dataset);
      flushSync();
      expect(dashboard.index).toBe(index);
      expect(dashboard.lookup).toBe(lookup);
      expect(dashboard.count).toBe(IN_PARTS);
    });
    cleanup();
    expect(index.haystacks()).toHaveLength(IN_PARTS);
    expect(turns).toBeGreaterThan(0);
  });

  it('stops when the opening is cancelled', async () => {
    const dataset = syntheticDataset({ messages: IN_PARTS, places: 50, sessions: 10, seed: 2 });
    const abort = new AbortController();
    abort.abort();
    await expect(prepareInParts(dataset, abort.signal)).rejects.toThrow();
  });

  it('leaves a small consultation to be built at once, with its dashboard: no task waited for', async () => {
    let turns = 0;
    const interval = setInterval(() => turns++, 0);
    try {
      await prepareInParts(tinyDataset());
    } finally {
      clearInterval(interval);
    }
    expect(turns).toBe(0);
  });
});
