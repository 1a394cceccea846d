import { eq, inArray, sql } from 'drizzle-orm';
import { slicesForD1 } from '../../core/bound-parameters';
import type { Database } from '../../core/database';
import * as shape from './shape';
import * as t from '../../schema';

type Json = Record<string, unknown>;

/**
 * Locations as nested HSDS objects, by id, with their addresses, accessibility, phones, languages
 * and schedules. A confidential location comes back without any of its address. Simple selects
 * only: D1 returns rows by column name, so joins of same-named columns are avoided. Rows come in
 * stored order (rowid): the indexes these reads use are shaped for search, not for display.
 */
export const nestedLocations = async (db: Database, ids: string[]): Promise<Map<string, Json>> => {
  // An organization or a service of an HSDS import may have hundreds of places: they are read
  // in slices within D1's bound parameters, a batch a slice, in the order of `ids`.
  const slices = await Promise.all(
    slicesForD1(ids).map((slice) =>
      db.batch([
        db.select().from(t.locations).where(inArray(t.locations.id, slice)),
        db
          .select()
          .from(t.addresses)
          .where(inArray(t.addresses.locationId, slice))
          .orderBy(t.addresses.locationId, sql`rowid`),
        db.select().from(t.accessibility).where(inArray(t.accessibility.locationId, slice)),
        db.select().from(t.phones).where(inArray(t.phones.locationId, slice)),
        db.select().from(t.languages).where(inArray(t.languages.locationId, slice)),
        db.select().from(t.schedules).where(inArray(t.schedules.locationId, slice)),
      ]),
    ),
  );
  const locations = slices.flatMap((slice) => slice[0]);
  const addresses = slices.flatMap((slice) => slice[1]);
  const access = slices.flatMap((slice) => slice[2]);
  const phones = slices.flatMap((slice) => slice[3]);
  const languages = slices.flatMap((slice) => slice[4]);
  const schedules = slices.flatMap((slice) => slice[5]);
  return new Map(
    locations.map((l) => {
      const mine = <R extends { locationId: string | null }>(rows: R[]) =>
        rows.filter((r) => r.locationId === l.id);
      return [
        l.id,
        {
          ...shape.hsdsLocation(l),
          addresses: l.confidentialLocation ? [] : mine(addresses).map(shape.hsdsAddress),
          accessibility: mine(access).map(shape.hsdsAccessibility),
          // A place's phones and schedules would not reveal where it is; its address would.
          phones: mine(phones).map(shape.hsdsPhone),
          languages: mine(languages).map(shape.hsdsLanguage),
          schedules: mine(schedules).map(shape.hsdsSchedule),
          contacts: [],
          attributes: [],
          metadata: [],
        },
      ];
    }),
  );
};

/** Attributes of records, each with its taxonomy term (and that term's taxonomy) nested. */
export const nestedAttributes = async (db: Database, linkIds: string[]): Promise<Json[]> => {
  if (linkIds.length === 0) return [];
  const attributes = await db
    .select()
    .from(t.attributes)
    .where(inArray(t.attributes.linkId, linkIds))
    .orderBy(t.attributes.linkId, sql`rowid`)
    .all();
  const termIds = [...new Set(attributes.map((a) => a.taxonomyTermId))];
  if (termIds.length === 0) return [];
  const [terms, taxonomies] = await Promise.all([
    Promise.all(
      slicesForD1(termIds).map((slice) =>
        db.select().from(t.taxonomyTerms).where(inArray(t.taxonomyTerms.id, slice)).all(),
      ),
    ).then((slices) => slices.flat()),
    db.select().from(t.taxonomies).all(),
  ]);
  return attributes.map((a) => {
    const term = terms.find((x) => x.id === a.taxonomyTermId);
    return shape.hsdsAttribute(
      a,
      term
        ? shape.hsdsTaxonomyTerm(
            term,
            taxonomies.find((x) => x.id === term.taxonomyId),
          )
        : undefined,
    );
  });
};

/** One service as a fully nested HSDS service, or null. */
export const hsdsFullService = async (db: Database, id: string): Promise<Json | null> => {
  const service = await db.select().from(t.services).where(eq(t.services.id, id)).get();
  if (!service) return null;
  const [organization, phones, schedules, areas, links, languages, costs, documents] =
    await db.batch([
      db.select().from(t.organizations).where(eq(t.organizations.id, service.organizationId)),
      db.select().from(t.phones).where(eq(t.phones.serviceId, id)),
      db
        .select()
        .from(t.schedules)
        .where(eq(t.schedules.serviceId, id))
        .orderBy(sql`rowid`),
      db.select().from(t.serviceAreas).where(eq(t.serviceAreas.serviceId, id)),
      db
        .select()
        .from(t.serviceAtLocation)
        .where(eq(t.serviceAtLocation.serviceId, id))
        .orderBy(sql`rowid`),
      db
        .select()
        .from(t.languages)
        .where(eq(t.languages.serviceId, id))
        .orderBy(sql`rowid`),
      db
        .select()
        .from(t.costOptions)
        .where(eq(t.costOptions.serviceId, id))
        .orderBy(sql`rowid`),
      db.select().from(t.requiredDocuments).where(eq(t.requiredDocuments.serviceId, id)),
    ]);
  const locations = await nestedLocations(
    db,
    links.map((l) => l.locationId),
  );
  return {
    ...shape.hsdsService(service),
    organization: organization[0] ? shape.hsdsOrganization(organization[0]) : undefined,
    phones: phones.map(shape.hsdsPhone),
    schedules: schedules.map(shape.hsdsSchedule),
    service_areas: areas.map(shape.hsdsServiceArea),
    service_at_locations: links.map((link) => ({
      ...shape.hsdsServiceAtLocation(link),
      location: locations.get(link.locationId),
      contacts: [],
      phones: [],
      schedules: schedules.filter((s) => s.serviceAtLocationId === link.id).map(shape.hsdsSchedule),
      attributes: [],
      metadata: [],
    })),
    languages: languages.map(shape.hsdsLanguage),
    funding: [],
    cost_options: costs.map(shape.hsdsCostOption),
    required_documents: documents.map(shape.hsdsRequiredDocument),
    contacts: [],
    attributes: await nestedAttributes(db, [id]),
    metadata: [],
  };
};
