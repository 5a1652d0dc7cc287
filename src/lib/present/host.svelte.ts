/**
 * Presentation mode's place in the dashboard: it is loaded when first wanted (Present, `p`, a
 * link to a scene, the story editor), so a user who only explores never downloads it; once
 * loaded it lives as long as the dashboard. The host also catches a clicker's keys before the
 * focused control sees them. Only the type of the presentation is imported here: its code
 * arrives with the first call of {@link PresentationHost.load}.
 */
import type { DashboardState } from '../state/dashboard.svelte';
import { currentView } from '../state/view';
import { keyContext } from '../ui/keys';
import type { Presentation, PresentationOptions } from './presentation.svelte';

export class PresentationHost {
  /** The presentation, once loaded. */
  presentation = $state.raw<Presentation | null>(null);
  /** The story editor is open (from the dashboard; on stage the presenter's bar opens its own). */
  storyOpen = $state(false);
  readonly #dashboard: DashboardState;
  readonly #options: PresentationOptions;
  #loading: Promise<Presentation> | null = null;
  #dispose: (() => void) | undefined;

  constructor(dashboard: DashboardState, options: PresentationOptions) {
    this.#dashboard = dashboard;
    this.#options = options;
    // A link to a scene presents at once.
    if (currentView().presenting) void this.load();
  }

  /** Is a presentation on stage? */
  get active(): boolean {
    return this.presentation?.active ?? false;
  }

  load(): Promise<Presentation> {
    this.#loading ??= import('./presentation.svelte').then(({ Presentation }) => {
      let created!: Presentation;
      // Its effects (the speaker view's channel) live as long as the dashboard.
      this.#dispose = $effect.root(() => {
        created = new Presentation(this.#dashboard, this.#options);
      });
      this.presentation = created;
      return created;
    });
    return this.#loading;
  }

  present(): void {
    void this.load().then((p) => p.enter());
  }

  openStory(): void {
    void this.load().then(() => (this.storyOpen = true));
  }

  /** Adds the view on screen to the story; what was added, in words. */
  addScene(): Promise<string> {
    return this.load().then((p) => p.addThisView());
  }

  /** Back or Forward into a presentation the page has not loaded yet (once loaded, it follows the address itself). */
  followAddress(): void {
    if (!this.presentation && currentView().presenting) void this.load().then((p) => p.followAddress());
  }

  /**
   * A clicker's keys move through the story wherever the focus is on stage (a matrix cell, a
   * marker): caught before the focused control sees them. Not in a dialog or a text field, and
   * Space still presses the presenter's own buttons (and is left alone with character shortcuts off).
   */
  onclicker(event: KeyboardEvent, characterShortcuts: boolean): void {
    const presentation = this.presentation;
    if (!presentation?.active || event.ctrlKey || event.metaKey || event.altKey || !presentation.isClicker(event.key))
      return;
    const where = keyContext(event.target);
    if (where === 'dialog' || where === 'text') return;
    if (event.key === ' ') {
      if (!characterShortcuts) return;
      if (event.target instanceof Element && event.target.closest('.presentation-bar')) return;
    }
    event.preventDefault();
    event.stopPropagation();
    presentation.onkey(event);
  }

  dispose(): void {
    this.#dispose?.();
  }
}
