/**
 * Filters in words: each value of each clause becomes a chip ("Place: Montevideo",
 * "Theme: Housing", "11–12 June 2020", "Search: housing") with the clause that is left
 * when it is removed.
 */
import { kindLabel, kindPlural, type Lookup } from '../data/lookup';
import { formatRange } from '../i18n/format';
import { m } from '../i18n/later.svelte';
import { MESSAGE_KINDS, type MessageKind } from '../data/schema';
import { ANY, NO_TOPIC, parseCellKey, setClause, type Clause } from '../filters';
import { joinWord } from './matrix-picks';

export interface FilterChip {
  key: string;
  label: string;
  /** The clause's source, and what it becomes without this value (null: the clause goes). */
  source: string;
  rest: Clause | null;
}

function topicName(lookup: Lookup, id: string): string {
  if (id === NO_TOPIC) return m.chip_across_topics();
  const topic = lookup.topics.get(id);
  return topic ? m.chip_topic_number({ number: topic.number }) : id;
}

function cellLabel(lookup: Lookup, key: string): string {
  const [topicId, themeId] = parseCellKey(key);
  const theme = lookup.themes.get(themeId)?.label ?? themeId;
  if (topicId === ANY) return m.chip_theme({ label: theme });
  if (themeId === ANY) {
    const topic = lookup.topics.get(topicId);
    return topic
      ? m.chip_topic_full({ number: topic.number, title: topic.title })
      : m.chip_topic({ label: topicName(lookup, topicId) });
  }
  return m.chip_cell({ topic: topicName(lookup, topicId), theme });
}

export { formatRange } from '../i18n/format';

/** `regionName` names world regions (data/regions.ts, once loaded). */
export function describeClauses(
  clauses: readonly Clause[],
  lookup: Lookup,
  regionName?: (code: string) => string,
): FilterChip[] {
  return clauses.flatMap((clause): FilterChip[] => {
    if (clause.kind === 'text') {
      return [
        {
          key: `${clause.source}:text`,
          label: m.chip_search({ text: clause.value }),
          source: clause.source,
          rest: null,
        },
      ];
    }
    if (clause.kind === 'range') {
      return [
        {
          key: `${clause.source}:range`,
          label: formatRange(clause.value[0], clause.value[1]),
          source: clause.source,
          rest: null,
        },
      ];
    }
    return clause.value.map((value) => {
      const others = clause.value.filter((v) => v !== value);
      const rest = others.length ? setClause(clause.source, clause.field, others) : null;
      const name = (() => {
        switch (clause.field) {
          case 'place':
            return m.chip_place({ label: lookup.places.get(value)?.name ?? value });
          case 'region':
            return m.chip_region({ label: regionName?.(value) ?? value });
          case 'person':
            return m.chip_person({ label: lookup.people.get(value)?.name ?? value });
          case 'session':
            return m.chip_session({ label: lookup.sessions.get(value)?.title ?? value });
          case 'theme':
            return m.chip_theme({ label: lookup.themes.get(value)?.label ?? value });
          case 'topic':
            return m.chip_topic({ label: topicName(lookup, value) });
          case 'kind':
            return m.chip_kind({
              label: (MESSAGE_KINDS as readonly string[]).includes(value) ? kindLabel(value as MessageKind) : value,
            });
          case 'message':
            return m.chip_message({ label: lookup.messages.get(value)?.label ?? value });
          case 'cell': {
            // The matrix's picks say how they combine: a theme "and" a topic, a theme "or" another.
            const label = cellLabel(lookup, value);
            const join = joinWord(clause.value, value);
            const lower = `${label[0]!.toLowerCase()}${label.slice(1)}`;
            return join === 'and' ? m.chip_and({ label: lower }) : join === 'or' ? m.chip_or({ label: lower }) : label;
          }
        }
      })();
      return { key: `${clause.source}:${clause.field}:${value}`, label: name, source: clause.source, rest };
    });
  });
}

/** The filters as one line ("Kind: Key takeaways; Theme: COVID-19"), for a briefing or an export. */
export function filtersInWords(
  clauses: readonly Clause[],
  lookup: Lookup,
  regionName?: (code: string) => string,
): string {
  const chips = describeClauses(clauses, lookup, regionName);
  return chips.length ? chips.map((chip) => chip.label).join('; ') : m.filters_none_words();
}

/**
 * A scene's title from its filters: the names of what they pick, shortest first in no order but
 * the filters' own ("Health · Key takeaways", "Montreal", "Topic 2 × Health"); "All messages"
 * with none. What a story's new scene is called until the presenter names it.
 */
export function titleOfFilters(
  clauses: readonly Clause[],
  lookup: Lookup,
  regionName?: (code: string) => string,
): string {
  const names = clauses.flatMap((clause): string[] => {
    if (clause.kind === 'text') return [`“${clause.value}”`];
    if (clause.kind === 'range') return [formatRange(clause.value[0], clause.value[1])];
    return clause.value.map((value) => {
      switch (clause.field) {
        case 'place':
          return lookup.places.get(value)?.name ?? value;
        case 'region':
          return regionName?.(value) ?? value;
        case 'person':
          return lookup.people.get(value)?.name ?? value;
        case 'session':
          return lookup.sessions.get(value)?.title ?? value;
        case 'theme':
          return lookup.themes.get(value)?.label ?? value;
        case 'topic':
          return topicName(lookup, value);
        case 'kind':
          return (MESSAGE_KINDS as readonly string[]).includes(value) ? kindPlural(value as MessageKind) : value;
        case 'message':
          return lookup.messages.get(value)?.label ?? value;
        case 'cell': {
          const [topicId, themeId] = parseCellKey(value);
          const theme = lookup.themes.get(themeId)?.label ?? themeId;
          if (topicId === ANY) return theme;
          if (themeId === ANY) return topicName(lookup, topicId);
          return `${topicName(lookup, topicId)} × ${theme}`;
        }
      }
    });
  });
  return names.length ? names.join(' · ') : m.story_all_messages();
}
