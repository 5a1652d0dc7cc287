/**
 * Presentation scenes: an ordered story, each scene a headline, a filter state (as the page's
 * address writes it, so it is checked like any link), what the stage shows, and speaker notes.
 * The default story is built from the dataset, around what the report says: every key
 * takeaway and every cross-cutting message is read out on stage at some step.
 */
import { sessionsInOrder } from '../data/dates';
import type { Dataset } from '../data/schema';
import { formatDate } from '../i18n/format';
import { kindCount } from '../ui/kind-words';
import { formatNumber } from '../i18n/format';
import { m } from '../i18n/later.svelte';
import type { StageView } from './layout';
import { ANY, cellKey, NO_TOPIC } from '../filters/clauses';

export { STAGE_VIEWS, showsWords, stageViewOf, type StageView } from './layout';

export interface Scene {
  id: string;
  title: string;
  /** Filters as address parameters, e.g. `session=breakout-1` ('' = no filter). */
  filters: string;
  view: StageView;
  notes: string;
}

/** "Ana Example (São Paulo), Bo Example" — people, each with their place when they have one. */
function peopleWithPlaces(d: Dataset, people: Dataset['people']): string {
  return people
    .map((p) => {
      const place = d.places.find((pl) => pl.id === p.placeId)?.name;
      return place ? `${p.name} (${place})` : p.name;
    })
    .join(', ');
}

/**
 * Who took part, counted from the dataset: the speakers with a place and how many places they
 * came from, and the speakers with none (who spoke for an organisation with no place). The
 * places cited or hosting an event are not among them.
 */
export function whoTookPart(d: Pick<Dataset, 'people'>): {
  placed: number;
  places: number;
  unplaced: number;
} {
  // As the map counts them: a person with a place is on the map (the dataset's check makes every placeId a place).
  const placed = d.people.filter((p) => p.placeId);
  return {
    placed: placed.length,
    places: new Set(placed.map((p) => p.placeId)).size,
    unplaced: d.people.length - placed.length,
  };
}

/** "16 speakers: 12 from 11 places, and 4 for organisations with no place", in the interface's language. */
export function whoTookPartWords(d: Pick<Dataset, 'people' | 'places'>): string {
  const who = whoTookPart(d);
  // No one with a place: the speakers, counted, and nothing of places.
  if (who.placed === 0) return m.story_count_speakers({ count: who.unplaced });
  return m.story_speakers_from({
    speakers: m.story_count_speakers({ count: who.placed + who.unplaced }),
    placed: formatNumber(who.placed),
    places: m.story_count_places({ count: who.places }),
    unplaced: who.unplaced ? m.story_unplaced({ count: who.unplaced }) : '',
  });
}

/**
 * The story the dataset suggests, in the interface's language (its words are the app's; the
 * titles, names and places in it are the dataset's).
 */
export function defaultStory(d: Dataset): Scene[] {
  const byDate = sessionsInOrder(d.sessions);
  const first = byDate[0];
  const last = byDate.at(-1);
  const count = (test: (message: Dataset['messages'][number]) => boolean) => d.messages.filter(test).length;
  const counts = {
    sessions: m.story_count_sessions({ count: d.sessions.length }),
    who: whoTookPartWords(d),
    messages: m.story_count_messages({ count: d.messages.length }),
  };
  const scenes: Scene[] = [
    {
      id: 'overview',
      title: d.meta.title,
      filters: count((x) => x.kind === 'context') ? 'kind=context' : '',
      view: 'frame',
      notes:
        `${d.meta.subtitle ? `${d.meta.subtitle}. ` : ''}` +
        (first && last
          ? m.story_overview_notes({ ...counts, from: formatDate(first.date), to: formatDate(last.date) })
          : m.story_overview_notes_undated(counts)) +
        ` ${m.story_frame_notes({ count: count((x) => x.kind === 'context') })}`,
    },
    {
      id: 'participants',
      title: m.story_participants_title(),
      filters: '',
      view: 'map',
      notes: m.story_speakers_named({ count: d.people.length, people: peopleWithPlaces(d, d.people) }),
    },
  ];
  if (first && last) {
    scenes.push({
      id: 'sessions',
      title: m
        .story_sessions_title({ count: d.sessions.length, from: formatDate(first.date), to: formatDate(last.date) })
        .replace(/^./, (c) => c.toUpperCase()),
      filters: '',
      view: 'timeline',
      notes: byDate.map((s) => `${s.title}, ${formatDate(s.date)}`).join('; '),
    });
  }
  for (const topic of [...d.topics].sort((a, b) => a.number - b.number)) {
    const session = d.sessions.find((s) => s.id === topic.sessionId);
    const speakers = d.people.filter((p) => p.topicIds.includes(topic.id));
    const of = (kind: string) => count((x) => x.topicId === topic.id && x.kind === kind);
    const where = session ? `session=${session.id}&` : '';
    const heard = `${session ? `${session.title}, ${formatDate(session.date)}. ` : ''}${m.story_speakers_named({ count: speakers.length, people: peopleWithPlaces(d, speakers) })}`;
    scenes.push({
      id: `topic-${topic.number}`,
      title: m.story_topic_title({ number: topic.number, title: topic.title }),
      filters: `${where}kind=takeaway`,
      view: 'messages',
      notes: `${heard} ${kindCount('takeaway', of('takeaway'))}.`,
    });
    if (of('quote')) {
      scenes.push({
        id: `topic-${topic.number}-quotes`,
        title: m.story_topic_quotes_title({ number: topic.number }),
        filters: `${where}kind=quote`,
        view: 'quotes',
        notes: m.story_quotes_notes({
          count: of('quote'),
          source: session?.title ?? m.story_topic_lower({ number: topic.number }),
        }),
      });
    }
  }
  const cross = d.messages.filter((x) => x.kind === 'cross-cutting');
  if (cross.length) {
    scenes.push({
      id: 'cross-cutting',
      title: m.story_cross_cutting_title(),
      filters: 'kind=cross-cutting',
      view: 'messages',
      notes: cross.map((x) => x.label).join('; '),
    });
  }
  // The quotes no topic holds (a declaration's words): every quote of the report is on stage.
  const across = d.messages.filter((x) => x.kind === 'quote' && x.topicId === null);
  if (across.length) {
    const titles = new Map(d.references.map((r) => [r.id, r.title]));
    const people = new Map(d.people.map((p) => [p.id, p.name]));
    const sources = [
      ...new Set(
        across.flatMap((x) => {
          const named = x.personIds.map((id) => people.get(id)).filter(Boolean);
          return named.length
            ? named
            : x.referenceIds
                .slice(0, 1)
                .map((id) => titles.get(id))
                .filter(Boolean);
        }),
      ),
    ] as string[];
    scenes.push({
      id: 'quotes-across',
      title: m.story_quotes_across_title(),
      filters: new URLSearchParams({ cell: cellKey(NO_TOPIC, ANY), kind: 'quote' }).toString(),
      view: 'quotes',
      notes: m.story_quotes_notes({
        count: across.length,
        source: sources.length ? sources.join('; ') : m.story_across_consultation(),
      }),
    });
  }
  const practices = d.messages.filter((x) => x.kind === 'practice');
  if (practices.length) {
    scenes.push({
      id: 'practices',
      title: m.story_practices_title(),
      filters: 'kind=practice',
      view: 'map+messages',
      notes: practices.map((x) => x.label).join('; '),
    });
  }
  scenes.push({
    id: 'closing',
    // The matrix spans every session: its headline names none.
    title: m.story_closing_title(),
    filters: '',
    view: 'themes',
    notes: m.story_closing_notes(),
  });
  return scenes;
}
