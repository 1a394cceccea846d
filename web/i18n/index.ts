import type { Catalog } from './catalog';
import { en } from './en';
import { fr } from './fr';

export type { Catalog } from './catalog';

/** Languages the site speaks; the first is the fallback. */
export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

const catalogs: Record<Locale, Catalog> = { en, fr };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (locales as readonly string[]).includes(value);

/** The catalog for a language. */
export const catalogFor = (locale: Locale): Catalog => catalogs[locale];

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
