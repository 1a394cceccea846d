import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../core/database';
import { inBatch, preparedPerShape } from '../core/prepared';
import * as t from '../schema';

/** Which services the reader finds: any, or active ones only (the public page). */
interface ReadShape {
  activeOnly: boolean;
}

/**
 * Every read of one service, prepared once per database handle and shape: drizzle built these
 * eleven statements anew on every request, more than half of the resource page's time. Each
 * names the service by the key it was asked for (id or slug, `:key`), through the same
 * subquery, so all of them go in one batch: one round trip on D1, one read transaction on a
 * local file. No query here joins tables whose columns share names: D1 returns rows by column
 * name, and same-named columns (id, name, description…) would overwrite each other.
 */
const serviceReads = preparedPerShape(
  (shape: ReadShape) => (shape.activeOnly ? 'active' : 'any'),
  (db, { activeOnly }: ReadShape) => {
    const key = sql.placeholder('key');
    const found = and(
      or(eq(t.services.id, key), eq(t.services.slug, key)),
      activeOnly ? eq(t.services.status, 'active') : undefined,
    );
    // Written as SQL: a subquery for a column of the service found.
    const ofService = (column: 'id' | 'organization_id'): SQL =>
      sql`(select ${sql.identifier(column)} from ${t.services} where ${found})`;
    const serviceId = ofService('id');
    const locationIds = sql`(select ${t.serviceAtLocation.locationId} from ${t.serviceAtLocation} where ${t.serviceAtLocation.serviceId} = ${serviceId})`;
    return {
      service: db.select().from(t.services).where(found).prepare(),
      organization: db
        .select()
        .from(t.organizations)
        .where(eq(t.organizations.id, ofService('organization_id')))
        .prepare(),
      categories: db
        .select({ code: t.taxonomyTerms.code })
        .from(t.attributes)
        .innerJoin(t.taxonomyTerms, eq(t.taxonomyTerms.id, t.attributes.taxonomyTermId))
        .where(eq(t.attributes.linkId, serviceId))
        // Stored order, as before the search indexes (0013, 0015) widened the ones these reads use.
        .orderBy(sql`${t.attributes}.rowid`)
        .prepare(),
      languages: db
        .selectDistinct({ code: t.languages.code })
        .from(t.languages)
        .where(eq(t.languages.serviceId, serviceId))
        .orderBy(asc(t.languages.code))
        .prepare(),
      phones: db
        .select()
        .from(t.phones)
        .where(eq(t.phones.serviceId, serviceId))
        .orderBy(asc(t.phones.id))
        .prepare(),
      costs: db
        .select()
        .from(t.costOptions)
        .where(eq(t.costOptions.serviceId, serviceId))
        .orderBy(asc(t.costOptions.id))
        .prepare(),
      documents: db
        .select()
        .from(t.requiredDocuments)
        .where(eq(t.requiredDocuments.serviceId, serviceId))
        .orderBy(asc(t.requiredDocuments.id))
        .prepare(),
      links: db
        .select()
        .from(t.serviceAtLocation)
        .where(eq(t.serviceAtLocation.serviceId, serviceId))
        // Stored order: a place added in the moderators' form comes after the ones before it, so
        // the form's fieldsets (place2-…, place3-…) keep lining up with the same places.
        .orderBy(sql`${t.serviceAtLocation}.rowid`)
        .prepare(),
      schedules: db
        .select()
        .from(t.schedules)
        .where(eq(t.schedules.serviceId, serviceId))
        .orderBy(sql`rowid`)
        .prepare(),
      locations: db
        .select()
        .from(t.locations)
        .where(inArray(t.locations.id, locationIds))
        .prepare(),
      addresses: db
        .select()
        .from(t.addresses)
        .where(inArray(t.addresses.locationId, locationIds))
        .orderBy(asc(t.addresses.id))
        .prepare(),
      accessibility: db
        .select()
        .from(t.accessibility)
        .where(inArray(t.accessibility.locationId, locationIds))
        .orderBy(asc(t.accessibility.id))
        .prepare(),
    };
  },
);

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
  const reads = serviceReads(db, options);
  const values = { key: idOrSlug };
  const [
    services,
    organization,
    categories,
    languages,
    phones,
    costs,
    documents,
    links,
    schedules,
    locationRows,
    addressRows,
    accessibility,
  ] = await db.batch([
    inBatch(reads.service, values),
    inBatch(reads.organization, values),
    inBatch(reads.categories, values),
    inBatch(reads.languages, values),
    inBatch(reads.phones, values),
    inBatch(reads.costs, values),
    inBatch(reads.documents, values),
    inBatch(reads.links, values),
    inBatch(reads.schedules, values),
    inBatch(reads.locations, values),
    inBatch(reads.addresses, values),
    inBatch(reads.accessibility, values),
  ]);
  const service = services[0];
  if (!service) return null;

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
