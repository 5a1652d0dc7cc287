/**
 * Picking in the topic × theme matrix. A row (`topic|*`) and a column (`*|theme`) picked one
 * after the other intersect (the topic AND the theme); Shift (or Ctrl, Cmd) adds another row
 * to the rows, or another column to the columns (OR); a cell stands for its row AND column.
 */
import { ANY, parseCellKey } from '../filters/clauses';

type Axis = 'row' | 'column' | 'cell';

export function axisOf(key: string): Axis {
  const [topicId, themeId] = parseCellKey(key);
  return themeId === ANY && topicId !== ANY ? 'row' : topicId === ANY && themeId !== ANY ? 'column' : 'cell';
}

/**
 * The picks after a click on `key`. A plain click on a row or a column keeps the other axis
 * (a topic then a theme: both) and replaces its own; on a cell, it replaces everything; a
 * click on the only pick of its axis takes it away. With `additive`, the key is added to or
 * taken from the picks, the rest kept.
 */
export function nextMatrixPicks(current: readonly string[], key: string, additive: boolean): string[] {
  const has = current.includes(key);
  if (additive) return has ? current.filter((k) => k !== key) : [...current, key];
  const axis = axisOf(key);
  if (axis === 'cell') return has && current.length === 1 ? [] : [key];
  const sameAxis = current.filter((k) => axisOf(k) === axis);
  const otherAxis = current.filter((k) => axisOf(k) === (axis === 'row' ? 'column' : 'row'));
  if (has && sameAxis.length === 1) return otherAxis;
  return [...otherAxis, key];
}

/** How a pick combines with the others, in words for its chip: "and" across the axes, "or" within one. */
export function joinWord(picks: readonly string[], key: string): '' | 'and' | 'or' {
  const before = picks.slice(0, Math.max(0, picks.indexOf(key)));
  if (before.length === 0) return '';
  const axis = axisOf(key);
  if (axis === 'cell' || before.some((k) => axisOf(k) === axis)) return 'or';
  return before.some((k) => axisOf(k) === (axis === 'row' ? 'column' : 'row')) ? 'and' : 'or';
}
