/** Words for sessions: type names and accessible names, in the interface's language. */
import { formatDate } from '../../data/lookup';
import type { Session } from '../../data/schema';
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
