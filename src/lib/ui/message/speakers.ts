/** Who said a message: its people, each with role, organisation and place, from the lookup. */
import type { Lookup } from '../../data/lookup';
import type { Message } from '../../data/schema';

export interface Speaker {
  id: string;
  name: string;
  role: string;
  organisation?: string;
  place?: string;
}

export function speakersOf(message: Message, lookup: Lookup): Speaker[] {
  return message.personIds.flatMap((id) => {
    const person = lookup.people.get(id);
    if (!person) return [];
    const organisation = person.organisationId ? lookup.organisations.get(person.organisationId)?.name : undefined;
    const place = person.placeId ? lookup.places.get(person.placeId)?.name : undefined;
    return [{ id, name: person.name, role: person.role, organisation, place }];
  });
}

/** "Ana Example, Mayor, São Paulo": the name, the role unless it only repeats where, and where (organisation, else place). */
export function speakerLine(speaker: Speaker): string {
  const where = speaker.organisation ?? speaker.place;
  return [speaker.name, speaker.role !== where ? speaker.role : '', where].filter(Boolean).join(', ');
}

/** The source a quote with no speaker is quoted from (a declaration, a report). */
export function quotedFrom(message: Message, lookup: Lookup): string[] {
  if (message.kind !== 'quote' || message.personIds.some((id) => lookup.people.has(id))) return [];
  return message.referenceIds
    .slice(0, 1)
    .map((id) => lookup.references.get(id)?.title)
    .filter((t): t is string => Boolean(t));
}
