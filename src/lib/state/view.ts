/**
 * What a view is: the one definition of everything a user can reach that travels — which
 * consultation (bundled, or at an address), the filters and search, the message open on its
 * own, presenting (scene and step), the story, the speaker window, the language. Every hand-off
 * uses it: the page's address (reload, Back and Forward), Copy link, "Link to this story", the
 * speaker window, the offline file. A parameter the app does not use is kept as it came
 * (`other`), never dropped.
 *
 * A leaf module, with no import: the Node scripts (the benchmark, the converters) reach it
 * through the interface's language. This is syntax only, with no dataset: whether an id is in the consultation is the filters'
 * business (url.ts), which reports what it cannot use.
 */

/** The filters' parameters, as the address writes them (url.ts reads them against a dataset). */
export const FILTER_PARAMS = ['place', 'region', 'person', 'session', 'cell', 'kind', 'dates', 'q'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export type FilterParams = Partial<Record<FilterParam, string>>;

/**
 * Which consultation: the one the address names, or (named by none) the first bundled one. A
 * file opened in this browser is named by its key among the ones opened lately: a reload opens it
 * again, but it cannot travel to another browser (the file itself must).
 */
export type ViewSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'bundled'; readonly id: string }
  | { readonly kind: 'address'; readonly url: string }
  | { readonly kind: 'file'; readonly key: string };

/** Presenting, at a scene and a step (both counted from 1, as the address writes them). */
export interface Presenting {
  readonly scene: number;
  readonly step: number;
}

export interface View {
  readonly source: ViewSource;
  /** The interface's language, when the address chooses it. */
  readonly lang: string | null;
  readonly filters: FilterParams;
  /** The message open on its own. */
  readonly message: string | null;
  readonly presenting: Presenting | null;
  /** A story carried by the link (story-file.ts's encoding). */
  readonly story: string | null;
  /** This window is a speaker view: the channel it hears its presentation on. */
  readonly speaker: string | null;
  /** Pseudo-localised interface, for layout tests. */
  readonly pseudo: boolean;
  /** Parameters the app does not use, or could not read, kept as they came and in their order. */
  readonly other: readonly (readonly [string, string])[];
}

export const EMPTY_VIEW: View = {
  source: { kind: 'default' },
  lang: null,
  filters: {},
  message: null,
  presenting: null,
  story: null,
  speaker: null,
  pseudo: false,
  other: [],
};

/** Every parameter the view reads; any other is kept in `other`. */
export const VIEW_PARAMS: readonly string[] = [
  'consultation',
  'data',
  'file',
  'lang',
  ...FILTER_PARAMS,
  'message',
  'present',
  'scene',
  'step',
  'story',
  'speaker',
  'pseudo',
];

const COUNT = /^[1-9]\d{0,5}$/;

/** Can the view read this value of its parameter (`scene=x` it cannot)? */
export function readable(key: string, value: string): boolean {
  if (key === 'present') return value === '1';
  if (key === 'scene' || key === 'step') return COUNT.test(value);
  return true;
}

export function encodeView(view: View): URLSearchParams {
  const params = new URLSearchParams();
  if (view.source.kind === 'bundled') params.set('consultation', view.source.id);
  else if (view.source.kind === 'address') params.set('data', view.source.url);
  else if (view.source.kind === 'file') params.set('file', view.source.key);
  if (view.lang !== null) params.set('lang', view.lang);
  for (const key of FILTER_PARAMS) {
    const value = view.filters[key];
    if (value !== undefined) params.set(key, value);
  }
  if (view.message !== null) params.set('message', view.message);
  if (view.presenting) {
    params.set('present', '1');
    params.set('scene', String(view.presenting.scene));
    params.set('step', String(view.presenting.step));
  }
  if (view.story !== null) params.set('story', view.story);
  if (view.speaker !== null) params.set('speaker', view.speaker);
  if (view.pseudo) params.set('pseudo', '');
  for (const [key, value] of view.other) params.append(key, value);
  return params;
}

/** The view an address holds (a query string, with or without its `?`, or its parameters). */
export function decodeView(input: URLSearchParams | string): View {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const first = new Map<string, string>();
  for (const [key, value] of params) if (!first.has(key)) first.set(key, value);
  const used = new Set<string>();
  /** The parameter's first value, taken when `ok` says it can be read. */
  const take = (key: string, ok: (value: string) => boolean = (value) => value !== ''): string | null => {
    const value = first.get(key);
    if (value === undefined || !ok(value)) return null;
    used.add(key);
    return value;
  };

  // One source: an address first, then a file, then a bundled consultation; any other is kept unread.
  const data = take('data');
  const file = data === null ? take('file') : null;
  const consultation = data === null && file === null ? take('consultation') : null;
  const source: ViewSource =
    data !== null
      ? { kind: 'address', url: data }
      : file !== null
        ? { kind: 'file', key: file }
        : consultation !== null
          ? { kind: 'bundled', id: consultation }
          : { kind: 'default' };
  const filters: FilterParams = {};
  for (const key of FILTER_PARAMS) {
    const value = take(key, () => true);
    if (value !== null) filters[key] = value;
  }
  const present = take('present', (value) => readable('present', value));
  const scene = present === null ? null : take('scene', (value) => readable('scene', value));
  const step = present === null ? null : take('step', (value) => readable('step', value));
  const view: View = {
    source,
    lang: take('lang'),
    filters,
    message: take('message'),
    presenting: present === null ? null : { scene: Number(scene ?? 1), step: Number(step ?? 1) },
    story: take('story'),
    speaker: take('speaker'),
    pseudo: take('pseudo', () => true) !== null,
    other: [],
  };
  // Whatever was not read, in its order: the first value of a parameter read, and every later one, are kept apart.
  const other: [string, string][] = [];
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (used.has(key) && !seen.has(key)) seen.add(key);
    else other.push([key, value]);
  }
  return { ...view, other };
}

/** Can this view travel in a link to another browser? Not when it shows a file opened here. */
export function travels(view: View): boolean {
  return view.source.kind !== 'file';
}

/** The view in this page's address. */
export function currentView(): View {
  return decodeView(location.search);
}

/** An address that opens `view` (beside this page, or beside `base`). */
export function viewHref(view: View, base: string = location.href): string {
  const url = new URL(base);
  const query = encodeView(view).toString();
  url.search = query ? `?${query}` : '';
  url.hash = '';
  return url.href;
}

/**
 * Writes a change of the view into the address: `push` makes a history entry (Back undoes it),
 * `replace` does not. Nothing is written when the address already holds it.
 */
export function writeView(change: Partial<View>, how: 'push' | 'replace'): void {
  const next = encodeView({ ...currentView(), ...change }).toString();
  if (next === new URLSearchParams(location.search).toString()) return;
  const url = `${location.pathname}${next ? `?${next}` : ''}${location.hash}`;
  if (how === 'push') history.pushState(history.state, '', url);
  else history.replaceState(history.state, '', url);
}
