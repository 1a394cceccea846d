import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveCampaign, createCampaign, submitCampaign } from '../../db/campaigns/campaigns';
import { openLibsqlDatabase } from '../../db/core/libsql';
import { events, users } from '../../db/schema';
import { campaignInput } from '../support/campaigns';
import {
  grantRole,
  htmxReady,
  openPage,
  signInThroughPages,
  startSite,
  type Site,
} from './harness';
import { axeViolations } from './axe';

let site: Site;
let database: ReturnType<typeof openLibsqlDatabase>;
/** A public campaign of the e2e organizer, so the event form offers it. */
let campaignId = '';
beforeAll(async () => {
  site = await startSite();
  grantRole(site, 'org-e2e@example.org', 'organizer');
  grantRole(site, 'mod-e2e@example.org', 'moderator');
  database = openLibsqlDatabase(site.databaseUrl);
  const owner = (await database.db
    .select()
    .from(users)
    .where(eq(users.email, 'org-e2e@example.org'))
    .get())!;
  campaignId = await createCampaign(
    database.db,
    owner.id,
    campaignInput({ title: 'Campaign with events' }),
  );
  await submitCampaign(database.db, campaignId, owner.id);
  await approveCampaign(database.db, campaignId);
});
afterAll(async () => {
  database?.client.close();
  await site?.stop();
});

const outbox = async () =>
  (await (await fetch(`${site.url}/dev/outbox.json`)).json()) as {
    to: string;
    subject: string;
    text: string;
  }[];
const linkFor = async (email: string) =>
  (await outbox())
    .find((m) => m.to === email && /\/rsvps\//.test(m.text))!
    .text.match(/https?:\/\/\S+\/rsvps\/[a-z2-7]{32}/)![0];

let eventPath = '';

describe('events in Chromium', () => {
  it('an organizer creates an event, sends it, and a moderator publishes it', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(site);
    await signInThroughPages(site, page, 'org-e2e@example.org');
    await page.goto(`${site.url}/organize/events/new`);
    await page.fill('#field-title', 'Browser test evening');
    await page.fill('#field-description', 'A short evening to meet. Everyone is welcome.');
    await page.selectOption('#field-format', 'in_person');
    await page.fill('#field-city', 'Nantes');
    await page.fill('#field-address', '7 quai Imaginaire');
    await page.fill('#field-capacity', '1');
    await page.selectOption('#field-timeZone', 'Europe/Paris');
    await page.fill('#field-startDate', '2030-05-04');
    await page.fill('#field-startTime', '18:00');
    await page.fill('#field-endTime', '20:00');
    await page.click('form button[type="submit"].button-primary');
    await page.waitForURL(/\/organize\/events\/[a-z0-9]+\?done=saved/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    eventPath = `/events/${id}`;
    await page.click('button:text("Send for publishing")');
    await page.waitForURL(/done=submitted/);
    expect(await page.textContent('main')).toContain('Waiting for a moderator');
    await context.close();

    const moderator = await openPage(site);
    await signInThroughPages(site, moderator.page, 'mod-e2e@example.org');
    await moderator.page.goto(`${site.url}/moderation`);
    await moderator.page.locator(`form[action="/moderation/events/${id}/approval"] button`).click();
    await moderator.page.waitForURL(/done=event-approved/);
    await moderator.context.close();

    const visitor = await openPage(site);
    await visitor.page.goto(`${site.url}/events`);
    expect(await visitor.page.textContent('main')).toContain('Browser test evening');
    expect([...foreignRequests, ...visitor.foreignRequests]).toEqual([]);
    expect([...consoleErrors, ...visitor.consoleErrors]).toEqual([]);
    await visitor.context.close();
  });

  it('a visitor RSVPs without JavaScript, another with it, the first cancels and the second is promoted', async () => {
    const noJs = await openPage(site, { javaScriptEnabled: false });
    await noJs.page.goto(`${site.url}${eventPath}`);
    await noJs.page.fill('#field-name', 'A. Nojs');
    await noJs.page.fill('#field-email', 'nojs@example.org');
    await noJs.page.click('#rsvp-panel button[type="submit"]');
    await noJs.page.waitForURL(/rsvp=confirmed/);
    expect(await noJs.page.textContent('#rsvp-panel')).toContain('Your place is saved.');

    const js = await openPage(site);
    await js.page.goto(`${site.url}${eventPath}`);
    await htmxReady(js.page);
    expect(await js.page.textContent('#rsvp-panel')).toContain('Join the waitlist');
    await js.page.fill('#field-name', 'B. Js');
    await js.page.fill('#field-email', 'js@example.org');
    await js.page.click('#rsvp-panel button[type="submit"]');
    await js.page.locator('#rsvp-panel .notice').waitFor();
    // htmx swapped the panel: same page, no navigation.
    expect(new URL(js.page.url()).search).toBe('');
    expect(await js.page.textContent('#rsvp-panel')).toContain('you are on the waitlist');
    expect(js.consoleErrors).toEqual([]);

    await noJs.page.goto(await linkFor('nojs@example.org'));
    expect(await noJs.page.textContent('main')).toContain('You have 1 place at this event.');
    await noJs.page.click('button:text("Cancel my place")');
    await noJs.page.waitForURL(/done=cancelled/);
    expect(await noJs.page.textContent('main')).toContain('Your RSVP is cancelled.');

    const mails = await outbox();
    expect(
      mails
        .filter((m) => m.to === 'js@example.org')
        .map((m) => m.text)
        .join('\n'),
    ).toMatch(/on the waitlist[\s\S]*|a place freed up/);
    expect(
      mails.some((m) => m.to === 'js@example.org' && m.text.includes('a place freed up')),
    ).toBe(true);
    await js.page.goto(await linkFor('js@example.org'));
    expect(await js.page.textContent('main')).toContain('You have 1 place at this event.');
    expect([...noJs.foreignRequests, ...js.foreignRequests]).toEqual([]);
    await noJs.context.close();
    await js.context.close();
  });

  it.each(['en-GB', 'fr-FR'])(
    'every events page passes axe in %s',
    async (locale) => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(site, { locale });
      const check = async (path: string) => {
        const res = await page.goto(`${site.url}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await axeViolations(page), path).toEqual([]);
      };
      await check('/events');
      await check('/events?view=month');
      await check('/events?format=in_person&category=vigil');
      await check('/privacy');
      // A demo event, its RSVP form with errors, then saved, then the private page.
      await page.goto(`${site.url}/events`);
      const demo = (await page.locator('.event-summary h3 a').first().getAttribute('href'))!;
      await check(demo);
      await htmxReady(page);
      await page.click('#rsvp-panel button[type="submit"]');
      await page.locator('#rsvp-panel .error-summary').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const email = `axe-${locale}@example.org`.toLowerCase();
      await page.fill('#field-name', 'Axe');
      await page.fill('#field-email', email);
      await page.click('#rsvp-panel button[type="submit"]');
      await page.locator('#rsvp-panel .notice').first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await check(new URL(await linkFor(email)).pathname);

      await signInThroughPages(site, page, 'org-e2e@example.org');
      await check('/organize');
      await check('/organize/events/new');
      await page.click('form button[type="submit"].button-primary');
      expect(await page.locator('.error-summary').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await page.fill('#field-title', `Axe ${locale}`);
      await page.fill('#field-description', 'A test.');
      await page.fill('#field-city', 'Nantes');
      await page.fill('#field-address', '1 rue Test');
      await page.fill('#field-startDate', '2030-05-04');
      await page.fill('#field-startTime', '18:00');
      await page.fill('#field-endTime', '20:00');
      await page.selectOption('#field-campaign', campaignId);
      await page.click('form button[type="submit"].button-primary');
      await page.waitForURL(/done=saved/);
      const manage = new URL(page.url()).pathname;
      expect(await axeViolations(page)).toEqual([]);
      await check(`${manage}/edit`);
      // Published straight in the database (moderation has its own test): the campaign page lists
      // the event, and the event page links back.
      const eventId = manage.split('/').pop()!;
      await database.db.update(events).set({ status: 'published' }).where(eq(events.id, eventId));
      await check(`/campaigns/${campaignId}`);
      // The link is the event's readable address: the words of its title, then its id.
      expect(await page.locator(`a[href^="/events/"][href$="-${eventId}"]`).count()).toBe(1);
      await check(`/events/${eventId}`);
      expect(await page.locator(`a[href="/campaigns/${campaignId}"]`).count()).toBe(1);
      await check('/organize/events');
      const moderator = await openPage(site, { locale });
      await signInThroughPages(site, moderator.page, 'mod-e2e@example.org');
      await moderator.page.goto(`${site.url}/moderation`);
      expect(await axeViolations(moderator.page)).toEqual([]);
      await moderator.context.close();
      expect(foreignRequests).toEqual([]);
      // A form sent with errors answers 400, which Chromium reports on the console.
      expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
