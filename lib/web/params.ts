/** Reading a page's search params (GET-form filters); anything malformed reads as absent. */

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter given once or several times. */
export const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The value if it is one of `list`, else undefined. */
export const among = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
