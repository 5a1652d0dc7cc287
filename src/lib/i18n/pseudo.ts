/**
 * Pseudo-localisation, for testing the layout against languages longer than English: every
 * message accented and about 40 % longer (`?pseudo` in the address; loaded only then). Text
 * the interface forgot to translate stays plain, so it stands out.
 */
const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'î',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ö',
  U: 'Ü',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Y: 'Ý',
  Z: 'Ž',
};

export function pseudo(text: string): string {
  if (!/[A-Za-z]/.test(text)) return text;
  const accented = text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
  // The extra length as word-sized runs, so it wraps where a longer language's words would.
  let extra = Math.ceil(text.length * 0.4);
  const runs: string[] = [];
  while (extra > 0) {
    const run = Math.min(extra, 6);
    runs.push('ẋ'.repeat(run));
    extra -= run + 1;
  }
  return `${accented} ${runs.join(' ')}`;
}

/** A language's messages, each passed through `pseudo`. */
export function pseudoMessages<T extends object>(messages: T): T {
  return new Proxy(messages, {
    get(target, key) {
      const value = target[key as keyof T];
      return typeof value === 'function' ? (...args: unknown[]) => pseudo(String(value(...args))) : value;
    },
  });
}
