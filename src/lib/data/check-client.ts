/**
 * Checks a big dataset's text in a worker (check.worker.ts), taking the checked dataset back a
 * part at a time; a cancelled check stops the worker at once.
 */
import { m } from '../i18n/later.svelte';
import { DatasetAssembly, type CheckReply } from './check-protocol';
import type { Dataset } from './schema';
import type { Validated } from './validate';

export interface CheckProgress {
  /** The text has parsed: this many messages are being checked. */
  checking?: (messages: number) => void;
}

export function checkInWorker(
  text: string,
  places: boolean,
  progress: CheckProgress = {},
  signal?: AbortSignal,
): Promise<Validated<Dataset>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'dataset-check' });
    const assembly = new DatasetAssembly();
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', cancelled);
    };
    const cancelled = () => {
      stop();
      reject(signal?.reason ?? new DOMException('The check was cancelled', 'AbortError'));
    };
    if (signal?.aborted) return cancelled();
    signal?.addEventListener('abort', cancelled, { once: true });
    worker.onmessage = (event: MessageEvent<CheckReply>) => {
      const reply = event.data;
      if (reply.type === 'checking') progress.checking?.(reply.messages);
      else if (reply.type === 'invalid') {
        stop();
        resolve({ ok: false, errors: reply.errors });
      } else {
        const dataset = assembly.take(reply);
        if (dataset) {
          stop();
          resolve({ ok: true, data: dataset });
        }
      }
    };
    worker.onerror = (event) => {
      stop();
      reject(new Error(m.load_check_stopped({ reason: event.message || m.load_workbook_reader_stopped() })));
    };
    worker.postMessage({ text, places });
  });
}
