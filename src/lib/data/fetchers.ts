/**
 * Fetchers and query options: plain functions that fetch, parse and validate. A failure is
 * thrown as a `DatasetError` carrying what went wrong and, for validation, the errors.
 */
import type { ConsultationIndex, Dataset } from './schema';
import { formatError, parseJson, validateDataset, validateIndex, type ValidationError } from './validate';

export class DatasetError extends Error {
  readonly errors: readonly ValidationError[];
  constructor(message: string, errors: readonly ValidationError[] = []) {
    super(message);
    this.name = 'DatasetError';
    this.errors = errors;
  }
  /** The first errors, formatted `path: message`. */
  details(limit = 5): string[] {
    return this.errors.slice(0, limit).map(formatError);
  }
}

/** Where the app finds its datasets: `data/` beside the page (Vite copies it into the build). */
export const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

async function fetchText(url: string, what: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DatasetError(`Could not load ${what} (${url}): ${(error as Error).message}`);
  }
  if (!response.ok) throw new DatasetError(`Could not load ${what} (${url}): HTTP ${response.status}`);
  return response.text();
}

export async function fetchConsultationIndex(base = DATA_BASE): Promise<ConsultationIndex> {
  const url = `${base}index.json`;
  const json = parseJson(await fetchText(url, 'the list of consultations'));
  const result = json.ok ? validateIndex(json.data) : json;
  if (!result.ok) throw new DatasetError(`The list of consultations (${url}) is not valid.`, result.errors);
  if (result.data.consultations.length === 0) throw new DatasetError(`The list of consultations (${url}) is empty.`);
  return result.data;
}

export async function fetchDataset(file: string, base = DATA_BASE): Promise<Dataset> {
  const url = new URL(file, new URL(base, globalThis.location?.href ?? 'http://localhost/')).href;
  const json = parseJson(await fetchText(url, `the dataset ${file}`));
  const result = json.ok ? validateDataset(json.data) : json;
  if (!result.ok) {
    const n = result.errors.length;
    throw new DatasetError(`The dataset ${file} is not valid: ${n} problem${n === 1 ? '' : 's'}.`, result.errors);
  }
  return result.data;
}

export const consultationIndexQuery = () => ({
  queryKey: ['consultations'] as const,
  queryFn: () => fetchConsultationIndex(),
});

export const datasetQuery = (file: string | undefined) => ({
  queryKey: ['dataset', file] as const,
  queryFn: () => fetchDataset(file!),
  enabled: file !== undefined,
});
