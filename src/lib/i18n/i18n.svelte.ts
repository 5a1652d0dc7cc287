/* eslint-disable svelte/prefer-svelte-reactivity -- the address is only read and written here, never rendered from: plain URLSearchParams are right. */
/**
 * The interface's language. English is in the first load; Spanish, French and Portuguese each
 * load on demand (a few KB) when chosen. `m` reads the current language's compiled messages
 * (Paraglide JS, from `messages/<locale>.json`), so every template and `$derived` that calls
 * `m.some_key()` follows a switch without a reload. Dataset text is never translated here: it
 * keeps its own `lang` (meta.language).
 */
import { SvelteMap } from 'svelte/reactivity';
import * as en from '../../paraglide/messages/en.js';

/** A message with no inputs is called bare: `m.map_title()`; one with inputs needs them all. */
type Call<F> = F extends (inputs: infer I) => infer R
  ? Record<string, never> extends I
    ? (inputs?: I) => R
    : (inputs: I) => R
  : never;
export type Messages = { [K in keyof typeof en]: Call<(typeof en)[K]> };
export const LOCALES = ['en', 'es', 'fr', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words, as a picker lists them. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  pt: 'Português',
};

const loaders: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en as Messages),
  es: () => import('../../paraglide/messages/es.js') as Promise<Messages>,
  fr: () => import('../../paraglide/messages/fr.js') as Promise<Messages>,
  pt: () => import('../../paraglide/messages/pt.js') as Promise<Messages>,
};

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** `?lang=` first, then the browser's languages in order ("pt-BR" → pt), then English. */
export function detectLocale(
  search: string = globalThis.location?.search ?? '',
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (isLocale(asked)) return asked;
  for (const language of languages) {
    const base = language.split('-')[0]!.toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'en';
}

/*
 * No runes here, on purpose: Node scripts (the benchmark, the converters) import modules that
 * name things in words and run them without Svelte's compiler. A one-entry SvelteMap is a
 * reactive value in plain TypeScript: reading it inside an effect or a derived value makes the
 * language a dependency (one signal read, nothing created per call); in Node it is a plain Map.
 */
const state = new SvelteMap<'current', { locale: Locale; m: Messages }>([
  ['current', { locale: 'en', m: en as Messages }],
]);
const current = () => state.get('current')!;

/** The current language's messages: `m.key(inputs)`. Reading one tracks the language. */
export const m: Messages = new Proxy({} as Messages, {
  get: (_target, key) => current().m[key as keyof Messages],
});

export function locale(): Locale {
  return current().locale;
}

/**
 * Switches the interface (loading the language first, so no mixed frame is drawn), sets
 * `<html lang>` and, when asked, writes `?lang=` into the address without a new history entry.
 */
export async function setLocale(
  next: Locale,
  options: { writeAddress?: boolean; pseudo?: boolean } = {},
): Promise<void> {
  let messages = await loaders[next]();
  if (options.pseudo) messages = (await import('./pseudo')).pseudoMessages(messages);
  state.set('current', { locale: next, m: messages });
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  if (options.writeAddress && typeof location !== 'undefined') {
    const params = new URLSearchParams(location.search);
    if (next === 'en' && !params.has('lang')) return;
    params.set('lang', next);
    history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
  }
}
