/**
 * The filter state in the page's address, so a reload restores it, back and forward step
 * through it, and a copied link opens the same view. Reading is strict: an id the dataset
 * does not have, a reversed or malformed date range, or junk is dropped and reported.
 */
import type { Lookup } from '../data/lookup';
import { MESSAGE_KINDS } from '../data/schema';
import {
  ANY,
  NO_TOPIC,
  parseCellKey,
  rangeClause,
  setClause,
  textClause,
  type Clause,
  type SetField,
} from '../filters';
import { SOURCES } from './sources';

/** Parameter ↔ (source, field) for set clauses. */
const SET_PARAMS: { param: string; source: string; field: SetField }[] = [
  { param: 'place', source: SOURCES.map, field: 'place' },
  { param: 'region', source: SOURCES.regions, field: 'region' },
  { param: 'person', source: SOURCES.people, field: 'person' },
  { param: 'session', source: SOURCES.timeline, field: 'session' },
  { param: 'cell', source: SOURCES.matrix, field: 'cell' },
  { param: 'kind', source: SOURCES.kinds, field: 'kind' },
];
const DATES = 'dates';
const SEARCH = 'q';
/** The message open on its own (its dialog): not a filter, but part of what a link shows. */
const MESSAGE = 'message';
/** Parameters that are not filters and are kept as they are. */
const FOREIGN = new Set(['consultation', 'scene', 'present', 'speaker', 'lang', 'pseudo']);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function clausesToParams(
  clauses: readonly Clause[],
  keep?: URLSearchParams,
  openMessage?: string | null,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of keep ?? []) if (FOREIGN.has(key)) params.set(key, value);
  for (const clause of clauses) {
    if (clause.kind === 'text') params.set(SEARCH, clause.value);
    else if (clause.kind === 'range') params.set(DATES, `${clause.value[0]}..${clause.value[1]}`);
    else {
      const entry = SET_PARAMS.find((p) => p.source === clause.source && p.field === clause.field);
      if (entry) params.set(entry.param, clause.value.join(','));
    }
  }
  if (openMessage) params.set(MESSAGE, openMessage);
  return params;
}

export interface ParsedFilters {
  clauses: Clause[];
  /** What was dropped, in words, for the notice. */
  dropped: string[];
  /** World regions were asked for before they were loaded: read again once they are. */
  needsRegions?: true;
  /** The message to open on its own, when the address names one the dataset has. */
  message?: string;
}

/** A country's world-region codes (data/regions.ts), once loaded. */
export type RegionCodes = (countryCode: string) => readonly string[];

function known(lookup: Lookup, field: SetField, id: string, regionCodes?: RegionCodes): boolean {
  switch (field) {
    case 'place':
      return lookup.places.has(id);
    case 'person':
      return lookup.people.has(id);
    case 'session':
      return lookup.sessions.has(id);
    case 'kind':
      return (MESSAGE_KINDS as readonly string[]).includes(id);
    case 'region':
      return [...lookup.places.values()].some((p) => regionCodes?.(p.countryCode).includes(id));
    case 'cell': {
      if (!id.includes('|')) return false;
      const [topicId, themeId] = parseCellKey(id);
      const topicOk = topicId === ANY || topicId === NO_TOPIC || lookup.topics.has(topicId);
      const themeOk = themeId === ANY || lookup.themes.has(themeId);
      return topicOk && themeOk && !(topicId === ANY && themeId === ANY);
    }
    default:
      return false;
  }
}

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The filters an address holds; `regionCodes` once the world regions are loaded (else they are asked for). */
export function paramsToClauses(params: URLSearchParams, lookup: Lookup, regionCodes?: RegionCodes): ParsedFilters {
  const clauses: Clause[] = [];
  const dropped: string[] = [];
  let needsRegions = false;
  let message: string | undefined;
  for (const [key, value] of params) {
    if (FOREIGN.has(key)) continue;
    const entry = SET_PARAMS.find((p) => p.param === key);
    if (entry?.field === 'region' && !regionCodes) {
      needsRegions = true;
      continue;
    }
    if (entry) {
      const ids = value.split(',').filter(Boolean);
      const good = ids.filter((id) => known(lookup, entry.field, id, regionCodes));
      for (const id of ids) if (!good.includes(id)) dropped.push(`${key} "${id}"`);
      if (good.length && !clauses.some((c) => c.source === entry.source))
        clauses.push(setClause(entry.source, entry.field, good));
    } else if (key === DATES) {
      const [from = '', to = '', extra] = value.split('..');
      if (
        extra === undefined &&
        isDay(from) &&
        isDay(to) &&
        from <= to &&
        !clauses.some((c) => c.source === SOURCES.timeline)
      ) {
        clauses.push(rangeClause(SOURCES.timeline, from, to));
      } else dropped.push(`dates "${value}"`);
    } else if (key === SEARCH) {
      const query = value.trim().slice(0, 200);
      if (query) clauses.push(textClause(SOURCES.search, query));
    } else if (key === MESSAGE) {
      if (lookup.messages.has(value) && message === undefined) message = value;
      else dropped.push(`message "${value}"`);
    } else {
      dropped.push(`"${key}"`);
    }
  }
  return {
    clauses,
    dropped,
    ...(needsRegions ? { needsRegions: true as const } : {}),
    ...(message === undefined ? {} : { message }),
  };
}
