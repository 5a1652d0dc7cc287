/**
 * The interface in Spanish, French and Portuguese, as a user meets it: `?lang=` or the picker
 * gives every view, control and accessible name in that language while the report keeps its own
 * words (marked `lang="en"`); a switch keeps the filters; longer words never overflow; and the
 * first load carries English only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, PUEBLA, PUEBLA_JSON, useApp } from './app';
import { axeViolations, describeViolations } from './axe';
import { overlaps, textBoxes } from './text-boxes';

const app = useApp();

/** Each language's names for the four views, as a user of that language expects them. */
const VIEWS = {
  es: { map: 'Mapa', timeline: 'Cronología', themes: 'Temáticas', messages: 'Mensajes', name: 'Español' },
  fr: { map: 'Carte', timeline: 'Chronologie', themes: 'Thèmes', messages: 'Messages', name: 'Français' },
  pt: { map: 'Mapa', timeline: 'Linha do tempo', themes: 'Temas', messages: 'Mensagens', name: 'Português' },
} as const;
type Lang = keyof typeof VIEWS;

/** English words an interface in another language must not show (each one not a word of that language). */
const ENGLISH = [
  'the',
  'and',
  'with',
  'from',
  'show',
  'open',
  'close',
  'clear',
  'search',
  'filter',
  'filters',
  'click',
  'timeline',
  'themes',
  'places',
  'map',
  'keys',
  'present',
  'export',
  'more',
  'none',
  'link',
  'copy',
  'expand',
  'view',
  'views',
  'loading',
  'people',
  'person',
  'speaker',
  'takeaway',
  'takeaways',
  'quote',
  'quotes',
  'city',
  'cities',
  'sort',
  'reset',
  'back',
  'next',
  'previous',
  'story',
  'download',
  'save',
  'topic',
  'topics',
  'theme',
  'region',
  'regions',
  'list',
  'kind',
  'all',
  'messages',
  'message',
  'session',
  'sessions',
  'source',
  'table',
  'dates',
  'where',
  'what',
  'who',
  'which',
  'each',
  'every',
  'spoke',
  'here',
];
const FRENCH_TOO = new Set(['messages', 'message', 'session', 'sessions', 'source', 'table', 'dates']);
/** Brazilian Portuguese writes "link" too. */
const PORTUGUESE_TOO = new Set(['link']);

/** Everything the dataset names, longest first: the report's words, which stay as they are. */
const DATASET_WORDS = [
  PUEBLA.meta.title,
  PUEBLA.meta.subtitle ?? '',
  PUEBLA.meta.source.title,
  PUEBLA.meta.source.publisher,
  ...PUEBLA.themes.map((t) => t.label),
  ...PUEBLA.sessions.map((s) => s.title),
  ...PUEBLA.topics.map((t) => t.title),
  ...PUEBLA.places.map((p) => p.name),
  ...PUEBLA.people.flatMap((p) => [p.name, p.role ?? '']),
  ...PUEBLA.organisations.flatMap((o) => [o.name, o.acronym ?? '']),
  ...PUEBLA.references.map((r) => r.title),
  ...PUEBLA.events.map((e) => e.title),
  ...PUEBLA.messages.flatMap((m) => [m.label, m.text, m.source.section]),
]
  .filter((w) => w.length > 1)
  .sort((a, b) => b.length - a.length);

/**
 * The interface's own words on the page now: every control's, heading's, label's and cell's
 * text and accessible names, less any text marked with another language (the report's) and any
 * name the dataset holds.
 */
async function interfaceTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const html = document.documentElement;
    const own = (el: Element) => {
      let text = '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const marked = node.parentElement?.closest('[lang]');
        if (marked === html || !marked) text += node.textContent;
      }
      return text;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (r.width > 0 && r.height > 0) || el.closest('.visually-hidden') !== null;
    };
    const selector =
      'button, a[href], [role=tab], label, summary, h1, h2, h3, h4, th, caption, legend, p, li, dt, dd, option, [aria-label], [title], [placeholder]';
    const out: string[] = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!shown(el) && el.tagName !== 'OPTION') continue;
      const marked = el.closest('[lang]');
      for (const name of ['aria-label', 'title', 'placeholder'])
        if (el.hasAttribute(name) && marked === html) out.push(el.getAttribute(name)!);
      if (!['P', 'LI', 'DD', 'DT'].includes(el.tagName) || el.children.length === 0) out.push(own(el));
    }
    return out;
  });
  return texts
    .map((text) =>
      DATASET_WORDS.reduce((t, word) => t.split(word).join(' '), text)
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

function englishIn(texts: string[], lang: Lang): string[] {
  const words = ENGLISH.filter(
    (w) => !(lang === 'fr' && FRENCH_TOO.has(w)) && !(lang === 'pt' && PORTUGUESE_TOO.has(w)),
  );
  const pattern = new RegExp(`(^|[^\\p{L}])(${words.join('|')})(?=$|[^\\p{L}])`, 'iu');
  return [...new Set(texts.filter((t) => pattern.test(t)))];
}

async function open(lang: string, query = '', width = 1366, height = 768) {
  const opened = await openApp(app, { viewport: { width, height }, query: `?lang=${lang}${query}` });
  await opened.page.locator('[data-decluttered]').first().waitFor({ state: 'attached' });
  return opened;
}

describe('the interface in Spanish, French and Portuguese', () => {
  it.each(Object.keys(VIEWS) as Lang[])(
    '?lang=%s: the views, every control and name in it; the report in English',
    async (lang) => {
      const names = VIEWS[lang];
      const { page, errors, close } = await open(lang);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      for (const view of ['map', 'timeline', 'themes', 'messages'] as const)
        await expect.poll(() => page.getByRole('region', { name: names[view], exact: true }).count()).toBe(1);
      expect(await page.getByRole('combobox').first().inputValue()).toBe(lang);
      // The report's own words keep their language.
      const card = page.getByRole('region', { name: names.messages, exact: true }).getByRole('article').first();
      expect(await card.locator('.text, blockquote').first().getAttribute('lang')).toBe('en');
      expect(await page.locator('h1').getAttribute('lang')).toBe('en');

      let english = await interfaceTexts(page);
      expect(english.length).toBeGreaterThan(50);
      expect(englishIn(english, lang)).toEqual([]);

      // A place's details, the list of keys, Export and Open: each in the language too.
      const marker = page.locator('.marker-layer .place-marker').first();
      await marker.click();
      await page.locator('#place-details-title').waitFor();
      english = englishIn(await interfaceTexts(page), lang);
      expect(english).toEqual([]);
      for (const opener of ['#export-button', '#open-button']) {
        await page.locator(opener).click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        expect(englishIn(await interfaceTexts(page), lang), opener).toEqual([]);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      expect(englishIn(await interfaceTexts(page), lang), 'keys').toEqual([]);
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
      await close();
    },
  );

  it('in French, an accessibility audit (axe) of the dashboard and of a place’s details finds nothing, languages marked included', async () => {
    const { page, close } = await open('fr');
    let violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.locator('.marker-layer .place-marker').first().click();
    await page.locator('#place-details-title').waitFor();
    violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await close();
  });

  it('the picker switches the language without losing the filters, and a reload keeps both', async () => {
    const { page, close } = await openApp(app, { viewport: { width: 1366, height: 768 }, query: '?kind=quote' });
    await page.getByRole('region', { name: 'Map', exact: true }).waitFor();
    const quotes = PUEBLA.messages.filter((m) => m.kind === 'quote').length;
    const count = () => page.locator('.page-header .message-count strong').textContent();
    expect(await count()).toBe(String(quotes));
    await page.getByRole('combobox', { name: 'Interface language' }).selectOption('es');
    await page.getByRole('region', { name: 'Mapa', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await count()).toBe(String(quotes));
    await expect.poll(() => page.locator('.chips li').first().textContent()).toContain('Tipo: Cita');
    const params = new URL(page.url()).searchParams;
    expect([params.get('kind'), params.get('lang')]).toEqual(['quote', 'es']);
    // A filter changed now keeps the language in the address.
    await page.getByRole('button', { name: 'Quitar filtro: Tipo: Cita' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe(null);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('es');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('quote');
    await page.reload();
    await page.getByRole('region', { name: 'Mapa', exact: true }).waitFor();
    expect(await count()).toBe(String(quotes));
    // And back to English, in one step.
    await page.getByRole('combobox', { name: 'Idioma de la interfaz' }).selectOption('en');
    await page.getByRole('region', { name: 'Map', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await close();
  });
});

/** Layout problems: text over text, the page wider than the screen, a control's words cut. */
async function layoutProblems(page: Page): Promise<string[]> {
  const found = overlaps(await textBoxes(page));
  const cut = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth + 1)
      out.push(`the page is ${document.documentElement.scrollWidth} px wide in ${innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('button, [role=tab], h2, th, label, select, .chip')) {
      const r = el.getBoundingClientRect();
      // A marker may lie outside the map's window (the map clips it, and pans to it when it takes the focus).
      if (r.width === 0 || el.closest('.visually-hidden, .leaflet-control-attribution, .marker-layer')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        out.push(`cut: “${el.textContent?.trim().slice(0, 50)}”`);
      // A control that sticks out of the view it belongs to.
      const region = el.closest('.region, .page-header');
      if (region) {
        const box = region.getBoundingClientRect();
        if (r.right > box.right + 1 || r.left < box.left - 1)
          out.push(`outside its view: “${el.textContent?.trim().slice(0, 50)}”`);
      }
    }
    return out;
  });
  return [...found, ...cut];
}

describe('a consultation that carries its own translation', () => {
  it('in Spanish, a translated message reads in Spanish, marked as a translation, and its original is one click away', async () => {
    const dataset = structuredClone(PUEBLA_JSON);
    const message = PUEBLA.messages.find((m) => m.kind === 'takeaway')!;
    dataset.translations = {
      es: {
        note: 'Secretaría del Mecanismo de Alcaldes',
        messages: {
          [message.id]: { label: 'Una conclusión traducida', text: 'El texto de la conclusión, traducido.' },
        },
      },
    };
    const { page, errors, close } = await openApp(app, {
      viewport: { width: 1366, height: 768 },
      query: `?lang=es&message=${message.id}`,
      dataset,
    });
    const dialog = page.getByRole('dialog');
    const card = dialog.getByRole('article');
    await expect.poll(() => card.getByRole('heading').first().textContent()).toBe('Una conclusión traducida');
    expect(await card.locator('.text').getAttribute('lang')).toBe('es');
    expect(await card.getByText('Traducción', { exact: true }).count()).toBe(1);
    await card.getByRole('button', { name: 'Ver el original' }).click();
    expect(await card.getByRole('heading').first().textContent()).toBe(message.label);
    expect(await card.locator('.text').textContent()).toContain(message.text.slice(0, 40));
    expect(await card.locator('.text').getAttribute('lang')).toBe('en');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('longer words still fit', () => {
  it('pseudo-localised (every message accented and 40 % longer), at 1366×768: nothing overlaps, overflows or is cut, and nothing is left untranslated', async () => {
    const { page, errors, close } = await openApp(app, { viewport: { width: 1366, height: 768 }, query: '?pseudo' });
    await page.locator('[data-decluttered]').first().waitFor({ state: 'attached' });
    expect(await page.locator('#export-button').textContent()).toMatch(/Éxpört ẋ/);
    expect(await layoutProblems(page)).toEqual([]);
    // Every word of the interface went through the messages: none is left plain.
    const plain = (await interfaceTexts(page)).filter((t) => /[a-z]{3}/i.test(t) && !/[áéîöüçñšýžÅÉÎÖÜÇÑŠÝŽẋ]/.test(t));
    expect(plain).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it.each([
    ['es', 1366, 768],
    ['fr', 1366, 768],
    ['pt', 1366, 768],
    ['es', 1920, 1080],
    ['fr', 390, 844],
  ] as const)('in %s at %i×%i nothing overlaps, overflows or is cut', async (lang, width, height) => {
    const { page, close } = await open(lang, '', width, height);
    expect(await layoutProblems(page)).toEqual([]);
    if (width >= 1366) {
      // The header's buttons keep one row, and the report's title one line, in longer words too.
      const header = await page.locator('.page-header').evaluate((el) => {
        const tops = [...el.querySelectorAll('.actions button')].map((b) => Math.round(b.getBoundingClientRect().top));
        const h1 = el.querySelector('h1')!;
        return {
          rows: new Set(tops).size,
          titleLines: Math.round(h1.clientHeight / parseFloat(getComputedStyle(h1).lineHeight)),
        };
      });
      expect(header).toEqual({ rows: 1, titleLines: 1 });
    }
    await close();
  });
});

describe('the first load', () => {
  it('carries English only, and only the first screen’s words: each other language, and the words of what loads on demand, come later', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const first = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((x) => x[1]!);
    expect(first.length).toBeGreaterThan(0);
    const firstCode = first.map((file) => readFileSync(`dist/${file}`, 'utf8')).join('\n');
    const all = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
    for (const word of ['Cronología', 'Chronologie', 'Linha do tempo']) {
      expect(firstCode).not.toContain(word);
      expect(all.filter((f) => readFileSync(`dist/assets/${f}`, 'utf8').includes(word)).length).toBeGreaterThan(0);
    }
    expect(firstCode).toContain('Timeline');
    // The words of what loads on demand (the briefing, the story editor) come with that code.
    for (const word of ['Print or save as PDF', 'Link to this story']) {
      expect(firstCode).not.toContain(word);
      expect(all.some((f) => readFileSync(`dist/assets/${f}`, 'utf8').includes(word))).toBe(true);
    }
  });
});
