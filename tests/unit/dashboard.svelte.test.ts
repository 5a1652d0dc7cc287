import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { rangeClause, setClause, textClause } from '../../src/lib/filters';
import { DashboardState } from '../../src/lib/state/dashboard.svelte';
import { tinyDataset } from '../fixtures/tiny';
import { SOURCES, type Source } from '../../src/lib/state/sources';

/** A source of the tests' own: a view that picks themes. */
const THEMES = 'themes' as Source;

function withState(run: (state: DashboardState) => void) {
  const cleanup = $effect.root(() => run(new DashboardState(tinyDataset())));
  cleanup();
}

describe('DashboardState', () => {
  it('starts with every message', () => {
    withState((state) => {
      expect(state.count).toBe(5);
      expect(state.total).toBe(5);
      expect(state.clauses).toEqual([]);
    });
  });

  it('toggle picks, a second click on the only pick clears', () => {
    withState((state) => {
      state.toggle(THEMES, 'theme', 'housing');
      expect(state.count).toBe(2);
      state.toggle(THEMES, 'theme', 'health');
      expect(state.picked(THEMES, 'theme')).toEqual(['health']);
      state.toggle(THEMES, 'theme', 'health');
      expect(state.clauses).toEqual([]);
      expect(state.count).toBe(5);
    });
  });

  it('additive toggle adds and removes picks (OR within a view)', () => {
    withState((state) => {
      state.toggle(SOURCES.map, 'place', 'montevideo');
      state.toggle(SOURCES.map, 'place', 'sao-paulo', { additive: true });
      expect(state.picked(SOURCES.map, 'place')).toEqual(['montevideo', 'sao-paulo']);
      expect(state.count).toBe(2);
      state.toggle(SOURCES.map, 'place', 'montevideo', { additive: true });
      expect(state.picked(SOURCES.map, 'place')).toEqual(['sao-paulo']);
      state.add(SOURCES.map, 'place', 'quito');
      expect(state.picked(SOURCES.map, 'place')).toEqual(['sao-paulo', 'quito']);
    });
  });

  it('a view is filtered by every clause but its own', () => {
    withState((state) => {
      state.toggle(THEMES, 'theme', 'housing');
      state.toggle(SOURCES.map, 'place', 'sao-paulo');
      expect(state.count).toBe(0);
      expect(state.filteredFor(SOURCES.map).count()).toBe(2);
      expect(state.countsFor(SOURCES.map, 'place').get('montevideo')).toBe(1);
      expect(state.countsFor(THEMES, 'theme').get('health')).toBe(1);
    });
  });

  it('clear removes one view’s clause, reset all, restore replaces them', () => {
    withState((state) => {
      state.select(textClause(SOURCES.search, 'evicted'));
      state.select(rangeClause(SOURCES.timeline, '2020-06-11', '2020-06-11'));
      expect(state.count).toBe(1);
      state.clear(SOURCES.search);
      expect(state.count).toBe(4);
      state.reset();
      expect(state.count).toBe(5);
      state.restore([setClause(SOURCES.matrix, 'theme', ['health']), textClause(SOURCES.search, '')]);
      expect(state.clauses).toHaveLength(1);
      expect(state.count).toBe(3);
    });
  });

  it('derived values follow the clauses reactively', () => {
    const seen: number[] = [];
    const cleanup = $effect.root(() => {
      const state = new DashboardState(tinyDataset());
      $effect(() => {
        seen.push(state.count);
      });
      flushSync();
      state.toggle(THEMES, 'theme', 'housing');
      flushSync();
      state.reset();
      flushSync();
    });
    cleanup();
    expect(seen).toEqual([5, 2, 5]);
  });
});
