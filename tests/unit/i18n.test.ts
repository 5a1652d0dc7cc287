/**
 * The interface's messages: every key in every language, the same placeholders everywhere,
 * plural forms by each language's rules, and numbers and dates in the language's own style.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as en from '../../src/paraglide/messages/en.js';
import * as es from '../../src/paraglide/messages/es.js';
import * as fr from '../../src/paraglide/messages/fr.js';
import * as pt from '../../src/paraglide/messages/pt.js';
import * as enLater from '../../src/paraglide-later/messages/en.js';
import * as esLater from '../../src/paraglide-later/messages/es.js';
import * as frLater from '../../src/paraglide-later/messages/fr.js';
import * as ptLater from '../../src/paraglide-later/messages/pt.js';
import { formatCount, formatDate, formatNumber, formatRange } from '../../src/lib/i18n/format';
import { detectLocale, locale, LOCALES, m, setLocale } from '../../src/lib/i18n/i18n.svelte';

const ROOT = resolve(import.meta.dirname, '../..');
/** Both parts of the messages: the first screen's, and the words of what loads on demand. */
const projects = ['project.inlang', 'later.inlang'].map(
  (project) =>
    JSON.parse(readFileSync(resolve(ROOT, project, 'settings.json'), 'utf8')) as {
      locales: string[];
      'plugin.inlang.messageFormat': { pathPattern: string | string[] };
    },
);
const settings = projects[0]!;
const patterns = projects.flatMap((p) => [p['plugin.inlang.messageFormat'].pathPattern].flat());

type Variant = { declarations?: string[]; selectors?: string[]; match: Record<string, string> };
type Message = string | Variant[];

function messagesOf(locale: string): Map<string, Message> {
  const all = new Map<string, Message>();
  for (const pattern of patterns) {
    const file = JSON.parse(readFileSync(resolve(ROOT, pattern.replace('{locale}', locale)), 'utf8')) as Record<
      string,
      Message
    >;
    for (const [key, value] of Object.entries(file)) {
      if (key === '$schema') continue;
      expect(all.has(key), `${key} is in two message files`).toBe(false);
      all.set(key, value);
    }
  }
  return all;
}

const byLocale = new Map(settings.locales.map((l) => [l, messagesOf(l)]));
const english = byLocale.get('en')!;

/** The texts of a message: one, or one per plural form. */
const texts = (message: Message): string[] =>
  typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
/** Its placeholders, as a sorted list. */
const placeholders = (message: Message): string[] =>
  [...new Set(texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();

describe('the interface messages', () => {
  it('come in English, Spanish, French and Portuguese, as the picker offers, in one file per language and part', () => {
    for (const project of projects) expect(project.locales).toEqual([...LOCALES]);
    expect(patterns).toEqual(['./messages/{locale}.json', './messages/later/{locale}.json']);
    expect(english.size).toBeGreaterThan(300);
  });

  it.each(settings.locales.filter((l) => l !== 'en'))('%s has every key, and no more, none empty', (locale) => {
    const messages = byLocale.get(locale)!;
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of messages) {
      for (const text of texts(message)) expect(text.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it.each(settings.locales.filter((l) => l !== 'en'))('%s keeps every placeholder of the English', (locale) => {
    const messages = byLocale.get(locale)!;
    for (const [key, message] of english) {
      expect(placeholders(messages.get(key)!), `${locale}:${key}`).toEqual(placeholders(message));
    }
  });

  it('is translated: a message the same in all four languages is a name, a symbol or a number', () => {
    // Words that are the same in every language, checked by hand.
    const same = new Set(['product_name', 'chip_cell']);
    const untranslated = [...english.keys()].filter(
      (key) =>
        !same.has(key) &&
        settings.locales.every((l) => JSON.stringify(byLocale.get(l)!.get(key)) === JSON.stringify(english.get(key))) &&
        /[a-z]{3}/i.test(
          texts(english.get(key)!)
            .join(' ')
            .replace(/\{\w+\}/g, ''),
        ),
    );
    expect(untranslated).toEqual([]);
  });

  it('ends every plural with a catch-all form, so a "many" number (French 1 000 000) still reads', () => {
    for (const l of settings.locales) {
      for (const [key, message] of byLocale.get(l)!) {
        if (typeof message === 'string') continue;
        for (const variant of message) {
          const forms = Object.keys(variant.match);
          expect(forms.at(-1)!.endsWith('=*'), `${l}:${key}`).toBe(true);
        }
      }
    }
  });
});

describe('plural forms, by each language’s rules', () => {
  it('English: one is singular, zero and many are plural', () => {
    expect(en.count_takeaway({ count: 1 })).toBe('1 key takeaway');
    expect(en.count_takeaway({ count: 0 })).toBe('0 key takeaways');
    expect(en.count_takeaway({ count: 1234 })).toBe('1,234 key takeaways');
  });
  it('French: zero and one are singular, a million takes the plural', () => {
    expect(fr.count_takeaway({ count: 0 })).toBe('0 enseignement clé');
    expect(fr.count_takeaway({ count: 1 })).toBe('1 enseignement clé');
    expect(fr.count_takeaway({ count: 2 })).toBe('2 enseignements clés');
    expect(fr.count_takeaway({ count: 1_000_000 })).toBe('1\u202f000\u202f000 enseignements clés');
  });
  it('Spanish: one is singular, zero plural; Brazilian Portuguese: zero and one are singular', () => {
    expect(es.count_quote({ count: 1 })).toBe('1 cita');
    expect(es.count_quote({ count: 0 })).toBe('0 citas');
    expect(es.count_quote({ count: 1_000_000 })).toBe('1.000.000 citas');
    expect(pt.count_practice({ count: 1 })).toBe('1 prática municipal');
    expect(pt.count_practice({ count: 0 })).toBe('0 prática municipal');
    expect(pt.count_practice({ count: 2 })).toBe('2 práticas municipais');
  });
  it('every plural message gives a real sentence for 0, 1, 2, 5 and 1 000 000 in every language', () => {
    const modules = {
      en: { ...en, ...enLater },
      es: { ...es, ...esLater },
      fr: { ...fr, ...frLater },
      pt: { ...pt, ...ptLater },
    } as Record<string, Record<string, (inputs: object) => string>>;
    for (const [l, messages] of byLocale) {
      for (const [key, message] of messages) {
        if (typeof message === 'string') continue;
        const inputs = Object.fromEntries(
          message[0]!.declarations!.filter((d) => d.startsWith('input ')).map((d) => [d.slice(6), 'X']),
        );
        for (const count of [0, 1, 2, 5, 1_000_000]) {
          const text = modules[l]![key]!({ ...inputs, count });
          expect(text, `${l}:${key}(${count})`).not.toBe(key);
          // A message that shows its number shows it in every form (some only choose a word by it).
          if (texts(message).every((t) => t.includes('{countShown}')))
            expect(text.replace(/\D/g, ''), `${l}:${key}(${count})`).toContain(String(count));
        }
      }
    }
  });
});

describe('choosing the language', () => {
  it('takes ?lang= first, then the browser’s languages in order, then English', () => {
    expect(detectLocale('?lang=fr', ['es-MX'])).toBe('fr');
    expect(detectLocale('?lang=de', ['pt-BR', 'en'])).toBe('pt');
    expect(detectLocale('', ['de-DE', 'es-419', 'fr'])).toBe('es');
    expect(detectLocale('', ['de-DE'])).toBe('en');
  });

  it('switches every message, <html lang> and the address’s ?lang=, keeping the rest of the address', async () => {
    history.replaceState(null, '', '/?kind=quote');
    await setLocale('es', { writeAddress: true });
    expect(locale()).toBe('es');
    expect(m.header_filters()).toBe('Filtros');
    expect(document.documentElement.lang).toBe('es');
    expect(new URLSearchParams(location.search).get('lang')).toBe('es');
    expect(new URLSearchParams(location.search).get('kind')).toBe('quote');
    await setLocale('en');
    expect(m.header_filters()).toBe('Filters');
  });
});

describe('numbers and dates in the language’s own style', () => {
  it.each([
    ['en', '18 June 2020', 'June 2020', '11–12 June 2020', '30 June – 2 July 2020', '1,234'],
    [
      'es',
      '18 de junio de 2020',
      'junio de 2020',
      '11–12 de junio de 2020',
      '30 de junio – 2 de julio de 2020',
      '1234',
    ],
    ['fr', '18 juin 2020', 'juin 2020', '11–12 juin 2020', '30 juin – 2 juillet 2020', '1\u202f234'],
    [
      'pt',
      '18 de junho de 2020',
      'junho de 2020',
      '11–12 de junho de 2020',
      '30 de junho – 2 de julho de 2020',
      '1.234',
    ],
  ] as const)('%s', async (l, day, month, days, span, number) => {
    await setLocale(l);
    expect(formatDate('2020-06-18')).toBe(day);
    expect(formatDate('2020-06')).toBe(month);
    expect(formatDate('2006')).toBe('2006');
    expect(formatRange('2020-06-11', '2020-06-12')).toBe(days);
    expect(formatRange('2020-06-30', '2020-07-02')).toBe(span);
    expect(formatNumber(1234)).toBe(number);
    await setLocale('en');
  });
});

describe('a count in at most four characters', () => {
  it('as it is below 1,000, then thousands and millions with one decimal while they have one digit', async () => {
    const cases: [number, string][] = [
      [0, '0'],
      [936, '936'],
      [999, '999'],
      [1000, '1k'],
      [4213, '4.2k'],
      [9949, '9.9k'],
      [9950, '10k'],
      [19_487, '19k'],
      [120_400, '120k'],
      [999_499, '999k'],
      [999_500, '1M'],
      [1_250_000, '1.3M'],
    ];
    for (const [n, shown] of cases) {
      expect(formatCount(n), String(n)).toBe(shown);
      expect(formatCount(n).length).toBeLessThanOrEqual(4);
    }
    await setLocale('fr');
    expect(formatCount(4213)).toBe('4,2k');
    expect(formatCount(12_345)).toBe('12k');
    await setLocale('en');
  });
});
