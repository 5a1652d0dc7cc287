/**
 * Reads a workbook off the page's thread: 10,000 messages take about half a second to unpack,
 * parse and check, which would freeze the page. Answers with the checked dataset or its
 * problems, each named by its cell.
 */
import { readWorkbook } from './xlsx';

self.onmessage = async (event: MessageEvent<Blob>) => {
  self.postMessage(await readWorkbook(event.data));
};
