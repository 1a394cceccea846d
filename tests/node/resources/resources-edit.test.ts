import { count, eq, ne, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getResource } from '../../../db/resources/detail';
import { changedResourceFields, updateResource } from '../../../db/resources/edit';
import { getEditableResource } from '../../../db/resources/edit-read';
import { seedDemoResources } from '../../../db/demo/resources';
import {
  costOptions,
  languages,
  organizations,
  phones,
  resourceChanges,
  resourceReports,
  schedules,
  serviceAtLocation,
  services,
} from '../../../db/schema';
import { ResourceChangedMeanwhile, resourceVersion } from '../../../db/resources/changes';
import { deleteAccount, findUserByEmail } from '../../../db/accounts/users';
import type { ResourceFormValues } from '../../../web/views/resources/edit-form';
import { en } from '../../../web/i18n/en';
import {
  parseResourceForm,
  readResourceForm,
  resourceFormValues,
} from '../../../worker/resources/form';
import { sameSiteFormHeaders } from '../../support/pages';
import { asForm } from '../../support/resources';
import { TestBrowser } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { personWith } from '../../support/stories';

const SLUG = 'kettle-and-crumb-lunch';
let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
  await seedDemoResources(t.db, new Date());
});
afterEach(() => t.close());

/** The form as parseBody({ all: true }) reads it: repeated fields as arrays. */
const asFormAll = (values: ResourceFormValues): [string, string | string[]][] => {
  const form = asForm(values);
  return [...new Set(form.keys())].map((key) => {
    const all = form.getAll(key);
    return [key, all.length > 1 || key === 'categories' || key === 'languages' ? all : all[0]!];
  });
};

const NO_OPENING = { opens: '', closes: '' };

const NEW_RESOURCE: ResourceFormValues = {
  organizationId: '',
  organizationName: 'Lanternwick Collective',
  name: 'Lanternwick night kitchen',
  description: 'A hot meal and a quiet place to sit, every night. Nobody asks for papers.',
  contentLanguage: 'en',
  eligibility: 'Anyone aged 16 and over.',
  documents: 'Nothing\nA bag, if you want to take food away',
  free: true,
  costDescription: '',
  categories: ['food', 'peer-support'],
  languages: ['en', 'uk'],
  street: '14 Lantern Lane',
  city: 'Quillhaven',
  postalCode: 'Q9X 1L4',
  region: 'Northmarch',
  country: 'CA',
  latitude: '45.21',
  longitude: '-77.42',
  timeZone: 'America/Toronto',
  transportation: 'Bus 4 to Lantern Lane.',
  confidential: false,
  phones: [
    { number: '+1 613 555 0142', type: 'voice' },
    { number: '+1 613 555 0143', type: 'text' },
    { number: '', type: 'voice' },
  ],
  hours: {
    MO: [{ opens: '20:00', closes: '02:00' }, NO_OPENING],
    TU: [{ opens: '20:00', closes: '02:00' }, NO_OPENING],
    WE: [{ opens: '', closes: '' }, NO_OPENING],
    TH: [{ opens: '20:00', closes: '02:00' }, NO_OPENING],
    FR: [{ opens: '20:00', closes: '02:00' }, NO_OPENING],
    SA: [{ opens: '18:00', closes: '23:00' }, NO_OPENING],
    SU: [{ opens: '', closes: '' }, NO_OPENING],
  },
  walkIn: true,
  traumaInformed: true,
  survivorLed: false,
  url: 'https://lanternwick.example.org/',
  email: 'kitchen@lanternwick.example.org',
};

const serviceCount = async () => (await t.db.select({ n: count() }).from(services).get())!.n;
const changesOf = (serviceId: string) =>
  t.db.select().from(resourceChanges).where(eq(resourceChanges.serviceId, serviceId)).all();
const demo = async () => (await getEditableResource(t.db, SLUG))!;

describe('adding a resource', () => {
  it('keeps a language code that Intl cannot name (an imported pt_BR) instead of failing', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const existing = (await t.db.select({ id: services.id }).from(services).get())!.id;
    await t.db.insert(languages).values({
      id: crypto.randomUUID(),
      serviceId: existing,
      code: 'pt_BR',
      name: 'Portuguese (Brazil)',
    });
    const res = await moderator.post(
      '/moderation/resources',
      asForm({ ...NEW_RESOURCE, languages: ['en', 'pt_BR'] }),
    );
    expect(res.status).toBe(303);
    const id = res.headers.get('location')!.match(/([0-9a-f-]{36})/)![1]!;
    expect(
      (
        await t.db
          .select({ code: languages.code, name: languages.name })
          .from(languages)
          .where(eq(languages.serviceId, id))
          .all()
      )
        .map((l) => l.name)
        .sort(),
    ).toEqual(['English', 'pt_BR']);
  });

  it('adds one resource when the form is sent twice or three times at once, with one log row', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const formKey = (await (await moderator.get('/moderation/resources/new')).text()).match(
      /name="formKey" value="([a-z2-7]{32})"/,
    )![1]!;
    const before = await serviceCount();
    const send = () =>
      moderator.post('/moderation/resources', asForm({ ...NEW_RESOURCE, formKey }));
    const first = await send();
    const again = await Promise.all([send(), send(), send()]);
    const places = new Set(
      [first, ...again].map((res) => res.headers.get('location')!.split('?')[0]),
    );
    expect([first, ...again].map((res) => res.status)).toEqual([303, 303, 303, 303]);
    expect(places.size).toBe(1);
    expect(await serviceCount()).toBe(before + 1);
    const id = [...places][0]!.match(/([0-9a-f-]{36})/)![1]!;
    expect(await changesOf(id)).toHaveLength(1);
  });

  it('publishes it at once: searchable, with its page, and logged by field name', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const form = await moderator.get('/moderation/resources/new');
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toMatch(/<form method="post" action="\/moderation\/resources"/);
    expect(formHtml).toContain('<option value="America/Toronto" selected="">');

    const res = await moderator.post('/moderation/resources', asForm(NEW_RESOURCE));
    expect(res.status).toBe(303);
    const id = res.headers
      .get('location')!
      .match(/^\/moderation\/resources\/([0-9a-f-]{36})\/edit\?done=created$/)![1]!;

    const search = visibleText(
      await (await new TestBrowser(t).get('/resources?q=lanternwick')).text(),
    );
    expect(search).toContain('1 service found.');
    expect(search).toContain('Lanternwick night kitchen');
    expect(
      visibleText(
        await (await new TestBrowser(t).get('/resources?category=food&language=uk')).text(),
      ),
    ).toContain('Lanternwick night kitchen');

    const page = visibleText(
      await (await new TestBrowser(t).get('/resources/lanternwick-night-kitchen')).text(),
    );
    for (const text of [
      'Lanternwick Collective',
      '14 Lantern Lane',
      'Bus 4 to Lantern Lane.',
      '+1 613 555 0142',
      'Anyone aged 16 and over.',
      'Not checked by our team yet.',
    ]) {
      expect(page).toContain(text);
    }
    // Monday 20:00 to 02:00 in Toronto: still open at 01:00 on Tuesday, closed on Wednesday night.
    expect((await getResource(t.db, id, new Date('2026-11-24T06:00:00Z')))!.openNow).toBe(true);
    expect((await getResource(t.db, id, new Date('2026-11-26T06:00:00Z')))!.openNow).toBe(false);

    const [change, ...more] = await changesOf(id);
    expect(more).toEqual([]);
    expect(change).toMatchObject({ action: 'created', actorRole: 'moderator' });
    expect(change!.changedFields).toContain('hours');
    expect(change!.changedFields).not.toContain('confidential');
    expect(JSON.stringify(change)).not.toContain('Lanternwick');

    const service = (await t.db.select().from(services).where(eq(services.id, id)).get())!;
    expect(service.verifiedAt).toBeNull();
    const edit = visibleText(
      await (await moderator.get(`/moderation/resources/${id}/edit?done=created`)).text(),
    );
    expect(edit).toContain('Resource added. It is in the directory now.');
    expect(edit).toMatch(/Moderator What happened Added Fields organization, name, what it offers/);
  });

  it('comes back with every error and what was typed when fields are empty or too long, and writes nothing', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await serviceCount();
    const empty = await moderator.post(
      '/moderation/resources',
      new URLSearchParams({ timeZone: 'America/Toronto' }),
    );
    expect(empty.status).toBe(400);
    const emptyText = visibleText(await empty.text());
    expect(emptyText).toContain('Choose an organization, or type the name of a new one.');
    expect(emptyText).toContain('Give the service a name.');
    expect(emptyText).toContain('Say in a few words what the service offers.');

    const long = 'A very long name '.repeat(1000);
    const huge = await moderator.post(
      '/moderation/resources',
      asForm({ ...NEW_RESOURCE, name: long, latitude: '91' }),
    );
    expect(huge.status).toBe(400);
    const hugeHtml = await huge.text();
    expect(visibleText(hugeHtml)).toContain('This is too long. Use at most 200 characters.');
    expect(visibleText(hugeHtml)).toContain('Enter a number between -90 and 90.');
    expect(hugeHtml).toContain(long.trim());
    expect(hugeHtml).toContain('14 Lantern Lane');
    expect(hugeHtml).toContain('value="uk" checked=""');

    const french = await moderator.post(
      '/moderation/resources',
      asForm({ ...NEW_RESOURCE, phones: [{ number: 'call us', type: 'voice' }], url: 'ftp://x' }),
      { 'Accept-Language': 'fr' },
    );
    expect(french.status).toBe(400);
    const frenchText = visibleText(await french.text());
    expect(frenchText).toContain(
      'Écrivez un numéro avec seulement des chiffres, des espaces et + ( ) -.',
    );
    expect(frenchText).toContain('Écrivez une adresse web qui commence par https:// ou http://.');

    expect(await serviceCount()).toBe(before);
    expect(await t.db.select().from(resourceChanges).all()).toEqual([]);
    expect(
      await t.db
        .select()
        .from(organizations)
        .where(eq(organizations.name, 'Lanternwick Collective'))
        .all(),
    ).toEqual([]);
  });

  it('refuses markup and hx- attributes with a plain message, shows them as text, and drops direction overrides', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await serviceCount();
    const hostile = await moderator.post(
      '/moderation/resources',
      asForm({
        ...NEW_RESOURCE,
        name: '<script>alert(1)</script>',
        description: 'Hi <div hx-get="/sign-out" hx-trigger="load">x</div>',
      }),
    );
    expect(hostile.status).toBe(400);
    const html = await hostile.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/<div hx-get/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Please write plain text, without &lt; and &gt; tags.');
    expect(await serviceCount()).toBe(before);

    const saved = await moderator.post(
      '/moderation/resources',
      asForm({ ...NEW_RESOURCE, name: 'Ages 5 < 12 \u202eevil', description: 'Tea & toast.' }),
    );
    expect(saved.status).toBe(303);
    const page = await (await new TestBrowser(t).get('/resources/ages-5-12-evil')).text();
    expect(page).toContain('Ages 5 &lt; 12 evil');
    expect(page).not.toContain('\u202e');
  });

  it('keeps a confidential address off the public page', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    await moderator.post('/moderation/resources', asForm({ ...NEW_RESOURCE, confidential: true }));
    const page = visibleText(
      await (await new TestBrowser(t).get('/resources/lanternwick-night-kitchen')).text(),
    );
    expect(page).toContain('The address is kept private for safety.');
    expect(page).not.toContain('14 Lantern Lane');
    expect(page).not.toContain('Bus 4');
  });
});

describe('editing a resource', () => {
  it('logs a change to a shared place on every service there, with the place’s fields only', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await demo();
    const other = (await t.db
      .select({ id: services.id })
      .from(services)
      .where(ne(services.id, before.id))
      .get())!.id;
    await t.db
      .insert(serviceAtLocation)
      .values({ id: crypto.randomUUID(), serviceId: other, locationId: before.locationId! });
    const res = await moderator.post(
      `/moderation/resources/${before.id}`,
      asForm({
        ...resourceFormValues(before.input),
        name: 'Renamed',
        transportation: 'Tram 2 to the square.',
        version: '',
      }),
    );
    expect(res.status).toBe(303);
    expect((await changesOf(before.id))[0]!.changedFields).toEqual(['name', 'transportation']);
    const [otherChange, ...more] = await changesOf(other);
    expect(more).toEqual([]);
    expect(otherChange).toMatchObject({ action: 'edited', changedFields: ['transportation'] });
  });

  it('does not silently overwrite a save made after the form was opened: it says so, keeps what was typed, and saves on the next press', async () => {
    const first = await personWith(t, 'mod1@example.org', ['moderator']);
    const second = await personWith(t, 'mod2@example.org', ['moderator']);
    const before = await demo();
    const versionIn = async (browser: TestBrowser) =>
      (await (await browser.get(`/moderation/resources/${before.id}/edit`)).text()).match(
        /name="version" value="([^"]*)"/,
      )![1]!;
    const firstVersion = await versionIn(first);
    const secondVersion = await versionIn(second);
    expect(firstVersion).toBe(secondVersion);

    const saved = await first.post(
      `/moderation/resources/${before.id}`,
      asForm({ ...resourceFormValues(before.input), name: 'Saved first', version: firstVersion }),
    );
    expect(saved.status).toBe(303);
    const late = await second.post(
      `/moderation/resources/${before.id}`,
      asForm({ ...resourceFormValues(before.input), name: 'Saved second', version: secondVersion }),
    );
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(visibleText(html)).toContain('Someone else saved this resource after you opened it.');
    expect(html).toContain('value="Saved second"');
    expect((await demo())!.input.name).toBe('Saved first');

    const newer = html.match(/name="version" value="([^"]*)"/)![1]!;
    expect(newer).not.toBe(secondVersion);
    const again = await second.post(
      `/moderation/resources/${before.id}`,
      asForm({ ...resourceFormValues(before.input), name: 'Saved second', version: newer }),
    );
    expect(again.status).toBe(303);
    expect((await demo())!.input.name).toBe('Saved second');
  });

  it('checks the version inside the save: a save landing after the check still cannot be overwritten unknowingly', async () => {
    const before = await demo();
    const opened = await resourceVersion(t.db, before.id);
    await updateResource(
      t.db,
      before,
      { ...before.input, name: 'Saved first' },
      { userId: null, role: 'moderator' },
      new Date(),
      opened,
    );
    // A second save from a form opened at the same version, past any check the route made.
    await expect(
      updateResource(
        t.db,
        before,
        { ...before.input, name: 'Saved second', walkIn: !before.input.walkIn },
        { userId: null, role: 'admin' },
        new Date(),
        opened,
      ),
    ).rejects.toBeInstanceOf(ResourceChangedMeanwhile);
    expect((await demo()).input).toEqual({ ...before.input, name: 'Saved first' });
    expect((await changesOf(before.id)).map((row) => row.actorRole)).toEqual(['moderator']);
  });

  it('moves the version with every save, even two in the same millisecond', async () => {
    const before = await demo();
    // Two log rows at one instant, the later one with the smaller id: the version is the later one.
    const at = new Date();
    for (const id of [
      'ffffffff-0000-4000-8000-000000000000',
      '00000000-0000-4000-8000-000000000000',
    ]) {
      await t.db
        .run(sql`INSERT INTO resource_changes (id, service_id, changed_at, actor_role, action, changed_fields)
        VALUES (${id}, ${before.id}, ${at.getTime()}, 'moderator', 'edited', '["name"]')`);
    }
    expect(await resourceVersion(t.db, before.id)).toBe('00000000-0000-4000-8000-000000000000');
    // Saves one after the other at the same instant: each is accepted at the version the last left.
    for (const name of ['One', 'Two', 'Three']) {
      await updateResource(
        t.db,
        await demo(),
        { ...(await demo()).input, name },
        { userId: null, role: 'moderator' },
        at,
        await resourceVersion(t.db, before.id),
      );
    }
    expect((await demo()).input.name).toBe('Three');
    const stale = '00000000-0000-4000-8000-000000000000';
    await expect(
      updateResource(
        t.db,
        await demo(),
        { ...(await demo()).input, name: 'Stale' },
        { userId: null, role: 'moderator' },
        at,
        stale,
      ),
    ).rejects.toBeInstanceOf(ResourceChangedMeanwhile);
  });

  it('answers two saves sent at once from forms opened at the same version with one save and one 409', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await demo();
    const version = await resourceVersion(t.db, before.id);
    const save = (name: string) =>
      moderator.post(
        `/moderation/resources/${before.id}`,
        asForm({ ...resourceFormValues(before.input), name, version }),
      );
    const answers = await Promise.all([save('Lunch, first try'), save('Lunch, second try')]);
    expect(answers.map((res) => res.status).sort()).toEqual([303, 409]);
    expect(await changesOf(before.id)).toHaveLength(1);
  });

  it('changes exactly the fields edited, logs their names, and keeps the verification date', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await demo();
    const verifiedBefore = (await t.db
      .select()
      .from(services)
      .where(eq(services.id, before.id))
      .get())!;
    const costsBefore = await t.db
      .select()
      .from(costOptions)
      .where(eq(costOptions.serviceId, before.id))
      .all();
    const edit = await moderator.get(`/moderation/resources/${before.id}/edit`);
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain(`action="/moderation/resources/${before.id}"`);

    const values = resourceFormValues(before.input);
    values.name = 'Kettle and Crumb community lunch';
    values.phones[0] = { number: '+1 613 555 0177', type: 'voice' };
    values.hours.SU = [{ opens: '11:00', closes: '13:00' }, NO_OPENING];
    const res = await moderator.post(`/moderation/resources/${before.id}`, asForm(values));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/moderation/resources/${before.id}/edit?done=saved`);

    const after = (await demo())!;
    expect(after.input).toEqual({
      ...before.input,
      name: values.name,
      phones: [{ number: '+1 613 555 0177', type: 'voice' }, ...before.input.phones.slice(1)],
      hours: expect.any(Array),
    });
    expect(after.input.hours.find((h) => h.day === 'SU')).toEqual({
      day: 'SU',
      opensAt: '11:00',
      closesAt: '13:00',
    });
    const row = (await t.db.select().from(services).where(eq(services.id, before.id)).get())!;
    expect(row.verifiedAt).toEqual(verifiedBefore.verifiedAt);
    expect(row.verifiedByRole).toBe(verifiedBefore.verifiedByRole);
    expect(row.slug).toBe(SLUG);
    // Untouched lists keep their rows, ids and all.
    expect(
      await t.db.select().from(costOptions).where(eq(costOptions.serviceId, before.id)).all(),
    ).toEqual(costsBefore);

    const [change] = await changesOf(before.id);
    expect(change).toMatchObject({
      action: 'edited',
      actorRole: 'moderator',
      changedFields: ['name', 'phones', 'hours'],
    });
    const page = visibleText(
      await (await moderator.get(`/moderation/resources/${before.id}/edit`)).text(),
    );
    expect(page).toContain('Edited Fields name, phone numbers, opening hours');
    expect(
      visibleText(await (await new TestBrowser(t).get('/resources?q=community+lunch')).text()),
    ).toContain('Kettle and Crumb community lunch');
  });

  it('writes nothing, not even a log row, when nothing changed', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await demo();
    const phonesBefore = await t.db
      .select()
      .from(phones)
      .where(eq(phones.serviceId, before.id))
      .all();
    const res = await moderator.post(
      `/moderation/resources/${before.id}`,
      asForm(resourceFormValues(before.input)),
    );
    expect(res.headers.get('location')).toBe(
      `/moderation/resources/${before.id}/edit?done=unchanged`,
    );
    expect(await changesOf(before.id)).toEqual([]);
    expect(await t.db.select().from(phones).where(eq(phones.serviceId, before.id)).all()).toEqual(
      phonesBefore,
    );
  });

  it('reads every demo resource back through its own form without a change', async () => {
    // What the form shows least often: a fourth phone, and text in a language it does not offer.
    const { id } = await demo();
    for (const n of [1, 2, 3, 4])
      await t.db.insert(phones).values({
        id: `extra-phone-${n}`,
        serviceId: id,
        number: `+1 613 555 01${n}0`,
        type: 'voice',
      });
    await t.db.update(services).set({ contentLanguage: 'es' }).where(eq(services.id, id));
    expect((await demo()).input.phones.length).toBeGreaterThan(4);
    const all = await t.db
      .select({ slug: services.slug, organizationId: services.organizationId })
      .from(services)
      .all();
    for (const { slug, organizationId } of all) {
      const resource = (await getEditableResource(t.db, slug))!;
      const parsed = parseResourceForm(
        readResourceForm(Object.fromEntries(asFormAll(resourceFormValues(resource.input)))),
        en,
        {
          organizationIds: [organizationId],
          categories: resource.input.categories,
          languages: resource.input.languages,
        },
      );
      expect(
        parsed.ok ? changedResourceFields(resource.input, parsed.input) : parsed.errors,
        slug,
      ).toEqual([]);
    }
  });

  it('saves a day with a break as two openings, typed in either order, and shows both back', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await demo();
    const values = resourceFormValues(before.input);
    values.hours.TU = [
      { opens: '13:30', closes: '17:00' },
      { opens: '9:00', closes: '12:00' },
    ];
    const res = await moderator.post(`/moderation/resources/${before.id}`, asForm(values));
    expect(res.headers.get('location')).toBe(`/moderation/resources/${before.id}/edit?done=saved`);
    expect((await demo()).input.hours.filter((h) => h.day === 'TU')).toEqual([
      { day: 'TU', opensAt: '09:00', closesAt: '12:00' },
      { day: 'TU', opensAt: '13:30', closesAt: '17:00' },
    ]);
    const form = await (await moderator.get(`/moderation/resources/${before.id}/edit`)).text();
    expect(form).toMatch(/name="opensTU" value="09:00"/);
    expect(form).toMatch(/name="closesTU2" value="17:00"/);
    expect(form).toContain('aria-label="Tuesday: opens again"');
  });

  it.each([
    [
      'overlap',
      [
        { opens: '09:00', closes: '13:00' },
        { opens: '12:00', closes: '17:00' },
      ],
      'opensTU2',
    ],
    [
      'a first opening past midnight',
      [
        { opens: '20:00', closes: '02:00' },
        { opens: '22:00', closes: '23:00' },
      ],
      'opensTU2',
    ],
    [
      'all day and another',
      [
        { opens: '00:00', closes: '00:00' },
        { opens: '09:00', closes: '10:00' },
      ],
      'opensTU2',
    ],
  ])(
    'refuses two openings of a day that %s, in plain words, and writes nothing',
    async (_, openings, field) => {
      const moderator = await personWith(t, 'mod@example.org', ['moderator']);
      const before = await demo();
      const values = resourceFormValues(before.input);
      values.hours.TU = openings;
      const res = await moderator.post(`/moderation/resources/${before.id}`, asForm(values));
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(`id="error-${field}"`);
      expect(visibleText(html)).toContain('The two openings of a day must not overlap');
      expect((await demo()).input).toEqual(before.input);
      expect(await changesOf(before.id)).toEqual([]);
    },
  );

  it('keeps a day’s openings beyond the two the form shows while other fields change, and replaces them when that day is edited', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const { id, locationId, serviceAtLocationId } = await demo();
    await t.db.delete(schedules).where(eq(schedules.serviceId, id));
    const opening = (opensAt: string, closesAt: string) => ({
      id: crypto.randomUUID(),
      serviceId: id,
      locationId,
      serviceAtLocationId,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: 'WE',
      opensAt,
      closesAt,
    });
    await t.db
      .insert(schedules)
      .values([opening('08:00', '10:00'), opening('12:00', '14:00'), opening('18:00', '20:00')]);
    const before = await demo();
    expect(before.input.hours).toHaveLength(3);

    const renamed = {
      ...resourceFormValues(before.input),
      name: 'Kettle and Crumb, three sittings',
    };
    expect((await moderator.post(`/moderation/resources/${id}`, asForm(renamed))).status).toBe(303);
    expect((await demo()).input.hours).toEqual(before.input.hours);
    expect((await changesOf(id))[0]!.changedFields).toEqual(['name']);

    const edited = resourceFormValues((await demo()).input);
    edited.hours.WE = [
      { opens: '08:00', closes: '10:00' },
      { opens: '12:00', closes: '15:00' },
    ];
    await moderator.post(
      `/moderation/resources/${id}`,
      asForm({ ...edited, version: await resourceVersion(t.db, id) }),
    );
    expect((await demo()).input.hours.map((h) => `${h.opensAt}-${h.closesAt}`)).toEqual([
      '08:00-10:00',
      '12:00-15:00',
    ]);
  });

  it('saves other fields of a resource whose imported hours the form would refuse, and judges that day once it is edited', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const { id, locationId, serviceAtLocationId } = await demo();
    await t.db.delete(schedules).where(eq(schedules.serviceId, id));
    const opening = (opensAt: string, closesAt: string) => ({
      id: crypto.randomUUID(),
      serviceId: id,
      locationId,
      serviceAtLocationId,
      freq: 'WEEKLY',
      wkst: 'MO',
      byday: 'WE',
      opensAt,
      closesAt,
    });
    await t.db.insert(schedules).values([opening('00:00', '00:00'), opening('09:00', '17:00')]);
    const before = await demo();
    const renamed = { ...resourceFormValues(before.input), name: 'Kettle and Crumb, open late' };
    expect((await moderator.post(`/moderation/resources/${id}`, asForm(renamed))).status).toBe(303);
    expect((await demo()).input.hours).toEqual(before.input.hours);

    const edited = {
      ...resourceFormValues((await demo()).input),
      version: await resourceVersion(t.db, id),
    };
    edited.hours.WE = [
      { opens: '00:00', closes: '00:00' },
      { opens: '09:00', closes: '18:00' },
    ];
    expect((await moderator.post(`/moderation/resources/${id}`, asForm(edited))).status).toBe(400);
  });

  it('is all or nothing: a statement refused late in the batch undoes the ones before it', async () => {
    const before = await demo();
    const broken = {
      ...before.input,
      name: 'Half saved',
      phones: [{ number: null as unknown as string, type: 'voice' as const }],
    };
    await expect(
      updateResource(t.db, before, broken, { userId: null, role: 'moderator' }, new Date()),
    ).rejects.toThrow();
    expect((await demo()).input).toEqual(before.input);
    expect(await changesOf(before.id)).toEqual([]);
  });

  it('comes back with the typed values and changes nothing when a field is wrong', async () => {
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const before = await demo();
    const values = {
      ...resourceFormValues(before.input),
      name: 'Renamed lunch',
      timeZone: 'Mars/Olympus_Mons',
    };
    const res = await moderator.post(`/moderation/resources/${before.id}`, asForm(values));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(visibleText(html)).toContain('Choose a time zone from the list.');
    expect(html).toContain('value="Renamed lunch"');
    expect((await demo()).input).toEqual(before.input);
    expect(await changesOf(before.id)).toEqual([]);
  });
});

describe('who may add and edit', () => {
  it('sends visitors to sign in and refuses members, writing nothing', async () => {
    const before = await serviceCount();
    const { id } = await demo();
    const visitor = new TestBrowser(t);
    expect((await visitor.get('/moderation/resources/new')).status).toBe(303);
    expect((await visitor.post('/moderation/resources', asForm(NEW_RESOURCE))).status).toBe(303);
    const member = await personWith(t, 'member@example.org', ['organizer']);
    expect((await member.get('/moderation/resources/new')).status).toBe(403);
    expect((await member.get(`/moderation/resources/${id}/edit`)).status).toBe(403);
    expect((await member.post('/moderation/resources', asForm(NEW_RESOURCE))).status).toBe(403);
    expect(
      (
        await member.post(
          `/moderation/resources/${id}`,
          asForm({ ...resourceFormValues((await demo()).input), name: 'Taken over' }),
        )
      ).status,
    ).toBe(403);
    expect(await serviceCount()).toBe(before);
    expect((await demo()).input.name).not.toBe('Taken over');
    expect(await t.db.select().from(resourceChanges).all()).toEqual([]);
  });

  it('shows the Edit links to moderators only', async () => {
    const { id } = await demo();
    expect(await (await new TestBrowser(t).get(`/resources/${SLUG}`)).text()).not.toContain(
      '/edit"',
    );
    const admin = await personWith(t, 'admin@example.org', ['admin']);
    expect(await (await admin.get(`/resources/${SLUG}`)).text()).toContain(
      `href="/moderation/resources/${id}/edit"`,
    );
    const queue = await (await admin.get('/moderation/resources')).text();
    expect(queue).toContain('href="/moderation/resources/new"');
    // Every resource the queue's page lists (20 a page) has its Edit link.
    const listed = [...queue.matchAll(/<tr><td><a href="\/resources\/([^"]+)">/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    for (const each of listed) expect(queue).toContain(`href="/moderation/resources/${each}/edit"`);
  });
});

describe('the change log', () => {
  it('records checks and closed reports without any of the report, and forgets a deleted account', async () => {
    const { id } = await demo();
    await t.app.request(`/resources/${SLUG}/reports`, {
      method: 'POST',
      headers: sameSiteFormHeaders,
      body: new URLSearchParams({
        problem: 'Lunch moved to noon.',
        contact: 'reach-me@example.org',
      }),
    });
    const moderator = await personWith(t, 'mod@example.org', ['moderator', 'admin']);
    await moderator.post(`/moderation/resources/${id}/verification`);
    const [report] = await t.db.select().from(resourceReports).all();
    await moderator.post(`/moderation/resources/reports/${report!.id}/dismissal`);
    await moderator.post(`/moderation/resources/reports/${report!.id}/resolution`);

    const log = await changesOf(id);
    expect(log.map((row) => row.action).sort()).toEqual(['report-dismissed', 'verified']);
    expect(
      log.every((row) => row.actorRole === 'moderator' && row.changedFields.length === 0),
    ).toBe(true);
    expect(JSON.stringify(log)).not.toMatch(/reach-me|noon/);
    expect(
      visibleText(await (await moderator.get(`/moderation/resources/${id}/edit`)).text()),
    ).toContain('Report closed: nothing to change');

    const user = (await findUserByEmail(t.db, 'mod@example.org'))!;
    expect(log.every((row) => row.actorUserId === user.id)).toBe(true);
    const data = (await (await moderator.get('/account/data.json')).json()) as {
      resourceChanges: { serviceId: string; action: string }[];
    };
    expect(data.resourceChanges.map((row) => [row.serviceId, row.action]).sort()).toEqual([
      [id, 'report-dismissed'],
      [id, 'verified'],
    ]);
    await deleteAccount(t.db, user.id);
    const kept = await changesOf(id);
    expect(kept).toHaveLength(2);
    expect(kept.every((row) => row.actorUserId === null && row.actorRole === 'moderator')).toBe(
      true,
    );
  });
});
