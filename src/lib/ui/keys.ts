/**
 * Where a key press happened, and whether a page-wide shortcut may act on it there. A shortcut
 * must never surprise: a letter typed in a field, an arrow moving through a grid or the map,
 * Space pressing a button, or any key inside a dialog belongs to that control, not to the page.
 */

/** The kind of place that has the focus when a key is pressed. */
export type KeyContext = 'dialog' | 'text' | 'widget' | 'control' | 'page';

const TEXT_INPUT = /^(text|search|email|url|tel|password|number|date|month|week|time|datetime-local)$/;

export function keyContext(target: EventTarget | null): KeyContext {
  if (!(target instanceof Element)) return 'page';
  if (target.closest('dialog[open], [role="dialog"], [role="alertdialog"]')) return 'dialog';
  if (target instanceof HTMLElement && target.isContentEditable) return 'text';
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'text';
  if (target instanceof HTMLInputElement && TEXT_INPUT.test(target.type)) return 'text';
  // Composite widgets that use letters, arrows, Space and Page keys themselves.
  if (target.closest('[role="grid"], [role="application"], [role="listbox"], [role="tablist"], [role="slider"]')) {
    return 'widget';
  }
  if (target.closest('button, a[href], summary, input, [tabindex]:not([tabindex="-1"])')) return 'control';
  return 'page';
}

/** A printable key with no modifier but Shift: the kind of shortcut WCAG 2.1.4 lets users switch off. */
export function isCharacterKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * Whether a page-wide shortcut for `key` may act where the focus is. Character keys (p, s, ?,
 * Space) act only when character shortcuts are on, and only on the page or a plain control
 * (Space only on the page: on a control it presses it). A clicker's keys (PageDown, PageUp,
 * arrows, Home, End) act anywhere but in a dialog, a text field or a widget that uses them.
 * Escape acts anywhere but in a dialog, which closes itself.
 */
export function shortcutMayAct(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  characterShortcuts: boolean,
): boolean {
  const where = keyContext(event.target);
  if (where === 'dialog') return false;
  if (event.key === 'Escape') return true;
  if (where === 'text') return false;
  if (isCharacterKey(event)) {
    if (!characterShortcuts) return false;
    if (event.key === ' ') return where === 'page';
    return where === 'page' || where === 'control';
  }
  return where !== 'widget';
}

/** Shift, Ctrl or Cmd held: a click adds to a view's picks (or takes one away) instead of replacing them. */
export function isAdditive(event: Pick<MouseEvent, 'shiftKey' | 'ctrlKey' | 'metaKey'>): boolean {
  return event.shiftKey || event.ctrlKey || event.metaKey;
}

/**
 * Where a key moves the focus in a row of items (tabs, the timeline's sessions): the next or
 * the previous one (wrapping round when `wrap`), the first or the last; -1 for any other key.
 * `vertical` lets the up and down arrows move too.
 */
export function rowTarget(key: string, index: number, count: number, { wrap = false, vertical = false } = {}): number {
  const last = count - 1;
  const forward = key === 'ArrowRight' || (vertical && key === 'ArrowDown');
  const back = key === 'ArrowLeft' || (vertical && key === 'ArrowUp');
  if (forward) return wrap ? (index + 1) % count : Math.min(last, index + 1);
  if (back) return wrap ? (index + last) % count : Math.max(0, index - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return -1;
}

/** What a dashboard key does (presentation mode has its own table: present/key-list.ts). */
export type DashboardAction = 'present' | 'help' | 'clear' | 'expand' | 'search' | 'export';

export interface DashboardKey {
  key: string;
  action: DashboardAction;
  /** It acts on stage too (the others are the dashboard's alone). */
  onStage?: true;
}

/**
 * The dashboard's keys, in one table: the dashboard's key handler reads it to act, the key
 * help (present/key-list.ts) to list them, so the two never drift apart.
 */
export const DASHBOARD_KEY_TABLE: readonly DashboardKey[] = [
  { key: 'p', action: 'present' },
  { key: '?', action: 'help', onStage: true },
  { key: 'Escape', action: 'clear' },
  { key: 'e', action: 'expand' },
  { key: '/', action: 'search' },
  { key: 'x', action: 'export' },
];

/** The keys that do `action`, as the help lists them. */
export function keysFor(action: DashboardAction): string[] {
  return DASHBOARD_KEY_TABLE.filter((entry) => entry.action === action).map((entry) => entry.key);
}

/**
 * The dashboard action a key press asks for, if any: a key of the table, where a shortcut may
 * act (see {@link shortcutMayAct}), and on stage only if it acts there.
 */
export function dashboardAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
  { presenting, characterShortcuts }: { presenting: boolean; characterShortcuts: boolean },
): DashboardAction | undefined {
  const entry = DASHBOARD_KEY_TABLE.find((candidate) => candidate.key === event.key);
  if (!entry || (presenting && !entry.onStage)) return undefined;
  if (entry.key.length === 1 && !isCharacterKey(event)) return undefined;
  return shortcutMayAct(event, characterShortcuts) ? entry.action : undefined;
}
