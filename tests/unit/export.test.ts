/** Taking results away: the rows, the CSV file, the briefing's text and the link to one message. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefingText } from '../../src/lib/export/briefing-text';
import Papa from 'papaparse';
import { BOM, exportName, toCsv } from '../../src/lib/export/csv';
import { COLUMNS, messageRow, type MessageRow } from '../../src/lib/export/rows';
import { buildLookup } from '../../src/lib/data/lookup';
import type { Dataset } from '../../src/lib/data/schema';
import { textClause } from '../../src/lib/filters';
import { clausesToParams, paramsToClauses } from '../../src/lib/state/url';
import { tinyDataset } from '../fixtures/tiny';

const PUEBLA = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;

function row(overrides: Partial<MessageRow>): MessageRow {
  return {
    id: 'm-1',
    kind: 'Key takeaway',
    topic: 'Topic 1: Skills',
    session: 'Thematic breakout session 1',
    session_date: '2020-06-11',
    label: 'A title',
    text: 'Plain words',
    speakers: '',
    themes: 'Health',
    places: '',
    people: '',
    section: 'Key Takeaways',
    citation: '“Plain words” Report.',
    ...overrides,
  };
}

/** The CSV's lines after the byte-order mark, split on the record separator only. */
const records = (csv: string) => csv.slice(BOM.length).split('\r\n');

describe('the CSV file', () => {
  it('starts with a byte-order mark and the header row, and ends each record with CRLF', () => {
    const csv = toCsv([row({})]);
    expect(
      csv.startsWith(
        '\uFEFFid,kind,topic,session,session_date,label,text,speakers,themes,places,people,section,citation\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(records(csv)).toHaveLength(3);
  });

  it.each([
    ['a comma', 'cities, regions and states', '"cities, regions and states"'],
    ['quotation marks', 'the "welcoming" campaign', '"the ""welcoming"" campaign"'],
    ['a line break', 'first line\nsecond line', '"first line\nsecond line"'],
    ['non-Latin text', 'São Paulo · 移民 · مهاجر', 'São Paulo · 移民 · مهاجر'],
  ])('quotes a cell with %s as RFC 4180 says', (_name, text, written) => {
    const csv = toCsv([row({ text })]);
    const record = csv.slice(BOM.length).split('\r\n')[1]!;
    expect(record).toBe(
      [
        'm-1',
        'Key takeaway',
        'Topic 1: Skills',
        'Thematic breakout session 1',
        '2020-06-11',
        'A title',
        written,
        '',
        'Health',
        '',
        '',
        'Key Takeaways',
      ]
        .join(',')
        .concat(',“Plain words” Report.'),
    );
  });

  it.each(['=SUM(A1:A2)', '+1', '-1', '@cmd', '\tx', '\rx', '=1+1\nx', '-2\r\n=3', '＝1+1'])(
    'keeps %j from running as a formula, a cell of several lines too',
    (text) => {
      const csv = toCsv([row({ text, label: text })]);
      // The CSV read back as a spreadsheet reads it: the cell starts with an apostrophe, whatever follows.
      const cells = Papa.parse<string[]>(csv.slice(BOM.length), { newline: '\r\n' }).data[1]!;
      expect(cells[COLUMNS.indexOf('text')]).toBe(`'${text}`);
      expect(cells[COLUMNS.indexOf('label')]).toBe(`'${text}`);
    },
  );

  it('leaves text that only holds a formula sign further on as it is', () => {
    const cells = Papa.parse<string[]>(toCsv([row({ text: 'a=b+c, -d' })]).slice(BOM.length), { newline: '\r\n' })
      .data[1]!;
    expect(cells[COLUMNS.indexOf('text')]).toBe('a=b+c, -d');
  });

  it('names the file after the report and the count', () => {
    expect(exportName('GFMD Puebla Process Consultation', 23, 'csv')).toBe(
      'gfmd-puebla-process-consultation-23-messages.csv',
    );
    expect(exportName('São Paulo: 1 message!', 1, 'csv')).toBe('sao-paulo-1-message-1-message.csv');
    expect(exportName('移民', 2, 'png')).toBe('consultation-2-messages.png');
  });
});

describe('a message as a row', () => {
  const lookup = buildLookup(PUEBLA);
  it('holds the report’s words verbatim, the names of what the message is tied to and its session’s date', () => {
    for (const message of PUEBLA.messages) {
      const r = messageRow(message, lookup, PUEBLA.meta);
      expect(r.id).toBe(message.id);
      expect(r.text).toBe(message.text);
      expect(r.label).toBe(message.label);
      expect(r.section).toBe(message.source.section);
      const themes = message.themeIds.map((id) => PUEBLA.themes.find((t) => t.id === id)!.label);
      expect(r.themes.split('; ').filter(Boolean)).toEqual(themes);
      const places = message.placeIds.map((id) => PUEBLA.places.find((p) => p.id === id)!.name);
      expect(r.places.split('; ').filter(Boolean)).toEqual(places);
      const topic = PUEBLA.topics.find((t) => t.id === message.topicId);
      const session = topic && PUEBLA.sessions.find((s) => s.id === topic.sessionId);
      expect(r.session_date).toBe(session?.date ?? '');
      expect(r.topic).toBe(topic ? `Topic ${topic.number}: ${topic.title}` : 'Across the consultation');
    }
  });

  it('quotes only the report’s words in its citation, never the app’s title', () => {
    for (const message of PUEBLA.messages) {
      const r = messageRow(message, lookup, PUEBLA.meta);
      expect(r.citation.startsWith(`“${message.text}”`)).toBe(true);
      if (!message.text.includes(message.label)) expect(r.citation).not.toContain(`“${message.label}”`);
      expect(r.citation).toContain(PUEBLA.meta.source.title);
    }
  });

  it('names the speakers of a quote', () => {
    const quote = PUEBLA.messages.find((m) => m.kind === 'quote' && m.personIds.length)!;
    const person = PUEBLA.people.find((p) => p.id === quote.personIds[0])!;
    expect(messageRow(quote, lookup, PUEBLA.meta).people).toContain(person.name);
  });

  it('every quote names who said it, in its own column and in its citation: a speaker, or the declaration it comes from', () => {
    const quotes = PUEBLA.messages.filter((m) => m.kind === 'quote');
    expect(quotes).toHaveLength(5);
    for (const quote of quotes) {
      const r = messageRow(quote, lookup, PUEBLA.meta);
      // Computed here from the dataset alone: the people's names, else the first reference's title.
      const who = quote.personIds.length
        ? quote.personIds.map((id) => PUEBLA.people.find((p) => p.id === id)!.name)
        : [PUEBLA.references.find((ref) => ref.id === quote.referenceIds[0])!.title];
      for (const name of who) {
        expect(r.speakers, quote.id).toContain(name);
        expect(r.citation, quote.id).toContain(`” — ${name}`);
      }
    }
    const marrakesh = messageRow(
      PUEBLA.messages.find((m) => m.id === 'quote-marrakesh-declaration')!,
      lookup,
      PUEBLA.meta,
    );
    expect(marrakesh.speakers).toBe('Marrakesh Mayors Declaration');
  });

  it('a takeaway names no speaker: the report ties it to its session', () => {
    for (const message of PUEBLA.messages.filter((m) => m.kind === 'takeaway')) {
      const r = messageRow(message, lookup, PUEBLA.meta);
      expect(r.speakers).toBe('');
      expect(r.citation).not.toContain('” —');
      const topic = PUEBLA.topics.find((t) => t.id === message.topicId)!;
      expect(r.session).toBe(PUEBLA.sessions.find((s) => s.id === topic.sessionId)!.title);
    }
  });
});

describe('the briefing as text', () => {
  const lookup = buildLookup(PUEBLA);
  const messages = PUEBLA.messages.filter((m) => m.themeIds.includes('housing'));
  const text = briefingText({
    meta: PUEBLA.meta,
    filters: 'Theme: Housing and basic needs',
    count: messages.length,
    total: PUEBLA.messages.length,
    groups: [{ title: 'Topic 2: Protection', rows: messages.map((m) => messageRow(m, lookup, PUEBLA.meta)) }],
  });

  it('says the report, the filters and the count', () => {
    expect(text).toContain(PUEBLA.meta.title);
    expect(text).toContain('Filters: Theme: Housing and basic needs');
    expect(text).toContain(`${messages.length} of ${PUEBLA.messages.length} messages`);
    expect(text).toContain('TOPIC 2: PROTECTION');
  });

  it('gives every message’s words in quotation marks, and its title unquoted', () => {
    for (const message of messages) {
      expect(text).toContain(`“${message.text}”`);
      expect(text).toContain(`\n${message.label} (`);
    }
  });
});

describe('a link to one message', () => {
  const tiny = tinyDataset();
  const lookup = buildLookup(tiny);
  const id = tiny.messages[0]!.id;

  it('writes the open message with the filters, and reads it back', () => {
    const params = clausesToParams([textClause('search', 'housing')], id);
    expect(params.get('message')).toBe(id);
    expect(paramsToClauses(params, lookup)).toEqual({
      clauses: [textClause('search', 'housing')],
      dropped: [],
      message: id,
    });
  });

  it('writes nothing when no message is open', () => {
    expect(clausesToParams([], null).has('message')).toBe(false);
  });

  it('drops a message the dataset does not have, and says so', () => {
    const parsed = paramsToClauses(new URLSearchParams('message=atlantis'), lookup);
    expect(parsed.message).toBeUndefined();
    expect(parsed.dropped).toEqual([{ what: 'message "atlantis"', why: 'unknown' }]);
  });
});
