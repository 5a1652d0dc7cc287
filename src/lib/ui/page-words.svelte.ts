/**
 * Where the user is, said and shown: the count is said once clicking or typing pauses, never
 * on every key (the header shows it at once); said after every change of the filters, even one
 * that leaves the count as it was, after what is picked ("Place: Montreal. 8 of 52 messages").
 * The browser's tab says where the user is (presenting, a message open, the filters), in the
 * interface's language; their words (ui/page-title.ts) load with the first change.
 * Called while a dashboard is set up: its effects live as long as it does.
 */
import { untrack } from 'svelte';
import { formatNumber } from '../i18n/format';
import { locale, m } from '../i18n/i18n.svelte';
import type { DashboardState } from '../state/dashboard.svelte';
import type { PageState } from './page-title';
import { SOURCES } from '../state/sources';
import type { Announcer } from './announcer.svelte';

export function followPageWords(
  dashboard: DashboardState,
  announcer: Announcer,
  presenting: () => PageState['presenting'],
): void {
  const pageWords = () => import('./page-title');
  const pageState = (): PageState => ({
    consultation: dashboard.dataset.meta.title,
    product: m.product_name(),
    clauses: dashboard.clauses,
    lookup: dashboard.lookup,
    regionName: dashboard.regions?.regionName,
    count: m.app_count_said({ count_text: formatNumber(dashboard.count), count: dashboard.total }),
    spoken: dashboard.spokenPassing.length ? m.header_spoken({ count: dashboard.spokenPassing.length }) : undefined,
    presenting: presenting(),
    message: dashboard.openMessage ? dashboard.lookup.messages.get(dashboard.openMessage)?.label : undefined,
  });
  // A change of the search alone is said by the search box, with what it found.
  let counted = false;
  let lastOthers = '';
  $effect(() => {
    void dashboard.count;
    const others = JSON.stringify(dashboard.clauses.filter((clause) => clause.source !== SOURCES.search));
    const state = untrack(pageState);
    const searchAlone = counted && others === lastOthers && dashboard.clauseOf(SOURCES.search) !== undefined;
    if (counted && !searchAlone)
      void pageWords().then(({ filtersSaid }) => announcer.sayAfterPause(filtersSaid(state)));
    counted = true;
    lastOthers = others;
  });
  $effect(() => {
    void locale();
    const state = pageState();
    // With nothing picked the title is the consultation's, and no words need loading for it.
    if (!state.presenting && !state.message && !state.clauses.length)
      document.title = `${state.consultation} — ${state.product}`;
    else void pageWords().then(({ pageTitle }) => (document.title = pageTitle(state)));
  });
}
