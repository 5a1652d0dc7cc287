import { createSubscriber } from 'svelte/reactivity';

/**
 * A CSS media query followed as the window is resized or turned: `current` is whether it
 * matches, and a template or effect reading it runs again when that changes. Svelte's own
 * MediaQuery needs `matchMedia`; this one never matches where a page has none (a document
 * without a window, as in component tests).
 */
export class Media {
  readonly #query: MediaQueryList | null;
  readonly #subscribe: () => void;

  constructor(query: string) {
    const list = typeof matchMedia === 'function' ? matchMedia(query) : null;
    this.#query = list;
    this.#subscribe = createSubscriber((update) => {
      if (!list) return;
      list.addEventListener('change', update);
      return () => list.removeEventListener('change', update);
    });
  }

  get current(): boolean {
    this.#subscribe();
    return this.#query?.matches ?? false;
  }
}
