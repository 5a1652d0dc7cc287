/**
 * The interface's language. Its words are Paraglide JS messages, compiled one module per
 * language, in two parts: the words the first screen shows (`messages/<locale>.json`, here) and
 * the words of what loads on demand — presentation, export, dialogs, tables
 * (`messages/later/<locale>.json`, `later.svelte.ts`), which arrive with that code. English is
 * in the page; each other language loads when chosen (a few KB a part). `m` reads the current
 * language's messages, so every template and `$derived` that calls `m.some_key()` follows a
 * switch without a reload. Dataset text is never translated here: it keeps its own `lang`
 * (meta.language).
 */
import { SvelteMap } from 'svelte/reactivity';
import * as en from '../../paraglide/messages/en.js';
import { currentView, decodeView, writeView } from '../state/view';

/** A message with no inputs is called bare: `m.map_title()`; one with inputs needs them all. */
type Call<F> = F extends (inputs: infer I) => infer R
  ? Record<string, never> extends I
    ? (inputs?: I) => R
    : (inputs: I) => R
  : never;
/** A compiled messages module as callers see it. */
export type MessagesOf<T> = { [K in keyof T]: Call<T[K]> };
export type Messages = MessagesOf<typeof en>;
export const LOCALES = ['en', 'es', 'fr', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words, as a picker lists them. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
};

/** How to load each language but English of a part of the messages. */
type Loaders = Record<Exclude<Locale, 'en'>, () => Promise<object>>;

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** `?lang=` first, then the browser's languages in order ("pt-BR" → pt), then English. */
export function detectLocale(
  search: string = globalThis.location?.search ?? '',
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale {
  const asked = decodeView(search).lang;
  if (isLocale(asked)) return asked;
  for (const language of languages) {
    const base = language.split('-')[0]!.toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

/*
 * No runes here, on purpose: Node scripts (the benchmark, the converters) import modules that
 * name things in words and run them without Svelte's compiler. A SvelteMap is reactive in plain
 * TypeScript: reading it inside an effect or a derived value makes the language a dependency
 * (one signal read, nothing created per call); in Node it is a plain Map.
 */
/** Each part's messages in the current language, and the language itself (under 'locale'). */
const state = new SvelteMap<string, unknown>([
  ['locale', 'en'],
  ['first', en],
]);
/**
 * The parts of the messages: English (once the part's code has arrived) and how to load each
 * other language. The later part's other languages are known here, so a page in Spanish
 * fetches them soon after its first frame, before any dialog needs them.
 */
const parts = new Map<string, { en?: object; loaders: Loaders; loaded: Partial<Record<Locale, object>> }>([
  [
    'first',
    {
      en,
      loaders: {
        es: () => import('../../paraglide/messages/es.js'),
        fr: () => import('../../paraglide/messages/fr.js'),
        pt: () => import('../../paraglide/messages/pt.js'),
      },
      loaded: {},
    },
  ],
  [
    'later',
    {
      loaders: {
        es: () => import('../../paraglide-later/messages/es.js'),
        fr: () => import('../../paraglide-later/messages/fr.js'),
        pt: () => import('../../paraglide-later/messages/pt.js'),
      },
      loaded: {},
    },
  ],
]);
let pseudoWrap: (<T extends object>(messages: T) => T) | undefined;

/** A part's messages in a language: English as it arrived, another language fetched once. */
async function load(part: string, locale: Locale): Promise<object | undefined> {
  const entry = parts.get(part)!;
  const messages = locale === 'en' ? entry.en : (entry.loaded[locale] ??= await entry.loaders[locale]());
  return messages && pseudoWrap ? pseudoWrap(messages) : messages;
}

/** A part's messages, looked up by key as they are now; the first screen's words stand behind every part. */
export function partMessages<T>(part: string): T {
  return new Proxy({} as object, {
    get: (_target, key) =>
      (state.get(part) as Record<PropertyKey, unknown> | undefined)?.[key] ??
      (state.get('first') as Record<PropertyKey, unknown>)[key],
  }) as T;
}

/**
 * The later part's English, from the code loaded on demand that uses it. In another language
 * its words are usually here already; if not, English stands in until they arrive.
 */
export function addPart(part: string, english: object): void {
  const entry = parts.get(part)!;
  entry.en = english;
  const language = locale();
  state.set(part, language === 'en' ? english : (entry.loaded[language] ?? english));
  if (language !== 'en' && !entry.loaded[language])
    void load(part, language).then((messages) => {
      if (locale() === language && messages) state.set(part, messages);
    });
}

/** The later part's messages, for words needed only now and then (an error), loaded then. */
export const laterMessages = () => import('./later.svelte').then((module) => module.m);

/** The current language's messages: `m.key(inputs)`. Reading one tracks the language. */
export const m: Messages = partMessages<Messages>('first');

export function locale(): Locale {
  return state.get('locale') as Locale;
}

/**
 * Switches the interface (every part loaded first, so no mixed frame is drawn), sets
 * `<html lang>` and, when asked, writes `?lang=` into the address without a new history entry.
 * `pseudo` (for layout tests) passes every message through pseudo-localisation.
 */
export async function setLocale(
  next: Locale,
  options: { writeAddress?: boolean; pseudo?: boolean } = {},
): Promise<void> {
  if (options.pseudo) pseudoWrap = (await import('./pseudo')).pseudoMessages;
  // The parts in use switch together; the later part, not yet in use, is fetched alongside.
  const inUse = [...parts.keys()].filter((part) => part === 'first' || parts.get(part)!.en);
  const loaded = await Promise.all(inUse.map(async (part) => [part, await load(part, next)] as const));
  for (const [part, messages] of loaded) state.set(part, messages);
  for (const part of parts.keys()) if (!inUse.includes(part) && next !== 'en') void load(part, next);
  state.set('locale', next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  if (options.writeAddress && typeof location !== 'undefined') {
    // English is the default: an address that never chose a language is left without one.
    if (next === 'en' && currentView().lang === null) return;
    writeView({ lang: next }, 'replace');
  }
}
