/**
 * Whether single-character shortcuts (p, s, ?, Space) are on: a user who types with a speech
 * program or a switch, or who just presses keys by mistake, can turn them off (WCAG 2.1.4).
 * Kept in the browser, so the choice lasts.
 */
const KEY = 'consultation-atlas:character-shortcuts';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export class ShortcutSetting {
  #on = $state(stored());

  get on(): boolean {
    return this.#on;
  }

  set(on: boolean): void {
    this.#on = on;
    try {
      globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  }
}
