import { unzipSync, strFromU8 } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/universal';
import { formatError } from '../../src/lib/data/validate';
import { COLUMNS, SHEETS, datasetToSheets, type CellValue } from '../../src/lib/data/workbook';
import { MEANING, meaning, readMeRows } from '../../src/lib/data/workbook-guide';
import { readWorkbook, writeWorkbook } from '../../src/lib/data/xlsx';
import { syntheticDataset } from '../../scripts/synthetic';

const TEXT = readFileSync('data/puebla-2020.json', 'utf8');
const PUEBLA = JSON.parse(TEXT);

async function bytes(blob: Blob) {
  return new Uint8Array(await blob.arrayBuffer());
}

/** The workbook's sheets as editable rows of cells (the header first), named as in the file. */
function editable(dataset = PUEBLA): Map<string, CellValue[][]> {
  return new Map(datasetToSheets(dataset).sheets.map((s) => [s.name, s.rows.map((row) => [...row])]));
}

/** Writes rows of cells as a user's spreadsheet would hold them: text, numbers and dates. */
async function workbookOf(sheets: Map<string, CellValue[][]>): Promise<ArrayBuffer> {
  const result = writeExcelFile(
    [...sheets].map(([sheet, rows]) => ({
      sheet,
      data: rows.map((row) =>
        row.map((value) =>
          value === null
            ? null
            : value instanceof Date
              ? { value, type: Date, format: 'yyyy-mm-dd' }
              : typeof value === 'number'
                ? { value, type: Number }
                : { value: String(value), type: String },
        ),
      ),
    })),
  );
  return (await result.toBlob()).arrayBuffer();
}

async function problems(sheets: Map<string, CellValue[][]>): Promise<string[]> {
  const result = await readWorkbook(await workbookOf(sheets));
  return result.ok ? [] : result.errors.map(formatError);
}

describe('a consultation as a workbook', () => {
  it('the Puebla dataset goes to a workbook and back as the same JSON, byte for byte', async () => {
    const { blob, leftOut } = await writeWorkbook(PUEBLA);
    expect(leftOut).toEqual([]);
    const back = await readWorkbook(await blob.arrayBuffer());
    if (!back.ok) throw new Error(back.errors.map(formatError).join('\n'));
    expect(`${JSON.stringify(back.data, null, 2)}\n`).toBe(TEXT);
  });

  it('the 10,000-message synthetic dataset goes to a workbook and back unchanged', async () => {
    const dataset = syntheticDataset({ messages: 10_000, places: 500, sessions: 60, seed: 11 });
    const { blob } = await writeWorkbook(dataset);
    const back = await readWorkbook(await blob.arrayBuffer());
    if (!back.ok) throw new Error(back.errors.slice(0, 5).map(formatError).join('\n'));
    expect(JSON.stringify(back.data)).toBe(JSON.stringify(dataset));
  }, 30_000);

  it('a field the data model does not name is listed as left out, not lost silently', async () => {
    const dataset = structuredClone(PUEBLA);
    dataset.messages[2].sentiment = 'hopeful';
    dataset.meta.source.url = 'https://example.org/report.pdf';
    expect((await writeWorkbook(dataset)).leftOut).toEqual(['meta.source.url', 'messages[2].sentiment']);
  });

  it('the template has a Read me, a sheet per collection with the field names, and drop-downs', async () => {
    const { blob } = await writeWorkbook(null);
    const files = unzipSync(await bytes(blob));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([
      'Read me',
      'Consultation',
      'Themes',
      'Sessions',
      'Topics',
      'Places',
      'Organisations',
      'People',
      'References',
      'Events',
      'Messages',
    ]);
    const messages = strFromU8(files[`xl/worksheets/sheet${names.indexOf('Messages') + 1}.xml`]!);
    // The kind is picked from its list; the topic from the Topics sheet's ids.
    expect(messages).toContain('<formula1>"takeaway,cross-cutting,quote,practice,context"</formula1>');
    expect(messages).toMatch(/sqref="D2:D\d+"><formula1>Topics!\$A\$2:\$A\$\d+<\/formula1>/);
    // The header row stays in view.
    expect(messages).toContain('state="frozen"');
    // Every column carries a note a spreadsheet shows as its cells are typed in.
    expect(messages.match(/showInputMessage="1"/g)).toHaveLength(14);
  });

  it('the template opens as an empty consultation whose problems name the cells to fill in', async () => {
    const { blob } = await writeWorkbook(null);
    const result = await readWorkbook(await blob.arrayBuffer());
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map(formatError);
    expect(errors).toContain(
      'Consultation!A2: expected an id: lower-case letters and digits, words joined by hyphens, such as "sao-paulo" (the cell is empty)',
    );
    expect(errors).toContain('Consultation!D2: expected a date YYYY-MM (the cell is empty)');
  });

  it('the Read me explains every column of every sheet', () => {
    const rows = readMeRows();
    const table = rows.slice(rows.findIndex((r) => r[0] === 'Sheet') + 1);
    const expected = SHEETS.flatMap(([sheet]) => COLUMNS[sheet].map((c) => `${sheet}.${c.header}`));
    expect(table.map((r) => `${r[0]}.${r[1]}`)).toEqual(expected);
    for (const [sheet] of SHEETS)
      for (const c of COLUMNS[sheet]) expect(meaning(sheet, c), `${sheet}.${c.header}`).not.toBe('');
    // No word for a column that does not exist.
    for (const key of Object.keys(MEANING)) expect(expected).toContain(key);
  });
});

describe('npm run convert and npm run template', () => {
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { encoding: 'utf8' });

  it('convert turns the Puebla dataset into a workbook and back into the same file; a broken workbook names its cells', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convert-'));
    const there = run('convert', 'data/puebla-2020.json', join(dir, 'puebla.xlsx'));
    expect(there.status, there.stderr).toBe(0);
    expect(there.stdout).toMatch(/^Wrote .*puebla\.xlsx \(\d+ KB\): 52 messages/);
    const back = run('convert', join(dir, 'puebla.xlsx'), join(dir, 'puebla.json'));
    expect(back.status, back.stderr).toBe(0);
    expect(readFileSync(join(dir, 'puebla.json'), 'utf8')).toBe(TEXT);
    // The template, empty: nothing is written, and the cells to fill in are named.
    expect(run('template', join(dir, 'new.xlsx')).status).toBe(0);
    const empty = run('convert', join(dir, 'new.xlsx'), join(dir, 'new.json'));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('Consultation!B2: expected non-empty text (the cell is empty)');
    expect(() => readFileSync(join(dir, 'new.json'))).toThrow();
    expect(run('convert', 'data/puebla-2020.json', join(dir, 'puebla.csv')).status).toBe(2);
  }, 60_000);
});

type Edit = (sheets: Map<string, CellValue[][]>) => void;
const set =
  (sheet: string, cell: string, value: CellValue): Edit =>
  (sheets) => {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
    sheets.get(sheet)![Number(row) - 1]![letters!.charCodeAt(0) - 65] = value;
  };

describe('a broken workbook: every problem is named by its sheet, column and row', () => {
  it.each<[string, Edit, string[]]>([
    [
      'an unknown theme in a message’s list',
      set('Messages', 'H11', 'economic-inclusion; helthh'),
      ['Messages!H11: unknown theme "helthh"'],
    ],
    [
      'a kind not in the list',
      set('Messages', 'B4', 'opinion'),
      ['Messages!B4: expected one of "takeaway", "cross-cutting", "quote", "practice", "context", got "opinion"'],
    ],
    ['an empty label', set('Messages', 'E5', null), ['Messages!E5: expected non-empty text (the cell is empty)']],
    ['a word where a number goes', set('Sessions', 'C3', 'first'), ['Sessions!C3: expected a number, got "first"']],
    [
      'a latitude off the globe',
      set('Places', 'E6', 123.4),
      ['Places!E6: expected latitude between -90 and 90, got 123.4'],
    ],
    [
      'an id used twice',
      (sheets) => sheets.get('Places')!.push([...sheets.get('Places')![1]!]),
      [`Places!A${PUEBLA.places.length + 2}: duplicate id "${PUEBLA.places[0].id}"`],
    ],
    [
      'a renamed header',
      set('Messages', 'H1', 'themeId'),
      ['Messages!H1: unknown column "themeId": did you mean "themeIds"?', 'Messages!1:1: missing column "themeIds"'],
    ],
    ['a missing sheet', (sheets) => sheets.delete('People'), ['People: missing sheet "People"']],
    [
      'a second consultation row',
      (sheets) => sheets.get('Consultation')!.push([...sheets.get('Consultation')![1]!]),
      ['Consultation!2:2: expected the consultation in row 2, and only there; found 2 rows'],
    ],
    [
      'an unknown topic for a session, with its columns moved around',
      (sheets) => {
        for (const row of sheets.get('Sessions')!) row.reverse();
        sheets.get('Sessions')![2]![1] = 'topic-9';
      },
      // topicId was the 6th of 7 columns (F): reversed, it is B.
      ['Sessions!B3: unknown topic "topic-9"'],
    ],
    [
      'a highlight that is not in its text',
      set('Messages', 'G3', 'words the source never wrote'),
      ['Messages!G3: "words the source never wrote" is not in the message\'s text'],
    ],
  ])('%s', async (_, edit, expected) => {
    const sheets = editable();
    edit(sheets);
    expect(await problems(sheets)).toEqual(expected);
  });

  it('several mistakes are all named in one pass, a decimal comma with its fix', async () => {
    const sheets = editable();
    set('Places', 'E3', '-23,5505')(sheets);
    set('Topics', 'C2', null)(sheets);
    set('Messages', 'H5', 'helthh')(sheets);
    set('Messages', 'A9', PUEBLA.messages[0].id)(sheets);
    expect(await problems(sheets)).toEqual([
      // In the workbook's order: Topics, then Places, then Messages row by row.
      'Topics!C2: expected non-empty text (the cell is empty)',
      'Places!E3: expected latitude in degrees (number), got "-23,5505": write decimals with a point, -23.5505',
      'Messages!H5: unknown theme "helthh"',
      `Messages!A9: duplicate id "${PUEBLA.messages[0].id}"`,
    ]);
  });

  it('a column of the user’s own is left alone; one a letter away from a field is named', async () => {
    const sheets = editable();
    sheets.get('Messages')!.forEach((row, r) => row.push(r === 0 ? 'Comments' : 'checked by the secretariat'));
    expect(await problems(sheets)).toEqual([]);
    set('Messages', 'O1', 'notes')(sheets);
    expect(await problems(sheets)).toEqual(['Messages!O1: unknown column "notes": did you mean "note"?']);
  });

  it('an empty row between entities is skipped, and the rows after it keep their numbers', async () => {
    const sheets = editable();
    const places = sheets.get('Places')!;
    places.splice(
      3,
      0,
      places[0]!.map(() => null),
    );
    places[7]![3] = 'Brazil';
    expect(await problems(sheets)).toEqual([
      'Places!D8: expected a two-letter country code in capitals, such as "UY" (ISO 3166-1 alpha-2), got "Brazil"',
    ]);
  });

  it('a date the spreadsheet turned into a date, and a number typed as text, are read as meant', async () => {
    const sheets = editable();
    const sessions = sheets.get('Sessions')!;
    const day = String(sessions[1]![1]);
    sessions[1]![1] = new Date(`${day}T00:00:00Z`);
    sessions[1]![2] = '1';
    const result = await readWorkbook(await workbookOf(sheets));
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
    expect(result.data.sessions[0]!.date).toBe(day);
    expect(result.data.sessions[0]!.order).toBe(1);
  });

  it('a file that is not a workbook at all', async () => {
    const result = await readWorkbook(new TextEncoder().encode('{"not": "a workbook"}').buffer);
    expect(result.ok ? '' : formatError(result.errors[0]!)).toMatch(/^not a workbook that can be read \(\.xlsx\)/);
  });
});
