/**
 * A report file's bytes to a draft: Word (.docx, a zip) through mammoth, anything else as text
 * (Markdown or plain). A PDF or an image has no text to read: that is said plainly, by a code the
 * interface words, and nothing is proposed. The readers are imported here, not on demand: this
 * runs in a worker, where the whole of it is wanted at once.
 */
import { plain } from './blocks';
import { readDocx } from './docx';
import { ReportError } from './error';
import { NO_TEXT_FILE } from './files';
import { readText } from './markdown';
import { readStructure, type Draft } from './structure';

function kindOf(name: string, head: Uint8Array): 'docx' | 'text' | 'none' {
  const ascii = String.fromCharCode(...head.slice(0, 8));
  if (ascii.startsWith('%PDF') || NO_TEXT_FILE.test(name)) return 'none';
  if (head[0] === 0x89 && ascii.slice(1, 4) === 'PNG') return 'none';
  if (head[0] === 0xff && head[1] === 0xd8) return 'none';
  if (ascii.startsWith('PK\u0003\u0004')) return 'docx';
  return 'text';
}

export async function readReport(name: string, bytes: ArrayBuffer): Promise<Draft> {
  const kind = kindOf(name, new Uint8Array(bytes.slice(0, 8)));
  if (kind === 'none') throw new ReportError('no-text');
  let blocks;
  if (kind === 'docx') {
    try {
      blocks = await readDocx(bytes);
    } catch (error) {
      throw new ReportError('not-word', (error as Error).message);
    }
  } else {
    const text = new TextDecoder('utf-8').decode(bytes);
    if (text.includes('\u0000')) throw new ReportError('no-text'); // a binary file, not text
    blocks = readText(text);
  }
  if (!blocks.some((block) => /[\p{L}]{2}/u.test(plain(block.runs)))) throw new ReportError('no-text');
  return readStructure(blocks);
}
