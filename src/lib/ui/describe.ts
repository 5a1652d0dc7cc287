/**
 * Filters in words: each value of each clause becomes a chip ("Place: Montevideo",
 * "Theme: Housing", "11–12 June 2020", "Search: housing") with the clause that is left
 * when it is removed.
 */
import { type Lookup } from '../data/lookup';
import { kindLabel, kindPlural } from './kind-words';
import { formatRange } from '../i18n/format';
import { m } from '../i18n/later.svelte';
import { MESSAGE_KINDS } from '../data/kinds';
import type { MessageKind } from '../data/schema';
import { ANY, NO_TOPIC, parseCellKey, setClause, type Clause, type SetField } from '../filters';
import { joinWord } from '../state/matrix-picks';

export interface FilterChip<S extends string = string> {
  key: string;
  label: string;
  /** The clause's source, and what it becomes without this value (null: the clause goes). */
  source: S;
  rest: Clause<S> | null;
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

/** A value of a set clause by its bare name ("Montevideo", "Health", "Topic 2"); a kind as one (a chip) or many (a title). */
function nameOf(
  field: Exclude<SetField, 'cell'>,
  value: string,
  lookup: Lookup,
  regionName: ((code: string) => string) | undefined,
  kinds: 'one' | 'many',
): string {
  switch (field) {
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
    case 'message':
      return lookup.messages.get(value)?.label ?? value;
    case 'kind':
      if (!(MESSAGE_KINDS as readonly string[]).includes(value)) return value;
      return kinds === 'one' ? kindLabel(value as MessageKind) : kindPlural(value as MessageKind);
  }
}

/** `regionName` names world regions (data/regions.ts, once loaded). */
export function describeClauses<S extends string>(
  clauses: readonly Clause<S>[],
  lookup: Lookup,
  regionName?: (code: string) => string,
): FilterChip<S>[] {
  return clauses.flatMap((clause): FilterChip<S>[] => {
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
          case 'cell': {
            // The matrix's picks say how they combine: a theme "and" a topic, a theme "or" another.
            const label = cellLabel(lookup, value);
            const join = joinWord(clause.value, value);
            const lower = `${label[0]!.toLowerCase()}${label.slice(1)}`;
            return join === 'and' ? m.chip_and({ label: lower }) : join === 'or' ? m.chip_or({ label: lower }) : label;
          }
          case 'place':
            return m.chip_place({ label: nameOf('place', value, lookup, regionName, 'one') });
          case 'region':
            return m.chip_region({ label: nameOf('region', value, lookup, regionName, 'one') });
          case 'person':
            return m.chip_person({ label: nameOf('person', value, lookup, regionName, 'one') });
          case 'session':
            return m.chip_session({ label: nameOf('session', value, lookup, regionName, 'one') });
          case 'theme':
            return m.chip_theme({ label: nameOf('theme', value, lookup, regionName, 'one') });
          case 'topic':
            return m.chip_topic({ label: nameOf('topic', value, lookup, regionName, 'one') });
          case 'kind':
            return m.chip_kind({ label: nameOf('kind', value, lookup, regionName, 'one') });
          case 'message':
            return m.chip_message({ label: nameOf('message', value, lookup, regionName, 'one') });
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

/** At most this many names in a scene's title; more are counted ("+2 more"). */
const TITLE_NAMES = 4;

/**
 * A scene's title from its filters: the names of what they pick, in the filters' order
 * ("Health · Key takeaways", "Montreal", "Topic 2 × Health"), at most four, the rest counted;
 * "All messages" with none. What a story's new scene is called until the presenter names it.
 */
export function titleOfFilters(
  clauses: readonly Clause[],
  lookup: Lookup,
  regionName?: (code: string) => string,
): string {
  const names = clauses.flatMap((clause): string[] => {
    if (clause.kind === 'text') return [m.story_title_search({ text: clause.value })];
    if (clause.kind === 'range') return [formatRange(clause.value[0], clause.value[1])];
    return clause.value.map((value) => {
      if (clause.field !== 'cell') return nameOf(clause.field, value, lookup, regionName, 'many');
      const [topicId, themeId] = parseCellKey(value);
      const theme = lookup.themes.get(themeId)?.label ?? themeId;
      if (topicId === ANY) return theme;
      if (themeId === ANY) return topicName(lookup, topicId);
      return `${topicName(lookup, topicId)} × ${theme}`;
    });
  });
  if (names.length === 0) return m.story_all_messages();
  const shown = names.length > TITLE_NAMES ? names.slice(0, TITLE_NAMES - 1) : names;
  const more = names.length - shown.length;
  return [...shown, ...(more ? [m.story_title_more({ count: more })] : [])].join(' · ');
}
