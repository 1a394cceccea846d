import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { campaigns, events, formSubmissions, stories } from '../../../db/schema';
import { runScheduledJobs } from '../../../worker/jobs';
import { eventForm, signedInAs } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';
import { campaignForm } from '../../support/campaigns';

/**
 * Pressing "Save" twice on a slow phone, or a double click, must not make two drafts: each
 * create form carries a key, and a second post with it answers with the first one's record.
 */
let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const keyIn = (html: string) =>
  html.match(/<input type="hidden" name="formKey" value="([a-z2-7]{32})"/)![1]!;

const storyForm = {
  title: 'My winter',
  body: 'It was cold.',
  shownName: 'Mira',
  language: 'en',
  contentNotes: 'violence',
  contentNoteText: '',
};

const areas = [
  {
    name: 'event',
    role: 'organizer' as const,
    newPath: '/organize/events/new',
    postPath: '/organize/events',
    fields: eventForm(),
    table: events,
  },
  {
    name: 'campaign',
    role: 'organizer' as const,
    newPath: '/organize/campaigns/new',
    postPath: '/organize/campaigns',
    fields: campaignForm(),
    table: campaigns,
  },
  {
    name: 'story',
    role: null,
    newPath: '/my-stories/new',
    postPath: '/my-stories',
    fields: storyForm,
    table: stories,
  },
];

describe.each(areas)('a new $name', ({ role, newPath, postPath, fields, table }) => {
  const writer = async () => {
    const { browser } = await signedInAs(t, 'writer@example.org', role);
    if (!role)
      expect((await browser.post('/account/storyteller', { enabled: 'yes' })).status).toBe(303);
    return browser;
  };

  it('is made once when the form is sent twice, and both answers lead to it', async () => {
    const browser = await writer();
    const formKey = keyIn(await (await browser.get(newPath)).text());
    const first = await browser.post(postPath, { ...fields, formKey });
    const second = await browser.post(postPath, { ...fields, formKey });
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')!.split('?')[0]).toBe(
      first.headers.get('location')!.split('?')[0],
    );
    expect(await t.db.select().from(table).all()).toHaveLength(1);
  });

  it('is made once when the form is sent 5 times at once', async () => {
    const browser = await writer();
    const formKey = keyIn(await (await browser.get(newPath)).text());
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => browser.post(postPath, { ...fields, formKey })),
    );
    expect(answers.map((res) => res.status)).toEqual([303, 303, 303, 303, 303]);
    expect(new Set(answers.map((res) => res.headers.get('location')!.split('?')[0])).size).toBe(1);
    expect(await t.db.select().from(table).all()).toHaveLength(1);
  });

  it('keeps its key through a failed save, and two new forms make two', async () => {
    const browser = await writer();
    const formKey = keyIn(await (await browser.get(newPath)).text());
    const refused = await browser.post(postPath, { ...fields, title: '', formKey });
    expect(refused.status).toBe(400);
    expect(keyIn(await refused.text())).toBe(formKey);
    expect((await browser.post(postPath, { ...fields, formKey })).status).toBe(303);
    const otherKey = keyIn(await (await browser.get(newPath)).text());
    expect(otherKey).not.toBe(formKey);
    expect((await browser.post(postPath, { ...fields, formKey: otherKey })).status).toBe(303);
    expect(await t.db.select().from(table).all()).toHaveLength(2);
  });
});

describe('form keys', () => {
  it('are forgotten after a day', async () => {
    const { browser } = await signedInAs(t, 'writer@example.org', 'organizer');
    const formKey = keyIn(await (await browser.get('/organize/campaigns/new')).text());
    expect((await browser.post('/organize/campaigns', { ...campaignForm(), formKey })).status).toBe(
      303,
    );
    await runScheduledJobs(t.db, { now: new Date(Date.now() + 23 * 3600_000) });
    expect(await t.db.select().from(formSubmissions).all()).toHaveLength(1);
    await runScheduledJobs(t.db, { now: new Date(Date.now() + 25 * 3600_000) });
    expect(await t.db.select().from(formSubmissions).all()).toHaveLength(0);
  });

  it('answer only for their own kind of form', async () => {
    const { browser } = await signedInAs(t, 'writer@example.org', 'organizer');
    const formKey = keyIn(await (await browser.get('/organize/events/new')).text());
    expect((await browser.post('/organize/events', { ...eventForm(), formKey })).status).toBe(303);
    const campaign = await browser.post('/organize/campaigns', { ...campaignForm(), formKey });
    expect(campaign.status).toBe(303);
    expect(await t.db.select().from(campaigns).all()).toHaveLength(1);
    expect(campaign.headers.get('location')).toContain(
      (await t.db.select().from(campaigns).get())!.id,
    );
  });

  it('that are not keys are ignored: the form still saves', async () => {
    const { browser } = await signedInAs(t, 'writer@example.org', 'organizer');
    expect(
      (await browser.post('/organize/campaigns', { ...campaignForm(), formKey: '<script>' }))
        .status,
    ).toBe(303);
    expect(await t.db.select().from(campaigns).all()).toHaveLength(1);
    expect(await t.db.select().from(formSubmissions).all()).toHaveLength(0);
  });
});
