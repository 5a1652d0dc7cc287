/**
 * The report reader, on the Puebla report and on reports laid out otherwise: each proposed
 * message must keep the report's words exactly, with the right kind, and each quote its speaker.
 * The answers are written by hand (the bundled dataset for Puebla; the `.expected` files for the
 * others), not by the reader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { boldPhrases, type Block } from '../../src/lib/report/blocks';
import { readMarkdown, readText } from '../../src/lib/report/markdown';
import { readDay, readStructure, sentences, sessionType } from '../../src/lib/report/structure';
import { countryOf } from '../../src/lib/report/gazetteer';
import { figures, PUEBLA_REPORT, testReports } from '../fixtures/reports/figures';

const dataset = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;
const REPORTS = testReports(dataset);

describe.each(REPORTS)('%s', (_, read, expected) => {
  it('proposes ≥ 90 % of its takeaways, quotes, practices and cross-cutting messages with their exact words and kind, ≤ 10 % that are not messages, and ≥ 90 % of quotes with their speaker', async () => {
    const draft = readStructure(await read());
    const result = figures(draft, expected.messages);
    expect(result.found, `missed: ${result.missed.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
    expect(result.notMessages, `not messages: ${result.extra.join(' | ')}`).toBeLessThanOrEqual(0.1);
    expect(result.speakers).toBeGreaterThanOrEqual(0.9);
  });

  it('finds its title, date, topics, sessions and speakers', async () => {
    const draft = readStructure(await read());
    expect(draft.title).toBe(expected.title);
    expect(draft.published).toBe(expected.published);
    expect(draft.topics.map((topic) => topic.title)).toEqual(expected.topics);
    expect(draft.sessions.map((session) => session.date)).toEqual(expected.sessions.map(([date]) => date));
    expect(draft.people.map((person) => person.name)).toEqual(expect.arrayContaining(expected.people));
  });

  it('sets each found message under its topic, with the report’s bold phrases as highlights', async () => {
    const draft = readStructure(await read());
    for (const message of expected.messages) {
      const proposal = draft.proposals.find((p) => p.text === message.text && p.kind === message.kind);
      if (!proposal) continue;
      // A passage of the introduction may be tied to a topic by the editors' reading, not by the report's layout.
      if (message.kind !== 'context') expect(proposal.topic, message.text).toBe(message.topic);
      if (message.highlights) expect(proposal.highlights, message.text).toEqual(message.highlights);
      for (const phrase of proposal.highlights) expect(proposal.text).toContain(phrase);
    }
  });
});

describe('the Puebla report, read in detail', () => {
  const draft = readStructure(readMarkdown(PUEBLA_REPORT));

  it('is the seed the bundled dataset was made from', () => {
    const seed = resolve(import.meta.dirname, '../../../shared/seed/000_41dc79d9104b66e2.txt');
    if (existsSync(seed)) expect(PUEBLA_REPORT).toBe(readFileSync(seed, 'utf8'));
  });

  it('ties the La Pintana quote to Juan Pablo Gutierrez and keeps the quote’s spelling, "Caceido", as a variant', () => {
    const quote = draft.proposals.find(
      (p) => p.kind === 'quote' && p.text.startsWith('Communication and direct contact'),
    )!;
    const person = draft.people.find((p) => p.key === quote.speaker?.person)!;
    expect(person.name).toBe('Juan Pablo Gutierrez');
    expect(person.variants).toEqual(['Juan Pablo Caceido']);
    expect(quote.speaker?.attribution).toBe('Juan Pablo Caceido, La Pintana');
  });

  it('reads the schedule table, a blank date being the row’s above, and ties the four topics to the thematic sessions in order', () => {
    expect(draft.sessions.map((s) => [s.date, s.order, s.dateInherited])).toEqual([
      ['2020-06-04', 1, false],
      ['2020-06-11', 1, false],
      ['2020-06-11', 2, true],
      ['2020-06-11', 3, true],
      ['2020-06-11', 4, true],
      ['2020-06-18', 1, false],
      ['2020-06-30', 1, false],
    ]);
    const titles = draft.topics.map((topic) => draft.sessions.find((s) => s.key === topic.session)?.title);
    expect(titles).toEqual([
      'Thematic breakout session 1',
      'Thematic breakout session 2',
      'Thematic breakout session 3',
      'Thematic breakout session on narratives',
    ]);
  });

  it('tells each practice cited inside a takeaway or a quote which message holds it', () => {
    const practices = draft.proposals.filter((p) => p.kind === 'practice');
    for (const practice of practices) {
      const parent = draft.proposals.find((p) => p.id === practice.excerptOf)!;
      expect(parent.text).toContain(practice.text);
    }
    expect(practices.map((p) => p.text.slice(0, 30))).toContain('For example, Montevideo has se');
  });

  it('reads a speaker’s line into name, role, place and country', () => {
    const rosmery = draft.people.find((p) => p.name === 'Rosmery Acarapi')!;
    expect(rosmery).toMatchObject({
      role: 'Secretary of Social Development',
      place: 'La Paz',
      countryCode: 'BO',
      topics: [3],
    });
  });

  it('names where each message came from: its headings and its paragraphs', () => {
    const quote = draft.proposals.find((p) => p.text.startsWith('The experience of the humanitarian corridor'))!;
    expect(quote.section).toBe('Topic 2 – Addressing Gaps in Migrant Protection › Key Takeaways');
    expect(plainOf(draft.blocks, quote.blocks[0]!)).toContain('The experience of the humanitarian corridor');
    const joined = draft.proposals.find((p) => p.text.startsWith('Cities recognized the different realities'))!;
    expect(joined.blocks).toHaveLength(2); // the item, and its words after the page break
  });
});

function plainOf(blocks: readonly Block[], n: number): string {
  return blocks
    .find((block) => block.n === n)!
    .runs.map((run) => run.text)
    .join('');
}

describe('the reader’s parts', () => {
  it.each([
    ['4 June', 2020, '2020-06-04'],
    ['June 4, 2021', 2020, '2021-06-04'],
    ['11th of March', 2022, '2022-03-11'],
    ['2023-05-10', null, '2023-05-10'],
    ['Sept. 9', 2024, '2024-09-09'],
    ['4 de junio de 2020', null, '2020-06-04'],
    ['18 juin', 2021, '2021-06-18'],
    ['2 de março', 2022, '2022-03-02'],
    ['Dates EN', 2020, null],
    ['4 June', null, null],
  ])('reads the day "%s" (year %s) as %s', (text, year, day) => {
    expect(readDay(text, year)).toBe(day);
  });

  it.each([
    ['Brazil', 'BR'],
    ['Brasil', 'BR'],
    ['USA', 'US'],
    ['United States', 'US'],
    ['Germany', 'DE'],
    ['Myanmar', 'MM'],
    ['Burma', 'MM'],
    ['Côte d’Ivoire', 'CI'],
    ['México', 'MX'],
    ['Mexico City', undefined],
    ['European Union', undefined],
  ])('knows the country "%s" as %s', (name, code) => {
    expect(countryOf(name)).toBe(code);
  });

  it('splits sentences at full stops, not at abbreviations or inside a year in brackets', () => {
    expect(sentences('Cities act, e.g. Quito. The Law of Brazil (2017) is an example. “It works.” Then more.')).toEqual(
      ['Cities act, e.g. Quito.', 'The Law of Brazil (2017) is an example.', '“It works.”', 'Then more.'],
    );
  });

  it('mends a bold phrase a Word paste closed without opening ("services.** LRAs…")', () => {
    const [item] = readMarkdown('- 3. To prevent irregular travel.** Migrating irregularly is unsafe.');
    expect(boldPhrases(item!.runs)).toEqual(['To prevent irregular travel.']);
    expect(item!.runs.map((run) => run.text).join('')).toBe(
      'To prevent irregular travel. Migrating irregularly is unsafe.',
    );
  });

  it('reads a quote whose speaker comes first ("… said: ‘…’")', () => {
    const draft = readStructure(
      readMarkdown(
        '## Topic 1: Work\n\n### Key takeaways\n\nNancy Perez (Mexico City) said: ‘We coordinate across every sector and every actor.’',
      ),
    );
    expect(draft.proposals).toEqual([
      expect.objectContaining({
        kind: 'quote',
        text: 'We coordinate across every sector and every actor.',
        speaker: expect.objectContaining({ name: 'Nancy Perez' }),
      }),
    ]);
  });

  it('reads a Spanish schedule’s kinds, and ties each topic to the session named after it, not to the plenary before it', () => {
    const draft = readStructure(readText(readFileSync('tests/fixtures/reports/lima-2024.md', 'utf8')));
    expect(draft.sessions.map((s) => s.type)).toEqual([
      'opening-plenary',
      'thematic-session',
      'thematic-session',
      'closing-plenary',
    ]);
    expect(draft.topics.map((t) => draft.sessions.find((s) => s.key === t.session)?.title)).toEqual([
      'Sesión 1: Acceso a servicios',
      'Sesión 2: Integración laboral',
    ]);
  });

  it.each([
    ['Opening Plenary', 'opening-plenary'],
    ['Plenaria de cierre', 'closing-plenary'],
    ['Séance de clôture', 'closing-session'],
    ['Plénière d’ouverture', 'opening-plenary'],
    ['Sessão paralela 2', 'thematic-breakout'],
    ['Thematic breakout session 1', 'thematic-breakout'],
    ['Workshop 1: First reception', 'thematic-session'],
  ])('reads the session "%s" as %s', (title, type) => {
    expect(sessionType(title)).toBe(type);
  });

  it('reads sessions only from the schedule: a table with a blank first cell, or a takeaway that starts with a date, is not a session', () => {
    const draft = readStructure(
      readMarkdown(
        [
          '# Forum',
          '## Programme',
          '| Date | Session |\n|---|---|\n| 4 June 2020 | Opening plenary |\n| | Panel 1: Work |',
          '## Panel 1: Work',
          '### Key takeaways',
          '- 18 December is International Migrants Day, and cities mark it with open doors.',
          '### City practices',
          '| City | Practice |\n|---|---|\n| | Quito runs a one-stop shop for new arrivals and their families. |',
        ].join('\n\n'),
      ),
    );
    expect(draft.sessions.map((s) => s.title)).toEqual(['Opening plenary', 'Panel 1: Work']);
    expect(draft.proposals.map((p) => p.text)).toContain(
      '18 December is International Migrants Day, and cities mark it with open doors.',
    );
  });

  it('numbers topics in reading order when a number repeats (a "Panel 1" each day)', () => {
    const draft = readStructure(
      readMarkdown('# Forum\n\n## Day 1\n\n### Panel 1: Work\n\n- A.\n\n## Day 2\n\n### Panel 1: Housing\n\n- B.'),
    );
    expect(draft.topics.map((t) => [t.number, t.title])).toEqual([
      [1, 'Work'],
      [2, 'Housing'],
    ]);
  });

  it.each([
    ['Ana de la Torre', 'Maria de la Cruz', false],
    ['José Pérez', 'Juan Pérez', false],
    ['J. Pérez', 'Juan Pérez', true],
    ['Juan Pablo Caceido', 'Juan Pablo Gutierrez', true],
  ])('ties a quote by "%s" to the listed "%s": %s', (said, listed, same) => {
    const draft = readStructure(
      readMarkdown(
        `# Forum\n\n## Topic 1: Work\n\n### Speakers\n\n- ${listed}, Mayor, Quito, Ecuador\n\n### Key takeaways\n\n- ‘Cities open their doors to every family that arrives.’ (${said}, Quito)`,
      ),
    );
    const quote = draft.proposals.find((p) => p.kind === 'quote')!;
    const person = draft.people.find((p) => p.key === quote.speaker?.person)!;
    expect(person.name === listed).toBe(same);
  });

  it('takes a short line under the title as its subtitle, never the first section’s heading', () => {
    expect(readStructure(readMarkdown('# Forum\n\n## Introduction\n\nCities met.')).subtitle).toBeUndefined();
    expect(readStructure(readMarkdown('# Forum\n\nOutcome report\n\n## Introduction\n\nCities met.')).subtitle).toBe(
      'Outcome report',
    );
  });

  it('keeps a report with no structure as paragraphs to classify by hand', () => {
    const draft = readStructure(
      readText('Some words about the day.\nMore words, and a second sentence here. And a third.\n'),
    );
    expect(draft.proposals.map((p) => p.kind)).toEqual(['context']);
    expect(draft.blocks).toHaveLength(2);
  });
});
