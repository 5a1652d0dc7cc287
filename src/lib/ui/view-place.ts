/**
 * Where each view stands on the page. The dashboard says how it is laid out now (columns, tabs,
 * one view expanded, or a presentation stage); each view's frame (`Region.svelte`) places itself
 * from that with its own styles. The dashboard's layout reaches into no view's markup or styles.
 */
import { getContext, setContext } from 'svelte';
import type { RegionName } from '../state/dashboard.svelte';

/** How the dashboard is laid out now. */
export type DashboardLayout =
  /** From 1024 px wide: the map, the timeline and the matrix beside the messages' column. */
  | { kind: 'columns' }
  /** A narrow screen: one view at a time, its tab's. */
  | { kind: 'tabs'; tab: RegionName }
  /** One view fills the dashboard; `tabs`: on a narrow screen, under the views' tabs (its tab's panel). */
  | { kind: 'expanded'; view: RegionName; tabs: boolean }
  /** Presentation mode: the scene's view (if any) on stage beside its words; `wide` from 1024 px. */
  | { kind: 'stage'; view: RegionName | null; wide: boolean };

/** Where one view stands: shown or not, its slot, and how its layout is contained. */
export interface ViewPlace {
  hidden: boolean;
  /**
   * `column`: its own area of the columns; `expanded`: the whole dashboard; `stage`: the stage's
   * view; `tab`: a tab's panel; none: drawn on its own (as in a component test).
   */
  slot: 'column' | 'expanded' | 'stage' | 'tab' | null;
  /** Under the views' tabs (a narrow screen): the view's body is its tab's panel. */
  tabpanel: boolean;
  /**
   * Contained, a click's changes inside one view are laid out and painted there, not across the
   * page. `strict`: sized by the grid alone, never by its content (the map, the messages, and a
   * view filling the dashboard).
   */
  contain: 'strict' | 'layout' | null;
}

/** Sized by the page's grid alone (their content scrolls inside). */
const GRID_SIZED: readonly RegionName[] = ['map', 'messages'];

export function placeView(name: RegionName, layout: DashboardLayout): ViewPlace {
  switch (layout.kind) {
    case 'columns':
      return {
        hidden: false,
        slot: 'column',
        tabpanel: false,
        contain: GRID_SIZED.includes(name) ? 'strict' : 'layout',
      };
    case 'tabs':
      return { hidden: name !== layout.tab, slot: 'tab', tabpanel: true, contain: null };
    case 'expanded':
      return { hidden: name !== layout.view, slot: 'expanded', tabpanel: layout.tabs, contain: 'strict' };
    case 'stage':
      return {
        hidden: name !== layout.view,
        slot: 'stage',
        tabpanel: false,
        contain: !layout.wide ? null : GRID_SIZED.includes(name) ? 'strict' : 'layout',
      };
  }
}

const KEY = Symbol('view-place');

/** The dashboard's layout, followed by every view's frame below it. */
export function setDashboardLayout(layout: () => DashboardLayout): void {
  setContext(KEY, layout);
}

/** Where a view stands now; a view drawn on its own (as in a component test) is shown, in no slot. */
export function viewPlaces(): (name: RegionName) => ViewPlace {
  const layout = getContext<(() => DashboardLayout) | undefined>(KEY);
  return (name) => (layout ? placeView(name, layout()) : { hidden: false, slot: null, tabpanel: false, contain: null });
}

const STAGED = Symbol('staged');

/** Said by a view's frame to everything inside the view: is it on a presentation stage now? */
export function setStaged(staged: () => boolean): void {
  setContext(STAGED, staged);
}

/**
 * Is the view this component is drawn in on a presentation stage? Its presentation styles follow
 * (larger type, the presenter's controls left out), by a class on the component's own root.
 */
export function staged(): () => boolean {
  return getContext<(() => boolean) | undefined>(STAGED) ?? (() => false);
}
