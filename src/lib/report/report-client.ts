/**
 * Reads a report the user picked or dropped: in a worker (see report.worker.ts), or here where
 * no worker can start (the component tests, a packed copy). Cancelled by the signal: the worker
 * stops at once.
 */
import { ReportError } from './files';
import type { Draft } from './structure';
import type { ReportReply } from './report.worker';

export async function readReportFile(file: File, signal?: AbortSignal): Promise<Draft> {
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
