import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourceVersion } from '../../../db/resources/changes';
import { getEditableResource } from '../../../db/resources/edit-read';
import { rebuildSearchIndexAndCompare } from '../../../db/resources/search/fts-check';
import { resourceChanges, serviceAtLocation } from '../../../db/schema';
import {
  blankPlace,
  type FormPlace,
  type ResourceFormValues,
} from '../../../web/views/resources/edit-form';
import { resourceFormValues } from '../../../worker/resources/form';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import type { TestBrowser } from '../../support/browser';
import { asForm } from '../../support/resources';
import { personWith } from '../../support/stories';

// The moderators' form shows every place of a service: one fieldset each (place2-…, place3-…),
// a "remove" box on each saved place after the first, and an empty fieldset to add one.
let t: TestApp;
let moderator: TestBrowser;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
  moderator = await personWith(t, 'mod@example.org', ['moderator']);
});
afterEach(() => t.close());

const expectInStep = async (step: string) =>
  expect((await rebuildSearchIndexAndCompare(t.db)).differences, step).toEqual({});

const place = (street: string, city: string, opens = ''): FormPlace => ({
  ...blankPlace('America/Toronto'),
  street,
  city,
  country: 'CA',
  hours: { ...blankPlace('UTC').hours, WE: [{ opens, closes: opens ? '17:00' : '' }] },
});

const TWO_PLACES: ResourceFormValues = {
  ...resourceFormValues({
    organizationId: null,
    organizationName: 'Lanternwick Collective',
    name: 'Lanternwick legal clinic',
    description: 'Free advice on papers and rights, in two towns.',
    contentLanguage: 'en',
    eligibility: '',
    documents: [],
    free: true,
    costDescription: '',
    categories: [],
    languages: [],
    street: '14 Lantern Lane',
    city: 'Quillhaven',
    postalCode: '',
    region: '',
    country: 'CA',
    latitude: null,
    longitude: null,
    timeZone: 'America/Toronto',
    transportation: '',
    confidential: false,
    phones: [],
    hours: [{ day: 'MO', opensAt: '09:00', closesAt: '12:00' }],
    walkIn: false,
    traumaInformed: false,
    survivorLed: false,
    url: '',
    email: '',
  }),
  otherPlaces: [place('2 Ferry Road', 'Marrowdale', '10:00')],
};

/** Adds the two-place resource by the form; returns its id. */
const addTwoPlaces = async () => {
  const res = await moderator.post('/moderation/resources', asForm(TWO_PLACES));
  expect(res.status).toBe(303);
  await expectInStep('added with two places');
  return res.headers.get('location')!.match(/([0-9a-f-]{36})/)![1]!;
};

/** The edit form as it would come back, with the other places' fieldsets changed. */
const saveWith = async (id: string, otherPlaces: (others: FormPlace[]) => FormPlace[]) => {
  const current = (await getEditableResource(t.db, id))!;
  const values = resourceFormValues(current.input);
  return moderator.post(
    `/moderation/resources/${id}`,
    asForm({
      ...values,
      otherPlaces: otherPlaces(values.otherPlaces ?? []),
      version: await resourceVersion(t.db, id),
    }),
  );
};

/** The value a text field of the page holds. */
const fieldValue = (html: string, name: string) =>
  html.match(new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`))?.[1];

const publicPage = async (id: string) =>
  visibleText(await (await moderator.get(`/resources/${id}`)).text());

const cities = async (id: string) => {
  const resource = (await getEditableResource(t.db, id))!;
  return [resource.input, ...(resource.input.otherPlaces ?? [])].map((p) => p?.city);
};

describe('every place of a service in the moderators’ form', () => {
  it('adds a resource with two places, shows both on the form and the public page', async () => {
    const id = await addTwoPlaces();
    expect(await cities(id)).toEqual(['Quillhaven', 'Marrowdale']);
    const form = await (await moderator.get(`/moderation/resources/${id}/edit`)).text();
    expect(fieldValue(form, 'place2-street')).toBe('2 Ferry Road');
    expect(form).toContain('name="place2-remove"');
    // The empty fieldset to add one more.
    expect(fieldValue(form, 'place3-street')).toBe('');
    expect(visibleText(form)).toContain('Add a place');
    const page = await publicPage(id);
    expect(page).toContain('14 Lantern Lane');
    expect(page).toContain('2 Ferry Road');
  });

  it('edits the second place, its hours included, and logs it', async () => {
    const id = await addTwoPlaces();
    const res = await saveWith(id, ([second, ...rest]) => [
      {
        ...second!,
        street: '4 Ferry Road',
        hours: { ...second!.hours, FR: [{ opens: '08:00', closes: '11:00' }] },
      },
      ...rest,
    ]);
    expect(res.status).toBe(303);
    await expectInStep('second place edited');
    const saved = (await getEditableResource(t.db, id))!;
    expect(saved.input.street).toBe('14 Lantern Lane');
    expect(saved.input.otherPlaces![0]!.street).toBe('4 Ferry Road');
    expect(saved.input.otherPlaces![0]!.hours).toEqual([
      { day: 'WE', opensAt: '10:00', closesAt: '17:00' },
      { day: 'FR', opensAt: '08:00', closesAt: '11:00' },
    ]);
    const log = await t.db
      .select()
      .from(resourceChanges)
      .where(eq(resourceChanges.serviceId, id))
      .all();
    expect(log.at(-1)!.changedFields).toEqual(['otherPlaces']);
    expect(await publicPage(id)).toContain('4 Ferry Road');
  });

  it('adds a third place through the empty fieldset', async () => {
    const id = await addTwoPlaces();
    const res = await saveWith(id, (others) => [
      ...others,
      place('9 Mill Street', 'Ashbrook', '13:00'),
      blankPlace('America/Toronto'),
    ]);
    expect(res.status).toBe(303);
    await expectInStep('third place added');
    expect(await cities(id)).toEqual(['Quillhaven', 'Marrowdale', 'Ashbrook']);
    const page = await publicPage(id);
    for (const street of ['14 Lantern Lane', '2 Ferry Road', '9 Mill Street'])
      expect(page).toContain(street);
  });

  it('removes a place when its box is ticked, and leaves the place to other services', async () => {
    const id = await addTwoPlaces();
    const res = await saveWith(id, ([second]) => [{ ...second!, remove: true }]);
    expect(res.status).toBe(303);
    await expectInStep('second place removed');
    expect(await cities(id)).toEqual(['Quillhaven']);
    const links = await t.db
      .select({ n: count() })
      .from(serviceAtLocation)
      .where(eq(serviceAtLocation.serviceId, id))
      .get();
    expect(links!.n).toBe(1);
    expect(await publicPage(id)).not.toContain('2 Ferry Road');
  });

  it('refuses a hostile value in the second place, keeps every fieldset as typed, and writes nothing', async () => {
    const id = await addTwoPlaces();
    const version = await resourceVersion(t.db, id);
    const res = await saveWith(id, ([second]) => [
      { ...second!, street: '<img src=x onerror=alert(1)>', city: 'Lowmarsh' },
      place('9 Mill Street', 'Ashbrook'),
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('aria-describedby="error-place2-street');
    expect(html).toContain('Please write plain text, without &lt; and &gt; tags.');
    expect(fieldValue(html, 'place2-street')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(fieldValue(html, 'place2-city')).toBe('Lowmarsh');
    expect(fieldValue(html, 'place3-street')).toBe('9 Mill Street');
    expect(fieldValue(html, 'place3-city')).toBe('Ashbrook');
    expect(html).not.toContain('<img src=x');
    expect(await resourceVersion(t.db, id)).toBe(version);
    expect(await cities(id)).toEqual(['Quillhaven', 'Marrowdale']);
    await expectInStep('nothing written');
  });

  it('says it in French too', async () => {
    const id = await addTwoPlaces();
    const res = await moderator.get(`/moderation/resources/${id}/edit`, {
      'Accept-Language': 'fr',
    });
    const text = visibleText(await res.text());
    expect(text).toContain('Lieu 2');
    expect(text).toContain('Retirer ce lieu du service');
    expect(text).toContain('Ajouter un lieu');
  });
});
