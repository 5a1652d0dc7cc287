/**
 * The filter state in the page's address, so a reload restores it, back and forward step
 * through it, and a copied link opens the same view. Reading is strict: an id the dataset
 * does not have, a reversed or malformed date range, or junk is dropped and reported.
 */
import type { Lookup } from '../data/lookup';
import { MESSAGE_KINDS } from '../data/kinds';
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
import { readDate } from '../data/dates';
import { SOURCES, type Source } from './sources';
import {
  decodeView,
  EMPTY_VIEW,
  encodeView,
  readable,
  VIEW_PARAMS,
  type FilterParam,
  type FilterParams,
  type View,
} from './view';

/** Parameter ↔ (source, field) for set clauses. */
const SET_PARAMS: { param: FilterParam; source: Source; field: SetField }[] = [
  { param: 'place', source: SOURCES.map, field: 'place' },
  { param: 'region', source: SOURCES.regions, field: 'region' },
  { param: 'person', source: SOURCES.people, field: 'person' },
  { param: 'session', source: SOURCES.timeline, field: 'session' },
  { param: 'cell', source: SOURCES.matrix, field: 'cell' },
  { param: 'kind', source: SOURCES.kinds, field: 'kind' },
];

/** The longest search a link carries (a sentence or two): a longer one is cut, and said so. */
export const MAX_SEARCH = 200;

/** The filters as the address writes them. */
export function clausesToFilters(clauses: readonly Clause[]): FilterParams {
  const filters: FilterParams = {};
  for (const clause of clauses) {
    if (clause.kind === 'text') filters.q = clause.value;
    else if (clause.kind === 'range') filters.dates = `${clause.value[0]}..${clause.value[1]}`;
    else {
      const entry = SET_PARAMS.find((p) => p.source === clause.source && p.field === clause.field);
      if (entry) filters[entry.param] = clause.value.join(',');
    }
  }
  return filters;
}

/** The filters, and the message open on its own, as a query string's parameters (a scene's filters). */
export function clausesToParams(clauses: readonly Clause[], openMessage: string | null = null): URLSearchParams {
  return encodeView({ ...EMPTY_VIEW, filters: clausesToFilters(clauses), message: openMessage });
}

/**
 * Why a part of an address is not shown: the consultation does not have it, a date range ends
 * before it starts, a value is not in the form the app writes, a search was cut to its first
 * 200 characters; or a parameter the app does not use, one given twice, one left empty.
 */
/** `elsewhere`: a consultation this app does not have (the first one is shown instead). */
export type DropReason = 'unknown' | 'reversed' | 'invalid' | 'cut' | 'unused' | 'repeated' | 'empty' | 'elsewhere';

/** A part of an address not shown: what it is (`place "atlantis"`, as the address writes it) and why. */
export interface Dropped {
  what: string;
  why: DropReason;
}

export interface ParsedFilters {
  clauses: Clause<Source>[];
  /** What was left out, and why, for the notice. */
  dropped: Dropped[];
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

const isDay = (value: string): boolean => readDate(value)?.grain === 'day';

/** The filters an address holds; `regionCodes` once the world regions are loaded (else they are asked for). */
export function filtersToClauses(filters: FilterParams, lookup: Lookup, regionCodes?: RegionCodes): ParsedFilters {
  const clauses: Clause<Source>[] = [];
  const dropped: Dropped[] = [];
  let needsRegions = false;
  for (const entry of SET_PARAMS) {
    const value = filters[entry.param];
    if (value === undefined) continue;
    if (entry.field === 'region' && !regionCodes) {
      needsRegions = true;
      continue;
    }
    const ids = value.split(',').filter(Boolean);
    const good = ids.filter((id) => known(lookup, entry.field, id, regionCodes));
    for (const id of ids) {
      if (good.includes(id)) continue;
      // A cell that names what the consultation lacks, or is no cell at all.
      const malformed = entry.field === 'cell' && (!id.includes('|') || id === `${ANY}|${ANY}`);
      dropped.push({ what: `${entry.param} "${id}"`, why: malformed ? 'invalid' : 'unknown' });
    }
    if (good.length) clauses.push(setClause(entry.source, entry.field, good));
  }
  if (filters.dates !== undefined) {
    const [from = '', to = '', extra] = filters.dates.split('..');
    const days = extra === undefined && isDay(from) && isDay(to);
    if (days && from <= to) clauses.push(rangeClause(SOURCES.timeline, from, to));
    else dropped.push({ what: `dates "${filters.dates}"`, why: days ? 'reversed' : 'invalid' });
  }
  const query = filters.q?.trim();
  if (query) {
    clauses.push(textClause(SOURCES.search, query.slice(0, MAX_SEARCH)));
    if (query.length > MAX_SEARCH) dropped.push({ what: 'q', why: 'cut' });
  }
  return { clauses, dropped, ...(needsRegions ? { needsRegions: true as const } : {}) };
}

/**
 * A parameter the view did not read (`other`): one the app does not use, one of its own given
 * twice (the first is used), one left empty, or one whose value it cannot read (`scene=x`).
 */
export function otherDropped(key: string, value: string, view: View): Dropped {
  const what = value ? `${key}=${value}` : key;
  if (!VIEW_PARAMS.includes(key)) return { what, why: 'unused' };
  if (!value) return { what, why: 'empty' };
  // A value the view cannot read is said to be so, whether or not the parameter came twice.
  if (!readable(key, value)) return { what, why: 'invalid' };
  const repeated = view.other.filter(([k]) => k === key).length > 1 || encodeView({ ...view, other: [] }).has(key);
  return { what, why: repeated ? 'repeated' : 'invalid' };
}

/**
 * The filters and the open message a query string holds (a scene's filters, a link): what the
 * dataset lacks, and any parameter that is not a filter, is reported in `dropped`.
 */
export function paramsToClauses(
  params: URLSearchParams | string,
  lookup: Lookup,
  regionCodes?: RegionCodes,
): ParsedFilters {
  const view = decodeView(params);
  const parsed = filtersToClauses(view.filters, lookup, regionCodes);
  const dropped = [...parsed.dropped];
  let message: string | undefined;
  if (view.message !== null) {
    if (lookup.messages.has(view.message)) message = view.message;
    else dropped.push({ what: `message "${view.message}"`, why: 'unknown' });
  }
  for (const [key, value] of view.other) dropped.push(otherDropped(key, value, view));
  return { ...parsed, dropped, ...(message === undefined ? {} : { message }) };
}
