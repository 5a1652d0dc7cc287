/**
 * Keyboard for a data grid (the ARIA grid pattern): one tab stop, arrow keys move a cursor,
 * Home/End (with Ctrl: to the corners), PageUp/PageDown; Enter or Space activates the cell.
 * Cells carry `data-r`/`data-c`; row -1 holds the column headers, column -1 the row headers.
 */
import { tick } from 'svelte';
import { moveCursor } from '../scales/matrix';

export class GridCursor {
  r = $state(0);
  c = $state(0);
  readonly #size: () => { rows: number; cols: number };
  readonly #activate: (r: number, c: number, event: KeyboardEvent) => void;

  constructor(
    size: () => { rows: number; cols: number },
    activate: (r: number, c: number, event: KeyboardEvent) => void,
  ) {
    this.#size = size;
    this.#activate = activate;
  }

  tabIndex(r: number, c: number): 0 | -1 {
    const { rows, cols } = this.#size();
    // If the grid shrank under the cursor, the first body cell keeps the tab stop.
    const r0 = this.r < rows ? this.r : 0;
    const c0 = this.c < cols ? this.c : 0;
    return r === r0 && c === c0 ? 0 : -1;
  }

  onkeydown = (event: KeyboardEvent) => {
    const grid = event.currentTarget as HTMLElement;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#activate(this.r, this.c, event);
      return;
    }
    const { rows, cols } = this.#size();
    const next = moveCursor({ r: this.r, c: this.c }, event.key, rows, cols, event.ctrlKey || event.metaKey);
    if (!next) return;
    event.preventDefault();
    this.r = next.r;
    this.c = next.c;
    void tick().then(() => {
      const cell = grid.querySelector<HTMLElement>(`[data-r="${next.r}"][data-c="${next.c}"]`);
      if (!cell) return;
      cell.focus();
      keepClear(cell, grid, next.r, next.c);
    });
  };

  /**
   * A press on a cell focuses it without scrolling: a browser scrolling a half-hidden cell
   * into view between press and release would move another cell under the pointer, and the
   * click would be lost.
   */
  onpointerdown = (event: PointerEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!cell || event.button !== 0) return;
    event.preventDefault();
    cell.focus({ preventScroll: true });
  };

  onfocusin = (event: FocusEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!cell) return;
    this.r = Number(cell.dataset.r);
    this.c = Number(cell.dataset.c);
  };
}

/** The nearest ancestor that scrolls along an axis, if any. */
function scroller(from: HTMLElement, axis: 'x' | 'y'): HTMLElement | null {
  for (let el = from.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el)[axis === 'x' ? 'overflowX' : 'overflowY'];
    const scrolls = axis === 'x' ? el.scrollWidth > el.clientWidth : el.scrollHeight > el.clientHeight;
    if (scrolls && (overflow === 'auto' || overflow === 'scroll')) return el;
  }
  return null;
}

/**
 * The focused cell never under its own sticky headers (the topics that stay in sight while the
 * themes scroll, the column headings over the rows): the box scrolls it into view, then clear of
 * them.
 */
function keepClear(cell: HTMLElement, grid: HTMLElement, r: number, c: number): void {
  // Into view first: focusing a cell does not always scroll its box (a cell past a sticky column).
  cell.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  const box = cell.getBoundingClientRect();
  const sticky = (el: HTMLElement | null) =>
    el && el !== cell && getComputedStyle(el).position === 'sticky' ? el : null;
  const rowHead = sticky(grid.querySelector<HTMLElement>(`[data-r="${r}"][data-c="-1"]`));
  const colHead = sticky(grid.querySelector<HTMLElement>(`[data-r="-1"][data-c="${c}"]`));
  const left = rowHead ? rowHead.getBoundingClientRect().right - box.left : 0;
  const top = colHead ? colHead.getBoundingClientRect().bottom - box.top : 0;
  if (left > 0) scroller(cell, 'x')?.scrollBy?.({ left: -left, behavior: 'instant' });
  if (top > 0) scroller(cell, 'y')?.scrollBy?.({ top: -top, behavior: 'instant' });
}
