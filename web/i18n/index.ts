export type { Catalog } from './catalog';

// The catalogs themselves (en/, fr/) are handed out by worker/catalogs.ts, which loads French
// only when a request needs it; views get theirs as `t`.

/** Languages the site speaks; the first is the fallback. */
export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (locales as readonly string[]).includes(value);

/** Fills {name} placeholders; unknown placeholders are left as they are. */
export const format = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );

/**
 * The values a catalog map labels, in the catalog's order: a form's options. Each English map
 * of a vocabulary kept in db/ is checked against its type (`satisfies Record<Value, string>`),
 * so these are exactly the values the database accepts, each with its label.
 */
export const labelledValues = <Value extends string>(
  labels: Readonly<Record<Value, string>>,
): Value[] => Object.keys(labels) as Value[];
