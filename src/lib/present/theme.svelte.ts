/**
 * The projector themes: high contrast, dark and light, for a room's projector; switched from
 * the header or the presenter's bar. The document carries the theme (`data-theme`), which the
 * design tokens read.
 */
import { m } from '../i18n/i18n.svelte';

export type ProjectorTheme = 'projector-dark' | 'projector-light' | null;

const NEXT: Record<string, ProjectorTheme> = {
  standard: 'projector-dark',
  'projector-dark': 'projector-light',
  'projector-light': null,
};

export class ProjectorThemes {
  #theme = $state<ProjectorTheme>(null);

  get theme(): ProjectorTheme {
    return this.#theme;
  }

  /** The theme's name on its switch: Standard, Dark, Light (in the interface's language). */
  get label(): string {
    return this.#theme === 'projector-dark'
      ? m.present_theme_dark()
      : this.#theme === 'projector-light'
        ? m.present_theme_light()
        : m.present_theme_standard();
  }

  toggle(): void {
    this.#theme = NEXT[this.#theme ?? 'standard'] ?? null;
  }

  /** Puts the theme on the document (called from an effect: the document is not Svelte's). */
  apply(root: HTMLElement = document.documentElement): void {
    if (this.#theme) root.dataset.theme = this.#theme;
    else delete root.dataset.theme;
  }
}
