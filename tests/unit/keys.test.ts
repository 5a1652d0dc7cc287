import { describe, expect, it } from 'vitest';
import { DASHBOARD_KEYS, PRESENTATION_KEYS } from '../../src/lib/present/key-list';
import { DASHBOARD_KEY_TABLE, dashboardAction, keyContext, shortcutMayAct } from '../../src/lib/ui/keys';

/** A key pressed with the focus on `target`. */
const press = (key: string, target: Element | null = document.body, mods: Partial<KeyboardEvent> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

function element(html: string, selector: string): Element {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
}

describe('the dashboard’s keys, from one table', () => {
  const on = { presenting: false, characterShortcuts: true };

  it('each key of the table asks for its action on the page, and the key help lists every one', () => {
    for (const { key, action } of DASHBOARD_KEY_TABLE) expect(dashboardAction(press(key), on), key).toBe(action);
    const listed = DASHBOARD_KEYS.flatMap((binding) => binding.keys);
    for (const { key } of DASHBOARD_KEY_TABLE) expect(listed, key).toContain(key);
  });

  it('on stage only the help key is the dashboard’s: Escape and the rest are the presentation’s', () => {
    const stage = { presenting: true, characterShortcuts: true };
    expect(dashboardAction(press('?'), stage)).toBe('help');
    for (const key of ['p', 'x', '/', 'e', 'Escape']) expect(dashboardAction(press(key), stage), key).toBeUndefined();
    expect(PRESENTATION_KEYS.some((binding) => binding.keys.includes('Escape'))).toBe(true);
  });

  it('a letter typed in a field, pressed with Ctrl, or with character shortcuts off does nothing; Escape still clears', () => {
    const field = element('<input type="search">', 'input');
    expect(keyContext(field)).toBe('text');
    expect(dashboardAction(press('p', field), on)).toBeUndefined();
    expect(dashboardAction(press('x', document.body, { ctrlKey: true }), on)).toBeUndefined();
    expect(dashboardAction(press('/'), { presenting: false, characterShortcuts: false })).toBeUndefined();
    expect(dashboardAction(press('Escape'), { presenting: false, characterShortcuts: false })).toBe('clear');
    expect(dashboardAction(press('Escape', field), on)).toBe('clear');
  });

  it('inside a dialog no key is the page’s; in a grid letters and arrows are the grid’s, and Escape still clears its view', () => {
    const inDialog = element('<div role="dialog"><button>OK</button></div>', 'button');
    for (const { key } of DASHBOARD_KEY_TABLE) expect(dashboardAction(press(key, inDialog), on), key).toBeUndefined();
    const cell = element('<table role="grid"><tr><td role="gridcell" tabindex="0">1</td></tr></table>', 'td');
    expect(keyContext(cell)).toBe('widget');
    expect(shortcutMayAct(press('ArrowRight', cell), true)).toBe(false);
    expect(dashboardAction(press('e', cell), on)).toBeUndefined();
    expect(dashboardAction(press('Escape', cell), on)).toBe('clear');
  });
});
