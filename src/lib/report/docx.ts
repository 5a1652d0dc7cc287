/**
 * Reads a Word report (.docx) into blocks with mammoth, the well-kept .docx reader. Mammoth
 * reads the file into its document tree (paragraphs with their style and numbering, runs bold
 * or italic, tables); this module walks that tree as mammoth hands it over, before any HTML is
 * written, so Word's own heading and list styles become headings and list items. Images are
 * not read.
 */
import mammoth from 'mammoth';
import { BlockList, BREAK, type Block, type Run } from './blocks';

/** The parts of mammoth's document tree this reader uses. */
interface Element {
  type: string;
  children?: Element[];
  styleName?: string | null;
  styleId?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  isBold?: boolean;
  isItalic?: boolean;
  value?: string;
  breakType?: string;
}

export async function readDocx(data: ArrayBuffer): Promise<Block[]> {
  let tree: Element | null = null;
  await mammoth.convertToHtml(
    // The browser's mammoth reads `arrayBuffer`; Node's (the unit tests) reads `buffer`: both open the same bytes.
    { arrayBuffer: data, buffer: data } as { arrayBuffer: ArrayBuffer },
    {
      transformDocument: (document: Element) => {
        tree = document;
        return { ...document, children: [] }; // the tree is read here; mammoth need not write it as HTML
      },
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    },
  );
  if (!tree) throw new Error('The Word file could not be read.');
  return walk(tree);
}

function walk(document: Element) {
  const list = new BlockList();
  for (const child of document.children ?? []) block(child, list);
  return list.blocks;
}

function block(element: Element, list: BlockList) {
  if (element.type === 'table') {
    const rows = (element.children ?? [])
      .filter((row) => row.type === 'tableRow')
      .map((row) =>
        (row.children ?? []).map((cell) =>
          (cell.children ?? []).flatMap((paragraph, i) => [...(i ? [{ text: BREAK }] : []), ...runs(paragraph)]),
        ),
      );
    list.table(rows);
    return;
  }
  if (element.type !== 'paragraph') {
    for (const child of element.children ?? []) block(child, list);
    return;
  }
  const style = `${element.styleName ?? ''} ${element.styleId ?? ''}`;
  const content = runs(element);
  const heading = /\bHeading\s*(\d)/i.exec(style) ?? /^(?:Title)\b/i.exec(style.trim());
  if (heading) {
    list.add({ type: 'heading', depth: heading[1] ? Number(heading[1]) + 1 : 1, runs: content });
  } else if (/quote/i.test(style)) {
    list.add({ type: 'quote', runs: content });
  } else if (element.numbering || /list/i.test(style)) {
    const level = Number(element.numbering?.level ?? 0);
    list.add({
      type: 'item',
      depth: level,
      ordered: !!element.numbering?.isOrdered || /number/i.test(style),
      runs: content,
    });
  } else {
    list.add({ type: 'paragraph', runs: content });
  }
}

function runs(element: Element, marks: { bold?: boolean; italic?: boolean } = {}): Run[] {
  return (element.children ?? []).flatMap((child): Run[] => {
    switch (child.type) {
      case 'text':
        return [{ text: child.value ?? '', ...marks }];
      case 'tab':
        return [{ text: '\t', ...marks }];
      case 'break':
        return [{ text: child.breakType === 'line' ? BREAK : ' ' }];
      case 'run':
        return runs(child, { bold: marks.bold || !!child.isBold, italic: marks.italic || !!child.isItalic });
      case 'paragraph':
        return runs(child, marks);
      default:
        return child.children ? runs(child, marks) : [];
    }
  });
}
