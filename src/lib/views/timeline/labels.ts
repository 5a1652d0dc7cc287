/** Words for sessions: type names and accessible names. */
import { formatDate } from '../../data/lookup';
import type { Session } from '../../data/schema';

/** Short names for the legend. */
export const SESSION_TYPE_SHORT: Record<Session['type'], string> = {
  'opening-plenary': 'Opening',
  'thematic-breakout': 'Breakout',
  'thematic-session': 'Thematic session',
  'closing-session': 'Closing session',
  'closing-plenary': 'Closing plenary',
};

export const SESSION_TYPE_LABELS: Record<Session['type'], string> = {
  'opening-plenary': 'Opening plenary',
  'thematic-breakout': 'Thematic breakout',
  'thematic-session': 'Thematic session',
  'closing-session': 'Closing session',
  'closing-plenary': 'Closing plenary',
};

/** "Opening Plenary, 4 June 2020". */
export { sessionLabel as sessionName } from '../../data/participation';

/**
 * A session button's accessible name: its visible words first (the title, "spoke here" where
 * the picked place's people spoke, then the count on its badge), then the date:
 * "Thematic breakout session 2: 13 messages, 11 June 2020".
 */
export function sessionButtonName(session: Session, count: number, spoken = false): string {
  return `${session.title}${spoken ? ' · spoke here' : ''}: ${count} message${count === 1 ? '' : 's'}, ${formatDate(session.date)}`;
}
