import { asc, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { zonesInUseQuery } from './open-now';
import { keptUntilOptionsChange } from './options-cache';
import type { CategoryOption, SearchOptions } from './types';
import * as t from '../schema';

/**
 * What the search filters offer (`options`), and the time zones of the places, which "open now"
 * needs on every search (`zones`, open-now.ts). What the search filters offer: the categories (with their names in every language), the
 * languages some active service speaks, and the cities where an active service has a place.
 * Read from the data, so a filter never offers a choice with nothing behind it. Kept per database
 * handle until one of them changes (keptUntilOptionsChange): every search page shows them. Read
 * and kept together, so a search checks search_options_version once for both.
 */
export const searchOptionsAndZones = keptUntilOptionsChange(
  async (db: Database): Promise<{ options: SearchOptions; zones: string[] }> => {
    const codes = db
      .selectDistinct({ code: t.languages.code })
      .from(t.languages)
      .where(isNotNull(t.languages.code))
      .as('codes');
    const places = db.selectDistinct({ city: t.addresses.city }).from(t.addresses).as('places');
    const [terms, translations, languages, cities, zones] = await db.batch([
      db
        .select({
          id: t.taxonomyTerms.id,
          code: t.taxonomyTerms.code,
          name: t.taxonomyTerms.name,
          language: t.taxonomyTerms.language,
        })
        .from(t.taxonomyTerms)
        .where(isNotNull(t.taxonomyTerms.code))
        .orderBy(asc(t.taxonomyTerms.name)),
      db.select().from(t.taxonomyTermTranslations),
      // Each code and city read once from its index, then kept if an active service has it: the
      // test stops at the first such service, so it costs one lookup or so a value.
      db
        .select({ code: codes.code })
        .from(codes)
        .where(
          sql`EXISTS (SELECT 1 FROM languages lg JOIN services s ON s.id = lg.service_id WHERE lg.code = ${codes.code} AND s.status = 'active')`,
        )
        .orderBy(asc(codes.code)),
      db
        .select({ city: places.city })
        .from(places)
        .where(
          sql`EXISTS (SELECT 1 FROM addresses ad JOIN service_at_location sal ON sal.location_id = ad.location_id JOIN services s ON s.id = sal.service_id
          WHERE ad.city = ${places.city} AND s.status = 'active')`,
        )
        .orderBy(asc(places.city)),
      zonesInUseQuery(db),
    ]);
    const categories: CategoryOption[] = terms.map((term) => ({
      code: term.code!,
      names: {
        [term.language ?? 'en']: term.name,
        ...Object.fromEntries(
          translations
            .filter((tr) => tr.taxonomyTermId === term.id)
            .map((tr) => [tr.language, tr.name]),
        ),
      },
    }));
    return {
      options: {
        categories,
        languages: languages.map((l) => l.code!),
        cities: cities.map((c) => c.city),
      },
      zones: zones.map((row) => row.zone),
    };
  },
);

/** What the search filters offer (searchOptionsAndZones). */
export const listSearchOptions = async (db: Database): Promise<SearchOptions> =>
  (await searchOptionsAndZones(db)).options;

/** The time zones of the places, for "open now" (searchOptionsAndZones). */
export const zonesInUse = async (db: Database): Promise<string[]> =>
  (await searchOptionsAndZones(db)).zones;
