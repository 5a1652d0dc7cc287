/** Words as an id of the contract: lower case, accents dropped, words joined by hyphens ("São Paulo" → "sao-paulo"). */
export function slug(text: string, max = 60): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');
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
