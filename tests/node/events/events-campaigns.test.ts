import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approveCampaign, createCampaign, submitCampaign } from '../../../db/campaigns/campaigns';
import { createEvent } from '../../../db/events/events';
import { campaigns, events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { campaignInput, publishedCampaign } from '../../support/campaigns';
import { DAY, eventInput, signedInAs, eventForm, eventIdFrom } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const form = eventForm;

/** A campaign of this owner: published unless `draft`. */
const ownCampaign = async (ownerId: string, title: string, draft = false) => {
  const id = await createCampaign(t.db, ownerId, campaignInput({ title }));
  if (!draft) {
    await submitCampaign(t.db, id, ownerId);
    await approveCampaign(t.db, id);
  }
  return id;
};

const allEvents = () => t.db.select().from(events).all();
const idFrom = eventIdFrom;
const page = async (path: string, headers: Record<string, string> = {}) =>
  visibleText(await (await t.app.request(path, { headers })).text());

describe('events part of a campaign', () => {
  it('offers only the organizer’s own public campaigns, links on create, and unlinks on edit', async () => {
    const { browser, user } = await signedInAs(t, 'org@example.org', 'organizer');
    const mine = await ownCampaign(user.id, 'Safe beds now');
    await ownCampaign(user.id, 'My draft campaign', true);
    await publishedCampaign(t, { title: 'Someone else’s campaign' });

    const newForm = await (await browser.get('/organize/events/new')).text();
    expect(newForm).toContain('name="campaign"');
    expect(newForm).toContain(`<option value="${mine}"`);
    expect(visibleText(newForm)).toContain('Part of a campaign');
    expect(visibleText(newForm)).not.toContain('My draft campaign');
    expect(visibleText(newForm)).not.toContain('Someone else’s campaign');

    const id = idFrom(
      (await browser.post('/organize/events', form({ campaign: mine }))).headers.get('location'),
    );
    expect((await allEvents())[0]!.campaignId).toBe(mine);
    const editForm = await (await browser.get(`/organize/events/${id}/edit`)).text();
    expect(editForm).toMatch(new RegExp(`<option value="${mine}" selected`));

    expect((await browser.post(`/organize/events/${id}`, form({ campaign: '' }))).status).toBe(303);
    expect((await allEvents())[0]!.campaignId).toBeNull();
    expect((await browser.post(`/organize/events/${id}`, form({ campaign: mine }))).status).toBe(
      303,
    );
    expect((await allEvents())[0]!.campaignId).toBe(mine);
  });

  it('has no campaign select for an organizer without public campaigns', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    expect(await (await browser.get('/organize/events/new')).text()).not.toContain(
      'name="campaign"',
    );
  });

  it('refuses another organizer’s campaign, a draft, or an unknown id: 400, a plain error, nothing written', async () => {
    const { browser, user } = await signedInAs(t, 'org@example.org', 'organizer');
    const mine = await ownCampaign(user.id, 'Safe beds now');
    const draft = await ownCampaign(user.id, 'My draft campaign', true);
    const theirs = await publishedCampaign(t, { title: 'Someone else’s campaign' });

    for (const campaign of [theirs, draft, 'nosuchcampaign']) {
      const res = await browser.post('/organize/events', form({ campaign }));
      expect(res.status).toBe(400);
      const text = visibleText(await res.text());
      expect(text).toContain('Choose one of your public campaigns, or none.');
      expect(text).not.toContain('Someone else’s campaign');
      expect(await allEvents()).toHaveLength(0);
    }

    const id = idFrom(
      (await browser.post('/organize/events', form({ campaign: mine }))).headers.get('location'),
    );
    const edited = await browser.post(
      `/organize/events/${id}`,
      form({ campaign: theirs, title: 'Changed title' }),
    );
    expect(edited.status).toBe(400);
    expect((await allEvents())[0]).toMatchObject({ campaignId: mine, title: 'Evening workshop' });

    // The column is not a field of its own: a campaignId in the form is ignored.
    await browser.post(`/organize/events/${id}`, form({ campaign: '', campaignId: theirs }));
    expect((await allEvents())[0]!.campaignId).toBeNull();
  });

  it('lists only the campaign’s upcoming published events on its page, in each event’s own time zone', async () => {
    const { user } = await signedInAs(t, 'org@example.org', 'organizer');
    const campaign = await ownCampaign(user.id, 'Safe beds now');
    const other = await ownCampaign(user.id, 'Another campaign');
    const add = async (
      title: string,
      status: 'draft' | 'submitted' | 'published' | 'cancelled',
      over: Parameters<typeof eventInput>[0] = {},
      days = 10,
    ) => {
      const id = await createEvent(
        t.db,
        user.id,
        eventInput({ title, campaignId: campaign, ...over }, days),
      );
      await t.db.update(events).set({ status }).where(eq(events.id, id));
      return id;
    };
    const startsAt = new Date('2030-06-15T16:30:00Z');
    const shown = await add('Vigil at the town hall', 'published', {
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3600_000),
    });
    await add(
      'Online briefing',
      'published',
      { format: 'online', city: '', address: '', onlineUrl: 'https://meet.example.org/x' },
      3,
    );
    await add('Draft meeting', 'draft');
    await add('Waiting meeting', 'submitted');
    await add('Cancelled march', 'cancelled');
    const past = await add('Past picnic', 'published');
    await t.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(events.id, past));
    await add('Other campaign’s event', 'published', { campaignId: other });
    await add('Unlinked event', 'published', { campaignId: null });

    const html = await (await t.app.request(`/campaigns/${campaign}`)).text();
    const text = visibleText(html);
    expect(text).toContain('Upcoming events for this campaign');
    expect(html).toContain(
      `<a href="/events/vigil-at-the-town-hall-${shown}" lang="en" dir="ltr">Vigil at the town hall</a>`,
    );
    // 16:30 UTC is 18:30 in Paris in June.
    expect(text).toMatch(/Saturday,? 15 June 2030, 18:30 – 19:30 \(Europe\/Paris\)/);
    expect(text).toContain('Lyon');
    expect(text).toContain('Online briefing');
    expect(text.indexOf('Online briefing')).toBeLessThan(text.indexOf('Vigil at the town hall'));
    for (const hidden of [
      'Draft meeting',
      'Waiting meeting',
      'Cancelled march',
      'Past picnic',
      'Other campaign’s event',
      'Unlinked event',
    ]) {
      expect(text).not.toContain(hidden);
    }
    // A campaign without events has no empty section.
    const empty = await publishedCampaign(t, { title: 'Quiet campaign' });
    expect(await page(`/campaigns/${empty}`)).not.toContain('Upcoming events for this campaign');
  });

  it('the event page links back to a campaign the public can see, and not to one it cannot', async () => {
    const { user } = await signedInAs(t, 'org@example.org', 'organizer');
    const campaign = await ownCampaign(user.id, 'Safe beds now');
    const id = await createEvent(
      t.db,
      user.id,
      eventInput({ title: 'Vigil', campaignId: campaign }),
    );
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));

    const html = await (await new TestBrowser(t).get(`/events/${id}`)).text();
    expect(html).toContain(
      `<a href="/campaigns/${campaign}" lang="en" dir="ltr">Safe beds now</a>`,
    );
    expect(visibleText(html)).toContain('Part of the campaign: Safe beds now');

    // Should a linked campaign ever stop being public, the link goes (the event stays).
    await t.db.update(campaigns).set({ status: 'draft' }).where(eq(campaigns.id, campaign));
    const after = await (await new TestBrowser(t).get(`/events/${id}`)).text();
    expect(after).not.toContain(`/campaigns/${campaign}`);
    expect(visibleText(after)).not.toContain('Part of the campaign');
  });

  it('a deleted campaign leaves its events unlinked', async () => {
    const { user } = await signedInAs(t, 'org@example.org', 'organizer');
    const campaign = await ownCampaign(user.id, 'Safe beds now');
    await createEvent(t.db, user.id, eventInput({ campaignId: campaign }));
    await t.db.delete(campaigns).where(eq(campaigns.id, campaign));
    expect((await allEvents())[0]!.campaignId).toBeNull();
  });

  it('speaks French on the form, the campaign page and the event page', async () => {
    const { browser, user } = await signedInAs(t, 'org@example.org', 'organizer');
    const campaign = await ownCampaign(user.id, 'Des lits sûrs');
    const fr = { 'Accept-Language': 'fr' };
    const formText = visibleText(await (await browser.get('/organize/events/new', fr)).text());
    expect(formText).toContain("Fait partie d'une campagne");
    expect(formText).toContain("Ne fait partie d'aucune campagne");
    const refused = visibleText(
      await (
        await browser.post('/organize/events', form({ campaign: 'nosuchcampaign' }), fr)
      ).text(),
    );
    expect(refused).toContain('Choisissez une de vos campagnes publiques, ou aucune.');

    const startsAt = new Date('2030-06-15T16:30:00Z');
    const id = await createEvent(
      t.db,
      user.id,
      eventInput({
        title: 'Veillée',
        campaignId: campaign,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
      }),
    );
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    const campaignText = await page(`/campaigns/${campaign}`, fr);
    expect(campaignText).toContain('Prochains événements de cette campagne');
    expect(campaignText).toMatch(/samedi,? 15 juin 2030, 18:30 – 19:30 \(Europe\/Paris\)/);
    expect(await page(`/events/${id}`, fr)).toContain('Fait partie de la campagne : Des lits sûrs');
  });
});
