/**
 * What an address held that is not shown, in words: "place "atlantis" (not in this
 * consultation)". Shared by the dashboard's notice and the stage's.
 */
import { m } from '../i18n/i18n.svelte';
import type { Dropped } from '../state/url';
import { MAX_SEARCH } from '../state/url';

function why(dropped: Dropped): string {
  switch (dropped.why) {
    case 'unknown':
      return m.link_why_unknown();
    case 'reversed':
      return m.link_why_reversed();
    case 'invalid':
      return m.link_why_invalid();
    case 'cut':
      return m.link_why_cut({ count: MAX_SEARCH });
    case 'repeated':
      return m.link_why_repeated();
    case 'empty':
      return m.link_why_empty();
    case 'elsewhere':
      return m.link_why_elsewhere();
    case 'unused':
      return '';
  }
}

export function droppedWords(list: readonly Dropped[]): string {
  return list
    .map((dropped) => {
      const reason = why(dropped);
      return reason ? `${dropped.what} (${reason})` : dropped.what;
    })
    .join(', ');
}
