/** Words as an id of the contract: lower case, accents dropped, words joined by hyphens ("São Paulo" → "sao-paulo"). */
export function slug(text: string, max = 60): string {
  const whole = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (whole.length <= max) return whole;
  // Cut between words, not inside one ("…-climate-mobility" → "…-climate", not "…-climate-mobil").
  const cut = whole.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return (end > max / 2 ? cut.slice(0, end) : whole.slice(0, max)).replace(/-$/, '');
}

/** Hands out ids that are unique within a collection: "sao-paulo", then "sao-paulo-2". */
export class Ids {
  readonly #taken = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const id of taken) this.#taken.add(id);
  }

  next(text: string, fallback: string, max = 40): string {
    const base = slug(text, max) || fallback;
    let id = base;
    for (let i = 2; this.#taken.has(id); i++) id = `${base}-${i}`;
    this.#taken.add(id);
    return id;
  }
}
