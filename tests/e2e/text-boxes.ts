/** The page's visible text as the boxes it was drawn in, and which of them overlap. */
import type { Page } from 'playwright-core';

/**
 * Every line of visible text on the page, as the boxes the browser drew it in: a text node's
 * client rects, clipped by each scrolling or clipping ancestor; text that is clipped away, hidden
 * or visually hidden (1 px) is not seen, so it cannot overlap.
 */
export function textBoxes(page: Page) {
  return page.evaluate(() => {
    const out: { node: number; text: string; left: number; right: number; top: number; bottom: number }[] = [];
    let index = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      index++;
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('svg defs, script, style, template')) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      // The visible part of the node: its rects clipped by every ancestor that clips.
      let clip = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity };
      let hidden = false;
      for (let at: Element | null = parent; at && at !== document.documentElement; at = at.parentElement) {
        const s = getComputedStyle(at);
        if (s.display === 'none' || Number(s.opacity) === 0) hidden = true;
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clip !== 'auto') {
          const r = at.getBoundingClientRect();
          clip = {
            left: Math.max(clip.left, r.left),
            right: Math.min(clip.right, r.right),
            top: Math.max(clip.top, r.top),
            bottom: Math.min(clip.bottom, r.bottom),
          };
        }
      }
      if (hidden) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const box = {
          node: index,
          text,
          left: Math.max(r.left, clip.left),
          right: Math.min(r.right, clip.right),
          top: Math.max(r.top, clip.top),
          bottom: Math.min(r.bottom, clip.bottom),
        };
        // Under 2 px either way: clipped away, or a visually hidden text; or off the page (a skip link until it has the focus).
        const onPage = box.right > -scrollX && box.bottom > -scrollY;
        if (onPage && box.right - box.left >= 2 && box.bottom - box.top >= 2) out.push(box);
      }
    }
    return out;
  });
}

/** Pairs of text boxes that overlap by more than `slack` px each way (lines may touch). */
export function overlaps(boxes: Awaited<ReturnType<typeof textBoxes>>, slack = 2): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.node === b.node) continue; // one text's own lines
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > slack && y > slack) found.push(`“${a.text.slice(0, 40)}” overlaps “${b.text.slice(0, 40)}”`);
    }
  }
  return found;
}
