/**
 * A consultation that could not be loaded or is not valid: what went wrong, in words, and for
 * validation each problem with its path.
 */
/** A problem with a consultation, at its JSON path (`messages[12].themeIds[0]`), or with none. */
export interface ValidationError {
  path: string;
  message: string;
}

/** `path: message`, or the message alone. */
export function formatError(error: ValidationError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

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
