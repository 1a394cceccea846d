import { and, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { jsonRows, jsonValues } from '../core/json-rows';
import { preparedPerShape } from '../core/prepared';
import * as t from '../schema';

/** Which services the reader finds: any, or active ones only (the public page). */
interface ReadShape {
  activeOnly: boolean;
}

/**
 * Every read of one service as one statement, prepared once per database handle and shape: the
 * service's row, and its organization and each list about it as JSON (`jsonRows`), each read
 * by a subquery on the service found. It was twelve statements in a batch, and the local
 * libsql binding costs 20 to 60 µs a statement whatever it returns (tests/bench/README.md,
 * "Fifth pass"). The service is named by the key it was asked for (id or slug, `:key`).
 */
const serviceRead = preparedPerShape(
  (shape: ReadShape) => (shape.activeOnly ? 'active' : 'any'),
  (db, { activeOnly }: ReadShape) => {
    const key = sql.placeholder('key');
    const found = and(
      or(eq(t.services.id, key), eq(t.services.slug, key)),
      activeOnly ? eq(t.services.status, 'active') : undefined,
    );
    // The outer statement's row, seen from each subquery.
    const serviceId = t.services.id;
    const locationIds = sql`select ${t.serviceAtLocation.locationId} from ${t.serviceAtLocation} where ${t.serviceAtLocation.serviceId} = ${serviceId}`;
    return db
      .select({
        service: t.services,
        organization: jsonRows(
          t.organizations,
          sql`select * from ${t.organizations} where ${t.organizations.id} = ${t.services.organizationId}`,
        ),
        // Stored order, as before the search indexes (0013, 0015) widened the ones these reads use.
        categories: jsonValues<string | null>(
          sql`select ${t.taxonomyTerms.code} as value from ${t.attributes} inner join ${t.taxonomyTerms} on ${t.taxonomyTerms.id} = ${t.attributes.taxonomyTermId} where ${t.attributes.linkId} = ${serviceId} order by ${t.attributes}.rowid`,
        ),
        languages: jsonValues<string | null>(
          sql`select distinct ${t.languages.code} as value from ${t.languages} where ${t.languages.serviceId} = ${serviceId} order by ${t.languages.code}`,
        ),
        phones: jsonRows(
          t.phones,
          sql`select * from ${t.phones} where ${t.phones.serviceId} = ${serviceId} order by ${t.phones.id}`,
        ),
        costs: jsonRows(
          t.costOptions,
          sql`select * from ${t.costOptions} where ${t.costOptions.serviceId} = ${serviceId} order by ${t.costOptions.id}`,
        ),
        documents: jsonValues<string | null>(
          sql`select ${t.requiredDocuments.document} as value from ${t.requiredDocuments} where ${t.requiredDocuments.serviceId} = ${serviceId} order by ${t.requiredDocuments.id}`,
        ),
        // Stored order: a place added in the moderators' form comes after the ones before it, so
        // the form's fieldsets (place2-…, place3-…) keep lining up with the same places.
        links: jsonRows(
          t.serviceAtLocation,
          sql`select * from ${t.serviceAtLocation} where ${t.serviceAtLocation.serviceId} = ${serviceId} order by ${t.serviceAtLocation}.rowid`,
        ),
        schedules: jsonRows(
          t.schedules,
          sql`select * from ${t.schedules} where ${t.schedules.serviceId} = ${serviceId} order by ${t.schedules}.rowid`,
        ),
        locations: jsonRows(
          t.locations,
          sql`select * from ${t.locations} where ${t.locations.id} in (${locationIds})`,
        ),
        addresses: jsonRows(
          t.addresses,
          sql`select * from ${t.addresses} where ${t.addresses.locationId} in (${locationIds}) order by ${t.addresses.id}`,
        ),
        accessibility: jsonRows(
          t.accessibility,
          sql`select * from ${t.accessibility} where ${t.accessibility.locationId} in (${locationIds}) order by ${t.accessibility.id}`,
        ),
      })
      .from(t.services)
      .where(found)
      .prepare();
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
  const [found] = await serviceRead(db, options).all({ key: idOrSlug });
  if (!found) return null;
  const { links, locations, addresses } = found;

  const places = links.flatMap((sal) => {
    const location = locations.find((l) => l.id === sal.locationId);
    return location
      ? [{ sal, location, address: addresses.find((a) => a.locationId === location.id) ?? null }]
      : [];
  });

  return {
    service: found.service,
    organization: found.organization[0] ?? null,
    categories: found.categories.map((code) => code ?? '').filter(Boolean),
    languages: found.languages.map((code) => code ?? '').filter(Boolean),
    phones: found.phones,
    costs: found.costs,
    documents: found.documents.map((document) => document ?? '').filter(Boolean),
    places,
    schedules: found.schedules,
    accessibility: found.accessibility,
  };
};

export type ServiceRows = NonNullable<Awaited<ReturnType<typeof loadServiceRows>>>;
