import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoResources } from '../../../db/demo/resources';
import { resourceVersion } from '../../../db/resources/changes';
import { getEditableResource } from '../../../db/resources/edit-read';
import { importHsdsRows, type SourceRow } from '../../../db/resources/hsds/import';
import { rebuildSearchIndexAndCompare } from '../../../db/resources/search/fts-check';
import { locations, schedules, serviceAtLocation, services } from '../../../db/schema';
import type { ResourceFormValues } from '../../../web/views/resources/edit-form';
import { resourceFormValues } from '../../../worker/resources/form';
import { makeTestApp, type TestApp } from '../../support/app';
import type { TestBrowser } from '../../support/browser';
import { asForm } from '../../support/resources';
import { personWith } from '../../support/stories';

// The search index the triggers keep must be what a rebuild makes, after every way a service is
// saved: a drift shows as a search that answers differently before and after `npm run fts:rebuild`
// (and as a restored backup that reads as damaged). Each step is checked at once, because the
// check rebuilds (it would repair the drift of an earlier step).
let t: TestApp;
let moderator: TestBrowser;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
  await seedDemoResources(t.db, new Date());
  moderator = await personWith(t, 'mod@example.org', ['moderator']);
});
afterEach(() => t.close());

const expectInStep = async (step: string) =>
  expect((await rebuildSearchIndexAndCompare(t.db)).differences, step).toEqual({});

const NO_HOURS: ResourceFormValues['hours'] = {
  MO: [],
  TU: [],
  WE: [],
  TH: [],
  FR: [],
  SA: [],
  SU: [],
};
const NEW_RESOURCE: ResourceFormValues = {
  organizationId: '',
  organizationName: 'Lanternwick Collective',
  name: 'Lanternwick night kitchen',
  description: 'A hot meal and a quiet place to sit, every night.',
  contentLanguage: 'en',
  eligibility: '',
  documents: '',
  free: true,
  costDescription: '',
  categories: ['food'],
  languages: ['en'],
  street: '',
  city: '',
  postalCode: '',
  region: '',
  country: 'CA',
  latitude: '',
  longitude: '',
  timeZone: 'America/Toronto',
  transportation: '',
  confidential: false,
  phones: [],
  hours: NO_HOURS,
  walkIn: false,
  traumaInformed: false,
  survivorLed: false,
  url: '',
  email: '',
};
const MONDAY_EVENINGS = { ...NO_HOURS, MO: [{ opens: '18:00', closes: '22:00' }] };
const PLACED = {
  street: '14 Lantern Lane',
  city: 'Quillhaven',
  postalCode: 'Q9X 1L4',
  country: 'CA',
  latitude: '45.21',
  longitude: '-77.42',
};

/** Adds a resource through the moderators' form; returns its id. */
const addByForm = async (values: ResourceFormValues) => {
  const res = await moderator.post('/moderation/resources', asForm(values));
  expect(res.status).toBe(303);
  return res.headers.get('location')!.match(/([0-9a-f-]{36})/)![1]!;
};

/** Saves the moderators' edit form of a resource with some values changed. */
const editByForm = async (id: string, change: Partial<ResourceFormValues>) => {
  const current = (await getEditableResource(t.db, id))!;
  const res = await moderator.post(
    `/moderation/resources/${id}`,
    asForm({
      ...resourceFormValues(current.input),
      ...change,
      version: await resourceVersion(t.db, id),
    }),
  );
  expect(res.status).toBe(303);
};

/** A place of the demo directory that has a search position. */
const placedLocation = async () =>
  (await t.db.get<{ id: string }>(
    sql`SELECT id FROM locations WHERE search_latitude IS NOT NULL LIMIT 1`,
  ))!.id;

const ORGANIZATION = '6f1c2a9e-3b7d-4e21-9a55-0c8d2f4b7e10';
const SERVICE = '0b7e4d21-8c3a-4f9e-b1d6-5a2c9e8f3d47';

describe('the search index the triggers keep', () => {
  it('is what a rebuild makes after an import of a service with no place and no hours', async () => {
    const row = (values: Record<string, unknown>): SourceRow => ({
      file: 'x.json',
      line: null,
      values,
    });
    const result = await importHsdsRows(
      t.db,
      new Map([
        [
          'organizations',
          [row({ id: ORGANIZATION, name: 'Imported collective', description: 'x' })],
        ],
        ['services', [row({ id: SERVICE, organization_id: ORGANIZATION, name: 'Imported help' })]],
      ]),
    );
    expect(result.rejected).toEqual([]);
    await expectInStep('import');
    await t.db
      .update(services)
      .set({ name: 'Imported help, renamed' })
      .where(eq(services.id, SERVICE));
    await expectInStep('imported service renamed');
  });

  it('is what a rebuild makes after each save of the moderators’ form', async () => {
    const bare = await addByForm(NEW_RESOURCE);
    await expectInStep('form: no hours, a place with no position');
    const placed = await addByForm({ ...NEW_RESOURCE, ...PLACED, hours: MONDAY_EVENINGS });
    await expectInStep('form: hours and a placed place');
    await editByForm(bare, { hours: MONDAY_EVENINGS });
    await expectInStep('form: hours added');
    await editByForm(bare, { ...PLACED });
    await expectInStep('form: position added');
    await editByForm(bare, { hours: NO_HOURS });
    await expectInStep('form: hours removed');
    await editByForm(placed, { latitude: '', longitude: '', street: '', city: '' });
    await expectInStep('form: position and address removed');
  });

  it('is what a rebuild makes for a service saved with no place and no hours, then given both and losing both', async () => {
    const organization = (await t.db.select({ id: services.organizationId }).from(services).get())!
      .id;
    await t.db.insert(services).values({
      id: 'svc-bare',
      organizationId: organization,
      name: 'Night kitchen',
      description: 'A hot meal and a quiet place to sit.',
      slug: 'svc-bare',
    });
    await expectInStep('no place, no hours');

    const location = await placedLocation();
    await t.db
      .insert(serviceAtLocation)
      .values({ id: 'sal-bare', serviceId: 'svc-bare', locationId: location });
    await expectInStep('place added');
    await t.db.insert(schedules).values({
      id: 'hours-bare',
      serviceId: 'svc-bare',
      locationId: location,
      byday: 'MO,WE',
      opensAt: '18:00',
      closesAt: '22:00',
    });
    await expectInStep('hours added');
    await t.db.delete(schedules).where(eq(schedules.id, 'hours-bare'));
    await expectInStep('hours removed');
    await t.db.delete(serviceAtLocation).where(eq(serviceAtLocation.id, 'sal-bare'));
    await expectInStep('place removed');

    // A place of its own, with hours, then the place itself deleted (its hours go with it).
    await t.db.insert(locations).values({
      id: 'loc-bare',
      organizationId: organization,
      name: 'Kitchen',
      timeZone: 'America/Toronto',
      searchLatitude: 45.2,
      searchLongitude: -77.4,
    });
    await t.db.batch([
      t.db
        .insert(serviceAtLocation)
        .values({ id: 'sal-own', serviceId: 'svc-bare', locationId: 'loc-bare' }),
      t.db.insert(schedules).values({
        id: 'hours-own',
        serviceId: 'svc-bare',
        locationId: 'loc-bare',
        byday: 'TU',
        opensAt: '09:00',
        closesAt: '12:00',
      }),
    ]);
    await expectInStep('own place with hours');
    await t.db.delete(locations).where(eq(locations.id, 'loc-bare'));
    await expectInStep('own place deleted');
    await t.db.delete(services).where(eq(services.id, 'svc-bare'));
    await expectInStep('service deleted');
  });
});
