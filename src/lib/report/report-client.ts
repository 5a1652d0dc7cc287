/**
 * Reads a report the user picked or dropped: in a worker (see report.worker.ts), or here where
 * no worker can start (the component tests, a packed copy). Cancelled by the signal: the worker
 * stops at once. A report that gives no draft fails with its reason in words, as a consultation
 * that cannot be opened does.
 */
import { m } from '../i18n/later.svelte';
import { DatasetError } from '../data/fetchers';
import type { Progress } from '../data/remote';
import { ReportError } from './error';
import type { Draft } from './structure';
import type { ReportReply } from './report.worker';

export async function readReportFile(file: File, signal?: AbortSignal, onProgress?: Progress): Promise<Draft> {
  onProgress?.(file.size, file.size, m.report_reading());
  try {
    return await read(file, signal);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    const name = file.name;
    throw new DatasetError(
      error.code === 'no-text'
        ? m.report_no_text({ name })
        : error.code === 'not-word'
          ? m.report_not_word({ name, reason: error.reason })
          : m.report_unreadable({ name, reason: error.reason }),
    );
  }
}

async function read(file: File, signal?: AbortSignal): Promise<Draft> {
  const bytes = await file.arrayBuffer();
  if (typeof Worker !== 'function' || import.meta.env.MODE === 'pack')
    return import('./read-report').then(({ readReport }) => readReport(file.name, bytes));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module', name: 'report' });
    const stop = () => {
      worker.terminate();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<ReportReply>) => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
      if (event.data.type === 'done') resolve(event.data.draft);
      else reject(new ReportError(event.data.code, event.data.reason));
    };
    worker.onerror = (event) => {
      worker.terminate();
      signal?.removeEventListener('abort', stop);
      reject(new ReportError('unreadable', event.message));
    };
    worker.postMessage({ name: file.name, bytes }, [bytes]);
  });
}
