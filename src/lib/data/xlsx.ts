/**
 * Reading and writing a consultation's .xlsx workbook, in the browser and in Node
 * (`npm run convert`, `npm run template`). Loaded on demand: none of it is in the first load.
 *
 * read-excel-file and write-excel-file (one author, MIT, both released in 2026, one small
 * dependency, fflate): they run unchanged in a browser, a worker and Node, and add about 40 KB
 * to the chunk that opens a workbook. exceljs also writes drop-downs, but its last release is
 * from 2023, it pulls in about 200 packages of Node streams, and its browser build is ~250 KB
 * gzipped. SheetJS's npm build is unmaintained, with open advisories. The drop-downs and the
 * notes on each column are written by a small "feature" of ours (write-excel-file's documented
 * way to add parts of the format it leaves out).
 */
import readExcelFile from 'read-excel-file/universal';
import writeExcelFile, { type Feature, type Sheet } from 'write-excel-file/universal';
import {
  getOrderOfSiblings,
  insertElementMarkupAccordingToOrderOfSiblings,
  sanitizeAttributeValue,
  sanitizeTextContent,
} from 'write-excel-file/utility';
import type { Dataset } from './schema';
import type { CheckOptions, Validated } from './validate';
import { HEADER, HEADINGS, prompt, readMeRows } from './workbook-guide';
import { datasetToSheets, columnLetters, sheetRef, validateSheets, type SheetOut, type Table } from './workbook';

/** A workbook's bytes, checked as any consultation is: the dataset, or each problem named by its cell. */
export async function readWorkbook(input: Blob | ArrayBuffer, options: CheckOptions = {}): Promise<Validated<Dataset>> {
  let sheets: { sheet: string; data: Table['rows'] }[];
  try {
    sheets = (await readExcelFile(input, { trim: false })) as typeof sheets;
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '', message: `not a workbook that can be read (.xlsx): ${(error as Error).message}` }],
    };
  }
  return validateSheets(
    sheets.map((s) => ({ name: s.sheet, rows: s.data })),
    options,
  );
}

/** How many rows below the header the drop-downs and notes cover, at least. */
const ROOM = 5000;

/** The drop-downs and notes of one sheet, as the sheet's XML writes them. */
function validations(sheet: SheetOut): string {
  const last = Math.max(sheet.rows.length, 1 + (sheet.name === 'Consultation' ? 1 : ROOM));
  const items = sheet.columns.map((column, i) => {
    const range = `${columnLetters(i)}2:${columnLetters(i)}${last}`;
    const note = `showInputMessage="1" promptTitle="${sanitizeAttributeValue(column.header.slice(0, 32))}" prompt="${sanitizeAttributeValue(prompt(sheet.name, column))}"`;
    // A kind is one of its list; an id is picked from its sheet's ids (a warning only: an id
    // may be typed before its row is written).
    const list = column.options
      ? { formula: `"${column.options.join(',')}"`, style: 'stop' }
      : column.refers && column.kind === 'text'
        ? { formula: `${sheetRef(column.refers)}!$A$2:$A$${ROOM * 4}`, style: 'warning' }
        : null;
    const kind = list
      ? `type="list" allowBlank="1" showErrorMessage="1" errorStyle="${list.style}" errorTitle="${sanitizeAttributeValue(column.header)}" error="${sanitizeAttributeValue(`Expected ${column.options ? `one of: ${column.options.join(', ')}` : `an id from ${column.refers}`}.`)}"`
      : 'allowBlank="1"';
    const formula = list ? `<formula1>${sanitizeTextContent(list.formula)}</formula1>` : '';
    return `<dataValidation ${kind} ${note} sqref="${range}">${formula}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

/** write-excel-file's way to add to a sheet's XML: here, each sheet's drop-downs and notes. */
function dropDowns(sheets: readonly SheetOut[]): Feature<Blob> {
  const order = getOrderOfSiblings('xl/worksheets/sheet{id}.xml', 'worksheet') ?? [];
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transform: (xml, options) => {
            const sheet = sheets.find((s) => s.name === options.sheet);
            return sheet
              ? insertElementMarkupAccordingToOrderOfSiblings(xml, validations(sheet), order, 'worksheet')
              : xml;
          },
        },
      },
    },
  };
}

const WIDE = new Set(['text', 'description', 'title', 'highlights', 'note', 'source.title']);

/**
 * A consultation as a workbook (or an empty template, for `null`): the Read me first, then a
 * sheet per collection, header row bold and kept in view. Also lists the fields it left out
 * (a dataset may carry more than the contract).
 */
export async function writeWorkbook(dataset: Dataset | null): Promise<{ blob: Blob; leftOut: string[] }> {
  const { sheets, leftOut } = datasetToSheets(dataset);
  const readMe: Sheet<Blob> = {
    sheet: 'Read me',
    // The guide's lines run across the empty cells beside them; the table of columns wraps.
    data: readMeRows().map((row) =>
      row.map((value) => ({
        value,
        type: String,
        wrap: row.length > 1,
        fontWeight: HEADINGS.has(value) || row[0] === HEADER[0] ? ('bold' as const) : undefined,
      })),
    ),
    columns: [{ width: 16 }, { width: 20 }, { width: 16 }, { width: 36 }, { width: 70 }],
  };
  const data: Sheet<Blob>[] = sheets.map((sheet) => ({
    sheet: sheet.name,
    stickyRowsCount: 1,
    columns: sheet.columns.map((c) => ({
      width: WIDE.has(c.header) ? 60 : c.header === 'label' ? 40 : c.kind === 'ids' ? 28 : 18,
    })),
    data: sheet.rows.map((row, r) =>
      row.map((value, i) =>
        r === 0
          ? { value: String(value), type: String, fontWeight: 'bold' as const }
          : value === null
            ? null
            : typeof value === 'number'
              ? { value, type: Number }
              : { value, type: String, wrap: WIDE.has(sheet.columns[i]!.header) },
      ),
    ),
  }));
  const result = writeExcelFile([readMe, ...data], { features: [dropDowns(sheets)] });
  return { blob: await result.toBlob(), leftOut };
}
