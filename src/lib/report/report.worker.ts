/**
 * Reads a report off the page's thread: a 20 MB Word file takes seconds to unzip and read, and
 * the page must stay responsive (and its Cancel work) meanwhile.
 */
import { ReportError } from './error';
import { readReport } from './read-report';

export type ReportReply =
  | { type: 'done'; draft: Awaited<ReturnType<typeof readReport>> }
  | { type: 'failed'; code: ReportError['code']; reason: string };

self.onmessage = async (event: MessageEvent<{ name: string; bytes: ArrayBuffer }>) => {
  try {
    const draft = await readReport(event.data.name, event.data.bytes);
    self.postMessage({ type: 'done', draft } satisfies ReportReply);
  } catch (error) {
    const failure = error instanceof ReportError ? error : new ReportError('unreadable', (error as Error).message);
    self.postMessage({ type: 'failed', code: failure.code, reason: failure.reason } satisfies ReportReply);
  }
};
