/**
 * The functions Paraglide's compiled messages call for plurals, numbers and dates, with one
 * `Intl` object per locale and option set instead of a new one per call (its own registry makes
 * a new one each time, about 20 µs: a count on every marker and matrix cell would add up).
 * Vite hands this module to the compiled messages in place of theirs (build/messages.ts).
 */
function hasOptions(options: object | undefined): boolean {
  for (const _ in options) return true;
  return false;
}

const cache = new Map<string, object>();

/** One `Intl` object per kind, locale and option set, made on first use (lib/i18n/format.ts uses it too). */
export function cached<T extends object>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  // The compiled messages pass `{}`: the common case needs no JSON.
  const key = !hasOptions(options) ? `${kind}|${locale}` : `${kind}|${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

export function plural(locale: string, input: unknown, options?: Intl.PluralRulesOptions): Intl.LDMLPluralRule {
  return cached('p', locale, options, () => new Intl.PluralRules(locale, options)).select(Number(input));
}

export function number(locale: string, input: unknown, options?: Intl.NumberFormatOptions): string {
  // A whole number under 1,000 reads the same in all four languages: no formatter needed.
  if (typeof input === 'number' && Number.isInteger(input) && input > -1000 && input < 1000 && !hasOptions(options))
    return String(input);
  return cached('n', locale, options, () => new Intl.NumberFormat(locale, options)).format(Number(input));
}

export function datetime(locale: string, input: unknown, options?: Intl.DateTimeFormatOptions): string {
  return cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options)).format(new Date(input as string));
}

export function relativetime(
  locale: string,
  input: unknown,
  options: Intl.RelativeTimeFormatOptions & { unit: Intl.RelativeTimeFormatUnit },
): string {
  const { unit, ...intlOptions } = options;
  return cached('r', locale, intlOptions, () => new Intl.RelativeTimeFormat(locale, intlOptions)).format(
    Number(input),
    unit,
  );
}
