/**
 * Filters in words: each value of each clause becomes a chip ("Place: Montevideo",
 * "Theme: Housing", "11–12 June 2020", "Search: housing") with the clause that is left
 * when it is removed.
 */
import { formatDate, MESSAGE_KIND_LABELS, type Lookup } from '../data/lookup';
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
  if (id === NO_TOPIC) return 'Across topics';
  const topic = lookup.topics.get(id);
  return topic ? `Topic ${topic.number}` : id;
}

function cellLabel(lookup: Lookup, key: string): string {
  const [topicId, themeId] = parseCellKey(key);
  const theme = lookup.themes.get(themeId)?.label ?? themeId;
  if (topicId === ANY) return `Theme: ${theme}`;
  if (themeId === ANY) {
    const topic = lookup.topics.get(topicId);
    return topic ? `Topic: ${topic.number}. ${topic.title}` : `Topic: ${topicName(lookup, topicId)}`;
  }
  return `${topicName(lookup, topicId)} × ${theme}`;
}

/** "11–12 June 2020", "30 June – 2 July 2020", "4 June 2020". */
export function formatRange(from: string, to: string): string {
  if (from === to) return formatDate(from);
  const [a, b] = [formatDate(from), formatDate(to)];
  const [ad, am, ay] = a.split(' ');
  const [bd, bm, by] = b.split(' ');
  if (ay === by && am === bm) return `${ad}–${bd} ${bm} ${by}`;
  if (ay === by) return `${ad} ${am} – ${bd} ${bm} ${by}`;
  return `${a} – ${b}`;
}

/** `regionName` names world regions (data/regions.ts, once loaded). */
export function describeClauses(
  clauses: readonly Clause[],
  lookup: Lookup,
  regionName?: (code: string) => string,
): FilterChip[] {
  return clauses.flatMap((clause): FilterChip[] => {
    if (clause.kind === 'text') {
      return [{ key: `${clause.source}:text`, label: `Search: ${clause.value}`, source: clause.source, rest: null }];
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
            return `Place: ${lookup.places.get(value)?.name ?? value}`;
          case 'region':
            return `Region: ${regionName?.(value) ?? value}`;
          case 'person':
            return `Person: ${lookup.people.get(value)?.name ?? value}`;
          case 'session':
            return `Session: ${lookup.sessions.get(value)?.title ?? value}`;
          case 'theme':
            return `Theme: ${lookup.themes.get(value)?.label ?? value}`;
          case 'topic':
            return `Topic: ${topicName(lookup, value)}`;
          case 'kind':
            return `Kind: ${MESSAGE_KIND_LABELS[value as keyof typeof MESSAGE_KIND_LABELS] ?? value}`;
          case 'message':
            return `Message: ${lookup.messages.get(value)?.label ?? value}`;
          case 'cell': {
            // The matrix's picks say how they combine: a theme "and" a topic, a theme "or" another.
            const label = cellLabel(lookup, value);
            const join = joinWord(clause.value, value);
            return join ? `${join} ${label[0]!.toLowerCase()}${label.slice(1)}` : label;
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
  return chips.length ? chips.map((chip) => chip.label).join('; ') : 'None (every message of the report)';
}
