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
  #speaking: ReturnType<typeof setTimeout> | undefined;
  #waiting: ReturnType<typeof setTimeout> | undefined;
  /** Until then, a count that changes is left unsaid: an action just said it (a scene, with its count). */
  #coveredUntil = 0;

  get text(): string {
    return this.#text;
  }

  /**
   * Says `words` at once, for an action (a scene, a copy): anything waiting for a pause is
   * dropped, and the count this same action changes is not said over it.
   */
  say(words: string): void {
    clearTimeout(this.#waiting);
    this.#coveredUntil = Date.now() + 250;
    this.#speak(words);
  }

  /** Says `words` once changes pause: each call restarts the wait, so typing is announced once. */
  sayAfterPause(words: string, ms = PAUSE_MS): void {
    if (Date.now() < this.#coveredUntil) return;
    clearTimeout(this.#waiting);
    this.#waiting = setTimeout(() => this.#speak(words), ms);
  }

  #speak(words: string): void {
    clearTimeout(this.#speaking);
    // Emptied first, so the same words twice are announced twice.
    this.#text = '';
    this.#speaking = setTimeout(() => (this.#text = words), 30);
  }

  dispose(): void {
    clearTimeout(this.#speaking);
    clearTimeout(this.#waiting);
  }
}

export const [getAnnouncer, setAnnouncer] = createContext<Announcer>();
