/**
 * A report as its readers give it: a flat list of blocks in reading order (headings, paragraphs,
 * list items, block quotes and table rows), each made of runs of text that are bold, italic or
 * plain. The Markdown and Word readers both produce it; the structure reader only reads it, so a
 * report reads the same whatever file it came in.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

interface BlockBase {
  /** Its place in the report, counted from 1: "where it came from" for every proposal. */
  n: number;
  runs: Run[];
}

export type Block =
  | (BlockBase & { type: 'heading'; depth: number })
  | (BlockBase & { type: 'paragraph' })
  | (BlockBase & { type: 'quote' })
  | (BlockBase & { type: 'item'; depth: number; ordered: boolean })
  | (BlockBase & { type: 'row'; cells: Run[][]; table: number });

/** A line break inside a block (a soft break or a Word line break): kept to find a quote's attribution. */
export const BREAK = '\n';

/** Folds white space as the dataset's texts are folded (one space, none at the ends). */
export function fold(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The block's words, folded. */
export function plain(runs: readonly Run[]): string {
  return fold(runs.map((run) => run.text).join(''));
}

/** The bold phrases of some runs, in order, folded (adjacent bold runs make one phrase). */
export function boldPhrases(runs: readonly Run[]): string[] {
  const phrases: string[] = [];
  let current = '';
  for (const run of runs) {
    if (run.bold && run.text !== BREAK) current += run.text;
    else if (current) {
      phrases.push(current);
      current = '';
    }
  }
  if (current) phrases.push(current);
  return phrases.map(fold).filter((phrase) => /[\p{L}\p{N}]/u.test(phrase));
}

/**
 * Runs with a literal "**" left in them: a Word file pasted into Markdown often closes a bold
 * phrase that it never opened ("1. To ensure access to services.** LRAs stressed…"). What
 * comes before such a stray closer, from the start of the block, was meant bold.
 */
export function mendStrayBold(runs: readonly Run[]): Run[] {
  const at = runs.findIndex((run) => !run.bold && run.text.includes('**'));
  if (at < 0) return [...runs];
  if (runs.slice(0, at).some((run) => run.bold))
    return runs.map((run) => ({ ...run, text: run.text.replaceAll('**', '') }));
  const [before, ...after] = runs[at]!.text.split('**');
  return [
    ...runs.slice(0, at).map((run) => ({ ...run, bold: true })),
    { ...runs[at]!, text: before!, bold: true },
    { ...runs[at]!, text: after.join('') },
    ...runs.slice(at + 1).map((run) => ({ ...run, text: run.text.replaceAll('**', '') })),
  ].filter((run) => run.text !== '');
}

/** Merges neighbouring runs that look the same, so a phrase split by the reader stays one run. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out.at(-1);
    if (
      last &&
      !!last.bold === !!run.bold &&
      !!last.italic === !!run.italic &&
      last.text !== BREAK &&
      run.text !== BREAK
    )
      last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

/** A block before it is numbered (a table's rows are added with `table`). */
type Unnumbered = Exclude<Block, { type: 'row' }> extends infer B ? (B extends Block ? Omit<B, 'n'> : never) : never;

/** Numbers blocks in reading order. */
export class BlockList {
  readonly blocks: Block[] = [];
  #tables = 0;

  add(block: Unnumbered) {
    const runs = mergeRuns(mendStrayBold(block.runs));
    if (!plain(runs)) return;
    this.blocks.push({ ...block, runs, n: this.blocks.length + 1 } as Block);
  }

  /** A table: each row one block (a header row included; the structure reader decides). */
  table(rows: Run[][][]) {
    const table = ++this.#tables;
    for (const cells of rows) {
      const mended = cells.map((cell) => mergeRuns(mendStrayBold(cell)));
      if (!mended.some((cell) => plain(cell))) continue;
      const runs = mended.flatMap((cell, i) => (i ? [{ text: '\t' }, ...cell] : cell));
      this.blocks.push({ type: 'row', cells: mended, table, runs, n: this.blocks.length + 1 });
    }
  }
}
