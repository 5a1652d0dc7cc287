/**
 * Who took part, and where: each person's sessions (the report names each speaker's topic,
 * and each topic's session), and each place's people. The report attributes its takeaways to
 * a session, not to single speakers, so a place may have spoken without a message of its own.
 */
import { sessionsInOrder } from './dates';
import { type Lookup } from './lookup';
import { formatDate } from '../i18n/format';
import type { Dataset, Person, Session } from './schema';

/** The sessions a person spoke in, by date. */
export function sessionsOf(person: Person, lookup: Lookup): Session[] {
  const sessions = person.topicIds.flatMap((topicId) => {
    const topic = lookup.topics.get(topicId);
    const session = topic ? lookup.sessions.get(topic.sessionId) : undefined;
    return session ? [session] : [];
  });
  return sessionsInOrder(new Set(sessions));
}

/** The people based at a place. */
export function peopleAt(placeId: string, dataset: Dataset): Person[] {
  return dataset.people.filter((p) => p.placeId === placeId);
}

/** The sessions where the people of these places, and these people, spoke. */
export function sessionsSpokenIn(
  placeIds: readonly string[],
  personIds: readonly string[],
  dataset: Dataset,
  lookup: Lookup,
): Set<string> {
  const people = dataset.people.filter(
    (p) => personIds.includes(p.id) || (p.placeId !== undefined && placeIds.includes(p.placeId)),
  );
  return new Set(people.flatMap((p) => sessionsOf(p, lookup).map((s) => s.id)));
}

/** "Thematic breakout session on narratives, 18 June 2020": a session as people name it. */
export function sessionLabel(session: Session): string {
  return `${session.title}, ${formatDate(session.date)}`;
}

/**
 * The sessions the people of a place spoke in, by date: a place where people took part may have
 * no message of its own, since the report attributes a session's takeaways to the session, not
 * to single speakers. None for a place no one spoke from.
 */
export function sessionsSpokenFrom(placeId: string, dataset: Dataset, lookup: Lookup): Session[] {
  return sessionsInOrder([...sessionsSpokenIn([placeId], [], dataset, lookup)].map((id) => lookup.sessions.get(id)!));
}

/** The places of these world regions (none until the regions' codes are known). */
export function placesInRegions(
  places: readonly Dataset['places'][number][],
  codes: readonly string[],
  regionCodes: ((countryCode: string) => readonly string[]) | undefined,
): ReadonlySet<string> {
  if (!codes.length || !regionCodes) return new Set();
  return new Set(
    places.filter((p) => regionCodes(p.countryCode).some((code) => codes.includes(code))).map((p) => p.id),
  );
}
