import { describe, expect, it } from 'vitest';
import type { RegionName } from '../../src/lib/state/dashboard.svelte';
import { placeView, type DashboardLayout } from '../../src/lib/ui/view-place';

const VIEWS: RegionName[] = ['map', 'timeline', 'themes', 'messages'];

/** Each layout, and what a user sees of each view: shown or not, where, and how it is contained. */
const TABLE: [string, DashboardLayout, Record<RegionName, string>][] = [
  [
    'columns (a laptop): every view, the map and the messages sized by the grid',
    { kind: 'columns' },
    { map: 'column strict', timeline: 'column layout', themes: 'column layout', messages: 'column strict' },
  ],
  [
    'tabs (a phone) on the timeline: only the timeline',
    { kind: 'tabs', tab: 'timeline' },
    { map: 'hidden', timeline: 'tab - tabpanel', themes: 'hidden', messages: 'hidden' },
  ],
  [
    'the matrix expanded on a laptop: only the matrix, filling the dashboard',
    { kind: 'expanded', view: 'themes', tabs: false },
    { map: 'hidden', timeline: 'hidden', themes: 'expanded strict', messages: 'hidden' },
  ],
  [
    'the map expanded on a phone: only the map, its tab’s panel',
    { kind: 'expanded', view: 'map', tabs: true },
    { map: 'expanded strict tabpanel', timeline: 'hidden', themes: 'hidden', messages: 'hidden' },
  ],
  [
    'a map scene on a projector: only the map, on stage',
    { kind: 'stage', view: 'map', wide: true },
    { map: 'stage strict', timeline: 'hidden', themes: 'hidden', messages: 'hidden' },
  ],
  [
    'a timeline scene on a phone: only the timeline, not contained',
    { kind: 'stage', view: 'timeline', wide: false },
    { map: 'hidden', timeline: 'stage -', themes: 'hidden', messages: 'hidden' },
  ],
  [
    'a scene of words alone: no view',
    { kind: 'stage', view: null, wide: true },
    { map: 'hidden', timeline: 'hidden', themes: 'hidden', messages: 'hidden' },
  ],
];

describe('where each view stands', () => {
  it.each(TABLE)('%s', (_, layout, expected) => {
    const seen = Object.fromEntries(
      VIEWS.map((name) => {
        const place = placeView(name, layout);
        const shown = `${place.slot} ${place.contain ?? '-'}${place.tabpanel ? ' tabpanel' : ''}`;
        return [name, place.hidden ? 'hidden' : shown];
      }),
    );
    expect(seen).toEqual(expected);
  });
});
