/**
 * Presentation scenes: an ordered story, each scene a headline, a filter state (as the page's
 * address writes it, so it is checked like any link), what the stage shows, and speaker notes.
 * The default story is built from the dataset, around what the report says: every key
 * takeaway and every cross-cutting message is read out on stage at some step.
 */
import type { Dataset } from '../data/schema';
import { formatDate } from '../data/lookup';
import type { StageView } from './layout';

export { STAGE_VIEWS, showsWords, stageViewOf, type StageView } from './layout';

export interface Scene {
  id: string;
  title: string;
  /** Filters as address parameters, e.g. `session=breakout-1` ('' = no filter). */
  filters: string;
  view: StageView;
  notes: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Ana Example (São Paulo), Bo Example" — people, each with their place when they have one. */
function peopleWithPlaces(d: Dataset, people: Dataset['people']): string {
  return people
    .map((p) => {
      const place = d.places.find((pl) => pl.id === p.placeId)?.name;
      return place ? `${p.name} (${place})` : p.name;
    })
    .join(', ');
}

export function defaultStory(d: Dataset): Scene[] {
  const byDate = [...d.sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const first = byDate[0];
  const last = byDate.at(-1);
  const count = (test: (m: Dataset['messages'][number]) => boolean) => d.messages.filter(test).length;
  const span = first && last ? ` from ${formatDate(first.date)} to ${formatDate(last.date)}` : '';
  const scenes: Scene[] = [
    {
      id: 'overview',
      title: d.meta.title,
      filters: count((m) => m.kind === 'context') ? 'kind=context' : '',
      view: 'frame',
      notes:
        `${d.meta.subtitle ? `${d.meta.subtitle}. ` : ''}${plural(d.sessions.length, 'session')}${span}, ` +
        `${plural(d.people.length, 'speaker')} from ${plural(d.places.length, 'place')}, ${plural(d.messages.length, 'message')}. ` +
        `The frame: ${plural(
          count((m) => m.kind === 'context'),
          'passage',
        )} of context.`,
    },
    {
      id: 'participants',
      title: 'Who took part, and from where',
      filters: '',
      view: 'map',
      notes: `${plural(d.people.length, 'speaker')}: ${peopleWithPlaces(d, d.people)}.`,
    },
  ];
  if (first && last) {
    scenes.push({
      id: 'sessions',
      title: `${plural(d.sessions.length, 'session')}${span}`.replace(/^./, (c) => c.toUpperCase()),
      filters: '',
      view: 'timeline',
      notes: byDate.map((s) => `${s.title}, ${formatDate(s.date)}`).join('; '),
    });
  }
  for (const topic of [...d.topics].sort((a, b) => a.number - b.number)) {
    const session = d.sessions.find((s) => s.id === topic.sessionId);
    const speakers = d.people.filter((p) => p.topicIds.includes(topic.id));
    const of = (kind: string) => count((m) => m.topicId === topic.id && m.kind === kind);
    const where = session ? `session=${session.id}&` : '';
    const heard = `${session ? `${session.title}, ${formatDate(session.date)}. ` : ''}${plural(speakers.length, 'speaker')}: ${peopleWithPlaces(d, speakers)}.`;
    scenes.push({
      id: `topic-${topic.number}`,
      title: `Topic ${topic.number}: ${topic.title}`,
      filters: `${where}kind=takeaway`,
      view: 'messages',
      notes: `${heard} ${plural(of('takeaway'), 'key takeaway')}.`,
    });
    if (of('quote')) {
      scenes.push({
        id: `topic-${topic.number}-quotes`,
        title: `Topic ${topic.number}, in their own words`,
        filters: `${where}kind=quote`,
        view: 'quotes',
        notes: `${plural(of('quote'), 'quote')} from ${session?.title ?? `topic ${topic.number}`}.`,
      });
    }
  }
  const cross = d.messages.filter((m) => m.kind === 'cross-cutting');
  if (cross.length) {
    scenes.push({
      id: 'cross-cutting',
      title: 'Recurring and cross-cutting messages',
      filters: 'kind=cross-cutting',
      view: 'messages',
      notes: cross.map((m) => m.label).join('; '),
    });
  }
  const practices = d.messages.filter((m) => m.kind === 'practice');
  if (practices.length) {
    scenes.push({
      id: 'practices',
      title: 'What the cities do: their practices',
      filters: 'kind=practice',
      view: 'map+messages',
      notes: practices.map((m) => m.label).join('; '),
    });
  }
  scenes.push({
    id: 'closing',
    title: last ? `${last.title}, ${formatDate(last.date)}: every topic, every theme` : 'Every topic, every theme',
    filters: '',
    view: 'themes',
    notes: 'Every topic against every theme: what the cities said most about, and where.',
  });
  return scenes;
}
