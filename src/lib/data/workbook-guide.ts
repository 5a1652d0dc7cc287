/**
 * The words a workbook carries for the people who fill it in: the "Read me" sheet, and the
 * note a spreadsheet shows beside a header's cells as they are typed in. Each column's meaning
 * comes from DATA-MODEL.md; its format is read off the column itself.
 */
import { COLUMNS, SHEETS, columnLetters, type Column, type SheetName } from './workbook';

const ID = 'The row’s id: lower-case letters and digits, words joined by hyphens (sao-paulo), unique in this sheet.';
const NOTE = 'Anything inferred, or a discrepancy in the source, and why.';

/** What each column holds, by `Sheet.column`; `id` and `note` mean the same on every sheet. */
export const MEANING: Record<string, string> = {
  'Consultation.id': 'The consultation’s id, e.g. puebla-2020.',
  'Consultation.title': 'The consultation’s title, as the dashboard shows it.',
  'Consultation.subtitle': 'A line under the title.',
  'Consultation.published': 'The month the report was published.',
  'Consultation.language': 'The language of the report’s words: en, es, fr, pt…',
  'Consultation.source.title': 'The source document’s title.',
  'Consultation.source.publisher': 'Who published the source document.',
  'Consultation.organiserIds': 'The organisers.',
  'Consultation.schemaVersion': 'The version of the data model this workbook follows: 1.',
  'Consultation.$schema': 'For JSON editors only (the JSON Schema a .json file names). Leave it as it is, or empty.',
  'Themes.label': 'The theme’s name.',
  'Themes.group':
    'cross-cutting: a message that recurs across the sessions; gfmd-area: a GFMD thematic area; issue: any other.',
  'Themes.description': 'What the theme covers.',
  'Sessions.date': 'The day it was held.',
  'Sessions.order': 'Its place among that day’s sessions: 1, 2…',
  'Sessions.type': 'What kind of session it was.',
  'Sessions.title': 'Its title, as the source writes it.',
  'Sessions.topicId': 'The topic it discussed.',
  'Topics.number': 'The topic’s number: 1, 2…, each once.',
  'Topics.title': 'Its title, as the source writes it.',
  'Topics.sessionId': 'The session that discussed it.',
  'Places.name': 'The place’s name.',
  'Places.kind': 'What kind of place it is.',
  'Places.countryCode': 'Its country: the ISO 3166-1 two-letter code, in capitals (MX, BR).',
  'Places.lat': 'Latitude in degrees (WGS84), 4 decimals: south is negative.',
  'Places.lon': 'Longitude in degrees (WGS84), 4 decimals: west is negative.',
  'Organisations.name': 'The organisation’s name.',
  'Organisations.kind': 'What kind of organisation it is.',
  'Organisations.acronym': 'Its acronym.',
  'Organisations.placeId': 'Where it sits.',
  'People.name': 'The person’s name, as the source writes it.',
  'People.role': 'Their role or title.',
  'People.organisationId': 'The organisation they spoke for.',
  'People.placeId': 'The place they represented.',
  'People.topicIds': 'The topics they spoke on (and so the sessions): at least one.',
  'People.nameVariants': 'Other spellings of the name in the source.',
  'References.title': 'The document’s title (a declaration, a compact, a law…).',
  'References.kind': 'What kind of document it is.',
  'References.year': 'The year it was adopted.',
  'Events.date': 'When it happened.',
  'Events.title': 'What happened: a declaration, a forum, a campaign the report mentions.',
  'Events.placeId': 'Where it happened.',
  'Messages.kind':
    'takeaway, cross-cutting (a message that recurs across topics), quote, practice (a city’s) or context.',
  'Messages.excerptOf':
    'When these words are part of another message (a practice inside a takeaway): that message, so they are counted once.',
  'Messages.topicId': 'The topic it belongs to; empty when it spans topics.',
  'Messages.label': 'A short title of at most 60 characters, for the matrix and the slides.',
  'Messages.text': 'The source’s own words, never a paraphrase.',
  'Messages.highlights': 'The phrases the source sets in bold, each exactly as in the text.',
  'Messages.themeIds': 'Its themes: at least one.',
  'Messages.placeIds': 'The places it is about or comes from.',
  'Messages.personIds': 'The people it names; a quote’s speaker.',
  'Messages.organisationIds': 'The organisations it names.',
  'Messages.referenceIds': 'The documents it cites.',
  'Messages.source.section': 'The section of the source it comes from.',
};

export function meaning(sheet: SheetName, column: Column): string {
  if (column.header === 'id' && sheet !== 'Consultation') return ID;
  if (column.header === 'note') return NOTE;
  return MEANING[`${sheet}.${column.header}`] ?? '';
}

const DATE_FORMATS: Record<string, string> = {
  'Consultation.published': 'a month: YYYY-MM',
  'Sessions.date': 'a day: YYYY-MM-DD',
  'Events.date': 'YYYY, YYYY-MM or YYYY-MM-DD',
};

/** How a column is written: "one of: …", "ids from Themes, separated by ;", "a number"… */
export function format(sheet: SheetName, column: Column): string {
  const date = DATE_FORMATS[`${sheet}.${column.header}`];
  if (date) return date;
  if (column.options) return `one of: ${column.options.join(', ')}`;
  if (column.kind === 'ids') return `ids from ${column.refers ?? 'its sheet'}, separated by ;`;
  if (column.kind === 'lines') return 'one per line in the cell (Alt+Enter, or Option+Return, starts a line)';
  if (column.kind === 'number')
    return column.header === 'lat' || column.header === 'lon' ? 'a number' : 'a whole number';
  if (column.refers) return `an id from ${column.refers}`;
  return 'text';
}

/** Whether a column must be filled in, in one cell of the Read me. */
function required(column: Column): string {
  if (!column.filled) return 'no';
  return column.kind === 'ids' || column.kind === 'lines' ? 'yes, at least one' : 'yes';
}

/** Where a field is in the workbook, as a problem names it: `Messages!H11`. */
function cell(sheet: SheetName, header: string, row: number): string {
  return `${sheet}!${columnLetters(COLUMNS[sheet].findIndex((c) => c.header === header))}${row}`;
}

/** The Read me's headings, set in bold. */
export const HEADINGS = new Set([
  'A consultation for Consultation Atlas',
  'How the sheets fit together',
  'How to write it',
  'How to check it',
]);

/** The "Read me" sheet's rows: how to fill the workbook in, then every column. */
export function readMeRows(): string[][] {
  return [
    ['A consultation for Consultation Atlas'],
    ['One consultation per workbook. Each sheet holds one kind of thing; row 1 names the fields: keep those names.'],
    ['Then one row per item, in any order. Columns of your own (comments, checks) may be added: they are ignored.'],
    [],
    ['How the sheets fit together'],
    ['Consultation: one row, in row 2: its title, date, language and source.'],
    ['Sessions are the meetings (date, title); Topics are what the breakouts discussed. A topic names its session,'],
    ['   and a session may name its topic: the two must agree. People name the topics they spoke on.'],
    ['Messages are the report’s words: takeaways, cross-cutting messages, quotes, practices, context. Each names'],
    ['   its topic, its themes (from Themes), and the places, people, organisations and documents it is tied to.'],
    ['Places carry coordinates for the map. References (documents) and Events (milestones) may be left empty.'],
    [],
    ['How to write it'],
    ['Ids: lower-case letters and digits, words joined by hyphens (sao-paulo, topic-1), unique in their sheet.'],
    ['Other sheets name an item by its id. A list of ids is separated by ; (health; housing).'],
    ['Highlights and other spellings of a name: one per line in the cell (Alt+Enter, or Option+Return).'],
    ['Dates: 2020-06-18. A day the spreadsheet turned into a date works too; a month or a year alone (2019-05,'],
    ["   2019) is best typed as text, after an apostrophe ('2019-05), or it becomes the month's first day."],
    ['Decimals with a point: -23.5505. Message texts are the source’s own words, never a paraphrase.'],
    [],
    ['How to check it'],
    ['Open it in the dashboard (Open…, or drop the file on the page). Nothing changes on screen until it is valid.'],
    [
      `Every problem is named by its cell, e.g. ${cell('Messages', 'themeIds', 11)}: unknown theme "helthh". Fix those cells, save, and open it again.`,
    ],
    ['To turn it into the dashboard’s .json file, and back: npm run convert -- consultation.xlsx consultation.json'],
    [],
    [HEADER[0], HEADER[1], HEADER[2], HEADER[3], HEADER[4]],
    ...SHEETS.flatMap(([sheet]) =>
      COLUMNS[sheet].map((column) => [
        sheet,
        column.header,
        required(column),
        format(sheet, column),
        meaning(sheet, column),
      ]),
    ),
  ];
}

/** The header of the Read me's table of columns. */
export const HEADER = ['Sheet', 'Column', 'Required', 'Written as', 'What it holds'] as const;

/** A header's note, shown by the spreadsheet in the cells below it (at most 255 characters). */
export function prompt(sheet: SheetName, column: Column): string {
  const text = `${meaning(sheet, column)} Written as ${format(sheet, column)}.`;
  return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}
