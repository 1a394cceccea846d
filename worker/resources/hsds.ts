import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import {
  getHsdsOrganization,
  getHsdsService,
  getHsdsServiceAtLocation,
  getHsdsTaxonomy,
  getHsdsTaxonomyTerm,
  listHsdsOrganizations,
  listHsdsServiceAtLocations,
  listHsdsServices,
  listHsdsTaxonomies,
  listHsdsTaxonomyTerms,
  type HsdsListQuery,
} from '../../db/resources/hsds/api';
import type { Database } from '../../db/core/database';
import type { AppEnv } from '../env';

const MAX_PER_PAGE = 200;
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,100}$/));
const optional = <T extends v.GenericSchema<string, unknown>>(schema: T) =>
  v.fallback(v.optional(schema), undefined);
const whole = (min: number, max: number, fallback: number) =>
  v.fallback(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.number(),
      v.integer(),
      v.minValue(min),
      v.maxValue(max),
    ),
    fallback,
  );

/** The list parameters of the HSDS OpenAPI description; anything unreadable falls back to a default. */
const ListQuery = v.object({
  page: whole(1, 100_000, 1),
  per_page: whole(1, MAX_PER_PAGE, 50),
  search: optional(v.pipe(v.string(), v.maxLength(10_000))),
  taxonomy_term_id: optional(id),
  taxonomy_id: optional(id),
  organization_id: optional(id),
  parent_id: optional(id),
  top_only: optional(v.picklist(['true', 'false'])),
  modified_after: optional(v.pipe(v.string(), v.isoTimestamp())),
});

const listQuery = (c: Context<AppEnv>): HsdsListQuery => {
  const q = v.parse(ListQuery, c.req.query());
  return {
    page: q.page,
    perPage: q.per_page,
    search: q.search,
    taxonomyTermId: q.taxonomy_term_id,
    taxonomyId: q.taxonomy_id,
    organizationId: q.organization_id,
    parentId: q.parent_id,
    topOnly: q.top_only === 'true',
    modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
  };
};

const one =
  (read: (db: Database, id: string) => Promise<Record<string, unknown> | null>) =>
  async (c: Context<AppEnv>) => {
    const key = c.req.param('id') ?? '';
    const found = v.is(id, key) ? await read(c.get('db'), key) : null;
    return found ? c.json(found) : c.json({ error: 'not found' }, 404);
  };

const list =
  (read: (db: Database, q: HsdsListQuery) => Promise<unknown>) => async (c: Context<AppEnv>) =>
    c.json(await read(c.get('db'), listQuery(c)));

/**
 * The read-only HSDS 3.0 API (Open Referral), as its OpenAPI description lays it out. Public
 * data only: confidential addresses never appear, nor reports or anything about visitors.
 */
export const hsdsRoutes = new Hono<AppEnv>()
  .use('/api/hsds/*', async function hsds_headers(c, next) {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
  })
  .get('/api/hsds', (c) =>
    c.json({
      version: '3.0',
      profile: 'https://docs.openreferral.org/en/latest/hsds/',
      openapi_url:
        'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
    }),
  )
  .get('/api/hsds/services', list(listHsdsServices))
  .get('/api/hsds/services/:id', one(getHsdsService))
  .get('/api/hsds/organizations', list(listHsdsOrganizations))
  .get('/api/hsds/organizations/:id', one(getHsdsOrganization))
  .get('/api/hsds/service_at_locations', list(listHsdsServiceAtLocations))
  .get('/api/hsds/service_at_locations/:id', one(getHsdsServiceAtLocation))
  .get('/api/hsds/taxonomies', list(listHsdsTaxonomies))
  .get('/api/hsds/taxonomies/:id', one(getHsdsTaxonomy))
  .get('/api/hsds/taxonomy_terms', list(listHsdsTaxonomyTerms))
  .get('/api/hsds/taxonomy_terms/:id', one(getHsdsTaxonomyTerm));
