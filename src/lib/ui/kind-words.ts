/**
 * A message's kind in the interface's words: its name, a count of it, and its plural as a
 * filter names it, in the interface's language (with the language's plural rules).
 */
import type { Dataset } from '../data/schema';
import { m } from '../i18n/i18n.svelte';

type Kind = Dataset['messages'][number]['kind'];

/** "Key takeaway": one message's kind, in the interface's language. */
export function kindLabel(kind: Kind): string {
  switch (kind) {
    case 'takeaway':
      return m.kind_takeaway();
    case 'cross-cutting':
      return m.kind_cross_cutting();
    case 'quote':
      return m.kind_quote();
    case 'practice':
      return m.kind_practice();
    case 'context':
      return m.kind_context();
  }
}

/** "1 key takeaway", "23 key takeaways" (with the language's plural rules). */
export function kindCount(kind: Kind, count: number): string {
  switch (kind) {
    case 'takeaway':
      return m.count_takeaway({ count });
    case 'cross-cutting':
      return m.count_cross_cutting({ count });
    case 'quote':
      return m.count_quote({ count });
    case 'practice':
      return m.count_practice({ count });
    case 'context':
      return m.count_context({ count });
  }
}

/** "Key takeaways": a kind as a filter names it. */
export function kindPlural(kind: Kind): string {
  switch (kind) {
    case 'takeaway':
      return m.kinds_takeaway();
    case 'cross-cutting':
      return m.kinds_cross_cutting();
    case 'quote':
      return m.kinds_quote();
    case 'practice':
      return m.kinds_practice();
    case 'context':
      return m.kinds_context();
  }
}
