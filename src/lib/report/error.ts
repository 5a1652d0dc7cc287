/** Why a report gave no draft, as a code the interface words (report-client.ts). */
export type ReportFailure = 'no-text' | 'not-word' | 'unreadable';

export class ReportError extends Error {
  constructor(
    readonly code: ReportFailure,
    readonly reason = '',
  ) {
    super(`${code}${reason ? `: ${reason}` : ''}`);
  }
}
