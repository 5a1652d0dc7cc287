/** Words for sessions and milestones: type names, labels and accessible names, in the interface's language. */
import { formatDate } from '../../i18n/format';
import type { ConsultationEvent, Session, Topic } from '../../data/schema';
import { m } from '../../i18n/i18n.svelte';

/** "Opening plenary": a session type's name. */
export function sessionTypeLabel(type: Session['type']): string {
  switch (type) {
    case 'opening-plenary':
      return m.timeline_type_opening_plenary();
    case 'thematic-breakout':
      return m.timeline_type_thematic_breakout();
    case 'thematic-session':
      return m.timeline_type_thematic_session();
    case 'closing-session':
      return m.timeline_type_closing_session();
    case 'closing-plenary':
      return m.timeline_type_closing_plenary();
  }
}

/** "Opening": a session type's short name, for the legend. */
export function sessionTypeShort(type: Session['type']): string {
  switch (type) {
    case 'opening-plenary':
      return m.timeline_type_short_opening_plenary();
    case 'thematic-breakout':
      return m.timeline_type_short_thematic_breakout();
    default:
      return sessionTypeLabel(type);
  }
}

/** "Opening Plenary, 4 June 2020". */
export { sessionLabel as sessionName } from '../../data/participation';

/**
 * A session button's accessible name: its visible words first (the title, "spoke here" where
 * the picked place's people spoke, then the count on its badge), then the date:
 * "Thematic breakout session 2: 13 messages, 11 June 2020".
 */
export function sessionButtonName(session: Session, count: number, spoken = false): string {
  const inputs = { title: session.title, count, date: formatDate(session.date) };
  return spoken ? m.timeline_session_button_spoken(inputs) : m.timeline_session_button(inputs);
}

/**
 * A session's details, for its description: "Thematic breakout · Topic 2: Health · 1 speaker ·
 * 2 messages under the filters", then a word where the picked place's people spoke.
 */
export function sessionDetails(
  session: Session,
  topic: Topic | undefined,
  speakers: number,
  count: number,
  spoken: boolean,
): string {
  return [
    sessionTypeLabel(session.type),
    topic ? m.scale_topic_title({ number: topic.number, title: topic.title }) : m.timeline_no_topic(),
    m.timeline_speakers({ count: speakers }),
    m.timeline_messages_filtered({ count }),
    ...(spoken ? [m.timeline_picked_spoke()] : []),
  ].join(' · ');
}

/** A milestone's label as shown: its title and its date. */
export function milestoneText(event: ConsultationEvent): string {
  return `${event.title} ${formatDate(event.date)}`;
}
