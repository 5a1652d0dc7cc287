/**
 * The theme matrices' words, in the interface's language: a theme group's name and how the
 * topic rows are named. The matrices' layout (scales/matrix.ts) takes them.
 */
import type { ThemeGroup } from '../data/schema';
import { m } from '../i18n/i18n.svelte';
import type { RowWords } from '../scales/matrix';

/** "Cross-cutting messages": a theme group's name. */
export function themeGroupLabel(group: ThemeGroup): string {
  switch (group) {
    case 'cross-cutting':
      return m.themes_group_cross_cutting();
    case 'gfmd-area':
      return m.themes_group_gfmd_area();
    case 'issue':
      return m.themes_group_issue();
  }
}

/** "Topic 1: Skilling Migrants…", and the row of the messages across topics. */
export function topicRowWords(): RowWords {
  return {
    topic: (number, title) => m.scale_topic_title({ number, title }),
    across: m.themes_across_topics(),
    acrossShort: m.themes_across_topics_short(),
  };
}
