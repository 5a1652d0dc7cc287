/**
 * A scene's messages in steps: each step a page of columns, filled in reading order (down the
 * first column, then the next) with as many whole items as the stage's height holds. An item
 * taller than the stage gets a column of its own.
 */
export interface Measured {
  id: string;
  height: number;
}

/** A page: its columns, each a list of item ids. */
export type Page = string[][];

export function paginate(items: readonly Measured[], columns: number, available: number, gap: number): Page[] {
  const cols = Math.max(1, Math.floor(columns));
  const pages: Page[] = [];
  let page: Page = [[]];
  let used = 0;
  for (const item of items) {
    const column = page.at(-1)!;
    if (column.length > 0 && used + gap + item.height > available) {
      if (page.length < cols) page.push([]);
      else {
        pages.push(page);
        page = [[]];
      }
      used = 0;
    }
    page.at(-1)!.push(item.id);
    used += (page.at(-1)!.length > 1 ? gap : 0) + item.height;
  }
  if (page.some((c) => c.length > 0) || pages.length === 0) pages.push(page);
  return pages;
}

/** One item a page: quotes are read one at a time. */
export function onePerPage(items: readonly Measured[]): Page[] {
  return items.length ? items.map((item) => [[item.id]]) : [[[]]];
}
