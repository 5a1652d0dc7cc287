/**
 * Are the views tabs now (a narrow screen, not presenting)? The dashboard says; each view's frame
 * then names its body as the tab's panel.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('view-tabs');

export function setViewTabs(shown: () => boolean): void {
  setContext(KEY, shown);
}

export function viewTabs(): () => boolean {
  return getContext<(() => boolean) | undefined>(KEY) ?? (() => false);
}
