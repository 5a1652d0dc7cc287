/**
 * A consultation as a workbook, for the people who keep their data in a spreadsheet: a sheet
 * per collection (and one for the consultation itself), a header row of the contract's field
 * names, a row per entity. Lists of ids are `;`-separated; lists of phrases (highlights, name
 * variants) go one per line in their cell.
 *
 * The columns are read off the app's own valibot schema, so the workbook can never disagree
 * with the contract. Pure: cells in, cells out. Reading and writing the .xlsx file itself is
 * xlsx.ts's work, loaded on demand.
 *
 * A workbook is checked like any dataset, and each problem is named by its cell
 * (`Messages!F11: unknown theme "helthh"`), not by a JSON path its author never saw.
 */
import { DatasetSchema, MetaSchema, type Dataset } from './schema';
import { validateDataset, type CheckOptions, type ValidationError, type Validated } from './validate';

/** What a workbook's cell holds, as a reader gives it. */
export type CellValue = string | number | boolean | Date | null;

/** A sheet as read: its name and its rows, the header first. */
export interface Table {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
}

type Kind = 'text' | 'number' | 'ids' | 'lines';

export interface Column {
  /** The header: the field's name, dotted for a field inside an object (`source.title`). */
  readonly header: string;
  readonly path: readonly string[];
  readonly kind: Kind;
  /** A required field; an empty cell is then empty text or an empty list, never a missing field. */
  readonly required: boolean;
  /** `null` when empty (a message's `topicId`). */
  readonly nullable: boolean;
  /** It must hold something: a value, at least one item, never empty text. */
  readonly filled: boolean;
  /** The values it may take (a drop-down in the workbook). */
  readonly options?: readonly string[];
  /** The sheet whose ids it names. */
  readonly refers?: SheetName;
}

type CollectionKey =
  'themes' | 'sessions' | 'topics' | 'places' | 'organisations' | 'people' | 'references' | 'events' | 'messages';

export const CONSULTATION_SHEET = 'Consultation';
export const README_SHEET = 'Read me';

/** The sheets, in the workbook's order, and the collections they hold. */
export const SHEETS = [
  [CONSULTATION_SHEET, 'meta'],
  ['Themes', 'themes'],
  ['Sessions', 'sessions'],
  ['Topics', 'topics'],
  ['Places', 'places'],
  ['Organisations', 'organisations'],
  ['People', 'people'],
  ['References', 'references'],
  ['Events', 'events'],
  ['Messages', 'messages'],
] as const satisfies readonly (readonly [string, CollectionKey | 'meta'])[];

export type SheetName = (typeof SHEETS)[number][0];
type SheetKey = (typeof SHEETS)[number][1];

/** Which sheet a `…Id`/`…Ids` field names: `topicId` → Topics, `organiserIds` → Organisations. */
const REFERS: Record<string, SheetName> = {
  theme: 'Themes',
  session: 'Sessions',
  topic: 'Topics',
  place: 'Places',
  organisation: 'Organisations',
  organiser: 'Organisations',
  person: 'People',
  reference: 'References',
  excerptOf: 'Messages',
};

/** The parts of a valibot schema that say what a field holds. */
interface SchemaNode {
  type: string;
  wrapped?: SchemaNode;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  options?: string[];
  pipe?: readonly { type: string }[];
}

function columnsOf(entries: Record<string, SchemaNode>, prefix: readonly string[] = []): Column[] {
  return Object.entries(entries).flatMap(([key, schema]): Column[] => {
    let node = schema;
    let required = true;
    let nullable = false;
    while (node.wrapped && (node.type === 'optional' || node.type === 'nullable')) {
      if (node.type === 'optional') required = false;
      else nullable = true;
      node = node.wrapped;
    }
    const path = [...prefix, key];
    if (node.entries) return columnsOf(node.entries, path);
    const kind: Kind =
      node.type === 'number' || node.type === 'literal'
        ? 'number'
        : node.type === 'array'
          ? key.endsWith('Ids')
            ? 'ids'
            : 'lines'
          : 'text';
    const stem = key.replace(/Ids?$/, '');
    const refers = key === 'id' || !(/Ids?$/.test(key) || key === 'excerptOf') ? undefined : REFERS[stem];
    const checks = new Set((node.pipe ?? []).map((action) => action.type));
    const filled =
      required &&
      !nullable &&
      (kind === 'number' || node.type === 'picklist' || checks.has('min_length') || checks.has('regex'));
    return [
      {
        header: path.join('.'),
        path,
        kind,
        required,
        nullable,
        filled,
        ...(node.type === 'picklist' && node.options ? { options: node.options } : {}),
        ...(refers ? { refers } : {}),
      },
    ];
  });
}

const datasetEntries = (DatasetSchema as unknown as SchemaNode).entries!;

/** The consultation's sheet: the `meta` fields, then the dataset's own version and schema. */
const CONSULTATION_COLUMNS: Column[] = [
  ...columnsOf((MetaSchema as unknown as SchemaNode).entries!),
  { header: 'schemaVersion', path: ['schemaVersion'], kind: 'number', required: true, nullable: false, filled: true },
  { header: '$schema', path: ['$schema'], kind: 'text', required: false, nullable: false, filled: false },
];

/** Every sheet's columns, in order. */
export const COLUMNS: Record<SheetName, readonly Column[]> = Object.fromEntries(
  SHEETS.map(([name, key]) => [
    name,
    key === 'meta'
      ? CONSULTATION_COLUMNS
      : columnsOf((datasetEntries[key] as SchemaNode & { item: SchemaNode }).item.entries!),
  ]),
) as unknown as Record<SheetName, readonly Column[]>;

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet's name as a formula names it: quoted when it has a space. */
export const sheetRef = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

// ---------------------------------------------------------------------------------------------
// Dataset → cells

/** A sheet to write: its columns and its rows of values, the header first. */
export interface SheetOut {
  readonly name: SheetName;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

function valueAt(entity: unknown, path: readonly string[]): unknown {
  let value = entity;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function toCell(value: unknown, column: Column): string | number | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length ? value.join(column.kind === 'ids' ? '; ' : '\n') : null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Fields a workbook has no column for (a dataset may carry more than the contract): listed, not lost silently. */
function leftOut(entity: unknown, columns: readonly Column[], at: string): string[] {
  if (entity === null || typeof entity !== 'object') return [];
  const known = new Set(columns.map((c) => c.path[0]!));
  const nested = new Map<string, Column[]>();
  for (const c of columns) if (c.path.length > 1) nested.set(c.path[0]!, [...(nested.get(c.path[0]!) ?? []), c]);
  return Object.keys(entity).flatMap((key) => {
    if (!known.has(key)) return [`${at}.${key}`];
    const inner = nested.get(key);
    const value = (entity as Record<string, unknown>)[key];
    return inner
      ? leftOut(
          value,
          inner.map((c) => ({ ...c, path: c.path.slice(1) })),
          `${at}.${key}`,
        )
      : [];
  });
}

/**
 * The workbook's sheets for a dataset, or an empty template (`null`): headers only, and the
 * dataset version already filled in. Also lists any field the sheets have no column for.
 */
export function datasetToSheets(dataset: Dataset | null): { sheets: SheetOut[]; leftOut: string[] } {
  const dropped: string[] = [];
  const sheets = SHEETS.map(([name, key]): SheetOut => {
    const columns = COLUMNS[name];
    const header = columns.map((c) => c.header);
    if (key === 'meta') {
      const whole = dataset
        ? { ...dataset.meta, schemaVersion: dataset.schemaVersion, $schema: (dataset as { $schema?: unknown }).$schema }
        : { schemaVersion: 1 };
      if (dataset) {
        const top = Object.keys(dataset).filter(
          (k) => !['meta', 'schemaVersion', '$schema', ...SHEETS.map(([, k]) => k)].includes(k),
        );
        dropped.push(...top, ...leftOut(dataset.meta, CONSULTATION_COLUMNS, 'meta'));
      }
      return {
        name,
        columns,
        rows: [header, columns.map((c) => toCell(valueAt(whole, c.path), c))],
      };
    }
    const list: readonly unknown[] = dataset ? dataset[key] : [];
    list.forEach((entity, i) => dropped.push(...leftOut(entity, columns, `${key}[${i}]`)));
    return {
      name,
      columns,
      rows: [header, ...list.map((entity) => columns.map((c) => toCell(valueAt(entity, c.path), c)))],
    };
  });
  return { sheets, leftOut: dropped };
}

// ---------------------------------------------------------------------------------------------
// Cells → dataset

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A date cell (a spreadsheet turns typed dates into dates) back to the contract's text. */
function dateText(date: Date, column: Column): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}`;
  return column.header === 'published' ? day : `${day}-${pad(date.getUTCDate())}`;
}

/**
 * A cell's value for its field; `undefined` leaves the field out. What does not read as the
 * field's kind is kept as written, for the schema to name with every other problem at once.
 */
function fromCell(cell: CellValue | undefined, column: Column): { value?: unknown } {
  const empty = cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
  if (empty) {
    if (column.nullable) return { value: null };
    if (!column.required) return {};
    if (column.kind === 'ids' || column.kind === 'lines') return { value: [] };
    // A required number left empty is named by the schema as a missing field.
    return column.kind === 'number' ? {} : { value: '' };
  }
  const text = cell instanceof Date ? dateText(cell, column) : typeof cell === 'string' ? cell : String(cell);
  switch (column.kind) {
    case 'number': {
      if (typeof cell === 'number') return { value: cell };
      const number = Number(text.trim());
      return { value: Number.isFinite(number) ? number : text };
    }
    case 'ids':
      return {
        value: text
          .split(';')
          .map((id) => id.trim())
          .filter(Boolean),
      };
    case 'lines':
      return { value: text.split(/\r?\n/).filter((line) => line.trim() !== '') };
    default:
      // An id is read without the spaces around it; other text as written.
      return { value: column.header === 'id' || column.refers ? text.trim() : text };
  }
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path.at(-1)!] = value;
}

/** Two headers one slip apart: the same but for case, or at most two letters changed (for names of 4 or more). */
function near(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 4 || Math.abs(x.length - y.length) > 2) return false;
  // Levenshtein distance, one row at a time.
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length]! <= 2;
}

/** Where each entity came from: its sheet's row number (1-based, as a spreadsheet counts). */
export type Rows = Partial<Record<SheetKey, number[]>>;

function readSheet(
  table: Table,
  name: SheetName,
  errors: ValidationError[],
): { entities: Record<string, unknown>[]; rows: number[] } {
  const columns = COLUMNS[name];
  const header = (table.rows[0] ?? []).map((h) => (h === null ? '' : String(h).trim()));
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    if (!h) return;
    if (!columns.some((c) => c.header === h)) {
      // A column of the user's own (comments, a checklist) is left alone; one that looks like a
      // misspelt field of the data model is named, so its values are not lost without a word.
      const meant = columns.find((c) => near(c.header, h));
      if (meant)
        errors.push({
          path: `${name}!${columnLetters(i)}1`,
          message: `unknown column "${h}": did you mean "${meant.header}"?`,
        });
    } else if (at.has(h)) errors.push({ path: `${name}!${columnLetters(i)}1`, message: `column "${h}" twice` });
    else at.set(h, i);
  });
  for (const c of columns) {
    if (!at.has(c.header) && c.required) errors.push({ path: `${name}!1:1`, message: `missing column "${c.header}"` });
  }
  const entities: Record<string, unknown>[] = [];
  const rows: number[] = [];
  table.rows.slice(1).forEach((row, r) => {
    // Empty rows between entities are skipped (their numbers still count).
    if (row.every((cell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')))
      return;
    const entity: Record<string, unknown> = {};
    for (const column of columns) {
      const i = at.get(column.header);
      const { value } = fromCell(i === undefined ? null : row[i], column);
      if (value !== undefined) setAt(entity, column.path, value);
    }
    entities.push(entity);
    rows.push(r + 2);
  });
  return { entities, rows };
}

/** The dataset the sheets hold, not yet checked, and the row each entity came from. */
export function sheetsToDataset(tables: readonly Table[]): {
  data: Record<string, unknown>;
  rows: Rows;
  errors: ValidationError[];
} {
  const errors: ValidationError[] = [];
  const rows: Rows = {};
  const data: Record<string, unknown> = {};
  const byName = new Map(tables.map((t) => [t.name.trim(), t]));
  for (const [name, key] of SHEETS) {
    const table = byName.get(name);
    if (!table) {
      errors.push({ path: name, message: `missing sheet "${name}"` });
      continue;
    }
    const read = readSheet(table, name, errors);
    rows[key] = read.rows;
    if (key !== 'meta') {
      data[key] = read.entities;
      continue;
    }
    if (read.entities.length !== 1)
      errors.push({
        path: `${name}!2:2`,
        message: `expected the consultation in row 2, and only there; found ${read.entities.length} rows`,
      });
    const { schemaVersion, $schema, ...meta } = read.entities[0] ?? {};
    if ($schema !== undefined) data.$schema = $schema;
    data.schemaVersion = schemaVersion;
    data.meta = meta;
  }
  // The dataset's keys in the contract's order: the same JSON as the file it was made from.
  const ordered: Record<string, unknown> = {};
  for (const key of ['$schema', 'schemaVersion', 'meta', ...SHEETS.slice(1).map(([, k]) => k)])
    if (key in data) ordered[key] = data[key];
  return { data: ordered, rows, errors };
}

/** The keys of a validation path: `messages[9].themeIds[0]` → messages, 9, themeIds, 0. */
function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** Where a sheet's header row has each column (a user may move or leave out columns). */
export type Letters = (sheet: SheetName, header: string) => string | undefined;

function headerLetters(tables: readonly Table[]): Letters {
  const sheets = new Map(
    tables.map((t) => [
      t.name.trim(),
      new Map((t.rows[0] ?? []).flatMap((h, i) => (h === null ? [] : [[String(h).trim(), columnLetters(i)] as const]))),
    ]),
  );
  return (sheet, header) => sheets.get(sheet)?.get(header);
}

/** A validation error's JSON path as the cell it came from: `messages[9].themeIds[0]` → `Messages!F11`. */
export function cellOf(error: ValidationError, rows: Rows, letters: Letters): ValidationError {
  const keys = pathKeys(error.path);
  const first = keys[0];
  if (first === undefined) return error;
  const top = first === 'schemaVersion' || first === '$schema';
  const key = (top ? 'meta' : first) as SheetKey;
  const sheet = SHEETS.find(([, k]) => k === key);
  if (!sheet) return error;
  const [name] = sheet;
  const row = key === 'meta' ? rows.meta?.[0] : typeof keys[1] === 'number' ? rows[key]?.[keys[1]] : undefined;
  if (row === undefined) return { ...error, path: name };
  const fields = (top ? keys : keys.slice(key === 'meta' ? 1 : 2)).filter((k): k is string => typeof k === 'string');
  // A field missing from its entity: the schema names it in the message.
  const missing = /^missing required field "(.+)"$/.exec(error.message)?.[1];
  if (missing) fields.push(missing);
  for (let n = fields.length; n > 0; n--) {
    const header = fields.slice(0, n).join('.');
    const i = COLUMNS[name].findIndex((c) => c.header === header);
    if (i >= 0) return { ...error, path: `${name}!${letters(name, header) ?? columnLetters(i)}${row}` };
  }
  return { ...error, path: `${name}!${row}:${row}` };
}

/** A workbook's sheets, checked as any dataset is: the dataset, or each problem named by its cell. */
export function validateSheets(tables: readonly Table[], options: CheckOptions = {}): Validated<Dataset> {
  const { data, rows, errors } = sheetsToDataset(tables);
  if (errors.length) return { ok: false, errors };
  const result = validateDataset(data, options);
  // The object as read, keys in the contract's order (the schema's output puts extra keys last).
  if (result.ok) return { ok: true, data: data as Dataset };
  const letters = headerLetters(tables);
  const named = result.errors.map((e) => {
    const named = cellOf(e, rows, letters);
    // An empty cell says so: the schema's words alone ("expected non-empty text") hide which.
    const value = pathKeys(e.path).reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      data,
    );
    if (value === '') return { ...named, message: `${named.message} (the cell is empty)` };
    // A decimal comma, as many locales type it.
    if (typeof value === 'string' && /^\s*-?\d+,\d+\s*$/.test(value))
      return { ...named, message: `${named.message}: write decimals with a point, ${value.trim().replace(',', '.')}` };
    return named;
  });
  // In the workbook's order: sheet by sheet, row by row, column by column.
  return { ok: false, errors: named.sort((p, q) => compareCells(p.path, q.path)) };
}

function cellOrder(path: string): [number, number, number] {
  const m = /^([^!]+)(?:!([A-Z]*)(\d+))?/.exec(path);
  const sheet = SHEETS.findIndex(([name]) => name === m?.[1]);
  return [sheet, Number(m?.[3] ?? 0), m?.[2] ? lettersIndex(m[2]) : -1];
}

function compareCells(p: string, q: string): number {
  const [a, b] = [cellOrder(p), cellOrder(q)];
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function lettersIndex(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}
