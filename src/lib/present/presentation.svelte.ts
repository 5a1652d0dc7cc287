/**
 * Presentation mode: on or off, the story's scenes and the current one. Loaded on demand (the
 * first Present, or a link to a scene). Moving to a scene restores that scene's filters; in between, the
 * presenter may still click to filter. The scene is in the address, so a reload resumes it.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the address is only read and written here, never rendered from. */
import type { Clause } from '../filters';
import type { DashboardState } from '../state/dashboard.svelte';
import { paramsToClauses } from '../state/url';
import { presentationChannel, type PresentationMessage } from './channel';
import { defaultStory, type Scene } from './story';

export class Presentation {
  active = $state(false);
  index = $state(0);
  scenes = $state.raw<Scene[]>([]);
  readonly #dashboard: DashboardState;
  readonly #beforeAddress: () => void;
  readonly #announce: (words: string) => void;
  /** The filters the user had before presenting: leaving gives them back. */
  #before: readonly Clause[] | null = null;
  /** When presenting began: the speaker view's timer counts from here. */
  #startedAt = Date.now();

  /**
   * `beforeAddress` runs before the scene is written to the address: the filters' own write
   * waits for the next task, and goes first, so the address never holds a scene with another
   * scene's filters.
   */
  constructor(
    dashboard: DashboardState,
    beforeAddress: () => void = () => {},
    announce: (words: string) => void = () => {},
  ) {
    this.#dashboard = dashboard;
    this.#beforeAddress = beforeAddress;
    this.#announce = announce;
    this.scenes = defaultStory(dashboard.dataset);
    // The speaker view: tell it the scene whenever it changes, and follow its next/previous.
    $effect(() => {
      const channel = presentationChannel(dashboard.dataset.meta.id);
      if (!channel) return;
      channel.onmessage = (event: MessageEvent<PresentationMessage>) => {
        if (event.data.type === 'go') this.go(event.data.index);
        else if (event.data.type === 'hello') this.#tellSpeakerView(channel);
      };
      this.#channel = channel;
      return () => channel.close();
    });
    $effect(() => {
      void this.index;
      void this.active;
      void this.scenes;
      if (this.#channel) this.#tellSpeakerView(this.#channel);
    });
    const params = new URLSearchParams(location.search);
    if (params.get('present') === '1') {
      this.active = true;
      this.index = this.#clamp(Number(params.get('scene') ?? 1) - 1);
      // A link to a scene with no filters of its own opens the scene as the story has it;
      // with filters, it resumes what the presenter had on screen.
      const filters = [...params.keys()].filter((k) => k !== 'present' && k !== 'scene' && k !== 'consultation');
      if (filters.length === 0) this.go(this.index);
      else if (this.scene) dashboard.stage = { view: this.scene.view, scene: this.index };
    }
  }

  #channel: BroadcastChannel | null = null;

  #tellSpeakerView(channel: BroadcastChannel): void {
    const message: PresentationMessage = {
      type: 'state',
      index: this.index,
      startedAt: this.#startedAt,
      scenes: this.scenes.map(({ title, notes }) => ({ title, notes })),
    };
    channel.postMessage(message);
  }

  /** Adds what is on screen now (its filters, the view on stage) as a scene after the current one. */
  addCurrentView(view: Scene['view'], filters: string): void {
    const n = this.scenes.length + 1;
    const scene: Scene = { id: `scene-${Date.now().toString(36)}`, title: `Scene ${n}`, filters, view, notes: '' };
    this.setScenes([...this.scenes.slice(0, this.index + 1), scene, ...this.scenes.slice(this.index + 1)]);
  }

  updateScene(i: number, change: Partial<Omit<Scene, 'id'>>): void {
    this.setScenes(this.scenes.map((scene, k) => (k === i ? { ...scene, ...change } : scene)));
  }

  moveScene(i: number, by: -1 | 1): void {
    const j = i + by;
    if (j < 0 || j >= this.scenes.length) return;
    const next = [...this.scenes];
    [next[i], next[j]] = [next[j]!, next[i]!];
    this.setScenes(next);
  }

  deleteScene(i: number): void {
    if (this.scenes.length > 1) this.setScenes(this.scenes.filter((_, k) => k !== i));
  }

  resetStory(): void {
    this.setScenes(defaultStory(this.#dashboard.dataset));
  }

  /** Replaces the story (edited or imported); the current scene stays in range. */
  setScenes(scenes: Scene[]): void {
    this.scenes = scenes;
    this.index = this.#clamp(this.index);
  }

  /** Opens the speaker view (current and next scene's notes, a timer) in a second window. */
  openSpeakerView(): void {
    const params = new URLSearchParams(location.search);
    for (const key of [...params.keys()]) if (key !== 'consultation') params.delete(key);
    params.set('speaker', '1');
    window.open(`${location.pathname}?${params}`, 'consultation-atlas-speaker', 'popup,width=900,height=700');
  }

  get scene(): Scene | undefined {
    return this.scenes[this.index];
  }

  #clamp(i: number): number {
    return Math.max(0, Math.min(this.scenes.length - 1, Number.isFinite(i) ? Math.trunc(i) : 0));
  }

  enter(): void {
    if (this.active) return;
    this.#before = this.#dashboard.clauses;
    this.active = true;
    this.#startedAt = Date.now();
    this.go(this.index);
    void document.documentElement.requestFullscreen?.().catch(() => {});
  }

  exit(): void {
    if (!this.active) return;
    this.active = false;
    this.#dashboard.stage = null;
    // The user's own filters come back; a presentation opened from a link had none before it.
    if (this.#before) this.#dashboard.restore(this.#before);
    this.#before = null;
    this.#writeAddress();
    this.#announce('Left presentation mode.');
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  }

  go(i: number): void {
    this.index = this.#clamp(i);
    const scene = this.scene;
    if (scene)
      this.#dashboard.restore(paramsToClauses(new URLSearchParams(scene.filters), this.#dashboard.lookup).clauses);
    this.#writeAddress();
    if (scene) {
      const { count, total } = this.#dashboard;
      this.#announce(
        `Scene ${this.index + 1} of ${this.scenes.length}: ${scene.title}. ${count} of ${total} messages.`,
      );
    }
  }

  next(): void {
    if (this.index < this.scenes.length - 1) this.go(this.index + 1);
  }

  previous(): void {
    if (this.index > 0) this.go(this.index - 1);
  }

  #writeAddress(): void {
    this.#beforeAddress();
    const params = new URLSearchParams(location.search);
    if (this.active) {
      params.set('present', '1');
      params.set('scene', String(this.index + 1));
    } else {
      params.delete('present');
      params.delete('scene');
    }
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }

  /**
   * The keys of presentation mode; true when the key was handled. The caller decides whether a
   * shortcut may act where the focus is (see ui/keys.ts); `p` and `?` are the dashboard's.
   */
  onkey(event: KeyboardEvent): boolean {
    const key = event.key;
    if (!this.active || event.ctrlKey || event.metaKey || event.altKey) return false;
    switch (key) {
      case 'ArrowRight':
      case 'PageDown':
      case ' ':
        this.next();
        return true;
      case 'ArrowLeft':
      case 'PageUp':
        this.previous();
        return true;
      case 'Home':
        this.go(0);
        return true;
      case 'End':
        this.go(this.scenes.length - 1);
        return true;
      case 's':
        this.openSpeakerView();
        return true;
      case 'Escape':
        this.exit();
        return true;
      default:
        return false;
    }
  }
}
