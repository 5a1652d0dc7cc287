/**
 * A consultation that could not be loaded or is not valid: what went wrong, in words, and for
 * validation each problem with its path.
 */
import { formatError, type ValidationError } from './validate';

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
