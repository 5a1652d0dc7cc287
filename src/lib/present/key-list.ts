/**
 * Every key presentation mode answers to, in one table: the key handler reads it to act, the
 * key help reads it to list them, so the two never drift apart.
 */
export type PresentationAction = 'next' | 'previous' | 'first' | 'last' | 'blackout' | 'speaker' | 'exit';

export interface KeyBinding {
  /** `KeyboardEvent.key` values. */
  keys: readonly string[];
  /** The keys as the help shows them. */
  shown: string;
  /** What the handler does; absent for a key that a control itself answers (the help lists it). */
  action?: PresentationAction;
  what: string;
}

export const PRESENTATION_KEYS: readonly KeyBinding[] = [
  {
    keys: ['ArrowRight', 'PageDown', ' '],
    shown: '→  PageDown  Space',
    action: 'next',
    what: 'Next step: the next messages, then the next scene',
  },
  { keys: ['ArrowLeft', 'PageUp'], shown: '←  PageUp', action: 'previous', what: 'Previous step' },
  { keys: ['Home'], shown: 'Home', action: 'first', what: 'First scene' },
  { keys: ['End'], shown: 'End', action: 'last', what: 'Last scene' },
  { keys: ['b', '.'], shown: 'b  .', action: 'blackout', what: 'Black out the screen; again to come back' },
  { keys: ['s'], shown: 's', action: 'speaker', what: 'Speaker view: notes and a timer, in a second window' },
  { keys: ['Enter'], shown: 'Enter', what: 'Show the focused message full-stage' },
  {
    keys: ['Escape'],
    shown: 'Esc',
    action: 'exit',
    what: 'Close a message shown full-stage; else leave presentation mode (your own filters come back)',
  },
  { keys: ['?'], shown: '?', what: 'This help' },
];

/** The action a key stands for in presentation mode. */
export function actionOf(key: string): PresentationAction | undefined {
  return PRESENTATION_KEYS.find((binding) => binding.keys.includes(key))?.action;
}

/** A clicker's keys: they move through the story wherever the focus is on stage. */
export function isClickerKey(key: string): boolean {
  const action = actionOf(key);
  return action === 'next' || action === 'previous';
}

export const DASHBOARD_KEYS: readonly KeyBinding[] = [
  { keys: ['p'], shown: 'p', what: 'Present' },
  { keys: ['?'], shown: '?', what: 'This help' },
  { keys: ['Tab'], shown: 'Tab', what: 'The skip links, then each view’s controls' },
  { keys: ['Escape'], shown: 'Esc', what: 'Clear the filter of the view that has the focus' },
  {
    keys: ['e'],
    shown: 'e',
    what: 'Expand the view that has the focus to fill the dashboard; again for every view',
  },
  { keys: [], shown: 'Shift / Ctrl + click', what: 'Add to a view’s picks' },
  { keys: [], shown: 'Arrows, Home, End', what: 'Move within the timeline and the matrices' },
];
