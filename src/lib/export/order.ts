/**
 * The filtered messages in the order the messages list shows them: by topic, and within a topic
 * best match first while a search is on. The CSV and the briefing follow the same order.
 */
import type { DashboardState } from '../state/dashboard.svelte';
import { groupByTopic, type MessageGroup } from '../ui/message/groups';
import { messageRow, type MessageRow } from './rows';

export function orderedGroups(dashboard: DashboardState): MessageGroup[] {
  const hits = dashboard.searchHits;
  return groupByTopic(dashboard.dataset, dashboard.passing, hits ? (message) => hits.score(message.id) : undefined);
}

export function orderedRows(dashboard: DashboardState): MessageRow[] {
  const { lookup, dataset } = dashboard;
  return orderedGroups(dashboard).flatMap((group) =>
    group.messages.map((message) => messageRow(message, lookup, dataset.meta)),
  );
}
