/**
 * Every key presentation mode answers to, in one table: the key handler reads it to act, the
 * key help reads it to list them, so the two never drift apart.
 */
import { m } from '../i18n/later.svelte';
import { keysFor, type DashboardAction } from '../ui/keys';

export type PresentationAction = 'next' | 'previous' | 'first' | 'last' | 'blackout' | 'speaker' | 'exit';

export interface KeyBinding {
  /** `KeyboardEvent.key` values. */
  keys: readonly string[];
  /** The keys as the help shows them (key names stay as they are; words around them are translated). */
  readonly shown: string;
  /** What the handler does; absent for a key that a control itself answers (the help lists it). */
  action?: PresentationAction;
  /** What the key does, in the interface's language (read when shown). */
  readonly what: string;
}

// `what` (and a `shown` made of words) are getters: the list is read in the current language.
export const PRESENTATION_KEYS: readonly KeyBinding[] = [
  {
    keys: ['ArrowRight', 'PageDown', ' '],
    shown: '→  PageDown  Space',
    action: 'next',
    get what() {
      return m.keys_next();
    },
  },
  {
    keys: ['ArrowLeft', 'PageUp'],
    shown: '←  PageUp',
    action: 'previous',
    get what() {
      return m.keys_previous();
    },
  },
  {
    keys: ['Home'],
    shown: 'Home',
    action: 'first',
    get what() {
      return m.keys_first();
    },
  },
  {
    keys: ['End'],
    shown: 'End',
    action: 'last',
    get what() {
      return m.keys_last();
    },
  },
  {
    keys: ['b', '.'],
    shown: 'b  .',
    action: 'blackout',
    get what() {
      return m.keys_blackout();
    },
  },
  {
    keys: ['s'],
    shown: 's',
    action: 'speaker',
    get what() {
      return m.keys_speaker();
    },
  },
  {
    keys: ['Enter'],
    shown: 'Enter',
    get what() {
      return m.keys_expand_message();
    },
  },
  {
    keys: ['Escape'],
    shown: 'Esc',
    action: 'exit',
    get what() {
      return m.keys_exit();
    },
  },
  {
    keys: ['?'],
    shown: '?',
    get what() {
      return m.keys_help();
    },
  },
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

/** A dashboard key as the dashboard's own table has it (ui/keys.ts), shown as the help names it. */
function fromTable(action: DashboardAction): Pick<KeyBinding, 'keys' | 'shown'> {
  const keys = keysFor(action);
  return { keys, shown: keys.map((key) => (key === 'Escape' ? 'Esc' : key)).join('  ') };
}

export const DASHBOARD_KEYS: readonly KeyBinding[] = [
  {
    ...fromTable('present'),
    get what() {
      return m.keys_present();
    },
  },
  {
    ...fromTable('help'),
    get what() {
      return m.keys_help();
    },
  },
  {
    keys: ['Tab'],
    shown: 'Tab',
    get what() {
      return m.keys_tab();
    },
  },
  {
    ...fromTable('clear'),
    get what() {
      return m.keys_escape_view();
    },
  },
  {
    ...fromTable('expand'),
    get what() {
      return m.keys_expand_view();
    },
  },
  {
    ...fromTable('search'),
    get what() {
      return m.keys_search();
    },
  },
  {
    ...fromTable('export'),
    get what() {
      return m.keys_export();
    },
  },
  {
    keys: [],
    get shown() {
      return m.keys_click_shown();
    },
    get what() {
      return m.keys_click();
    },
  },
  {
    keys: [],
    get shown() {
      return m.keys_shift_enter_shown();
    },
    get what() {
      return m.keys_shift_enter();
    },
  },
  {
    keys: [],
    get shown() {
      return m.keys_arrows_shown();
    },
    get what() {
      return m.keys_arrows();
    },
  },
];
