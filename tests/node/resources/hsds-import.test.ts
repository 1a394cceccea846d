import { execFileSync } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/core/database';
import {
  IMPORT_TABLES,
  importHsdsRows,
  type ImportResult,
} from '../../../db/resources/hsds/import';
import { exportHsdsTables } from '../../../db/resources/hsds/export';
import { seedDemoResources } from '../../../db/demo/resources';
import { markResourceVerified } from '../../../db/resources/verify';
import { ResourceChangedMeanwhile, resourceVersion } from '../../../db/resources/changes';
import { updateResource } from '../../../db/resources/edit';
import { getEditableResource } from '../../../db/resources/edit-read';
import * as s from '../../../db/schema';
import { writeHsdsPackage } from '../../../scripts/hsds-package';
import { readHsdsInput } from '../../../scripts/hsds-read';
import { openLibsqlDatabase } from '../../../db/core/libsql';
import { makeTestApp, type TestApp } from '../../support/app';

const HSDS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'hsds',
  'examples',
);
const CSV = join(HSDS, 'csv');
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';

const apps: TestApp[] = [];
const folders: string[] = [];
const fresh = async () => {
  const app = await makeTestApp();
  apps.push(app);
  return app;
};
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'hsds-import-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const app of apps.splice(0)) app.close();
});
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const importPath = async (
  db: Database,
  path: string,
): Promise<ImportResult & { unreadable: number }> => {
  const input = readHsdsInput(path);
  return { ...(await importHsdsRows(db, input.rows)), unreadable: input.unreadable.length };
};
const rowCounts = async (db: Database) => {
  const out: Record<string, number> = {};
  for (const spec of IMPORT_TABLES) {
    const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${spec.table}`);
    out[spec.name] = row!.n;
  }
  return out;
};
/** Rows per HSDS table beyond what migrations put in a new database (the platform's own taxonomy). */
let baseline: Record<string, number> | undefined;
const counts = async (db: Database) => {
  if (!baseline) {
    const empty = await makeTestApp();
    baseline = await rowCounts(empty.db);
    empty.close();
  }
  const all = await rowCounts(db);
  return Object.fromEntries(
    Object.entries(all).map(([table, n]) => [table, n - baseline![table]!]),
  );
};
const ONE_OF_EACH = Object.fromEntries(IMPORT_TABLES.map((spec) => [spec.name, 1]));

describe('npm run hsds:import with the official HSDS 3.0 examples', () => {
  it('imports the CSV package, rejecting only the attribute that links to no record', async () => {
    const { db } = await fresh();
    const result = await importPath(db, CSV);
    expect(await counts(db)).toEqual({ ...ONE_OF_EACH, attributes: 0 });
    expect(result.rejected).toEqual([
      {
        file: 'attributes.csv',
        line: 2,
        table: 'attributes',
        id: 'ae58cc39-8b70-4ab1-8aea-786882e5ac8e',
        reason:
          'link_id f28dd44b-0c4d-479f-8e90-4c52219a8b3c matches no record (in this import or the database)',
      },
    ]);
    expect(result.warnings.map((w) => `${w.file}:${w.line} ${w.reason}`)).toEqual([
      'taxonomy_terms.csv:2 taxonomy_id 07ff6aee-a219-438c-b694-d2fcb6c5373b matches no taxonomies record (in this import or the database): left empty',
      'locations.csv:2 organization_id 985e4a42-bd9f-4edc-911d-0243a4640aca matches no organizations record (in this import or the database): left empty',
      'locations.csv:2 position 100, 101 is not a valid latitude and longitude: left empty',
      'locations.csv:2 no position, so no time zone: "open now" reads its hours as UTC until a moderator sets the zone',
    ]);
    const service = (await db.query.services.findFirst({ where: eq(s.services.id, SERVICE) }))!;
    expect(service).toMatchObject({
      name: 'Community Counselling',
      status: 'active',
      minimumAge: 12,
      maximumAge: 100,
      slug: 'community-counselling',
      verifiedAt: null,
      verifiedByRole: null,
    });
    expect(service.lastModified?.toISOString()).toBe('2023-03-15T10:30:45.000Z');
    expect(service.description).toContain('anxiety, depression, or eating disorders');
    expect(await db.query.addresses.findFirst()).toMatchObject({
      city: 'MyCity',
      postalCode: 'ABC 1234',
      country: 'US',
    });
    expect(await db.query.costOptions.findFirst()).toMatchObject({ amount: 35, currency: 'gbp' });
    expect(await db.query.schedules.findFirst()).toMatchObject({
      byday: 'TH,FR',
      opensAt: '10:00:00',
      dayMask: 8 + 16,
      opensMinute: 600,
      closesMinute: 1080,
      timezone: 3,
    });
    expect(await db.query.locations.findFirst()).toMatchObject({
      latitude: null,
      organizationId: null,
      confidentialLocation: false,
    });
  });

  it('changes and duplicates nothing when run twice', async () => {
    const { db } = await fresh();
    await importPath(db, CSV);
    const before = await counts(db);
    const serviceBefore = await db.query.services.findFirst();
    const again = await importPath(db, CSV);
    expect(await counts(db)).toEqual(before);
    expect(await db.query.services.findFirst()).toEqual(serviceBefore);
    expect(Object.values(again.counts).reduce((n, c) => n + c.inserted, 0)).toBe(0);
    expect(again.counts.services).toEqual({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
  });

  it.each([
    ['service_full.json', { ...ONE_OF_EACH }],
    ['organization_full.json', { ...ONE_OF_EACH }],
    ['service_at_location_full.json', { ...ONE_OF_EACH }],
    [
      'service_list.json',
      {
        ...Object.fromEntries(IMPORT_TABLES.map((spec) => [spec.name, 0])),
        organizations: 1,
        services: 1,
      },
    ],
    [
      'taxonomy.json',
      { ...Object.fromEntries(IMPORT_TABLES.map((spec) => [spec.name, 0])), taxonomies: 1 },
    ],
    [
      'taxonomy_term.json',
      {
        ...Object.fromEntries(IMPORT_TABLES.map((spec) => [spec.name, 0])),
        taxonomies: 1,
        taxonomy_terms: 1,
      },
    ],
  ])('imports the JSON example %s, and again without change', async (file, expected) => {
    const { db } = await fresh();
    const first = await importPath(db, join(HSDS, file));
    expect(first.rejected).toEqual([]);
    expect(await counts(db)).toEqual(expected);
    await importPath(db, join(HSDS, file));
    expect(await counts(db)).toEqual(expected);
  });

  it('links what JSON nests: the attribute to its service, the phone to its contact, schedules to their place', async () => {
    const { db } = await fresh();
    await importPath(db, join(HSDS, 'service_full.json'));
    expect(
      await db.query.attributes.findFirst({
        where: eq(s.attributes.id, 'ae58cc39-8b70-4ab1-8aea-786882e5ac8e'),
      }),
    ).toMatchObject({ linkId: SERVICE, taxonomyTermId: '3f7b145d-84af-42d7-8fae-eaca714b02b2' });
    expect(
      await db.query.taxonomyTerms.findFirst({
        where: eq(s.taxonomyTerms.id, '3f7b145d-84af-42d7-8fae-eaca714b02b2'),
      }),
    ).toMatchObject({ taxonomyId: '5c4d79d7-cc55-470e-9f1f-8cad074e4892' });
    expect(await db.query.phones.findFirst()).toMatchObject({
      serviceId: SERVICE,
      contactId: '1e7efce3-639b-4880-940c-b95cd30cdb50',
      extension: 100,
    });
    expect(await db.query.schedules.findFirst()).toMatchObject({
      serviceId: SERVICE,
      locationId: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
    });
    expect(await db.query.locations.findFirst()).toMatchObject({
      organizationId: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
    });
  });
  it('gives a schedule the place of its service_at_location, from this import or the database', async () => {
    const { db } = await fresh();
    await importPath(db, CSV);
    const folder = tempFolder();
    writeFileSync(
      join(folder, 'schedules.csv'),
      'id,service_at_location_id,byday,opens_at,closes_at\n99999999-9999-4999-8999-999999999999,e94c9f38-1e8f-4564-91d4-d53501ab1765,MO,09:00,17:00\n',
    );
    expect((await importPath(db, folder)).rejected).toEqual([]);
    expect(
      await db.query.schedules.findFirst({
        where: eq(s.schedules.id, '99999999-9999-4999-8999-999999999999'),
      }),
    ).toMatchObject({
      serviceId: SERVICE,
      locationId: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
      dayMask: 1,
    });
  });
  it('updates only the columns a partial CSV table carries', async () => {
    const { db } = await fresh();
    await importPath(db, CSV);
    const folder = tempFolder();
    writeFileSync(
      join(folder, 'services.csv'),
      `id,name\n${SERVICE},Community Counselling (renamed)\n`,
    );
    writeFileSync(join(folder, 'phones.csv'), 'id\n1554f2e2-a373-45db-a3fa-9fc48a61c15e\n');
    const result = await importPath(db, folder);
    expect(result.rejected).toEqual([]);
    expect(await db.query.services.findFirst()).toMatchObject({
      name: 'Community Counselling (renamed)',
      minimumAge: 12,
      organizationId: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
    });
    expect(await db.query.phones.findFirst()).toMatchObject({ extension: 100, serviceId: SERVICE });
    expect((await db.query.services.findFirst())!.description).toContain(
      'Counselling Services provided',
    );
  });
});

describe('the change log of an import', () => {
  const changes = (db: Database) =>
    db
      .select({
        serviceId: s.resourceChanges.serviceId,
        role: s.resourceChanges.actorRole,
        action: s.resourceChanges.action,
        fields: s.resourceChanges.changedFields,
        user: s.resourceChanges.actorUserId,
      })
      .from(s.resourceChanges)
      .orderBy(s.resourceChanges.changedAt)
      .all();

  it('logs each resource the import added, as the import and never a person, and nothing when run again unchanged', async () => {
    const { db } = await fresh();
    const first = await importPath(db, CSV);
    expect(first.logged).toBe(1);
    expect(await changes(db)).toEqual([
      {
        serviceId: SERVICE,
        role: 'import',
        action: 'imported',
        user: null,
        fields: [
          'organization',
          'service',
          'place',
          'address',
          'accessibility',
          'phones',
          'hours',
          'languages',
          'cost',
          'documents',
          'serviceArea',
        ],
      },
    ]);
    const again = await importPath(db, CSV);
    expect(again.logged).toBe(0);
    expect(await changes(db)).toHaveLength(1);
  });

  it('names only what changed: one new phone number is one updated row and a log of phone numbers', async () => {
    const { db } = await fresh();
    await importPath(db, CSV);
    const folder = tempFolder();
    for (const file of ['phones.csv', 'services.csv', 'organizations.csv']) {
      const text = readFileSync(join(CSV, file), 'utf8');
      writeFileSync(
        join(folder, file),
        file === 'phones.csv' ? text.replace('+44 1234 234567', '+44 1234 999999') : text,
      );
    }
    const result = await importPath(db, folder);
    expect(result.counts.phones).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(result.counts.services).toEqual({ inserted: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect((await changes(db)).map((row) => row.fields)).toEqual([expect.any(Array), ['phones']]);
  });

  it('logs both services when a phone moves from one to the other', async () => {
    const { db } = await fresh();
    await importPath(db, CSV);
    const OTHER = '7b7c1d4e-3f7a-4c9b-9a51-2f4f0c1a9e11';
    const folder = tempFolder();
    writeFileSync(
      join(folder, 'services.csv'),
      `id,organization_id,name,status\n${OTHER},d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Second service,active\n`,
    );
    await importPath(db, folder);
    const logged = (await changes(db)).length;
    // The phone now names the second service, and no place: it leaves the first one.
    const moved = tempFolder();
    writeFileSync(
      join(moved, 'phones.csv'),
      `id,service_id,number\n1554f2e2-a373-45db-a3fa-9fc48a61c15e,${OTHER},+44 1234 234567\n`,
    );
    const result = await importPath(db, moved);
    expect(result.counts.phones).toMatchObject({ updated: 1 });
    const after = (await changes(db)).slice(logged);
    expect(after.map((row) => row.serviceId).sort()).toEqual([OTHER, SERVICE].sort());
    expect(after.every((row) => row.fields.join() === 'phones')).toBe(true);
  });

  it('moves the edit form’s version: a moderator’s form opened before the import is not saved over it unknowingly', async () => {
    const app = await fresh();
    await importPath(app.db, CSV);
    const opened = await resourceVersion(app.db, SERVICE);
    const before = (await getEditableResource(app.db, SERVICE))!;
    const folder = tempFolder();
    for (const file of ['services.csv', 'organizations.csv']) {
      const text = readFileSync(join(CSV, file), 'utf8');
      writeFileSync(
        join(folder, file),
        file === 'services.csv'
          ? text.replace('Community Counselling', 'Community Counselling Centre')
          : text,
      );
    }
    expect((await importPath(app.db, folder)).logged).toBe(1);
    await expect(
      updateResource(
        app.db,
        before,
        { ...before.input, walkIn: true },
        { userId: null, role: 'moderator' },
        new Date(),
        opened,
      ),
    ).rejects.toBeInstanceOf(ResourceChangedMeanwhile);
    expect((await getEditableResource(app.db, SERVICE))!.input.name).toBe(
      'Community Counselling Centre',
    );
  });
});

describe('rows that cannot be imported', () => {
  it('are reported with file, line and reason, and the rest goes in', async () => {
    const { db } = await fresh();
    const folder = tempFolder();
    const org = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';
    writeFileSync(join(folder, 'organizations.csv'), readFileSync(join(CSV, 'organizations.csv')));
    writeFileSync(
      join(folder, 'services.csv'),
      [
        'id,organization_id,name,description,status',
        `11111111-1111-4111-8111-111111111111,${org},Good one,"A description\nover two lines",active`,
        `,${org},No id,x,active`,
        `22222222-2222-4222-8222-222222222222,99999999-9999-4999-8999-999999999999,Broken organization,x,active`,
        `33333333-3333-4333-8333-333333333333,${org},,no name,active`,
        `44444444-4444-4444-8444-444444444444,${org},Odd status,x,open`,
        `not-a-uuid,${org},Bad id,x,active`,
        `55555555-5555-4555-8555-555555555555,${org},Also good,x,`,
        `66666666-6666-4666-8666-666666666666,${org}`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(folder, 'phones.csv'),
      [
        'id,service_id,number',
        '77777777-7777-4777-8777-777777777777,22222222-2222-4222-8222-222222222222,555-0100',
        '88888888-8888-4888-8888-888888888888,11111111-1111-4111-8111-111111111111,555-0101',
        '',
      ].join('\n'),
    );
    const input = readHsdsInput(folder);
    expect(input.unreadable).toEqual([
      {
        file: 'services.csv',
        line: 10,
        table: 'services',
        reason: 'wrong number of fields (CSV_RECORD_INCONSISTENT_COLUMNS)',
      },
    ]);
    const result = await importHsdsRows(db, input.rows);
    expect(result.rejected.map((r) => `${r.file}:${r.line} ${r.reason}`)).toEqual([
      'services.csv:4 missing id',
      'services.csv:5 organization_id 99999999-9999-4999-8999-999999999999 matches no organizations record (in this import or the database)',
      'services.csv:6 missing name',
      'services.csv:7 status "open" is not one of active, inactive, defunct, temporarily closed',
      'services.csv:8 id "not-a-uuid" is not a UUID (HSDS 3.0 ids are UUIDs)',
      'phones.csv:2 links to nothing: needs a valid location_id or service_id or organization_id',
    ]);
    expect(result.warnings.map((w) => `${w.file}:${w.line} ${w.reason}`)).toEqual([
      'phones.csv:2 service_id 22222222-2222-4222-8222-222222222222 matches no services record (in this import or the database): left empty',
    ]);
    const services = await db
      .select({
        name: s.services.name,
        status: s.services.status,
        description: s.services.description,
      })
      .from(s.services)
      .orderBy(s.services.name);
    expect(services).toEqual([
      { name: 'Also good', status: 'active', description: 'x' },
      { name: 'Good one', status: 'active', description: 'A description\nover two lines' },
    ]);
    expect((await counts(db)).phones).toBe(1);
  });
  it('in JSON, are reported with the file and a JSON pointer', async () => {
    const { db } = await fresh();
    const folder = tempFolder();
    const service = JSON.parse(readFileSync(join(HSDS, 'service_full.json'), 'utf8'));
    const broken = { ...service, id: undefined, name: 'No id' };
    const orphan = {
      id: '99999999-9999-4999-8999-999999999999',
      name: 'Orphan',
      status: 'active',
      organization_id: '12345678-1234-4234-8234-123456789012',
    };
    writeFileSync(join(folder, 'list.json'), JSON.stringify([service, broken, orphan]));
    const result = await importPath(db, join(folder, 'list.json'));
    expect(result.rejected.map((r) => `${r.file} ${r.at} ${r.reason}`)).toEqual([
      'list.json /1 missing id',
      'list.json /2 organization_id 12345678-1234-4234-8234-123456789012 matches no organizations record (in this import or the database)',
    ]);
    expect((await counts(db)).services).toBe(1);
  });
});

describe('time zones of imported places', () => {
  it('are the IANA zone at the position, UTC with a warning when there is no position, and never replaced on re-import', async () => {
    const { db } = await fresh();
    const folder = tempFolder();
    const montreal = 'a1a1a1a1-0000-4000-8000-000000000001';
    const vancouver = 'a1a1a1a1-0000-4000-8000-000000000002';
    const nowhere = 'a1a1a1a1-0000-4000-8000-000000000003';
    writeFileSync(
      join(folder, 'locations.csv'),
      [
        'id,name,latitude,longitude',
        `${montreal},Montréal,45.5,-73.57`,
        `${vancouver},Vancouver,49.28,-123.12`,
        `${nowhere},No position,,`,
        '',
      ].join('\n'),
    );
    const result = await importPath(db, folder);
    expect(result.warnings.map((w) => `${w.file}:${w.line} ${w.reason}`)).toEqual([
      'locations.csv:4 no position, so no time zone: "open now" reads its hours as UTC until a moderator sets the zone',
    ]);
    const zones = async () =>
      Object.fromEntries(
        (
          await db
            .select({ id: s.locations.id, zone: s.locations.timeZone })
            .from(s.locations)
            .all()
        ).map((r) => [r.id, r.zone]),
      );
    expect(await zones()).toMatchObject({
      [montreal]: 'America/Toronto',
      [vancouver]: 'America/Vancouver',
      [nowhere]: 'UTC',
    });

    // A moderator's choice stays: an import never overwrites a platform field.
    await db
      .update(s.locations)
      .set({ timeZone: 'America/Montreal' })
      .where(eq(s.locations.id, montreal));
    await importPath(db, folder);
    expect((await zones())[montreal]).toBe('America/Montreal');
  });
});

describe('an import never verifies and never reveals', () => {
  it('keeps verification, platform flags and confidential places of existing records', async () => {
    const { db } = await fresh();
    await seedDemoResources(db, new Date('2026-11-26T15:00:00Z'));
    const [first] = await db.select().from(s.services).orderBy(s.services.id).limit(1);
    await markResourceVerified(db, first!.id, 'moderator', new Date('2026-11-20T10:00:00Z'));
    const before = await db.select().from(s.services).orderBy(s.services.id);
    const locationsBefore = await db.select().from(s.locations).orderBy(s.locations.id);
    expect(locationsBefore.filter((l) => l.confidentialLocation).length).toBeGreaterThanOrEqual(2);
    // Our own export leaves confidential positions out and has no platform columns at all.
    const folder = tempFolder();
    writeHsdsPackage(folder, await exportHsdsTables(db));
    const result = await importPath(db, folder);
    expect(result.rejected).toEqual([]);
    expect(await db.select().from(s.services).orderBy(s.services.id)).toEqual(before);
    expect(await db.select().from(s.locations).orderBy(s.locations.id)).toEqual(locationsBefore);
  });

  it('leaves verified_at empty on imported services', async () => {
    const { db } = await fresh();
    await importPath(db, join(HSDS, 'organization_full.json'));
    expect(
      await db
        .select({ at: s.services.verifiedAt, role: s.services.verifiedByRole })
        .from(s.services),
    ).toEqual([{ at: null, role: null }]);
  });
});

describe('an imported service', () => {
  it('is found by /resources and served by the HSDS API', async () => {
    const { db, app } = await fresh();
    await importPath(db, CSV);
    const page = await app.request('/resources?q=counselling');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Community Counselling');
    const res = await app.request(`/api/hsds/services/${SERVICE}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: SERVICE,
      name: 'Community Counselling',
      organization: { name: 'Example Organization Inc.' },
    });
  });

  it('survives a round trip: import, export, import into a fresh database, same counts', async () => {
    const { db } = await fresh();
    await importPath(db, CSV);
    await importPath(db, join(HSDS, 'service_full.json'));
    const folder = tempFolder();
    writeHsdsPackage(folder, await exportHsdsTables(db));
    const other = await fresh();
    const result = await importPath(other.db, folder);
    expect(result.rejected).toEqual([]);
    expect(await counts(other.db)).toEqual(await counts(db));
    expect(await counts(other.db)).toEqual(ONE_OF_EACH);
  });

  it('round trips the demo directory too', async () => {
    const { db } = await fresh();
    await seedDemoResources(db, new Date('2026-11-26T15:00:00Z'));
    const folder = tempFolder();
    writeHsdsPackage(folder, await exportHsdsTables(db));
    const other = await fresh();
    const result = await importPath(other.db, folder);
    expect(result.rejected).toEqual([]);
    const expected = await counts(db);
    // Confidential addresses are never exported, so they cannot come back.
    const confidentialAddresses = (await db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM addresses a JOIN locations l ON l.id = a.location_id WHERE l.confidential_location`,
    ))!.n;
    expect(await counts(other.db)).toEqual({
      ...expected,
      addresses: expected.addresses! - confidentialAddresses,
    });
  });
});

describe('the command', () => {
  it('imports into DATABASE_URL, prints rejected rows with file, line and reason, and changes nothing the second time', async () => {
    const folder = tempFolder();
    const url = `file:${join(folder, 'hearth.db')}`;
    const run = () =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/hsds-import.ts', CSV], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const first = run();
    expect(first).toContain(
      'rejected attributes.csv:2 (attributes): link_id f28dd44b-0c4d-479f-8e90-4c52219a8b3c matches no record',
    );
    expect(first).toContain('services 1 new, 0 updated, 0 unchanged');
    expect(first).toContain('1 resources changed');
    expect(first).toContain('note: contacts.csv: not imported');
    const second = run();
    expect(second).toContain('services 0 new, 0 updated, 1 unchanged');
    expect(second).toContain('0 resources changed');
    const { db, client } = openLibsqlDatabase(url);
    expect(await counts(db)).toEqual({ ...ONE_OF_EACH, attributes: 0 });
    client.close();
  }, 60_000);
});
