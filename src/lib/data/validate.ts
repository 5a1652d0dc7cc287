/**
 * Validation of a consultation: the schema first, then the checks a schema cannot express
 * (unknown and duplicate ids, highlights that are not in their text). Either typed data or a
 * list of errors, each naming the JSON path: `messages[12].themeIds[0]: unknown theme "helth"`.
 */
import * as v from 'valibot';
import { formatError, type ValidationError } from './errors';

export { formatError, type ValidationError };
import { DatasetSchema, IndexSchema, MAX_DRAWN, formatCount, type ConsultationIndex, type Dataset } from './schema';

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: ValidationError[] };

export function formatPath(keys: readonly (string | number)[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${key}` : key;
  }
  return path;
}

/** Values quoted in a message are cut to this many characters: an error names a value, it does not repeat a megabyte. */
const QUOTED = 60;

/** A value quoted in a message: `"helth"`, or its start and an ellipsis when it is long. */
function quote(value: string): string {
  if (value.length <= QUOTED) return `"${value}"`;
  // Never half a surrogate pair at the cut.
  const end = /[\uD800-\uDBFF]/.test(value[QUOTED - 1]!) ? QUOTED - 1 : QUOTED;
  return `"${value.slice(0, end)}…" (${value.length} characters)`;
}

function issueToError(issue: v.BaseIssue<unknown>): ValidationError {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  // valibot reports a missing key on the object with the key as "expected".
  if (issue.received === 'undefined' && issue.expected?.startsWith('"')) {
    return { path: formatPath(keys), message: `missing required field ${issue.expected}` };
  }
  // Several ids typed as one, with commas (a workbook's cell written as a sentence).
  if (
    typeof issue.input === 'string' &&
    issue.message.startsWith('expected an id') &&
    /^[a-z0-9-]+(\s*[,;]\s*[a-z0-9-]+)+$/.test(issue.input.trim())
  )
    return {
      path: formatPath(keys),
      message: `${quote(issue.input)} is several ids written as one: list them apart (in a workbook, separated by ";")`,
    };
  // valibot quotes a string it received whole: quote it again, cut.
  const received = typeof issue.input === 'string' ? quote(issue.input) : issue.received;
  // What was written, after the rule it breaks (an empty text is said so by its reader).
  const input = issue.input;
  const got =
    issue.kind === 'schema'
      ? `, got ${received}`
      : (typeof input === 'string' && input !== '') || typeof input === 'number'
        ? `, got ${typeof input === 'string' ? quote(input) : input}`
        : '';
  return { path: formatPath(keys), message: `${issue.message}${got}` };
}

function schemaErrors(issues: readonly v.BaseIssue<unknown>[]): ValidationError[] {
  return issues.map(issueToError);
}

export type Collection =
  'themes' | 'sessions' | 'topics' | 'places' | 'organisations' | 'people' | 'references' | 'events';
/** Each collection's entity, in words: "unknown theme …". */
export const SINGULAR: Record<Collection, string> = {
  themes: 'theme',
  sessions: 'session',
  topics: 'topic',
  places: 'place',
  organisations: 'organisation',
  people: 'person',
  references: 'reference',
  events: 'event',
};

/** The edit distance between two short ids, given up past `max` (the cost is then `max + 1`). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > max) return max + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** What an unknown id was probably meant to be: the id it is a slip away from (`"helth": did you mean "health"?`). */
function hint(value: string, ids: ReadonlySet<string>): string {
  if (value.length > 64 || ids.size > 5000) return '';
  const max = Math.max(1, Math.floor(value.length / 4));
  let best: string | undefined;
  let bestCost = max + 1;
  // Ids apart only in their numbers ("topic-9", "topic-1") are other entities, not slips.
  const letters = (id: string) => id.replace(/\d+/g, '#');
  for (const id of ids) {
    if (letters(id) === letters(value)) continue;
    const cost = distance(value.toLowerCase(), id, Math.min(max, bestCost));
    if (cost < bestCost) [best, bestCost] = [id, cost];
  }
  return best === undefined ? '' : `: did you mean ${quote(best)}?`;
}

/**
 * The referential checks: every id unique in its collection, every `...Id` names an entity,
 * no list of ids names one twice (the views key a message's chips by id), no two topics share
 * a number (the matrix's rows and the presentation's scenes are named by it).
 */
export function referentialErrors(data: Dataset): ValidationError[] {
  const errors: ValidationError[] = [];
  // Also run on a dataset whose shape failed (every problem in one pass): what is not a list of
  // objects is passed over, and an id that is not text names nothing.
  const each = <T>(list: readonly T[], visit: (item: T, i: number) => void) => {
    if (Array.isArray(list)) list.forEach((item: T, i) => item !== null && typeof item === 'object' && visit(item, i));
  };
  const known = new Map<string, Set<string>>();
  const collections = [...(Object.keys(SINGULAR) as Collection[]), 'messages' as const];
  for (const name of collections) {
    const seen = new Set<string>();
    each<{ id: string }>(data[name], (entity, i) => {
      if (seen.has(entity.id)) errors.push({ path: `${name}[${i}].id`, message: `duplicate id ${quote(entity.id)}` });
      seen.add(entity.id);
    });
    known.set(name, seen);
  }
  const numbers = new Set<number>();
  each(data.topics, (topic, i) => {
    if (numbers.has(topic.number)) {
      errors.push({ path: `topics[${i}].number`, message: `duplicate topic number ${topic.number}` });
    }
    numbers.add(topic.number);
  });
  const ref = (path: string, collection: Collection, value: string | null | undefined) => {
    if (typeof value !== 'string') return;
    const ids = known.get(collection)!;
    if (!ids.has(value)) {
      errors.push({ path, message: `unknown ${SINGULAR[collection]} ${quote(value)}${hint(value, ids)}` });
    }
  };
  const refs = (path: string, collection: Collection, values: readonly string[]) => {
    const listed = new Set<string>();
    if (!Array.isArray(values)) return;
    values.forEach((value, i) => {
      if (typeof value !== 'string') return;
      ref(`${path}[${i}]`, collection, value);
      if (listed.has(value)) {
        errors.push({ path: `${path}[${i}]`, message: `duplicate ${SINGULAR[collection]} ${quote(value)}` });
      }
      listed.add(value);
    });
  };

  refs('meta.organiserIds', 'organisations', data.meta?.organiserIds);
  each(data.sessions, (s, i) => ref(`sessions[${i}].topicId`, 'topics', s.topicId));
  each(data.topics, (t, i) => ref(`topics[${i}].sessionId`, 'sessions', t.sessionId));
  each(data.organisations, (o, i) => ref(`organisations[${i}].placeId`, 'places', o.placeId));
  each(data.people, (p, i) => {
    ref(`people[${i}].organisationId`, 'organisations', p.organisationId);
    ref(`people[${i}].placeId`, 'places', p.placeId);
    refs(`people[${i}].topicIds`, 'topics', p.topicIds);
  });
  each(data.events, (e, i) => ref(`events[${i}].placeId`, 'places', e.placeId));
  const messagesById = new Map<string, Dataset['messages'][number]>();
  each(data.messages, (m) => messagesById.set(m.id, m));
  // A session that names its topic is the one that topic names: the two must agree.
  const topicsById = new Map<string, Dataset['topics'][number]>();
  each(data.topics, (t) => topicsById.set(t.id, t));
  each(data.sessions, (s, i) => {
    const topic = s.topicId === undefined ? undefined : topicsById.get(s.topicId);
    if (topic && topic.sessionId !== s.id)
      errors.push({
        path: `sessions[${i}].topicId`,
        message: `topic ${quote(topic.id)} names another session, ${quote(String(topic.sessionId))}, in its sessionId`,
      });
  });
  // A translation names messages the dataset has.
  const translations = data.translations;
  if (translations && typeof translations === 'object') {
    for (const [language, translation] of Object.entries(translations)) {
      const messages = translation?.messages;
      if (!messages || typeof messages !== 'object') continue;
      for (const messageId of Object.keys(messages)) {
        if (!messagesById.has(messageId))
          errors.push({
            path: `translations.${language}.messages.${messageId}`,
            message: `unknown message ${quote(messageId)}`,
          });
      }
    }
  }
  const folded = (text: string) => text.replace(/\s+/g, ' ').trim();
  each(data.messages, (m, i) => {
    const at = `messages[${i}]`;
    if (m.excerptOf !== undefined) {
      const whole = messagesById.get(m.excerptOf);
      if (!whole) errors.push({ path: `${at}.excerptOf`, message: `unknown message ${quote(m.excerptOf)}` });
      else if (whole === m)
        errors.push({ path: `${at}.excerptOf`, message: 'a message cannot be an excerpt of itself' });
      else if (whole.excerptOf !== undefined) {
        errors.push({
          path: `${at}.excerptOf`,
          message: `${quote(whole.id)} is itself an excerpt: name the whole message`,
        });
      } else if (!folded(whole.text).includes(folded(m.text))) {
        errors.push({ path: `${at}.excerptOf`, message: `its text is not in the text of ${quote(whole.id)}` });
      }
    }
    ref(`${at}.topicId`, 'topics', m.topicId);
    refs(`${at}.themeIds`, 'themes', m.themeIds);
    refs(`${at}.placeIds`, 'places', m.placeIds);
    refs(`${at}.personIds`, 'people', m.personIds);
    refs(`${at}.organisationIds`, 'organisations', m.organisationIds);
    refs(`${at}.referenceIds`, 'references', m.referenceIds);
    m.highlights.forEach((phrase, j) => {
      if (!m.text.includes(phrase)) {
        errors.push({ path: `${at}.highlights[${j}]`, message: `${quote(phrase)} is not in the message's text` });
      }
    });
  });
  return errors;
}

/** The topic × theme matrix draws a cell per row (each topic, and one for the messages across topics) and theme. */
export function sizeErrors(data: Dataset): ValidationError[] {
  const rows = data.topics.length + (data.messages.some((m) => m.topicId === null) ? 1 : 0);
  const cells = rows * data.themes.length;
  if (cells <= MAX_DRAWN) return [];
  return [
    {
      path: 'themes',
      message: `the topic × theme matrix would have ${formatCount(cells)} cells (${formatCount(rows)} rows × ${formatCount(data.themes.length)} themes); at most ${formatCount(MAX_DRAWN)}`,
    },
  ];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  return typeof value === 'string' ? quote(value) : typeof value;
}

/**
 * Checks the dataset's check may be given beyond its own: the places against their countries'
 * shapes (places-check.ts, loaded with the shapes where a dataset comes from elsewhere). Given
 * a valid dataset, they return its further problems.
 */
export interface CheckOptions {
  also?: (data: Dataset) => ValidationError[];
}

export function validateDataset(input: unknown, options: CheckOptions = {}): Validated<Dataset> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '', message: `expected a consultation object, got ${describe(input)}` }] };
  }
  const parsed = v.safeParse(DatasetSchema, input);
  if (!parsed.success) {
    // Every problem in one pass: the references are checked too, as far as the shape allows,
    // so a fix is not followed by a new round of errors the first round hid.
    const errors = schemaErrors(parsed.issues);
    const flagged = new Set(errors.map((e) => e.path));
    let more: ValidationError[] = [];
    try {
      more = referentialErrors(input as Dataset).filter((e) => !flagged.has(e.path));
    } catch {
      // A shape too broken to follow: its schema errors say enough.
    }
    return { ok: false, errors: [...errors, ...more] };
  }
  const errors = [
    ...referentialErrors(parsed.output),
    ...sizeErrors(parsed.output),
    ...(options.also?.(parsed.output) ?? []),
  ];
  return errors.length ? { ok: false, errors } : { ok: true, data: parsed.output };
}

export function validateIndex(input: unknown): Validated<ConsultationIndex> {
  const parsed = v.safeParse(IndexSchema, input);
  return parsed.success ? { ok: true, data: parsed.output } : { ok: false, errors: schemaErrors(parsed.issues) };
}

/**
 * Parses JSON text; a syntax error becomes a validation error rather than an exception. A byte
 * order mark before the text is ignored, as a browser's `Response.text()` drops it: a file
 * saved with one is valid for `npm run validate` exactly when the app shows it.
 */
export function parseJson(text: string): Validated<unknown> {
  try {
    return { ok: true, data: JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown };
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

export function validateDatasetText(text: string, options: CheckOptions = {}): Validated<Dataset> {
  const json = parseJson(text);
  return json.ok ? validateDataset(json.data, options) : json;
}

const ONE: Record<string, string> = {
  messages: 'message',
  themes: 'theme',
  sessions: 'session',
  topics: 'topic',
  places: 'place',
  people: 'person',
  organisations: 'organisation',
  references: 'reference',
  events: 'event',
};

export function summarise(data: Dataset): string {
  const n = (count: number, words: string) => `${count} ${count === 1 ? ONE[words] : words}`;
  return [
    n(data.messages.length, 'messages'),
    n(data.themes.length, 'themes'),
    n(data.sessions.length, 'sessions'),
    n(data.topics.length, 'topics'),
    n(data.places.length, 'places'),
    n(data.people.length, 'people'),
    n(data.organisations.length, 'organisations'),
    n(data.references.length, 'references'),
    n(data.events.length, 'events'),
  ].join(', ');
}
