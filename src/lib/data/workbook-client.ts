/**
 * Opens a workbook the user picked: read and checked in a worker (see workbook.worker.ts), or
 * here where there are no workers (the component tests).
 */
import type { Dataset } from './schema';
import type { Validated } from './validate';

export function readWorkbookFile(file: Blob): Promise<Validated<Dataset>> {
  if (typeof Worker !== 'function') return import('./xlsx').then((xlsx) => xlsx.readWorkbook(file));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module', name: 'workbook' });
    worker.onmessage = (event: MessageEvent<Validated<Dataset>>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The workbook could not be read: ${event.message || 'its reader stopped'}.`));
    };
    worker.postMessage(file);
  });
}
