import { and, count, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../core/database';
import { hsdsFullService, nestedAttributes, nestedLocations } from './nested';
import * as shape from './shape';
import { queryTerms, toMatchQuery } from '../search/text-query';
import * as t from '../../schema';

type Json = Record<string, unknown>;

/** The HSDS API's list parameters, already validated. */
export interface HsdsListQuery {
  page: number;
  perPage: number;
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  parentId?: string;
  topOnly?: boolean;
  modifiedAfter?: Date;
}

/** An HSDS "Page": the paging facts and this page's contents. */
export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
}

const pageOf = (contents: Json[], total: number, q: HsdsListQuery): HsdsPage => {
  const pages = Math.max(1, Math.ceil(total / q.perPage));
  return {
    total_items: total,
    total_pages: pages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= pages,
    empty: total === 0,
    contents,
  };
};

/** Conditions on services shared by /services and /service_at_locations. */
const serviceConditions = (q: HsdsListQuery): SQL[] => {
  const where: SQL[] = [];
  const match = q.search ? toMatchQuery(q.search) : null;
  if (q.search) {
    where.push(
      match
        ? sql`${t.services.id} IN (SELECT m.service_id FROM services_fts JOIN services_fts_map m ON m.rowid = services_fts.rowid WHERE services_fts MATCH ${match})`
        : sql`0`,
    );
  }
  if (q.taxonomyTermId) {
    where.push(
      inArray(
        t.services.id,
        sql`(SELECT link_id FROM attributes WHERE taxonomy_term_id = ${q.taxonomyTermId})`,
      ),
    );
  }
  if (q.taxonomyId) {
    where.push(
      inArray(
        t.services.id,
        sql`(SELECT a.link_id FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE tt.taxonomy_id = ${q.taxonomyId})`,
      ),
    );
  }
  if (q.organizationId) where.push(eq(t.services.organizationId, q.organizationId));
  if (q.modifiedAfter) where.push(gte(t.services.lastModified, q.modifiedAfter));
  return where;
};

const offset = (q: HsdsListQuery) => (q.page - 1) * q.perPage;

export const listHsdsServices = async (db: Database, q: HsdsListQuery): Promise<HsdsPage> => {
  const where = and(...serviceConditions(q));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t.services)
      .where(where)
      .orderBy(t.services.name, t.services.id)
      .limit(q.perPage)
      .offset(offset(q))
      .all(),
    db.select({ n: count() }).from(t.services).where(where).all(),
  ]);
  return pageOf(rows.map(shape.hsdsService), total?.n ?? 0, q);
};

export const listHsdsServiceAtLocations = async (
  db: Database,
  q: HsdsListQuery,
): Promise<HsdsPage> => {
  const conditions = serviceConditions(q);
  const where = conditions.length
    ? inArray(
        t.serviceAtLocation.serviceId,
        db
          .select({ id: t.services.id })
          .from(t.services)
          .where(and(...conditions)),
      )
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t.serviceAtLocation)
      .where(where)
      .orderBy(t.serviceAtLocation.id)
      .limit(q.perPage)
      .offset(offset(q))
      .all(),
    db.select({ n: count() }).from(t.serviceAtLocation).where(where).all(),
  ]);
  return pageOf(rows.map(shape.hsdsServiceAtLocation), total?.n ?? 0, q);
};

export const listHsdsOrganizations = async (db: Database, q: HsdsListQuery): Promise<HsdsPage> => {
  // Few organizations, and no index of their own: every word must appear in a name or the description.
  const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const words = q.search ? queryTerms(q.search) : [];
  const where = and(
    ...words.map(
      (word) =>
        sql`(${t.organizations.name} LIKE ${like(word)} ESCAPE '\\' OR ${t.organizations.alternateName} LIKE ${like(word)} ESCAPE '\\' OR ${t.organizations.description} LIKE ${like(word)} ESCAPE '\\')`,
    ),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t.organizations)
      .where(where)
      .orderBy(t.organizations.name, t.organizations.id)
      .limit(q.perPage)
      .offset(offset(q))
      .all(),
    db.select({ n: count() }).from(t.organizations).where(where).all(),
  ]);
  return pageOf(rows.map(shape.hsdsOrganization), total?.n ?? 0, q);
};

export const listHsdsTaxonomies = async (db: Database, q: HsdsListQuery): Promise<HsdsPage> => {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t.taxonomies)
      .orderBy(t.taxonomies.name)
      .limit(q.perPage)
      .offset(offset(q))
      .all(),
    db.select({ n: count() }).from(t.taxonomies).all(),
  ]);
  return pageOf(rows.map(shape.hsdsTaxonomy), total?.n ?? 0, q);
};

export const listHsdsTaxonomyTerms = async (db: Database, q: HsdsListQuery): Promise<HsdsPage> => {
  const where = and(
    q.taxonomyId ? eq(t.taxonomyTerms.taxonomyId, q.taxonomyId) : undefined,
    q.parentId ? eq(t.taxonomyTerms.parentId, q.parentId) : undefined,
    q.topOnly ? or(isNull(t.taxonomyTerms.parentId), eq(t.taxonomyTerms.parentId, '')) : undefined,
    ...(q.search
      ? queryTerms(q.search).map((word) => sql`${t.taxonomyTerms.name} LIKE ${`%${word}%`}`)
      : []),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(t.taxonomyTerms)
      .where(where)
      .orderBy(t.taxonomyTerms.name)
      .limit(q.perPage)
      .offset(offset(q))
      .all(),
    db.select({ n: count() }).from(t.taxonomyTerms).where(where).all(),
  ]);
  return pageOf(
    rows.map((term) => shape.hsdsTaxonomyTerm(term)),
    total?.n ?? 0,
    q,
  );
};

export const getHsdsTaxonomy = async (db: Database, id: string): Promise<Json | null> => {
  const row = await db.select().from(t.taxonomies).where(eq(t.taxonomies.id, id)).get();
  return row ? shape.hsdsTaxonomy(row) : null;
};

export const getHsdsTaxonomyTerm = async (db: Database, id: string): Promise<Json | null> => {
  const term = await db.select().from(t.taxonomyTerms).where(eq(t.taxonomyTerms.id, id)).get();
  if (!term) return null;
  const taxonomy = term.taxonomyId
    ? await db.select().from(t.taxonomies).where(eq(t.taxonomies.id, term.taxonomyId)).get()
    : undefined;
  return shape.hsdsTaxonomyTerm(term, taxonomy);
};

/** One organization, with its services and places nested (places without any confidential address). */
export const getHsdsOrganization = async (db: Database, id: string): Promise<Json | null> => {
  const organization = await db
    .select()
    .from(t.organizations)
    .where(eq(t.organizations.id, id))
    .get();
  if (!organization) return null;
  const [services, locationRows, phones] = await db.batch([
    db.select().from(t.services).where(eq(t.services.organizationId, id)).orderBy(t.services.name),
    db.select({ id: t.locations.id }).from(t.locations).where(eq(t.locations.organizationId, id)),
    db.select().from(t.phones).where(eq(t.phones.organizationId, id)),
  ]);
  const locations = await nestedLocations(
    db,
    locationRows.map((l) => l.id),
  );
  return {
    ...shape.hsdsOrganization(organization),
    funding: [],
    contacts: [],
    phones: phones.map(shape.hsdsPhone),
    locations: [...locations.values()],
    programs: [],
    organization_identifiers: [],
    attributes: await nestedAttributes(db, [id]),
    metadata: [],
    services: services.map(shape.hsdsService),
  };
};

/** One service at a location, with the place and the service nested. */
export const getHsdsServiceAtLocation = async (db: Database, id: string): Promise<Json | null> => {
  const link = await db
    .select()
    .from(t.serviceAtLocation)
    .where(eq(t.serviceAtLocation.id, id))
    .get();
  if (!link) return null;
  const [service, schedules] = await db.batch([
    db.select().from(t.services).where(eq(t.services.id, link.serviceId)),
    db.select().from(t.schedules).where(eq(t.schedules.serviceAtLocationId, id)),
  ]);
  const locations = await nestedLocations(db, [link.locationId]);
  return {
    ...shape.hsdsServiceAtLocation(link),
    contacts: [],
    phones: [],
    schedules: schedules.map(shape.hsdsSchedule),
    location: locations.get(link.locationId),
    attributes: [],
    metadata: [],
    service: service[0] ? shape.hsdsService(service[0]) : undefined,
  };
};

export { hsdsFullService as getHsdsService };
