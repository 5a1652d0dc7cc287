/**
 * The consultations a user can open: the bundled ones (`data/index.json`), the ones opened
 * lately (remembered in this browser), and any file or address. Opening one loads and checks it
 * first: the consultation on screen stays until the new one is valid, and a failure is kept
 * for the page to show, with each problem's place.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import { getContext, setContext, tick } from 'svelte';
import type { QueryClient } from '@tanstack/svelte-query';
import type { ConsultationIndex, Dataset } from '../data/schema';
import { DatasetError } from '../data/fetchers';
import type { Progress } from '../data/remote';
import { sourceKey, sourceQuery, type DatasetSource } from '../data/sources';
import type { Draft } from '../report/structure';
import { NO_TEXT_FILE, REPORT_FILE } from '../report/files';
import { prepareInParts } from './prepare';
import { currentView, EMPTY_VIEW, writeView, type View, type ViewSource } from './view';

/**
 * A consultation's query: loaded and checked (`sourceQuery`), then, when it is big, its
 * dashboard's first build made in parts (`prepare.ts`) while the page still says it is loading.
 */
export function datasetQuery(source: DatasetSource | undefined, onProgress?: Progress, signal?: AbortSignal) {
  const query = sourceQuery(source, onProgress, signal);
  return {
    ...query,
    queryFn: async () => {
      const dataset = await query.queryFn();
      await prepareInParts(dataset, signal);
      return dataset;
    },
  };
}

const RECENT_KEY = 'consultation-atlas:recent';
/** How many recent ones are kept, and the largest file kept with them (a browser keeps about 5 MB). */
const RECENT_MAX = 6;
const RECENT_FILE_CHARS = 1_500_000;

function readRecent(): DatasetSource[] {
  try {
    const list: unknown = JSON.parse(globalThis.localStorage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter(isSource) : [];
  } catch {
    return [];
  }
}

function isSource(value: unknown): value is DatasetSource {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const text = (key: string) => typeof v[key] === 'string';
  return (
    (v.kind === 'bundled' && text('id') && text('file') && text('title')) ||
    (v.kind === 'address' && text('url')) ||
    (v.kind === 'file' && text('name') && text('text'))
  );
}

/** How a view names a consultation the app has opened. */
export function viewSourceOf(source: DatasetSource): ViewSource {
  if (source.kind === 'bundled') return { kind: 'bundled', id: source.id };
  if (source.kind === 'address') return { kind: 'address', url: source.url };
  return { kind: 'file', key: sourceKey(source).slice('file:'.length) };
}

export const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How far the consultation being opened has come: its bytes, then the messages being checked (a big one). */
export interface LoadProgress {
  loaded: number;
  total: number | null;
  /** What is being checked, in words. */
  checking?: string | undefined;
}

export class ConsultationLibrary {
  readonly #client: QueryClient;
  #current = $state.raw<DatasetSource | undefined>(undefined);
  #recent = $state.raw<DatasetSource[]>(readRecent());
  #bundled = $state.raw<DatasetSource[]>([]);
  #opening = $state.raw<DatasetSource | null>(null);
  #failure = $state.raw<{ source: DatasetSource; error: Error } | null>(null);
  /** How much of the consultation being loaded has arrived (bytes), while it loads. */
  #progress = $state.raw<LoadProgress | null>(null);
  #review = $state.raw<{ name: string; draft: Draft } | null>(null);
  /** Stops the consultation being opened, when the user cancels it. */
  #abort: AbortController | null = null;
  /** Stops the first consultation's loading (the page's first), when the user cancels it. */
  readonly #startAbort = new AbortController();
  /** Reports the bytes that arrive, for the page to show how far a big consultation has come. */
  readonly onProgress: Progress = (loaded, total, checking) => (this.#progress = { loaded, total, checking });

  constructor(client: QueryClient) {
    this.#client = client;
  }

  /** The consultation on screen (undefined until the list of consultations has loaded). */
  get current(): DatasetSource | undefined {
    return this.#current;
  }
  /** The one being loaded and checked, while it is. */
  get opening(): DatasetSource | null {
    return this.#opening;
  }
  /** Bytes arrived of the consultation being loaded, while one is. */
  get progress(): LoadProgress | null {
    return this.#progress;
  }
  /** The last one that could not be opened, and why. */
  get failure(): { source: DatasetSource; error: Error } | null {
    return this.#failure;
  }
  /** The bundled consultations, then the recent ones not among them: what the picker lists. */
  get choices(): DatasetSource[] {
    const keys = this.#bundled.map(sourceKey);
    return [...this.#bundled, ...this.#recent.filter((s) => !keys.includes(sourceKey(s)))];
  }
  isCurrent(source: DatasetSource): boolean {
    return this.#current !== undefined && sourceKey(this.#current) === sourceKey(source);
  }

  /**
   * The first consultation: the address's (`?data=<address>`, else `?consultation=<id>`), else
   * the first bundled one. Shown at once: there is nothing on screen to keep.
   */
  start(index: ConsultationIndex, view: View): void {
    this.#bundled = index.consultations.map((c) => ({ kind: 'bundled', id: c.id, file: c.file, title: c.title }));
    this.#current = this.#sourceOf(view);
    this.unknownId = this.#unknownOf(view);
  }

  /** A bundled consultation the address names that this app does not have (the first is shown instead). */
  unknownId = $state<string | null>(null);

  /** The bundled consultation an address names that this app does not have, if any. */
  #unknownOf({ source }: View): string | null {
    return source.kind === 'bundled' && !this.#bundled.some((s) => s.kind === 'bundled' && s.id === source.id)
      ? source.id
      : null;
  }

  /** The consultation an address names, as the library knows it (the first bundled one for a name it lacks). */
  #sourceOf(view: View): DatasetSource | undefined {
    const { source } = view;
    if (source.kind === 'address') return { kind: 'address', url: source.url };
    if (source.kind === 'file') {
      // A file opened lately in this browser opens again; one opened elsewhere cannot be, and says so.
      const kept = this.#recent.find((s) => s.kind === 'file' && sourceKey(s) === `file:${source.key}`);
      return (
        kept ?? {
          kind: 'file',
          // "name:fingerprint"; a key with no fingerprint is a name alone.
          name: source.key.includes(':') ? source.key.slice(0, source.key.lastIndexOf(':')) : source.key,
          text: '',
        }
      );
    }
    const named = source.kind === 'bundled' && this.#bundled.find((s) => s.kind === 'bundled' && s.id === source.id);
    return named || this.#bundled[0];
  }

  /** Does this page's address name the consultation on screen? */
  namesCurrent(): boolean {
    return this.addressNames(this.#current);
  }

  /** Does this page's address (`view`, read from it) name `source` (a consultation shown now, or one being put away)? */
  addressNames(source: DatasetSource | undefined, view: View = currentView()): boolean {
    const named = this.#sourceOf(view);
    return !named || !source || sourceKey(named) === sourceKey(source);
  }

  /**
   * Back or Forward to an address that names another consultation: it opens, its filters with
   * it (the address is left as it is, for the dashboard to read).
   */
  followAddress(): void {
    if (this.namesCurrent()) return;
    const view = currentView();
    const named = this.#sourceOf(view);
    this.unknownId = this.#unknownOf(view);
    if (named) void this.open(named, false);
  }

  /** The bundled consultation shown when the address names none. */
  get first(): DatasetSource | undefined {
    return this.#bundled[0];
  }

  /**
   * Loads and checks a consultation; only a valid one replaces the one on screen. It takes a new
   * history entry (Back gives the one before), unless Back or Forward brought its address.
   */
  async open(source: DatasetSource, write = true): Promise<boolean> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#opening = source;
    this.#failure = null;
    this.#progress = null;
    try {
      const dataset = await this.#client.fetchQuery(datasetQuery(source, this.onProgress, abort.signal));
      if (abort.signal.aborted) return false;
      this.#opening = null;
      this.#progress = null;
      // The address opens this consultation again, in the same language, with none of the last one's filters.
      if (globalThis.history && write)
        writeView(
          { ...EMPTY_VIEW, source: viewSourceOf(source), lang: currentView().lang, pseudo: currentView().pseudo },
          'push',
        );
      this.#current = source;
      this.remember(source, dataset);
      return true;
    } catch (error) {
      // Cancelled: nothing went wrong, and another may be opening already.
      if (abort.signal.aborted) {
        this.#client.removeQueries({ queryKey: sourceQuery(source).queryKey, exact: true });
        return false;
      }
      this.#opening = null;
      this.#progress = null;
      this.#failure = { source, error: error as Error };
      return false;
    }
  }

  /** Aborts the first consultation's loading (see `cancelStart`). */
  get startSignal(): AbortSignal {
    return this.#startAbort.signal;
  }

  /** Stops loading the first consultation: the page then says so, with the ways on. */
  cancelStart(): void {
    this.#startAbort.abort();
  }

  /** Stops opening a consultation: the one on screen stays, with nothing to say. */
  cancel(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#opening = null;
    this.#progress = null;
  }

  /** Keeps a consultation that loaded among the recent ones, named by its title. */
  remember(source: DatasetSource, dataset: Dataset): void {
    const named = { ...source, title: dataset.meta.title } as DatasetSource;
    if (named.kind === 'file' && named.text.length > RECENT_FILE_CHARS) return;
    const key = sourceKey(named);
    this.#recent = [named, ...this.#recent.filter((s) => sourceKey(s) !== key)].slice(0, RECENT_MAX);
    try {
      globalThis.localStorage?.setItem(RECENT_KEY, JSON.stringify(this.#recent));
    } catch {
      // Storage full or refused: the list lasts as long as the page.
    }
  }

  /**
   * A file the user picked or dropped: a consultation's .json file, or a workbook (.xlsx),
   * which is read and checked first, off the page's thread, its problems named by their cells.
   */
  async openFile(file: File): Promise<boolean> {
    const source: DatasetSource = { kind: 'file', name: file.name, text: '' };
    if (REPORT_FILE.test(file.name) || NO_TEXT_FILE.test(file.name)) return this.openReport(file);
    let content;
    try {
      // What the file is, by its bytes (and refused over the size limit before it is read).
      const { contentOf } = await import('../data/remote');
      content = await contentOf(file, file.name, 'file');
    } catch (error) {
      this.#failure = { source, error: error as Error };
      return false;
    }
    if (content.kind === 'workbook') return this.#openWorkbook(file);
    return this.open({ kind: 'file', name: file.name, text: content.text });
  }

  /**
   * A consultation's report (.docx, .md or .txt): read off the page's thread into a draft, which
   * the review screen then shows in place of the dashboard. Nothing is opened until the staffer
   * has reviewed the draft and opens the dataset made of it.
   */
  async openReport(file: File): Promise<boolean> {
    const draft = await this.#read(file, async (signal) => {
      // The reader, its words and its worker load now, never with the page.
      const { readReportFile } = await import('../report/report-client');
      return readReportFile(file, signal, this.onProgress);
    });
    if (draft) this.#review = { name: file.name, draft };
    return !!draft;
  }

  /** The report under review, in place of the dashboard. */
  get review(): { name: string; draft: Draft } | null {
    return this.#review;
  }

  /** Leaves the review: the dashboard comes back as it was. */
  closeReview(): void {
    this.#review = null;
  }

  async #openWorkbook(file: File): Promise<boolean> {
    const opened = await this.#read(file, async () => {
      const { readWorkbookFile } = await import('../data/workbook-client');
      const result = await readWorkbookFile(file);
      if (!result.ok) {
        throw new DatasetError(
          (await laterMessages()).load_invalid_workbook({ file: file.name, count: result.errors.length }),
          result.errors,
        );
      }
      // Opened as the .json it holds, remembered like any file; already checked in the worker,
      // so the query starts with the dataset instead of reading and checking its text again.
      const source: DatasetSource = { kind: 'file', name: file.name, text: JSON.stringify(result.data) };
      await prepareInParts(result.data);
      this.#client.setQueryData(sourceQuery(source).queryKey, result.data);
      return source;
    });
    return !!opened && this.open(opened);
  }

  /**
   * Reads a file before anything is opened (a workbook, a report): the page says it is opening
   * it, Cancel stops it, and a failure is kept for the page to show. Null when it failed or
   * was cancelled.
   */
  async #read<T>(file: File, read: (signal: AbortSignal) => Promise<T>): Promise<T | null> {
    const source: DatasetSource = { kind: 'file', name: file.name, text: '' };
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#opening = source;
    this.#failure = null;
    try {
      const value = await read(abort.signal);
      return abort.signal.aborted ? null : value;
    } catch (error) {
      if (!abort.signal.aborted) this.#failure = { source, error: error as Error };
      return null;
    } finally {
      if (!abort.signal.aborted) {
        this.#opening = null;
        this.#progress = null;
      }
    }
  }

  dismiss(): void {
    this.#failure = null;
  }
}

const KEY = Symbol('consultation-library');
export const setLibrary = (library: ConsultationLibrary) => setContext(KEY, library);
/** The library, where the page has one (the dashboard works without, in tests and on its own). */
export const getLibrary = () => getContext<ConsultationLibrary | undefined>(KEY);

/** After a new consultation opens, its title takes the focus: a screen reader says what is shown. */
export async function focusTitle(): Promise<void> {
  await tick();
  document.querySelector<HTMLElement>('h1')?.focus();
}
