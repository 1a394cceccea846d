import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../db/demo/seed';
import { loadServiceRows } from '../../../db/resources/service-rows';
import * as s from '../../../db/schema';
import { makeTestApp, type TestApp } from '../../support/app';

// A service's rows come as one statement, its lists as JSON (db/core/json-rows.ts): they must be
// what drizzle reads from each table, typed and ordered the same, reals to the last digit.
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
  await seedDemoData(t.db);
  // Values SQLite's JSON would round (it writes 15 digits).
  await t.db.update(s.locations).set({ latitude: sql`${s.locations.latitude} + 0.1 + 0.2` });
  await t.db.update(s.costOptions).set({ amount: sql`${s.costOptions.amount} / 3` });
});
afterAll(() => t.close());

/** The same rows read one table at a time, as drizzle maps them. */
const readOneByOne = async (serviceId: string) => {
  const links = await t.db
    .select()
    .from(s.serviceAtLocation)
    .where(eq(s.serviceAtLocation.serviceId, serviceId))
    .orderBy(sql`${s.serviceAtLocation}.rowid`);
  const locationIds = links.map((l) => l.locationId);
  const locations = await t.db
    .select()
    .from(s.locations)
    .where(inArray(s.locations.id, locationIds));
  const addresses = await t.db
    .select()
    .from(s.addresses)
    .where(inArray(s.addresses.locationId, locationIds))
    .orderBy(asc(s.addresses.id));
  return {
    phones: await t.db
      .select()
      .from(s.phones)
      .where(eq(s.phones.serviceId, serviceId))
      .orderBy(asc(s.phones.id)),
    costs: await t.db
      .select()
      .from(s.costOptions)
      .where(eq(s.costOptions.serviceId, serviceId))
      .orderBy(asc(s.costOptions.id)),
    schedules: await t.db
      .select()
      .from(s.schedules)
      .where(eq(s.schedules.serviceId, serviceId))
      .orderBy(sql`rowid`),
    accessibility: await t.db
      .select()
      .from(s.accessibility)
      .where(inArray(s.accessibility.locationId, locationIds))
      .orderBy(asc(s.accessibility.id)),
    places: links.flatMap((sal) => {
      const location = locations.find((l) => l.id === sal.locationId);
      return location
        ? [{ sal, location, address: addresses.find((a) => a.locationId === location.id) ?? null }]
        : [];
    }),
  };
};

describe('one service and every row about it', () => {
  it('gives, for every demo service, the rows each table holds, typed, ordered and exact', async () => {
    const services = await t.db.select().from(s.services);
    expect(services.length).toBeGreaterThan(10);
    let reals = 0;
    for (const service of services) {
      const rows = await loadServiceRows(t.db, service.slug, { activeOnly: false });
      const [organization] = await t.db
        .select()
        .from(s.organizations)
        .where(eq(s.organizations.id, service.organizationId));
      expect(rows).toMatchObject({ service, organization, ...(await readOneByOne(service.id)) });
      reals += rows!.places.filter((p) => p.location.latitude !== null).length;
      for (const place of rows!.places)
        expect(typeof place.location.confidentialLocation).toBe('boolean');
    }
    // The demo has places with a position: the exact reals above were checked on some.
    expect(reals).toBeGreaterThan(0);
  });

  it('finds a service by id or slug, and an inactive one only when asked for any', async () => {
    const [service] = await t.db.select().from(s.services).limit(1);
    await t.db.update(s.services).set({ status: 'inactive' }).where(eq(s.services.id, service!.id));
    expect((await loadServiceRows(t.db, service!.id, { activeOnly: false }))?.service.slug).toBe(
      service!.slug,
    );
    expect(await loadServiceRows(t.db, service!.slug, { activeOnly: true })).toBeNull();
    expect(await loadServiceRows(t.db, 'no-such-service', { activeOnly: false })).toBeNull();
  });
});
