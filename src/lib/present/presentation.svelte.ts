/**
 * Presentation mode: on or off, the story's scenes, the current scene and its step, the
 * blackout and the message shown full-stage. Loaded on demand (the first Present, or a link
 * to a scene). Moving to a scene restores that scene's filters; in between, the presenter may
 * still click to filter. A scene whose messages do not fit on the stage is shown in steps: the
 * stage measures them and reports its pages (`setPages`). The scene and step are in the
 * address, so a reload resumes them; an edited story is kept in the browser, per consultation,
 * and can be shared as a link.
 *
 * State class: private fields, getters and named actions; nothing outside writes its fields.
 */
import { untrack } from 'svelte';
import type { Clause } from '../filters';
import { formatNumber } from '../i18n/format';
import { locale } from '../i18n/i18n.svelte';
import { m } from '../i18n/later.svelte';
import type { DashboardState } from '../state/dashboard.svelte';
import type { Source } from '../state/sources';
import { clausesToFilters, clausesToParams, paramsToClauses } from '../state/url';
import { titleOfFilters } from '../ui/describe';
import { currentView, EMPTY_VIEW, encodeView, viewHref, writeView, type View, type ViewSource } from '../state/view';
import { presentationChannel, speakerToken, type PresentationMessage } from './channel';
import { actionOf, isClickerKey, type PresentationAction } from './key-list';
import { defaultStory, stageViewOf, type Scene } from './story';
import { decodeStoryLink, encodeStoryLink, parseStory, storageKey, StoryTooLarge, storyToJson } from './story-file';

/** The transient first scene when presenting starts from a filtered dashboard. */
export const YOUR_VIEW = 'your-view';

/** Two filter strings (as an address writes them) that pick the same: the same parameters, in any order. */
function sameFilters(a: string, b: string): boolean {
  const sorted = (text: string) =>
    [...new URLSearchParams(text)]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
  return sorted(a) === sorted(b);
}

/** A scene id no other scene has (scenes keep theirs when moved, copied scenes get their own). */
let made = 0;
const newSceneId = () => `scene-${Date.now().toString(36)}-${(made++).toString(36)}`;

/** What the presentation needs from the page around it. */
export interface PresentationOptions {
  /** Says a change aloud (the page's live region). */
  announce?: (words: string) => void;
  /** Which consultation is on screen, as a link names it: a story link opens it. */
  source?: () => ViewSource;
  /** Writes the dashboard's own filters to the address now (before presenting takes an entry of its own). */
  flushAddress?: () => void;
  /** Holds the dashboard's own address writes until Back has arrived (leaving gives its entry back). */
  holdAddress?: () => void;
}

/**
 * What the browser keeps with the presentation's history entry (it survives a reload): the
 * filters the presenter had before presenting, as the address writes them, and whether this
 * page made the entry (then leaving is Back to the dashboard's own entry).
 */
interface EntryState {
  presenting?: { before: string; pushed: boolean };
}

const entryState = (): EntryState['presenting'] => (history.state as EntryState | null)?.presenting;

export class Presentation {
  #active = $state(false);
  #index = $state(0);
  /** The wanted step; shown clamped to the current scene's steps (`MAX` = its last). */
  #step = $state(0);
  /** The current scene's pages (message ids per step), as the stage measured them. */
  #pages = $state.raw<{ scene: string; pages: readonly (readonly string[])[] } | null>(null);
  #scenes = $state.raw<Scene[]>([]);
  /** The story is the one built from the dataset (not edited, imported or from a link): it follows the language. */
  #isDefault = false;
  #blackout = $state(false);
  #expanded = $state<string | null>(null);
  readonly #dashboard: DashboardState;
  readonly #announce: (words: string) => void;
  readonly #source: () => ViewSource;
  readonly #flushAddress: () => void;
  readonly #holdAddress: () => void;
  /**
   * The address's `story=`: the story a link brought, kept while it is the one on hand (unedited),
   * so a reload or a copied link still has it; kept too when it could not be read (and said so).
   */
  #storyParam: string | null = currentView().story;
  /** What the presenter should know about the link this presentation came from (shown on stage). */
  #notice = $state<string | null>(null);
  /** The channel the speaker view of this window hears on (kept across a reload of this window). */
  readonly #token = speakerToken();
  /** The filters the user had before presenting: leaving gives them back. */
  #before: readonly Clause<Source>[] | null = null;
  /** When presenting began: the speaker view's timer counts from here. */
  #startedAt = $state(Date.now());
  #channel: BroadcastChannel | null = null;
  /** The speaker view this window opened: it closes when the presentation ends, as the stage does. */
  #speaker: Window | null = null;

  constructor(dashboard: DashboardState, options: PresentationOptions = {}) {
    this.#dashboard = dashboard;
    this.#announce = options.announce ?? (() => {});
    this.#source = options.source ?? (() => currentView().source);
    this.#flushAddress = options.flushAddress ?? (() => {});
    this.#holdAddress = options.holdAddress ?? (() => {});
    const stored = this.#storedStory();
    this.#isDefault = !stored;
    this.#scenes = stored ?? defaultStory(dashboard.dataset);

    // A language switch rewords the default story and the "Your view" scene (an edited story is the user's words).
    let language = locale();
    $effect(() => {
      const next = locale();
      if (next === language) return;
      language = next;
      untrack(() => this.#reword());
    });

    // The speaker view: told the scene and step whenever they change; its keys act here. It
    // gets the consultation itself from here, so it works for one opened from a file too.
    $effect(() => {
      const channel = presentationChannel(this.#token);
      if (!channel) return;
      channel.onmessage = (event: MessageEvent<PresentationMessage>) => {
        const message = event.data;
        if (message.type === 'go') this.go(message.index);
        else if (message.type === 'key') this.act(actionOf(message.key));
        else if (message.type === 'hello') {
          channel.postMessage({ type: 'dataset', dataset: dashboard.dataset } satisfies PresentationMessage);
          this.#tellSpeakerView();
        }
      };
      this.#channel = channel;
      return () => {
        channel.close();
        this.#channel = null;
      };
    });
    $effect(() => this.#tellSpeakerView());

    // Back and Forward: an address without presenting leaves; one with a scene goes there.
    $effect(() => {
      const onpopstate = () => this.followAddress();
      window.addEventListener('popstate', onpopstate);
      return () => window.removeEventListener('popstate', onpopstate);
    });

    const view = currentView();
    if (view.story) void this.#openLink(view.story);
    if (view.presenting) {
      this.#resume();
      this.#index = this.#clamp(view.presenting.scene - 1);
      this.#step = view.presenting.step - 1;
      // A link to a scene with no filters of its own opens the scene as the story has it;
      // with filters, it resumes what the presenter had on screen.
      if (Object.keys(view.filters).length === 0 && view.message === null) this.go(this.#index, this.#step);
      else this.#setStage();
    }
  }

  /**
   * Presenting again at an entry the browser kept (a reload, Forward): the presenter's own
   * filters and the "Your view" scene come back from the entry; an entry from a link (another
   * browser) had no filters before it, and is marked so.
   */
  #resume(): void {
    this.#active = true;
    this.#startedAt = Date.now();
    const kept = entryState();
    if (!kept)
      history.replaceState({ ...(history.state as object | null), presenting: { before: '', pushed: false } }, '');
    const before = kept?.before ?? '';
    const dashboard = this.#dashboard;
    const parsed = paramsToClauses(before, dashboard.lookup, dashboard.regions?.regionCodes);
    this.#before = parsed.clauses;
    // A world region among them: read again once the regions have loaded.
    if (parsed.needsRegions)
      void dashboard.loadRegions().then((regions) => {
        if (this.#active) this.#before = paramsToClauses(before, dashboard.lookup, regions.regionCodes).clauses;
      });
    this.#withYourView(before);
  }

  /** From a filtered dashboard the story starts on what the user was looking at ("Your view"). */
  #withYourView(filters: string): void {
    if (filters && this.#scenes[0]?.id !== YOUR_VIEW)
      this.#scenes = [
        { id: YOUR_VIEW, title: m.story_your_view(), filters, view: 'messages', notes: '' },
        ...this.#scenes,
      ];
  }

  /** Follows the address after Back or Forward: leaves, or shows the scene and step it names. */
  followAddress(): void {
    const presenting = currentView().presenting;
    if (!presenting) {
      // The filters are the address's own (the dashboard reads them): nothing to give back.
      if (this.#active) this.#leave();
      return;
    }
    if (!this.#active) this.#resume();
    if (presenting.scene - 1 !== this.#index || presenting.step - 1 !== this.step)
      this.go(presenting.scene - 1, presenting.step - 1);
  }

  /** What the presenter should know about this presentation's link (a story that could not be read). */
  get notice(): string | null {
    return this.#notice;
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  get active(): boolean {
    return this.#active;
  }

  get index(): number {
    return this.#index;
  }

  get scenes(): readonly Scene[] {
    return this.#scenes;
  }

  get scene(): Scene | undefined {
    return this.#scenes[this.#index];
  }

  /** The current scene's steps (1 until the stage has measured it). */
  get steps(): number {
    return Math.max(1, this.#measuredPages?.length ?? 1);
  }

  /** The stage's steps for the current scene, once it has measured them. */
  get #measuredPages(): readonly (readonly string[])[] | null {
    const pages = this.#pages;
    return pages && pages.scene === this.scene?.id ? pages.pages : null;
  }

  /** Has the stage measured the current scene into steps (a scene of words; a view alone has one step)? */
  get measured(): boolean {
    return this.#measuredPages !== null;
  }

  get step(): number {
    return Math.min(this.#step, this.steps - 1);
  }

  /** The message ids shown at the current step, once measured. */
  get onStage(): readonly string[] {
    return this.#measuredPages?.[this.step] ?? [];
  }

  get blackedOut(): boolean {
    return this.#blackout;
  }

  /** The message shown full-stage, if any. */
  get expanded(): string | null {
    return this.#expanded;
  }

  /** How far through the story, 0–1, counting the current scene's steps. */
  get progress(): number {
    return (this.#index + (this.step + 1) / this.steps) / Math.max(1, this.#scenes.length);
  }

  // ——— moving through the story ———

  /** The stage is being walked into slides: the dialog that asked stays open over it. */
  recording = $state(false);
  /** While recording on a screen smaller than a laptop's: the stage is laid out in a 16:9 frame of 1280 × 720 (Dashboard.svelte). */
  framed = $state(false);

  /**
   * Presenting starts: an entry of its own in the browser's history (Back leaves it), which keeps
   * the presenter's filters; from a filtered dashboard the story starts on "Your view".
   * `fullscreen`: asks the browser for the whole screen (not when the stage is only walked into slides).
   */
  enter({ fullscreen = true }: { fullscreen?: boolean } = {}): void {
    if (this.#active) return;
    this.#flushAddress();
    this.#before = this.#dashboard.clauses;
    this.#active = true;
    this.#startedAt = Date.now();
    const yours = clausesToParams(this.#before).toString();
    history.pushState(
      { ...(history.state as object | null), presenting: { before: yours, pushed: true } },
      '',
      location.href,
    );
    // Filters that are a scene's own (a story just built from them): the story as it is, from its start.
    const ownScene = yours !== '' && this.#scenes.some((scene) => sameFilters(scene.filters, yours));
    if (ownScene) this.go(0);
    else {
      this.#withYourView(yours);
      if (this.#scenes[0]?.id === YOUR_VIEW && yours) this.go(0);
      else this.go(this.#index, this.#step);
    }
    if (fullscreen) void document.documentElement.requestFullscreen?.().catch(() => {});
  }

  /**
   * Presenting ends, and the presenter's own filters come back. Its entry goes with it (Back, to
   * the dashboard's own entry); a presentation opened from a link, with no entry before it, gives
   * its entry to the dashboard instead, with the filters it had before: none.
   */
  exit(): void {
    if (!this.#active) return;
    const before = this.#before ?? [];
    const pushed = entryState()?.pushed === true;
    this.#leave();
    this.#dashboard.restore(before);
    if (pushed) {
      this.#holdAddress();
      history.back();
    } else {
      const { presenting: _gone, ...rest } = (history.state as EntryState | null) ?? {};
      history.replaceState(rest, '');
      this.#writeAddress();
    }
    if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  }

  /** Presenting ends: the stage, its scene list and its speaker window go. */
  #leave(): void {
    this.#active = false;
    this.#blackout = false;
    this.#expanded = null;
    if (this.#scenes[0]?.id === YOUR_VIEW) {
      this.#scenes = this.#scenes.slice(1);
      this.#index = this.#clamp(this.#index - 1);
    }
    this.#dashboard.setStage(null);
    this.#before = null;
    this.#announce(m.present_left());
    this.#speaker?.close();
    this.#speaker = null;
  }

  /** Shows scene `i` at `step` (0 = its first, 'last' = its last once measured). */
  go(i: number, step: number | 'last' = 0): void {
    this.#index = this.#clamp(i);
    this.#step = step === 'last' ? Number.MAX_SAFE_INTEGER : Math.max(0, step);
    this.#expanded = null;
    const scene = this.scene;
    if (scene) {
      const dashboard = this.#dashboard;
      const parsed = paramsToClauses(scene.filters, dashboard.lookup, dashboard.regions?.regionCodes);
      // A scene with a world region: shown again once the regions have loaded.
      if (parsed.needsRegions) void dashboard.loadRegions().then(() => this.scene === scene && this.go(i, step));
      dashboard.restore(parsed.clauses);
    }
    this.#setStage();
    this.#writeAddress();
    if (scene) {
      const { count, total } = this.#dashboard;
      this.#announce(
        m.present_scene_announce({
          n: this.#index + 1,
          total: this.#scenes.length,
          title: scene.title,
          count: formatNumber(count),
          all: formatNumber(total),
        }),
      );
    }
  }

  /** The next step, or the next scene's first. */
  next(): void {
    if (this.step < this.steps - 1) this.#toStep(this.step + 1);
    else if (this.#index < this.#scenes.length - 1) this.go(this.#index + 1);
    else this.#announce(m.present_story_end());
  }

  /** The previous step, or the previous scene's last. */
  previous(): void {
    if (this.step > 0) this.#toStep(this.step - 1);
    else if (this.#index > 0) this.go(this.#index - 1, 'last');
    else this.#announce(m.present_story_start());
  }

  #toStep(step: number): void {
    this.#step = step;
    this.#expanded = null;
    this.#setStage();
    this.#writeAddress();
    this.#announce(m.present_step_announce({ n: step + 1, total: this.steps }));
  }

  /** The stage's pages for a scene (message ids per step), measured at the stage's size. */
  setPages(scene: string, pages: readonly (readonly string[])[]): void {
    this.#pages = { scene, pages };
    if (scene !== this.scene?.id) return;
    if (this.#step !== Number.MAX_SAFE_INTEGER && this.#step >= pages.length)
      this.#step = Math.max(0, pages.length - 1);
    this.#setStage();
    // Measured: the address now names the step shown (a step asked for before, it kept), if it
    // still names this scene (Back may have left the presentation's entry meanwhile).
    if (this.#active && currentView().presenting?.scene === this.#index + 1) this.#writeAddress();
  }

  blackout(): void {
    this.#blackout = !this.#blackout;
    this.#announce(this.#blackout ? m.present_blackout_on() : m.present_blackout_off());
  }

  expand(id: string): void {
    this.#expanded = id;
  }

  collapse(): void {
    this.#expanded = null;
  }

  /** Does what a key (or the speaker view's key) stands for; true when it did something. */
  act(action: PresentationAction | undefined): boolean {
    if (!this.#active || !action) return false;
    // As reveal.js does: on a blacked-out screen a key that moves only brings the screen back,
    // so the room sees every step.
    if (this.#blackout && (action === 'next' || action === 'previous' || action === 'first' || action === 'last')) {
      this.blackout();
      return true;
    }
    switch (action) {
      case 'next':
        this.next();
        break;
      case 'previous':
        this.previous();
        break;
      case 'first':
        this.go(0);
        break;
      case 'last':
        this.go(this.#scenes.length - 1);
        break;
      case 'blackout':
        this.blackout();
        break;
      case 'speaker':
        this.openSpeakerView();
        break;
      case 'exit':
        if (this.#blackout) this.#blackout = false;
        else if (this.#expanded) this.collapse();
        else this.exit();
        break;
    }
    return true;
  }

  /** Is this one of a clicker's keys (they move through the story wherever the focus is on stage)? */
  isClicker(key: string): boolean {
    return isClickerKey(key);
  }

  /** The keys of presentation mode (one table, see key-list.ts); true when the key was handled. */
  onkey(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    return this.act(actionOf(event.key));
  }

  // ——— the story ———

  /**
   * Adds what is on screen now (its filters, the view on stage) as a scene. Presenting, it goes
   * after the current scene and is shown at once; from the dashboard it goes at the story's end.
   * Either way, scenes added one after another come in the order added.
   */
  addCurrentView(view: Scene['view'], filters: string, title: string): string {
    const scene: Scene = { id: newSceneId(), title, filters, view, notes: '' };
    const at = this.#active ? this.#index + 1 : this.#scenes.length;
    this.#edit([...this.#scenes.slice(0, at), scene, ...this.#scenes.slice(at)], this.scene);
    if (this.#active) this.go(at);
    // No message, and no place, region or person whose facts the stage shows instead: empty.
    const empty = untrack(() => this.#dashboard.count) === 0 && !this.#aboutPlaces();
    const words = `${m.story_added({ title, n: at + 1, total: this.#scenes.length })}${empty ? ` ${m.story_added_empty()}` : ''}`;
    this.#announce(words);
    return words;
  }

  /** A place, a region or a person picked: a scene of the map, with their facts beside it. */
  #aboutPlaces(): boolean {
    return untrack(() => this.#dashboard.clauses).some(
      (c) => c.kind === 'set' && (c.field === 'place' || c.field === 'region' || c.field === 'person'),
    );
  }

  /** The view on screen as a scene: its stage layout (the scene's, on stage), its filters, its name from them. */
  #thisView(): [Scene['view'], string, string] {
    const dashboard = this.#dashboard;
    const clauses = untrack(() => dashboard.clauses);
    return [
      (this.#active ? this.scene?.view : undefined) ?? (this.#aboutPlaces() ? 'map' : 'messages'),
      clausesToParams(clauses).toString(),
      titleOfFilters(clauses, dashboard.lookup, dashboard.regions?.regionName),
    ];
  }

  /** Adds the view on screen as a scene (see `addCurrentView`); what was added, in words. */
  addThisView(): string {
    return this.addCurrentView(...this.#thisView());
  }

  /** A new story whose first scene is the view on screen (Undo gives the story it replaced back). */
  newStoryFromView(): void {
    const [view, filters, title] = this.#thisView();
    const before = this.#scenes.filter((scene) => scene.id !== YOUR_VIEW).length;
    this.#keepForUndo(m.story_replaced({ count: before }));
    const scene: Scene = { id: newSceneId(), title, filters, view, notes: '' };
    this.#edit([...this.#yourView(), scene], scene);
    if (this.#active) this.go(this.#index);
    this.#announce(m.story_new_announce({ title }));
  }

  updateScene(i: number, change: Partial<Omit<Scene, 'id'>>): void {
    this.#edit(
      this.#scenes.map((scene, k) => (k === i ? { ...scene, ...change } : scene)),
      this.scene,
    );
  }

  /**
   * Moves scene `i` to position `to` (both from 0); the scene on stage stays on stage. "Your
   * view" (the presenter's own filters, first while presenting) stays first.
   */
  moveSceneTo(i: number, to: number): void {
    const first = this.#scenes[0]?.id === YOUR_VIEW ? 1 : 0;
    const j = Math.max(first, Math.min(this.#scenes.length - 1, to));
    if (i === j || i < first || i >= this.#scenes.length) return;
    const next = [...this.#scenes];
    const [moved] = next.splice(i, 1);
    next.splice(j, 0, moved!);
    this.#edit(next, this.scene);
    this.#announce(m.story_moved({ title: moved!.title, n: j + 1, total: next.length }));
  }

  moveScene(i: number, by: -1 | 1): void {
    this.moveSceneTo(i, i + by);
  }

  /** A copy of scene `i`, after it; the scene on stage stays on stage. */
  duplicateScene(i: number): void {
    const scene = this.#scenes[i];
    if (!scene) return;
    const copy: Scene = { ...scene, id: newSceneId(), title: m.story_copy_title({ title: scene.title }) };
    this.#edit([...this.#scenes.slice(0, i + 1), copy, ...this.#scenes.slice(i + 1)], this.scene);
    this.#announce(m.story_added({ title: copy.title, n: i + 2, total: this.#scenes.length }));
  }

  /** What Undo would undo, in words (a deleted scene, a story replaced), and the story before it. */
  #undo = $state.raw<{ words: string; scenes: Scene[]; current: Scene | undefined; back: Scene | undefined } | null>(
    null,
  );

  /** What Undo would undo, in words; null when there is nothing to undo. */
  get undoable(): string | null {
    return this.#undo?.words ?? null;
  }

  /** Keeps the story as it is for Undo; `back` is the scene Undo brings back (a deleted one), if any. */
  #keepForUndo(words: string, back?: Scene): void {
    this.#undo = { words, scenes: this.#scenes, current: this.scene, back };
  }

  /** Deletes scene `i` (never the last one left); Undo puts it back. */
  deleteScene(i: number): void {
    const scene = this.#scenes[i];
    if (!scene || this.#scenes.length <= 1) return;
    const current = this.scene;
    this.#keepForUndo(m.story_deleted({ title: scene.title }), scene);
    this.#edit(
      this.#scenes.filter((_, k) => k !== i),
      current === scene ? (this.#scenes[i + 1] ?? this.#scenes[i - 1]) : current,
    );
    if (this.#active && current === scene) this.go(this.#index);
    this.#announce(m.story_deleted_undo({ title: scene.title }));
  }

  /** Puts back the story as it was before the last delete or new story; returns the position of the scene it brings back (else the current one). */
  undo(): number {
    const kept = this.#undo;
    if (!kept) return -1;
    const shownBefore = this.scene;
    this.#edit(kept.scenes, kept.current);
    this.#undo = null;
    if (this.#active && this.scene !== shownBefore) this.go(this.#index);
    this.#announce(m.story_undone({ words: kept.words }));
    return kept.back ? this.#scenes.indexOf(kept.back) : this.#index;
  }

  /** Back to the story built from the dataset; the kept one is forgotten. */
  resetStory(): void {
    this.#undo = null;
    this.setScenes(defaultStory(this.#dashboard.dataset));
    if (!this.#active) writeView({ story: null }, 'replace');
    this.#isDefault = true;
    try {
      localStorage.removeItem(storageKey(this.#dashboard.dataset.meta.id));
    } catch {
      // Nothing was kept.
    }
  }

  /** Replaces the story (edited or imported) and keeps it in the browser; the scene stays in range. */
  setScenes(scenes: Scene[]): void {
    this.#undo = null;
    this.#edit(scenes, undefined);
  }

  /** The "Your view" scene while presenting from a filtered dashboard (it stays first). */
  #yourView(): Scene[] {
    return this.#scenes[0]?.id === YOUR_VIEW ? [this.#scenes[0]] : [];
  }

  /**
   * An edit of the story: the new scenes, kept in this browser; `current` (by id) stays the
   * scene on stage where it is still in the story, else the scene at the same position. The
   * address and the stage follow while presenting.
   */
  #edit(scenes: Scene[], current: Scene | undefined): void {
    const at = current ? scenes.findIndex((scene) => scene.id === current.id) : -1;
    this.#scenes = scenes;
    this.#isDefault = false;
    // Edited, the story is kept in this browser: the address no longer carries the link's.
    this.#storyParam = null;
    this.#index = this.#clamp(at >= 0 ? at : this.#index);
    this.#keep();
    if (this.#active) {
      this.#setStage();
      this.#writeAddress();
    }
  }

  /** The story as a file's text (the transient "Your view" scene left out). */
  storyJson(): string {
    return storyToJson(this.#dashboard.dataset.meta.id, this.#story());
  }

  /**
   * A link that opens this story, presenting, from its first scene, in this language; null when
   * the consultation came from a file, which a link cannot carry (the offline file can).
   */
  async shareLink(): Promise<string | null> {
    const source = this.#source();
    if (source.kind === 'file') return null;
    const here = currentView();
    return viewHref({
      ...EMPTY_VIEW,
      source,
      lang: here.lang,
      presenting: { scene: 1, step: 1 },
      story: await encodeStoryLink(this.storyJson()),
    });
  }

  /** The speaker view's address: this window's channel, in the presenter's language. */
  speakerAddress(): string {
    const here = currentView();
    return viewHref({ ...EMPTY_VIEW, speaker: this.#token, lang: here.lang, pseudo: here.pseudo });
  }

  /** Opens the speaker view (current and next step's headline and notes, a timer) in a second window. */
  openSpeakerView(): void {
    this.#speaker = window.open(this.speakerAddress(), 'consultation-atlas-speaker', 'popup,width=900,height=700');
  }

  #story(): Scene[] {
    return this.#scenes.filter((s) => s.id !== YOUR_VIEW);
  }

  #keep(): void {
    try {
      localStorage.setItem(storageKey(this.#dashboard.dataset.meta.id), this.storyJson());
    } catch {
      // Private windows may refuse storage: the story then lasts for this page only.
    }
  }

  #storedStory(): Scene[] | null {
    try {
      const text = localStorage.getItem(storageKey(this.#dashboard.dataset.meta.id));
      if (!text) return null;
      const parsed = parseStory(text, this.#dashboard.dataset.meta.id, this.#dashboard.lookup);
      return parsed.ok ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async #openLink(encoded: string): Promise<void> {
    let text: string | null = null;
    let tooLarge = false;
    try {
      text = await decodeStoryLink(encoded);
    } catch (error) {
      tooLarge = error instanceof StoryTooLarge;
    }
    const parsed = text ? parseStory(text, this.#dashboard.dataset.meta.id, this.#dashboard.lookup) : null;
    if (!parsed?.ok) {
      // Said, and shown where the presenter looks: on stage, or on the dashboard.
      this.#notice = tooLarge ? m.present_link_too_large() : m.present_link_unreadable();
      this.#announce(this.#notice);
      return;
    }
    this.#scenes = parsed.data;
    this.#isDefault = false;
    this.#index = this.#clamp(this.#index);
    if (this.#active) this.go(this.#index, this.#step);
  }

  /** The default story and the "Your view" scene, worded again in the current language. */
  #reword(): void {
    const first = this.#scenes[0];
    const yours = first?.id === YOUR_VIEW ? [{ ...first, title: m.story_your_view() }] : [];
    const story = this.#isDefault ? defaultStory(this.#dashboard.dataset) : this.#story();
    if (!this.#isDefault && yours.length === 0) return;
    this.#scenes = [...yours, ...story];
  }

  #clamp(i: number): number {
    return Math.max(0, Math.min(this.#scenes.length - 1, Number.isFinite(i) ? Math.trunc(i) : 0));
  }

  /** Tells the views what is on stage, so the map frames each scene's places anew and names this step's. */
  #setStage(): void {
    // Showing a scene from the story editor on the dashboard restores its filters, never the stage.
    if (!this.#active) {
      this.#dashboard.setStage(null);
      return;
    }
    const scene = this.scene;
    const places = this.onStage.flatMap((id) => this.#dashboard.lookup.messages.get(id)?.placeIds ?? []);
    this.#dashboard.setStage(scene ? { view: stageViewOf(scene.view), scene: this.#index, places } : null);
  }

  #tellSpeakerView(): void {
    const message: PresentationMessage = {
      type: 'state',
      active: this.#active,
      index: this.#index,
      step: this.step,
      steps: this.steps,
      onStage: [...this.onStage],
      nextOnStage:
        this.#pages && this.#pages.scene === this.scene?.id ? [...(this.#pages.pages[this.step + 1] ?? [])] : [],
      startedAt: this.#startedAt,
      scenes: this.#scenes.map(({ title, notes, filters }) => ({ title, notes, filters })),
      view: encodeView(currentView()).toString(),
    };
    this.#channel?.postMessage(message);
  }

  /**
   * The presentation in the address: the scene, the step (the one asked for, until the stage has
   * measured its steps), the story a link brought, and the filters on screen, in one write that
   * replaces the page's entry: a presentation is one entry, so Back never walks through its
   * scenes' filters, and leaving gives the entry back its own filters.
   */
  #writeAddress(): void {
    const measured = this.#pages !== null && this.#pages.scene === this.scene?.id;
    const step = measured || this.#step === Number.MAX_SAFE_INTEGER ? this.step : this.#step;
    const dashboard = this.#dashboard;
    const change: Partial<View> = {
      presenting: this.#active ? { scene: this.#index + 1, step: step + 1 } : null,
      story: this.#storyParam,
      filters: clausesToFilters(untrack(() => dashboard.clauses)),
      message: untrack(() => dashboard.openMessage),
    };
    writeView(change, 'replace');
  }
}
