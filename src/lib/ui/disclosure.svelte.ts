/**
 * A button that shows and hides a panel of actions (the disclosure pattern), for the keyboard
 * too: opening it gives the focus to the panel's first control when the panel comes before the
 * button on the page (Tab would skip it otherwise); Escape inside the panel closes it and gives
 * the focus back to the button.
 */
import { tick } from 'svelte';

export class Disclosure {
  open = $state(false);
  button = $state<HTMLButtonElement>();
  panel = $state<HTMLElement>();
  readonly #focusFirst: boolean;

  /** `focusFirst`: the panel is laid out before its button, so opening it moves the focus in. */
  constructor({ focusFirst = false } = {}) {
    this.#focusFirst = focusFirst;
  }

  toggle = async (): Promise<void> => {
    this.open = !this.open;
    if (!this.open || !this.#focusFirst) return;
    await tick();
    this.panel?.querySelector<HTMLElement>('button, [href], input, select')?.focus();
  };

  /** Escape in the panel or on its button: closed, the focus on its button; the key goes no further. */
  onkeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    this.open = false;
    this.button?.focus();
  };
}
