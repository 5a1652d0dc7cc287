/**
 * Where the focus goes when the control that had it goes away (a note that closes, a list that
 * fills again): to the view's heading, focusable from script, never to the page itself.
 */
import { tick } from 'svelte';
import type { RegionName } from '../state/dashboard.svelte';

/** Once the page has updated, the focus on the view's heading: the view is where the user was. */
export async function focusView(name: RegionName): Promise<void> {
  await tick();
  document.getElementById(`${name}-title`)?.focus();
}
