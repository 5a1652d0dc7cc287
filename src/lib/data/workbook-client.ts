/**
 * Opens a workbook the user picked: read and checked in a worker (see workbook.worker.ts), or
 * here where there is no worker to start (the component tests, a packed copy).
 */
import { m } from '../i18n/later.svelte';
import type { Dataset } from './schema';
import type { Validated } from './validate';

export function readWorkbookFile(file: Blob): Promise<Validated<Dataset>> {
  // A packed copy has no file beside it for a worker to start from: it reads here.
  if (typeof Worker !== 'function' || import.meta.env.MODE === 'pack')
    return Promise.all([import('./xlsx'), import('./shapes').then((shapes) => shapes.placeCheck())]).then(
      ([xlsx, check]) => xlsx.readWorkbook(file, check),
    );
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module', name: 'workbook' });
    worker.onmessage = (event: MessageEvent<Validated<Dataset>>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(m.load_workbook_unread({ reason: event.message || m.load_workbook_reader_stopped() })));
    };
    worker.postMessage(file);
  });
}
