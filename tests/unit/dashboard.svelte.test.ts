import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { rangeClause, setClause, textClause } from '../../src/lib/filters';
import { DashboardState } from '../../src/lib/state/dashboard.svelte';
import { tinyDataset } from '../fixtures/tiny';

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
      state.toggle('themes', 'theme', 'housing');
      expect(state.count).toBe(2);
      state.toggle('themes', 'theme', 'health');
      expect(state.picked('themes', 'theme')).toEqual(['health']);
      state.toggle('themes', 'theme', 'health');
      expect(state.clauses).toEqual([]);
      expect(state.count).toBe(5);
    });
  });

  it('additive toggle adds and removes picks (OR within a view)', () => {
    withState((state) => {
      state.toggle('map', 'place', 'montevideo');
      state.toggle('map', 'place', 'sao-paulo', { additive: true });
      expect(state.picked('map', 'place')).toEqual(['montevideo', 'sao-paulo']);
      expect(state.count).toBe(2);
      state.toggle('map', 'place', 'montevideo', { additive: true });
      expect(state.picked('map', 'place')).toEqual(['sao-paulo']);
      state.add('map', 'place', 'quito');
      expect(state.picked('map', 'place')).toEqual(['sao-paulo', 'quito']);
    });
  });

  it('a view is filtered by every clause but its own', () => {
    withState((state) => {
      state.toggle('themes', 'theme', 'housing');
      state.toggle('map', 'place', 'sao-paulo');
      expect(state.count).toBe(0);
      expect(state.filteredFor('map').count()).toBe(2);
      expect(state.countsFor('map', 'place').get('montevideo')).toBe(1);
      expect(state.countsFor('themes', 'theme').get('health')).toBe(1);
    });
  });

  it('clear removes one view’s clause, reset all, restore replaces them', () => {
    withState((state) => {
      state.select(textClause('search', 'evicted'));
      state.select(rangeClause('timeline', '2020-06-11', '2020-06-11'));
      expect(state.count).toBe(1);
      state.clear('search');
      expect(state.count).toBe(4);
      state.reset();
      expect(state.count).toBe(5);
      state.restore([setClause('themes', 'theme', ['health']), textClause('search', '')]);
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
      state.toggle('themes', 'theme', 'housing');
      flushSync();
      state.reset();
      flushSync();
    });
    cleanup();
    expect(seen).toEqual([5, 2, 5]);
  });
});
