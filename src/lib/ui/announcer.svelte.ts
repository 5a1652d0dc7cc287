/**
 * What a screen reader is told: one persistent live region per page (see `LiveRegion.svelte`)
 * and the words it says. A live region inserted with its text is often not read; one that is
 * always there and whose text changes is. A repeat of the same words is said again.
 */
import { createContext } from 'svelte';

/** How long typing or clicking must pause before a count is announced. */
export const PAUSE_MS = 700;

export class Announcer {
  #text = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Until then, paused announcements are left unsaid: what was just said covers them (the same action's). */
  #quietUntil = 0;

  get text(): string {
    return this.#text;
  }

  /**
   * Says `words` at once, cancelling anything still waiting for a pause; what follows from the
   * same action (a scene's new count) is not said over it.
   */
  say(words: string): void {
    clearTimeout(this.#timer);
    this.#quietUntil = Date.now() + 250;
    // Emptied first, so the same words twice are announced twice.
    this.#text = '';
    this.#timer = setTimeout(() => (this.#text = words), 30);
  }

  /** Says `words` once changes pause: each call restarts the wait, so typing is announced once. */
  sayAfterPause(words: string, ms = PAUSE_MS): void {
    if (Date.now() < this.#quietUntil) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.say(words), ms);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}

export const [getAnnouncer, setAnnouncer] = createContext<Announcer>();
