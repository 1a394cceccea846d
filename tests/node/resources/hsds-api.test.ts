import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, demoId, seedDemoResources } from '../../../db/demo/resources';
import { makeTestApp, type TestApp } from '../../support/app';

// The official HSDS 3.0 schemas, shared beside the repository (see ../shared/data/hsds/README.md).
const HSDS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'hsds');
const schema = (name: string) =>
  JSON.parse(readFileSync(join(HSDS, 'schema', `${name}.json`), 'utf8'));

let t: TestApp;
const validators: Record<string, ValidateFunction> = {};
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date('2026-11-26T15:00:00Z'));
  // The compiled HSDS schemas carry Frictionless Data keywords (constraints, core…): not strict.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of ['service', 'organization', 'service_at_location'])
    validators[name] = ajv.compile(schema(name));
  const term = schema('service').properties.attributes.items.properties.taxonomy_term;
  validators.taxonomy_term = ajv.compile(term);
  validators.taxonomy = ajv.compile(term.properties.taxonomy_detail);
}, 60_000);
afterAll(() => t.close());

const json = async (path: string) => {
  const res = await t.app.request(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as Record<string, unknown> & { contents: Record<string, unknown>[] };
};
const valid = (name: string, value: unknown) => {
  const ok = validators[name]!(value);
  expect(
    ok ? [] : validators[name]!.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`),
  ).toEqual([]);
};

const demo = DEMO_ORGANIZATIONS.flatMap((org) => org.services);
const confidentialIds = demo.filter((s) => s.confidential).map((s) => demoId(`service:${s.slug}`));

describe('the HSDS API', () => {
  it('describes itself', async () => {
    expect(await json('/api/hsds')).toMatchObject({ version: '3.0' });
  });

  it('is checked by validators that do reject what HSDS forbids', () => {
    const ok = { id: demoId('service:x'), name: 'A', status: 'active' };
    expect(validators.service!(ok)).toBe(true);
    expect(validators.service!({ id: ok.id, status: 'active' })).toBe(false);
    expect(validators.service!({ ...ok, status: 'open' })).toBe(false);
    expect(validators.service!({ ...ok, id: 'not a uuid' })).toBe(false);
    expect(validators.service!({ ...ok, minimum_age: null })).toBe(false);
  });

  it('pages services like the HSDS OpenAPI Page, each one a valid HSDS service', async () => {
    const first = await json('/api/hsds/services?per_page=20');
    expect(first).toMatchObject({
      total_items: demo.length,
      total_pages: 3,
      page_number: 1,
      size: 20,
      first_page: true,
      last_page: false,
      empty: false,
    });
    for (const service of first.contents) valid('service', service);
    const last = await json('/api/hsds/services?per_page=20&page=3');
    expect(last).toMatchObject({ size: demo.length - 40, last_page: true, first_page: false });
    const ids = new Set(
      [
        ...first.contents,
        ...(await json('/api/hsds/services?per_page=20&page=2')).contents,
        ...last.contents,
      ].map((s) => s.id),
    );
    expect(ids.size).toBe(demo.length);
  });

  it('filters services by search, taxonomy term, organization and modification date', async () => {
    expect((await json('/api/hsds/services?search=dental')).contents.map((s) => s.name)).toEqual([
      'Emergency dental care',
    ]);
    const legal = (await json('/api/hsds/taxonomy_terms?search=legal')).contents[0]!;
    const byTerm = await json(`/api/hsds/services?taxonomy_term_id=${legal.id}`);
    expect(byTerm.total_items).toBe(demo.filter((s) => s.categories.includes('legal-help')).length);
    const org = (await json('/api/hsds/organizations?search=kettle')).contents[0]!;
    expect((await json(`/api/hsds/services?organization_id=${org.id}`)).total_items).toBe(2);
    expect((await json('/api/hsds/services?modified_after=2026-11-01T00:00:00Z')).total_items).toBe(
      demo.length,
    );
    expect((await json('/api/hsds/services?modified_after=2027-01-01T00:00:00Z')).empty).toBe(true);
    // Hostile or unreadable parameters fall back, never fail.
    expect(
      (
        await json(
          `/api/hsds/services?search=${encodeURIComponent('"NEAR( *:')}&page=-1&per_page=100000`,
        )
      ).page_number,
    ).toBe(1);
  });

  it('serves every service fully nested, valid against the HSDS service schema', async () => {
    for (const service of demo) {
      const full = await json(`/api/hsds/services/${demoId(`service:${service.slug}`)}`);
      valid('service', full);
      expect(full.organization).toBeDefined();
    }
    const legal = await json(`/api/hsds/services/${demoId('service:clinique-juridique-conseils')}`);
    expect(JSON.stringify(legal)).toContain('12, place du Marché-aux-Voiles');
    expect((legal.attributes as { taxonomy_term: { name: string } }[])[0]!.taxonomy_term.name).toBe(
      'Legal help',
    );
  });

  it('serves organizations and services at locations, valid against their schemas', async () => {
    const orgs = await json('/api/hsds/organizations?per_page=100');
    expect(orgs.total_items).toBe(DEMO_ORGANIZATIONS.length);
    for (const org of orgs.contents) valid('organization', org);
    for (const org of orgs.contents)
      valid('organization', await json(`/api/hsds/organizations/${org.id}`));
    const links = await json('/api/hsds/service_at_locations?per_page=100');
    expect(links.total_items).toBe(demo.length);
    for (const link of links.contents)
      valid('service_at_location', await json(`/api/hsds/service_at_locations/${link.id}`));
  });

  it('serves the taxonomy and its terms', async () => {
    const taxonomies = await json('/api/hsds/taxonomies');
    expect(taxonomies.total_items).toBe(1);
    valid('taxonomy', await json(`/api/hsds/taxonomies/${taxonomies.contents[0]!.id}`));
    const terms = await json(
      `/api/hsds/taxonomy_terms?taxonomy_id=${taxonomies.contents[0]!.id}&top_only=true`,
    );
    expect(terms.total_items).toBeGreaterThanOrEqual(12);
    for (const term of terms.contents)
      valid('taxonomy_term', await json(`/api/hsds/taxonomy_terms/${term.id}`));
  });

  it('answers an unknown id with 404', async () => {
    for (const path of [
      'services',
      'organizations',
      'service_at_locations',
      'taxonomies',
      'taxonomy_terms',
    ]) {
      expect(
        (await t.app.request(`/api/hsds/${path}/00000000-0000-4000-8000-000000000000`)).status,
      ).toBe(404);
      expect((await t.app.request(`/api/hsds/${path}/%3Cx%3E`)).status).toBe(404);
    }
  });

  it('never gives out a confidential address or position, anywhere', async () => {
    const secrets = (
      await t.db.query.locations.findMany({
        where: (l, { eq }) => eq(l.confidentialLocation, true),
        with: undefined,
      })
    ).flatMap((l) => [String(l.latitude), String(l.longitude)]);
    const streets = (await t.db.query.addresses.findMany())
      .filter((a) => a.address1.includes('Hidden'))
      .map((a) => a.address1);
    expect(streets.length).toBeGreaterThanOrEqual(2);
    const bodies: string[] = [];
    for (const id of confidentialIds)
      bodies.push(JSON.stringify(await json(`/api/hsds/services/${id}`)));
    for (const org of (await json('/api/hsds/organizations?per_page=100')).contents)
      bodies.push(JSON.stringify(await json(`/api/hsds/organizations/${org.id}`)));
    for (const link of (await json('/api/hsds/service_at_locations?per_page=100')).contents) {
      bodies.push(JSON.stringify(await json(`/api/hsds/service_at_locations/${link.id}`)));
    }
    for (const body of bodies)
      for (const secret of [...secrets, ...streets]) expect(body).not.toContain(secret);
  });
});
