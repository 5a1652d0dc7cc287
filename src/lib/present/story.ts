/**
 * Presentation scenes: an ordered story, each scene a title, a filter state (as the page's
 * address writes it, so it is checked like any link), the view it puts on stage, and speaker
 * notes. The default story is built from the dataset.
 */
import type { Dataset } from '../data/schema';
import { formatDate } from '../data/lookup';

export const STAGE_VIEWS = ['map', 'timeline', 'themes', 'messages'] as const;
export type StageView = (typeof STAGE_VIEWS)[number];

export interface Scene {
  id: string;
  title: string;
  /** Filters as address parameters, e.g. `session=breakout-1` ('' = no filter). */
  filters: string;
  view: StageView;
  notes: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function defaultStory(d: Dataset): Scene[] {
  const byDate = [...d.sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
  const first = byDate[0];
  const last = byDate.at(-1);
  const scenes: Scene[] = [
    {
      id: 'overview',
      title: d.meta.title,
      filters: '',
      view: 'map',
      notes:
        `${d.meta.subtitle ? `${d.meta.subtitle}. ` : ''}${plural(d.sessions.length, 'session')}${first && last ? ` from ${formatDate(first.date)} to ${formatDate(last.date)}` : ''}, ${plural(d.people.length, 'speaker')} from ${plural(d.places.length, 'place')}, ${plural(d.messages.length, 'message')}.`.trim(),
    },
  ];
  if (d.messages.some((m) => m.kind === 'context')) {
    scenes.push({
      id: 'context',
      title: first ? `${first.title}: the frame` : 'The frame',
      filters: 'kind=context',
      view: 'timeline',
      notes: `Why cities take part, and how the consultation was set up: ${plural(d.messages.filter((m) => m.kind === 'context').length, 'passage')} of context.`,
    });
  }
  for (const topic of [...d.topics].sort((a, b) => a.number - b.number)) {
    const session = d.sessions.find((s) => s.id === topic.sessionId);
    const speakers = d.people.filter((p) => p.topicIds.includes(topic.id));
    const takeaways = d.messages.filter((m) => m.topicId === topic.id && m.kind === 'takeaway').length;
    const places = speakers.map((p) => d.places.find((pl) => pl.id === p.placeId)?.name).filter(Boolean);
    scenes.push({
      id: `topic-${topic.number}`,
      title: `Topic ${topic.number}: ${topic.title}`,
      filters: session ? `session=${session.id}` : '',
      view: 'messages',
      notes:
        `${session ? `${session.title}, ${formatDate(session.date)}. ` : ''}` +
        `${plural(speakers.length, 'speaker')}: ${speakers.map((p) => p.name).join(', ')}` +
        `${places.length ? ` (${[...new Set(places)].join(', ')})` : ''}. ${plural(takeaways, 'key takeaway')}.`,
    });
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
  scenes.push({
    id: 'practices',
    title: 'Where the cities’ practices are',
    filters: 'kind=practice',
    view: 'map',
    notes: d.messages
      .filter((m) => m.kind === 'practice')
      .map((m) => m.label)
      .join('; '),
  });
  scenes.push({
    id: 'closing',
    title: last ? `${last.title}, ${formatDate(last.date)}` : 'Closing',
    filters: '',
    view: 'themes',
    notes: 'Every topic against every theme: what the cities said most about, and where.',
  });
  return scenes;
}
