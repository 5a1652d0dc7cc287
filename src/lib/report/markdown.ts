/**
 * Reads a report written in Markdown, or as plain text (which Markdown reads as paragraphs and
 * lists), into blocks. A real CommonMark parser (mdast-util-from-markdown, with GitHub's tables)
 * does the reading; this module only walks its tree. Lines split by tabs, as a table pasted from
 * Word arrives in a text file, become a table's rows.
 */
import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { BlockList, BREAK, type Block, type Run } from './blocks';

export function readMarkdown(text: string): Block[] {
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const list = new BlockList();
  walk(tree.children, list, 0);
  return list.blocks;
}

function walk(nodes: readonly RootContent[], list: BlockList, depth: number) {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        list.add({ type: 'heading', depth: node.depth, runs: inline(node.children) });
        break;
      case 'paragraph': {
        const rows = tabRows(node.children);
        if (rows) list.table(rows);
        else list.add({ type: 'paragraph', runs: inline(node.children) });
        break;
      }
      case 'list':
        for (const item of node.children) listItem(item.children, list, depth, !!node.ordered);
        break;
      case 'blockquote': {
        const runs = node.children.flatMap((child, i) => [
          ...(i ? [{ text: BREAK }] : []),
          ...('children' in child ? inline(phrasing(child)) : []),
        ]);
        list.add({ type: 'quote', runs });
        break;
      }
      case 'table':
        list.table(node.children.map((row) => row.children.map((cell) => inline(cell.children))));
        break;
      case 'html':
        list.add({ type: 'paragraph', runs: [{ text: node.value.replace(/<[^>]*>/g, '') }] });
        break;
      case 'code':
        list.add({ type: 'paragraph', runs: [{ text: node.value }] });
        break;
      default:
        if ('children' in node) walk((node as Parent).children as RootContent[], list, depth);
    }
  }
}

/** A list item: its first paragraph is the item; its further paragraphs continue it; its lists nest. */
function listItem(children: readonly RootContent[], list: BlockList, depth: number, ordered: boolean) {
  const runs: Run[] = [];
  const rest: RootContent[] = [];
  for (const child of children) {
    if (child.type === 'paragraph' && rest.length === 0)
      runs.push(...(runs.length ? [{ text: ' ' }] : []), ...inline(child.children));
    else rest.push(child);
  }
  if (runs.length) list.add({ type: 'item', depth, ordered, runs });
  walk(rest, list, depth + 1);
}

function phrasing(node: Nodes): PhrasingContent[] {
  if (node.type === 'paragraph' || node.type === 'heading') return node.children;
  if ('children' in node)
    return (node.children as Nodes[]).flatMap((child, i) => [
      ...(i ? [{ type: 'break' } as PhrasingContent] : []),
      ...phrasing(child),
    ]);
  return 'value' in node ? [{ type: 'text', value: String(node.value) }] : [];
}

function inline(nodes: readonly PhrasingContent[], marks: { bold?: boolean; italic?: boolean } = {}): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return [{ text: node.value, ...marks }];
      case 'strong':
        return inline(node.children, { ...marks, bold: true });
      case 'emphasis':
        return inline(node.children, { ...marks, italic: true });
      case 'break':
        return [{ text: BREAK }];
      case 'html':
        return []; // <sup>, <br>: the tag goes, the words between stay
      default:
        return 'children' in node ? inline(node.children as PhrasingContent[], marks) : [];
    }
  });
}

/**
 * A paragraph whose lines are split by tabs is a table pasted as text. A row with fewer cells
 * than the first row lost its leading empty cells (Markdown drops a line's leading white space),
 * so its cells are put at the end.
 */
function tabRows(nodes: readonly PhrasingContent[]): Run[][][] | null {
  const lines: Run[][] = [[]];
  for (const run of inline(nodes)) {
    const parts = run.text.split('\n');
    parts.forEach((part, i) => {
      if (i) lines.push([]);
      if (part) lines.at(-1)!.push({ ...run, text: part });
    });
  }
  const tabbed = lines.filter((line) => line.some((run) => run.text.includes('\t')));
  if (tabbed.length < 2) return null;
  const rows = lines.map(splitCells);
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...Array.from({ length: width - row.length }, () => []), ...row]);
}

function splitCells(line: readonly Run[]): Run[][] {
  const cells: Run[][] = [[]];
  for (const run of line) {
    run.text.split('\t').forEach((part, i) => {
      if (i) cells.push([]);
      if (part) cells.at(-1)!.push({ ...run, text: part });
    });
  }
  return cells;
}

const MARKDOWN_SIGNS = /^#{1,6}\s|\*\*|^\s*[-*+]\s|^\s*>\s|^\s*\|.*\|\s*$/m;
const BULLET = /^\s*(?:[•◦▪▫·●○■□➢➤►✓✔-]|\d{1,2}[.)]|[a-z][.)])\s+/;

/**
 * Reads a text file. One written in Markdown (headings, bold, lists) is read as Markdown. Plain
 * text, as Word saves it, has a paragraph per line and its bullets as characters ("•"): each
 * line is a paragraph or a list item, and lines split by tabs make a table.
 */
export function readText(text: string): Block[] {
  if (MARKDOWN_SIGNS.test(text)) return readMarkdown(text);
  const list = new BlockList();
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    if (line.includes('\t') && lines[i + 1]?.includes('\t')) {
      const rows: Run[][][] = [];
      while (i < lines.length && lines[i]!.includes('\t'))
        rows.push(lines[i++]!.split('\t').map((cell) => [{ text: cell }]));
      i--;
      list.table(rows);
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet)
      list.add({
        type: 'item',
        depth: 0,
        ordered: /\d|[a-z][.)]/.test(bullet[0]),
        runs: [{ text: line.slice(bullet[0].length) }],
      });
    else list.add({ type: 'paragraph', runs: [{ text: line }] });
  }
  return list.blocks;
}
