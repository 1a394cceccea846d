import { asc, isNotNull } from 'drizzle-orm';
import type { Database } from './database';
import { keptUntilOptionsChange } from './resources-options-cache';
import type { CategoryOption, SearchOptions } from './resources-types';
import * as t from './schema';

/**
 * What the search filters offer: the categories (with their names in every language), the
 * languages some service speaks, and the cities that have a place. Read from the data, so a
 * filter never offers a choice with nothing behind it. Kept per database handle until one of
 * them changes (keptUntilOptionsChange): every search page shows them.
 */
export const listSearchOptions = keptUntilOptionsChange(async (db: Database): Promise<SearchOptions> => {
  const [terms, translations, languages, cities] = await db.batch([
    db
      .select({ id: t.taxonomyTerms.id, code: t.taxonomyTerms.code, name: t.taxonomyTerms.name, language: t.taxonomyTerms.language })
      .from(t.taxonomyTerms)
      .where(isNotNull(t.taxonomyTerms.code))
      .orderBy(asc(t.taxonomyTerms.name)),
    db.select().from(t.taxonomyTermTranslations),
    db.selectDistinct({ code: t.languages.code }).from(t.languages).where(isNotNull(t.languages.code)).orderBy(asc(t.languages.code)),
    // Read straight from the city index: every address belongs to a place some service uses.
    db.selectDistinct({ city: t.addresses.city }).from(t.addresses).orderBy(asc(t.addresses.city)),
  ]);
  const categories: CategoryOption[] = terms.map((term) => ({
    code: term.code!,
    names: {
      [term.language ?? 'en']: term.name,
      ...Object.fromEntries(translations.filter((tr) => tr.taxonomyTermId === term.id).map((tr) => [tr.language, tr.name])),
    },
  }));
  return {
    categories,
    languages: languages.map((l) => l.code!),
    cities: cities.map((c) => c.city),
  };
});
