/**
 * The consultation dataset contract (DATA-MODEL.md) as a valibot schema.
 *
 * valibot rather than zod: its functions tree-shake, so the validator adds a few KB to the
 * bundle instead of ~50 KB, and its issues carry a typed path we turn into `a[3].b` strings.
 * Extra fields are allowed (the contract may grow); every named field is checked.
 * Fields are listed in the order the datasets write them: a workbook's columns follow it, and
 * a dataset converted to a workbook and back is the same JSON, key for key.
 */
import * as v from 'valibot';
import { isCalendarDate } from './dates';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const id = v.pipe(
  v.string('expected an id (string)'),
  v.regex(ID_PATTERN, 'expected an id: lower-case letters and digits, words joined by hyphens, such as "sao-paulo"'),
);
const ids = v.array(id, 'expected a list of ids');
const nonEmpty = v.pipe(v.string('expected text (string)'), v.minLength(1, 'expected non-empty text'));
const note = v.optional(v.string('expected text (string)'));

function datePattern(pattern: RegExp, shape: string) {
  return v.pipe(
    v.string(`expected a date ${shape}`),
    v.regex(pattern, `expected a date ${shape}`),
    v.check(isCalendarDate, `expected a real calendar date ${shape}`),
  );
}
const fullDate = datePattern(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const yearMonth = datePattern(/^\d{4}-\d{2}$/, 'YYYY-MM');
const partialDate = datePattern(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

function oneOf<const T extends readonly [string, ...string[]]>(options: T) {
  return v.picklist(options, `expected one of ${options.map((o) => `"${o}"`).join(', ')}`);
}

function coordinate(min: number, max: number, what: string) {
  return v.pipe(
    v.number(`expected ${what} in degrees (number)`),
    v.finite(`expected ${what} in degrees (finite number)`),
    v.minValue(min, `expected ${what} between ${min} and ${max}`),
    v.maxValue(max, `expected ${what} between ${min} and ${max}`),
  );
}

import { MESSAGE_KINDS, ORGANISATION_KINDS, PLACE_KINDS, REFERENCE_KINDS, SESSION_TYPES, THEME_GROUPS } from './kinds';

export { MESSAGE_KINDS, ORGANISATION_KINDS, PLACE_KINDS, REFERENCE_KINDS, SESSION_TYPES, THEME_GROUPS };

export const MetaSchema = v.looseObject({
  id,
  title: nonEmpty,
  subtitle: v.optional(v.string('expected text (string)')),
  published: yearMonth,
  language: v.pipe(
    v.string('expected a BCP 47 language tag'),
    v.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a language code such as "en", "es" or "pt-BR" (BCP 47)'),
  ),
  source: v.looseObject({ title: nonEmpty, publisher: nonEmpty }, 'expected an object { title, publisher }'),
  organiserIds: ids,
  note,
});

export const ThemeSchema = v.looseObject({
  id,
  label: nonEmpty,
  group: oneOf(THEME_GROUPS),
  description: v.string('expected text (string)'),
  note,
});

export const SessionSchema = v.looseObject({
  id,
  date: fullDate,
  order: v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number'),
    v.minValue(1, 'expected 1 or more'),
  ),
  type: oneOf(SESSION_TYPES),
  title: nonEmpty,
  topicId: v.optional(id),
  note,
});

export const TopicSchema = v.looseObject({
  id,
  number: v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number'),
    v.minValue(1, 'expected 1 or more'),
  ),
  title: nonEmpty,
  sessionId: id,
  note,
});

export const PlaceSchema = v.looseObject({
  id,
  name: nonEmpty,
  kind: oneOf(PLACE_KINDS),
  countryCode: v.pipe(
    v.string('expected an ISO 3166-1 alpha-2 code'),
    v.regex(/^[A-Z]{2}$/, 'expected a two-letter country code in capitals, such as "UY" (ISO 3166-1 alpha-2)'),
  ),
  lat: coordinate(-90, 90, 'latitude'),
  lon: coordinate(-180, 180, 'longitude'),
  note,
});

export const OrganisationSchema = v.looseObject({
  id,
  name: nonEmpty,
  kind: oneOf(ORGANISATION_KINDS),
  acronym: v.optional(v.string('expected text (string)')),
  placeId: v.optional(id),
  note,
});

export const PersonSchema = v.looseObject({
  id,
  name: nonEmpty,
  role: v.string('expected text (string)'),
  organisationId: v.optional(id),
  placeId: v.optional(id),
  topicIds: v.pipe(ids, v.minLength(1, 'expected at least one topic id')),
  nameVariants: v.optional(v.array(nonEmpty, 'expected a list of names')),
  note,
});

export const ReferenceSchema = v.looseObject({
  id,
  title: nonEmpty,
  kind: oneOf(REFERENCE_KINDS),
  year: v.optional(v.pipe(v.number('expected a year (number)'), v.integer('expected a whole year'))),
  note,
});

export const EventSchema = v.looseObject({
  id,
  date: partialDate,
  title: nonEmpty,
  placeId: v.optional(id),
  note,
});

export const MessageSchema = v.looseObject({
  id,
  kind: oneOf(MESSAGE_KINDS),
  /** The message whose text contains this one's (a practice quoted inside a takeaway): counted once. */
  excerptOf: v.optional(id),
  topicId: v.nullable(id),
  label: v.pipe(nonEmpty, v.maxLength(60, 'expected a label of at most 60 characters')),
  text: nonEmpty,
  highlights: v.array(nonEmpty, 'expected a list of phrases'),
  themeIds: v.pipe(ids, v.minLength(1, 'expected at least one theme id')),
  placeIds: ids,
  personIds: ids,
  organisationIds: ids,
  referenceIds: ids,
  source: v.looseObject({ section: v.string('expected text (string)') }, 'expected an object { section }'),
  note,
});

/**
 * A translation of the report's words into one language, made by someone other than its
 * authors: it is shown marked as a translation, the original one click away, and citations
 * always quote the original. `note` says who translated it and how.
 */
export const TranslationSchema = v.looseObject(
  {
    note: nonEmpty,
    messages: v.optional(
      v.record(
        id,
        v.looseObject(
          { label: v.optional(nonEmpty), text: v.optional(nonEmpty) },
          'expected an object { label?, text }',
        ),
        'expected an object of messages by id',
      ),
    ),
  },
  'expected an object { note, messages }',
);

/** A language code a translation is keyed by: "es", "fr", "pt-BR". */
const languageCode = v.pipe(
  v.string('expected a language code'),
  v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'expected a language code such as "es" or "pt-BR"'),
);

function list<T extends v.GenericSchema>(item: T) {
  return v.array(item, 'expected a list');
}

/**
 * The most places, sessions or events a dataset may hold, and the most cells its topic × theme
 * matrix may have (checked in validate.ts): the views draw every one and spread their counts
 * into `Math.max`, which throws past about 120,000 values in Chromium, and long before that the
 * page draws slowly. A dataset past these is told so, at the collection's path.
 */
export const MAX_DRAWN = 50_000;

/** 250000 → "250,000". */
export const formatCount = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function drawnList<T extends v.GenericSchema>(item: T, what: string) {
  return v.pipe(
    list(item),
    v.maxLength(
      MAX_DRAWN,
      (issue) => `expected at most ${formatCount(MAX_DRAWN)} ${what}, got ${formatCount(Number(issue.received))}`,
    ),
  );
}

export const DatasetSchema = v.looseObject(
  {
    schemaVersion: v.literal(1, 'expected schemaVersion 1'),
    meta: v.looseObject(MetaSchema.entries, 'expected an object'),
    themes: list(ThemeSchema),
    sessions: drawnList(SessionSchema, 'sessions'),
    topics: list(TopicSchema),
    places: drawnList(PlaceSchema, 'places'),
    organisations: list(OrganisationSchema),
    people: list(PersonSchema),
    references: list(ReferenceSchema),
    events: drawnList(EventSchema, 'events'),
    messages: list(MessageSchema),
    /** Optional: the report's words in other languages, by language code. */
    translations: v.optional(
      v.record(languageCode, TranslationSchema, 'expected an object of translations by language'),
    ),
  },
  'expected a consultation object',
);

export const IndexSchema = v.looseObject(
  {
    consultations: v.array(
      v.looseObject({ id, title: nonEmpty, file: nonEmpty }, 'expected an object { id, title, file }'),
      'expected a list',
    ),
  },
  'expected an object { consultations }',
);

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Meta = Dataset['meta'];
export type Theme = v.InferOutput<typeof ThemeSchema>;
export type Session = v.InferOutput<typeof SessionSchema>;
export type Topic = v.InferOutput<typeof TopicSchema>;
export type Place = v.InferOutput<typeof PlaceSchema>;
export type Organisation = v.InferOutput<typeof OrganisationSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type Reference = v.InferOutput<typeof ReferenceSchema>;
export type ConsultationEvent = v.InferOutput<typeof EventSchema>;
export type Message = v.InferOutput<typeof MessageSchema>;
export type Translation = v.InferOutput<typeof TranslationSchema>;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type ThemeGroup = (typeof THEME_GROUPS)[number];
export type ConsultationIndex = v.InferOutput<typeof IndexSchema>;
