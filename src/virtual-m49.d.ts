/** The world-regions module that `build/world-regions.ts` writes from CLDR. */
declare module 'virtual:m49' {
  /** Two-letter country code then three-digit M49 sub-region code, for every country. */
  export const SUBREGIONS: string;
  /** M49 sub-region → its group. */
  export const GROUPS: Record<string, string>;
  /** The name of each group and sub-region, per interface language (en, es, fr, pt). */
  export const NAMES: Record<string, Record<string, string>>;
}
