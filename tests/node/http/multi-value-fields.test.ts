import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEvent } from '../../../db/events/events';
import { seedDemoResources } from '../../../db/demo/resources';
import { getEditableResource } from '../../../db/resources/edit-read';
import { events, services } from '../../../db/schema';
import { resourceVersion } from '../../../db/resources/changes';
import type { Weekday } from '../../../db/resources/hours';
import { openingField } from '../../../web/views/resources/edit-form';
import { resourceFormValues } from '../../../worker/resources/form';
import { loadStory } from '../../../db/stories/stories';
import { areaLinks } from '../../../worker/area-links';
import { makeTestApp, type TestApp } from '../../support/app';
import { eventForm, eventIdFrom, signedInAs } from '../../support/events';
import { personWith, storyFields, writeStory } from '../../support/stories';

/**
 * Every field a person can give several values (a group of checkboxes) keeps all of them, however
 * the browser sends the form: urlencoded with the name repeated, or multipart. A reader that kept
 * only the last value once dropped content notes, and campaigns from a survivor's consent.
 */

/** A form's fields, a name possibly repeated, in the order sent. */
type Fields = [string, string][];

/** The two ways a browser sends the same form. */
const ENCODINGS = {
  urlencoded: (fields: Fields) => new URLSearchParams(fields),
  multipart: (fields: Fields) => {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return form;
  },
};
const encodings = Object.entries(ENCODINGS);

/** `fields` with `name` sent once for each of `values`, in place of any value it had. */
const withValues = (
  fields: Record<string, string>,
  name: string,
  values: readonly string[],
): Fields => [
  ...Object.entries(fields).filter(([key]) => key !== name),
  ...values.map((value): [string, string] => [name, value]),
];

const campaignOptions = async () =>
  ['camp-a', 'camp-b', 'camp-c'].map((id) => ({ id, title: `Campaign ${id}` }));

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(
    { APP_ENV: 'local' },
    { ...areaLinks, storyCampaignOptions: campaignOptions },
  );
});
afterEach(() => t.close());

describe('story forms keep every content note', () => {
  const NOTES = ['violence', 'self-harm', 'substance-use'];
  const latestNotes = async (id: string) =>
    (await loadStory(t.db, id))!.versions.at(-1)!.contentNotes;

  it.each(encodings)(
    'on the storyteller\u2019s new story and edit forms (%s)',
    async (_, encode) => {
      const author = await personWith(t, 'mira@example.org', ['storyteller']);
      const created = await author.post(
        '/my-stories',
        encode(withValues(storyFields(), 'contentNotes', NOTES.slice(0, 2))),
      );
      expect(created.status).toBe(303);
      const id = created.headers.get('location')!.match(/^\/my-stories\/([a-z0-9]+)/)![1]!;
      expect(await latestNotes(id)).toEqual(NOTES.slice(0, 2));
      expect(
        (
          await author.post(
            `/my-stories/${id}/versions`,
            encode(withValues(storyFields({ body: 'Version two.' }), 'contentNotes', NOTES)),
          )
        ).status,
      ).toBe(303);
      expect(await latestNotes(id)).toEqual(NOTES);
    },
  );

  it.each(encodings)('on the moderator\u2019s suggested edit (%s)', async (_, encode) => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = await writeStory(author);
    expect((await author.post(`/my-stories/${id}/submission`)).status).toBe(303);
    expect(
      (
        await moderator.post(
          `/moderation/stories/${id}/versions`,
          encode(withValues(storyFields({ body: 'Suggested.' }), 'contentNotes', NOTES)),
        )
      ).status,
    ).toBe(303);
    expect(await latestNotes(id)).toEqual(NOTES);
  });
});

describe('the consent form keeps every campaign', () => {
  it.each(encodings)(
    'stores each campaign ticked on /my-stories/:id/approval (%s)',
    async (_, encode) => {
      const author = await personWith(t, 'mira@example.org', ['storyteller']);
      const id = await writeStory(author);
      const campaigns = ['camp-a', 'camp-b', 'camp-c'];
      const res = await author.post(
        `/my-stories/${id}/approval`,
        encode(withValues({ version: '1', months: '12' }, 'campaignIds', campaigns)),
      );
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain('done=approved');
      expect(
        (await loadStory(t.db, id))!.approvals.at(-1)!.consentCampaignIds.split(',').sort(),
      ).toEqual(campaigns);
    },
  );

  it('still refuses the whole form when one of the campaigns cannot be chosen', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const id = await writeStory(author);
    const res = await author.post(
      `/my-stories/${id}/approval`,
      new URLSearchParams(
        withValues({ version: '1', months: '12' }, 'campaignIds', ['camp-a', 'camp-zzz']),
      ),
    );
    expect(res.status).toBe(400);
    expect((await loadStory(t.db, id))!.approvals).toEqual([]);
  });
});

describe('the event form keeps every access feature and language', () => {
  const ACCESS = ['stepFree', 'quietRoom', 'childcare'];
  const LANGUAGES = ['en', 'fr', 'lsf'];
  const fields = (over: Record<string, string> = {}) => [
    ...withValues(eventForm(over), 'access', ACCESS),
    ...LANGUAGES.map((code): [string, string] => ['languages', code]),
  ];

  it.each(encodings)('on creating and editing an event (%s)', async (_, encode) => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const created = await browser.post('/organize/events', encode(fields()));
    expect(created.status).toBe(303);
    const id = eventIdFrom(created.headers.get('location'));
    const stored = async () => {
      const event = (await getEvent(t.db, id))!;
      return {
        access: ACCESS.filter((feature) => event[feature as 'stepFree']),
        languages: event.languages.split(','),
      };
    };
    expect(await stored()).toEqual({ access: ACCESS, languages: LANGUAGES });
    await t.db
      .update(events)
      .set({ stepFree: false, quietRoom: false, childcare: false, languages: '' })
      .where(eq(events.id, id));
    expect(
      (
        await browser.post(
          `/organize/events/${id}`,
          encode(fields({ title: 'Evening workshop, again' })),
        )
      ).status,
    ).toBe(303);
    expect(await stored()).toEqual({ access: ACCESS, languages: LANGUAGES });
  });
});

describe('the resource form keeps every category and language', () => {
  const CATEGORIES = ['food', 'housing', 'peer-support'];
  const LANGUAGES = ['en', 'fr', 'uk'];

  /** The edit form of a resource as its page fills it (one field per name), with the groups set. */
  const editFields = async (id: string): Promise<Fields> => {
    const values = {
      ...resourceFormValues((await getEditableResource(t.db, id))!.input),
      version: await resourceVersion(t.db, id),
    };
    const fields: Fields = [];
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string') fields.push([name, value]);
      else if (value === true) fields.push([name, '1']);
    }
    values.phones.forEach((phone, i) =>
      fields.push([`phone${i + 1}`, phone.number], [`phone${i + 1}Type`, phone.type]),
    );
    for (const [day, openings] of Object.entries(values.hours)) {
      openings.forEach((opening, slot) =>
        fields.push(
          [openingField('opens', day as Weekday, slot), opening.opens],
          [openingField('closes', day as Weekday, slot), opening.closes],
        ),
      );
    }
    return [
      ...fields,
      ...CATEGORIES.map((code): [string, string] => ['categories', code]),
      ...LANGUAGES.map((code): [string, string] => ['languages', code]),
    ];
  };

  it.each(encodings)('on editing a resource (%s)', async (_, encode) => {
    await seedDemoResources(t.db, new Date());
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const id = (await t.db
      .select({ id: services.id })
      .from(services)
      .where(eq(services.slug, 'kettle-and-crumb-lunch'))
      .get())!.id;
    const res = await moderator.post(`/moderation/resources/${id}`, encode(await editFields(id)));
    expect(res.status).toBe(303);
    const saved = (await getEditableResource(t.db, id))!.input;
    expect([...saved.categories].sort()).toEqual(CATEGORIES);
    expect([...saved.languages].sort()).toEqual(LANGUAGES);
  });
});
