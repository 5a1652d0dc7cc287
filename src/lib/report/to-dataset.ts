/**
 * A reviewed draft as a consultation dataset of the contract: only what the staffer accepted,
 * in the report's words, with ids made from names, and a `note` on everything the draft
 * inferred (a session's date taken from the row above, a topic's session taken from the
 * schedule's order, a place put at its country's centre until its coordinates are typed).
 * Pure: the review screen and the tests call it alike; the result is then validated like any
 * other dataset.
 */
import { Ids, slug } from '../data/ids';
import type { Dataset, Message, MessageKind, Organisation, Person, Place, Session, Theme } from '../data/schema';
import type { DraftSession, DraftTopic } from './structure';

export interface ReviewedMessage {
  key: string;
  kind: MessageKind;
  text: string;
  highlights: string[];
  topic: number | null;
  section: string;
  /** The key of the reviewed person who said it (a quote), if any. */
  speaker?: string;
  /** The key of the reviewed message whose words hold it (a practice cited in a takeaway). */
  excerptOf?: string;
  themeIds: string[];
  /** The keys of the places it names. */
  places: string[];
}

export interface ReviewedPlace {
  key: string;
  name: string;
  countryCode: string;
  /** Typed by the staffer; otherwise the place stands at its country's centre, with a note. */
  lat?: number;
  lon?: number;
}

export interface ReviewedPerson {
  key: string;
  name: string;
  role: string;
  variants: string[];
  topics: number[];
  place?: string;
  /** The organisation's name as the report writes it. */
  organisation?: string;
}

export interface ReviewedDraft {
  meta: { title: string; subtitle?: string; published: string; language: string; publisher: string };
  topics: DraftTopic[];
  sessions: DraftSession[];
  people: ReviewedPerson[];
  places: ReviewedPlace[];
  /** Accepted messages only, in the report's order. */
  messages: ReviewedMessage[];
  /** The codebook the themes were chosen from, and any the review added (a cross-cutting message's own). */
  themes: Theme[];
  /** A country's centre as [lat, lon] (from the basemap), for places with no typed coordinates. */
  centre: (countryCode: string) => [number, number] | null;
  /** A country's name, for a place that is its country. */
  countryName: (countryCode: string) => string;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** A short title of at most 60 characters: the bold phrase that leads the text, if one does, else its first words. */
export function labelOf(text: string, highlights: readonly string[]): string {
  const lead = highlights[0] && text.startsWith(highlights[0]) ? highlights[0].replace(/[:.\s]+$/, '') : undefined;
  const base = lead && lead.length >= 8 ? lead : text;
  if (base.length <= 60) return base.replace(/[:.\s]+$/, '');
  const cut = base.slice(0, 59);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 30)).replace(/[,;:\s]+$/, '')}…`;
}

export function toDataset(draft: ReviewedDraft): Dataset {
  const topicIds = new Map(draft.topics.map((topic) => [topic.number, `topic-${topic.number}`]));

  // Sessions: the schedule's, with a session for any topic the schedule did not give one.
  const sessionIds = new Ids();
  const sessions: Session[] = [];
  const sessionOf = new Map<string, string>();
  for (const session of draft.sessions) {
    const id = sessionIds.next(session.title, 'session');
    sessionOf.set(session.key, id);
    // A date cleared in the review is kept empty: the check then names it, rather than the session going.
    const date = session.date ?? '';
    sessions.push({
      id,
      date,
      // Counted again within each day, in the schedule's order: the review may have changed a date.
      order: sessions.filter((s) => s.date === date).length + 1,
      type: session.type,
      title: session.title,
      ...(session.dateInherited
        ? { note: "The schedule's date cell is blank for this row; it is read as the date of the row above." }
        : {}),
    });
  }
  const firstDate = sessions[0]?.date ?? `${draft.meta.published}-01`;
  const topics = draft.topics.map((topic) => {
    let sessionId = topic.session ? sessionOf.get(topic.session) : undefined;
    let note = !sessionId
      ? undefined
      : topic.sessionBy === 'title'
        ? 'Which session held this topic is inferred from the session named after it in the schedule.'
        : "Which session held this topic is inferred from the order of the schedule's thematic sessions.";
    if (!sessionId) {
      sessionId = sessionIds.next(`session on ${topic.title}`, 'session');
      sessions.push({
        id: sessionId,
        date: firstDate,
        order: sessions.filter((s) => s.date === firstDate).length + 1,
        type: 'thematic-session',
        title: topic.title,
        note: "The report's schedule gives no session for this topic: this session was added for it, on the consultation's first date; check its date.",
      });
      note = undefined;
    }
    const session = sessions.find((s) => s.id === sessionId)!;
    session.topicId = topicIds.get(topic.number)!;
    return {
      id: topicIds.get(topic.number)!,
      number: topic.number,
      title: topic.title,
      sessionId,
      ...(note ? { note } : {}),
    };
  });

  // Places: typed coordinates, or the country's centre with a note saying so.
  const placeIds = new Ids();
  const places: Place[] = [];
  const placeOf = new Map<string, string>();
  for (const place of draft.places) {
    const typed = place.lat !== undefined && place.lon !== undefined;
    const centre = typed ? ([place.lat!, place.lon!] as const) : draft.centre(place.countryCode);
    if (!centre) continue;
    const isCountry = place.name === draft.countryName(place.countryCode);
    const id = placeIds.next(place.name, 'place');
    placeOf.set(place.key, id);
    places.push({
      id,
      name: place.name,
      kind: isCountry ? 'country' : 'city',
      countryCode: place.countryCode,
      lat: round(centre[0]),
      lon: round(centre[1]),
      ...(isCountry
        ? {}
        : {
            note: [
              'Its kind is taken to be a city: the report names the place, not what it is.',
              ...(typed
                ? []
                : [
                    `Placed at the centre of ${draft.countryName(place.countryCode)}: the report gives no coordinates.`,
                  ]),
            ].join(' '),
          }),
    });
  }

  // Organisations: named in the people's lines; their kind read from their names.
  const organisationIds = new Ids();
  const organisationOf = new Map<string, string>();
  const organisations: Organisation[] = [];
  for (const person of draft.people) {
    const name = person.organisation?.trim();
    if (!name || organisationOf.has(name)) continue;
    const acronym = /\(([\p{Lu}]{2,})\)\s*$/u.exec(name)?.[1];
    const id = organisationIds.next(acronym ?? name, 'organisation');
    organisationOf.set(name, id);
    organisations.push({
      id,
      name: acronym ? name.replace(/\s*\([\p{Lu}]{2,}\)\s*$/u, '') : name,
      ...(acronym ? { acronym } : {}),
      kind: organisationKind(name),
      note: 'Its kind is read from its name in the report; check it.',
    });
  }

  // People: those the accepted messages name or the report lists; each needs a topic.
  const personIds = new Ids();
  const personOf = new Map<string, string>();
  const quoteTopics = new Map<string, number[]>();
  for (const message of draft.messages)
    if (message.speaker && message.topic !== null)
      quoteTopics.set(message.speaker, [...(quoteTopics.get(message.speaker) ?? []), message.topic]);
  const people: Person[] = [];
  for (const person of draft.people) {
    const numbers = [...new Set([...person.topics, ...(quoteTopics.get(person.key) ?? [])])].filter((n) =>
      topicIds.has(n),
    );
    const ids = numbers.length ? numbers.map((n) => topicIds.get(n)!) : topics.slice(0, 1).map((t) => t.id);
    if (!ids.length) continue;
    const id = personIds.next(person.name, 'person');
    personOf.set(person.key, id);
    const placeId = person.place ? placeOf.get(person.place) : undefined;
    const organisationId = person.organisation ? organisationOf.get(person.organisation.trim()) : undefined;
    const notes = [
      ...(numbers.length ? [] : ['The report does not say in which topic this person spoke: set to the first topic.']),
      ...(person.variants.length
        ? [`The report also spells this name ${person.variants.map((v) => `'${v}'`).join(' and ')}.`]
        : []),
    ];
    people.push({
      id,
      name: person.name,
      role: person.role,
      ...(organisationId ? { organisationId } : {}),
      ...(placeId ? { placeId } : {}),
      topicIds: ids,
      ...(person.variants.length ? { nameVariants: person.variants } : {}),
      ...(notes.length ? { note: notes.join(' ') } : {}),
    });
  }

  // Messages: ids from their labels; a practice points at its holder only if the holder was accepted.
  const messageIds = new Ids();
  const idOf = new Map<string, string>();
  for (const message of draft.messages)
    idOf.set(message.key, messageIds.next(labelOf(message.text, message.highlights), 'message'));
  const messages: Message[] = draft.messages.map((message) => {
    const holder = message.excerptOf ? idOf.get(message.excerptOf) : undefined;
    const speaker = message.speaker ? personOf.get(message.speaker) : undefined;
    const speakerPlace = message.speaker ? draft.people.find((p) => p.key === message.speaker)?.place : undefined;
    const placeKeys = [
      ...new Set([...message.places, ...(message.kind === 'quote' && speakerPlace ? [speakerPlace] : [])]),
    ];
    return {
      id: idOf.get(message.key)!,
      kind: message.kind,
      ...(holder ? { excerptOf: holder } : {}),
      topicId:
        message.kind === 'cross-cutting' || message.topic === null ? null : (topicIds.get(message.topic) ?? null),
      label: labelOf(message.text, message.highlights),
      text: message.text,
      highlights: message.highlights.filter((phrase) => message.text.includes(phrase)),
      themeIds: message.themeIds,
      placeIds: placeKeys.map((key) => placeOf.get(key)).filter((id): id is string => !!id),
      personIds: speaker ? [speaker] : [],
      organisationIds: [],
      referenceIds: [],
      source: { section: message.section },
    };
  });

  const id = `${slug(draft.meta.title, 40) || 'consultation'}-${draft.meta.published.slice(0, 4)}`;
  return {
    schemaVersion: 1,
    meta: {
      id,
      title: draft.meta.title,
      ...(draft.meta.subtitle ? { subtitle: draft.meta.subtitle } : {}),
      published: draft.meta.published,
      language: draft.meta.language,
      source: {
        title: [draft.meta.title, draft.meta.subtitle].filter(Boolean).join(' — '),
        publisher: draft.meta.publisher || draft.meta.title,
      },
      organiserIds: [],
      ...(draft.meta.publisher ? {} : { note: 'The report names no publisher: its title stands in for one.' }),
    },
    themes: draft.themes,
    sessions,
    topics,
    places,
    organisations,
    people,
    references: [],
    events: [],
    messages,
  } as Dataset;
}

/** An organisation's kind, read from its name (a network of cities, a UN agency, a city's office…). */
export function organisationKind(name: string): Organisation['kind'] {
  if (
    /\b(UCLG|Mercociudades|FLACMA|Cities Alliance|network|federation|association|coalition|metropolis|eurocities)\b/i.test(
      name,
    )
  )
    return 'lra-network';
  if (/\b(IOM|UNHCR|UNICEF|UNDP|UN-Habitat|OHCHR|ILO|United Nations)\b/.test(name)) return 'un-agency';
  if (/\b(ministry|national|federal)\b/i.test(name)) return 'national-government';
  if (
    /\b(municipal|municipality|city|mayor|council|prefecture|provincial|state|secretariat|directorate|office|department|government)\b/i.test(
      name,
    )
  )
    return 'local-government';
  if (/\b(foundation|NGO|society|welcoming|caritas|red cross)\b/i.test(name)) return 'civil-society';
  return 'other';
}
