/**
 * Reads a workbook off the page's thread: 10,000 messages take about half a second to unpack,
 * parse and check, which would freeze the page. Answers with the checked dataset or its
 * problems, each named by its cell.
 */
import { placeCheck } from './shapes';
import { readWorkbook } from './xlsx';

// Its places are checked against their countries: the basemap is fetched here, once.
self.onmessage = async (event: MessageEvent<Blob>) => {
  self.postMessage(await readWorkbook(event.data, await placeCheck()));
};
