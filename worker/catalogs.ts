import type { Catalog, Locale } from '../web/i18n';
import { en } from '../web/i18n/en';
import { loadFrenchCatalog } from './on-demand';

// English is in the entry: most pages are read in it, and it is the fallback. French is an
// on-demand module (worker/on-demand.ts), read and compiled the first time a request needs it,
// so an isolate that serves only English never does either. One entry per language the site
// speaks: a new one is a type error here until it has its loader.
const loaders: Record<Locale, () => Catalog | Promise<Catalog>> = {
  en: () => en,
  fr: async () => (await loadFrenchCatalog()).fr,
};

/**
 * The strings of a language: the reader's (the locale middleware sets `t` with it), or another
 * person's for an email written in their language.
 */
export const catalogFor = async (locale: Locale): Promise<Catalog> => loaders[locale]();

/** Every language's strings, for what shows them all at once (an embed's code in each language). */
export const allCatalogs = async (): Promise<Record<Locale, Catalog>> => ({
  en: await catalogFor('en'),
  fr: await catalogFor('fr'),
});
