import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import * as t from '../schema';

/**
 * One service and every row about it, as stored: the one reader behind its public page
 * (db/resources/detail.ts, which hides what must not leave) and its edit form
 * (db/resources/edit-read.ts). Places come in the order the service lists them (by link id),
 * each with its first address; schedules in stored order. Null when there is no such service
 * (by id or slug; with `activeOnly`, none that is active).
 */
export const loadServiceRows = async (
  db: Database,
  idOrSlug: string,
  options: { activeOnly: boolean },
) => {
  // No query here joins tables whose columns share names: D1 returns rows by column name, and
  // same-named columns (id, name, description…) would overwrite each other.
  const service = await db
    .select()
    .from(t.services)
    .where(
      and(
        or(eq(t.services.id, idOrSlug), eq(t.services.slug, idOrSlug)),
        options.activeOnly ? eq(t.services.status, 'active') : undefined,
      ),
    )
    .get();
  if (!service) return null;
  const id = service.id;

  const [organization, categories, languages, phones, costs, documents, links, schedules] =
    await db.batch([
      db.select().from(t.organizations).where(eq(t.organizations.id, service.organizationId)),
      db
        .select({ code: t.taxonomyTerms.code })
        .from(t.attributes)
        .innerJoin(t.taxonomyTerms, eq(t.taxonomyTerms.id, t.attributes.taxonomyTermId))
        .where(eq(t.attributes.linkId, id))
        // Stored order, as before the search indexes (0013, 0015) widened the ones these reads use.
        .orderBy(sql`${t.attributes}.rowid`),
      db
        .selectDistinct({ code: t.languages.code })
        .from(t.languages)
        .where(eq(t.languages.serviceId, id))
        .orderBy(asc(t.languages.code)),
      db.select().from(t.phones).where(eq(t.phones.serviceId, id)).orderBy(asc(t.phones.id)),
      db
        .select()
        .from(t.costOptions)
        .where(eq(t.costOptions.serviceId, id))
        .orderBy(asc(t.costOptions.id)),
      db
        .select()
        .from(t.requiredDocuments)
        .where(eq(t.requiredDocuments.serviceId, id))
        .orderBy(asc(t.requiredDocuments.id)),
      db
        .select()
        .from(t.serviceAtLocation)
        .where(eq(t.serviceAtLocation.serviceId, id))
        // Stored order: a place added in the moderators' form comes after the ones before it, so
        // the form's fieldsets (place2-…, place3-…) keep lining up with the same places.
        .orderBy(sql`${t.serviceAtLocation}.rowid`),
      db
        .select()
        .from(t.schedules)
        .where(eq(t.schedules.serviceId, id))
        .orderBy(sql`rowid`),
    ]);

  const locationIds = [...new Set(links.map((link) => link.locationId))];
  const [locationRows, addressRows, accessibility] = locationIds.length
    ? await db.batch([
        db.select().from(t.locations).where(inArray(t.locations.id, locationIds)),
        db
          .select()
          .from(t.addresses)
          .where(inArray(t.addresses.locationId, locationIds))
          .orderBy(asc(t.addresses.id)),
        db
          .select()
          .from(t.accessibility)
          .where(inArray(t.accessibility.locationId, locationIds))
          .orderBy(asc(t.accessibility.id)),
      ])
    : [[], [], []];
  const places = links.flatMap((sal) => {
    const location = locationRows.find((l) => l.id === sal.locationId);
    return location
      ? [{ sal, location, address: addressRows.find((a) => a.locationId === location.id) ?? null }]
      : [];
  });

  return {
    service,
    organization: organization[0] ?? null,
    categories: categories.map((c) => c.code ?? '').filter(Boolean),
    languages: languages.map((l) => l.code ?? '').filter(Boolean),
    phones,
    costs,
    documents: documents.map((d) => d.document ?? '').filter(Boolean),
    places,
    schedules,
    accessibility,
  };
};

export type ServiceRows = NonNullable<Awaited<ReturnType<typeof loadServiceRows>>>;
