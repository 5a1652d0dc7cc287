/**
 * Expanding a view to fill the dashboard, and back: from its Expand button or the key `e`.
 * The view is scrolled to the top of the screen, so it is seen whole either way.
 */
import { tick } from 'svelte';
import type { DashboardState, RegionName } from '../state/dashboard.svelte';

export const REGION_NAMES: readonly RegionName[] = ['map', 'timeline', 'themes', 'messages'];

/** The view a focused element is in, if any. */
export function regionOf(element: Element | null): RegionName | null {
  const region = element?.closest('section.region');
  return REGION_NAMES.find((name) => region?.classList.contains(name)) ?? null;
}

export async function toggleExpanded(dashboard: DashboardState, name: RegionName): Promise<void> {
  dashboard.toggleExpanded(name);
  await tick();
  document.querySelector(`section.region.${name}`)?.scrollIntoView({ block: 'start' });
}
