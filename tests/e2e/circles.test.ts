import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../db/core/libsql';
import { runScheduledJobs } from '../../worker/jobs';
import { openPage, signInThroughPages, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const outbox = async () =>
  (await (await fetch(`${site.url}/dev/outbox.json`)).json()) as {
    to: string;
    subject: string;
    text: string;
  }[];

const HOUR = 3600_000;
/** A date and a time of day in UTC (the test circle's zone), as the need form takes them. */
const dayAndTime = (at: Date) => ({
  date: at.toISOString().slice(0, 10),
  time: at.toISOString().slice(11, 16),
});

/** Posts a one-hour ride with a place, as the owner, through the form; returns its page's path. */
const postRide = async (page: Page, circleUrl: string, title: string, startsAt: Date) => {
  const start = dayAndTime(startsAt);
  await page.goto(`${circleUrl}/needs/new`);
  await page.selectOption('select[name="kind"]', 'ride');
  await page.fill('input[name="title"]', title);
  await page.check('#field-timing-at');
  await page.fill('input[name="date"]', start.date);
  await page.fill('input[name="startTime"]', start.time);
  await page.fill('input[name="endTime"]', dayAndTime(new Date(startsAt.getTime() + HOUR)).time);
  await page.fill('input[name="place"]', `${title}: 5 Birch Road`);
  await press(page, 'main form[method="post"] button[type="submit"]');
  const path = new URL(page.url()).pathname;
  expect(path).toMatch(/\/needs\/[a-z2-7]{26}$/);
  return path;
};

/** Submits the form a button belongs to and waits for the page it leads to. */
const press = async (page: Page, selector: string) => {
  await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
  await page.waitForLoadState('load');
};

describe('a care circle, without JavaScript, from start to removal', () => {
  it('start, charter, invite, accept, check in, post needs, sign up, be reminded, take space, remove', async () => {
    const ownerEmail = 'e2e-circle-owner@example.org';
    const memberEmail = 'e2e-circle-member@example.org';
    const owner = await openPage(site, { javaScriptEnabled: false });
    owner.page.setDefaultTimeout(10_000);
    await signInThroughPages(site, owner.page, ownerEmail);

    // Start a circle.
    await owner.page.goto(`${site.url}/circles/new`);
    await owner.page.fill('input[name="label"]', 'My people');
    await owner.page.selectOption('select[name="timeZone"]', 'UTC');
    // No quiet hours, so that nothing waits during the test whatever the time of day.
    await owner.page.fill('input[name="quietStart"]', '00:00');
    await owner.page.fill('input[name="quietEnd"]', '00:00');
    await press(owner.page, 'main button[type="submit"]');
    const circlePath = new URL(owner.page.url()).pathname;
    expect(circlePath).toMatch(/^\/circles\/[a-z2-7]{26}$/);

    // Write the charter: weekly check-ins, by email too, and a topic to avoid.
    await owner.page.goto(`${site.url}${circlePath}/charter/edit`);
    await owner.page.selectOption('select[name="checkInPace"]', 'weekly');
    await owner.page.selectOption('select[name="checkInChannel"]', 'email');
    await owner.page.fill('textarea[name="topicsToAvoid"]', 'My family.');
    await press(owner.page, 'main form button.button-primary');
    expect(await owner.page.textContent('main')).toContain('My family.');

    // Invite a second address; accept from the outbox as that person.
    await owner.page.goto(`${site.url}${circlePath}/invitations`);
    await owner.page.fill('input[name="email"]', memberEmail);
    await press(owner.page, 'main form button.button-primary');
    const invitation = (await outbox()).find((m) => m.to === memberEmail)!;
    expect(invitation.subject).toBe('You have an update on Hearth');
    const link = invitation.text.match(/https?:\/\/\S+\/circles\/invitations\/[a-z2-7]{32}/)![0];
    const member = await openPage(site, { javaScriptEnabled: false });
    member.page.setDefaultTimeout(10_000);
    await signInThroughPages(site, member.page, memberEmail);
    await member.page.goto(link);
    await member.page.fill('input[name="displayName"]', 'Sam');
    await press(member.page, 'main form button[type="submit"]');
    expect(new URL(member.page.url()).pathname).toBe(`${circlePath}/charter`);

    // Send a check-in; the owner is told by a neutral email and reads it in the inbox.
    await member.page.goto(`${site.url}${circlePath}`);
    expect(await member.page.textContent('#check-in')).toContain('My family.');
    await member.page.fill('textarea[name="body"]', 'Thinking of you.');
    await press(member.page, '#check-in button[type="submit"]');
    expect(await member.page.textContent('main')).toContain('Your check-in was sent.');
    const told = (await outbox()).filter(
      (m) => m.to === ownerEmail && m.subject === 'You have an update on Hearth',
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.text).not.toContain('Thinking of you.');
    await owner.page.goto(`${site.url}${circlePath}/inbox`);
    expect(await owner.page.textContent('main')).toContain('Thinking of you.');
    await press(owner.page, 'main .circle-inbox button[type="submit"]');
    expect(await owner.page.textContent('main')).toContain('Marked as read.');

    // Needs: a ride soon (inside the 24-hour reveal window) and one in ten days. Both start at
    // a whole hour between 02:00 and 22:00 UTC, so neither crosses midnight.
    const wholeHour = (from: number) => {
      const at = new Date(from);
      at.setUTCMinutes(0, 0, 0);
      if (at.getUTCHours() >= 22 || at.getUTCHours() < 2) {
        if (at.getUTCHours() >= 22) at.setUTCDate(at.getUTCDate() + 1);
        at.setUTCHours(2);
      }
      return at;
    };
    const soonStart = wholeHour(Date.now() + 4 * HOUR);
    const farStart = wholeHour(Date.now() + 10 * 24 * HOUR);
    const soonPath = await postRide(owner.page, `${site.url}${circlePath}`, 'Ride soon', soonStart);
    const farPath = await postRide(owner.page, `${site.url}${circlePath}`, 'Ride later', farStart);
    // The member signs up for both (reading the charter first if it asks).
    for (const path of [soonPath, farPath]) {
      await member.page.goto(`${site.url}${path}`);
      await press(member.page, '#sign-up-panel button[type="submit"]');
      if (new URL(member.page.url()).pathname.endsWith('/charter')) {
        await press(member.page, 'main form[action$="/charter/read"] button');
        await member.page.goto(`${site.url}${path}`);
        await press(member.page, '#sign-up-panel button[type="submit"]');
      }
      expect(
        await member.page.locator('#sign-up-panel form[action$="/cancellation"]').count(),
      ).toBe(1);
    }
    // The place shows only within the window: the soon ride's, not the later one's.
    await member.page.goto(`${site.url}${soonPath}`);
    expect(await member.page.textContent('main')).toContain('Ride soon: 5 Birch Road');
    await member.page.goto(`${site.url}${farPath}`);
    expect(await member.page.textContent('main')).not.toContain('5 Birch Road');

    // The scheduled jobs, run on the server's database as its timer would, 2 hours before the
    // soon ride: the member's reminder is in the outbox, neutral, naming nothing.
    const neutralToMember = async () =>
      (await outbox()).filter(
        (m) => m.to === memberEmail && m.subject === 'You have an update on Hearth',
      );
    const before = await neutralToMember();
    const { db, client } = openLibsqlDatabase(site.databaseUrl);
    try {
      await runScheduledJobs(db, {
        now: new Date(soonStart.getTime() - 2 * HOUR + 60_000),
        site: { name: 'Hearth', origin: site.url },
        localOutbox: true,
        log: () => {},
      });
    } finally {
      client.close();
    }
    const after = await neutralToMember();
    expect(after.length - before.length).toBe(1);
    for (const mail of after) {
      expect(mail.text).not.toContain('Ride');
      expect(mail.text).not.toContain('Birch');
    }

    // "I need space": the member's check-in form closes, with a plain explanation.
    await owner.page.goto(`${site.url}${circlePath}/settings`);
    await press(owner.page, 'section[aria-labelledby="space-heading"] button.button-primary');
    await member.page.goto(`${site.url}${circlePath}`);
    const closed = (await member.page.textContent('#check-in'))!;
    expect(closed).toContain('taking some space');
    expect(await member.page.locator('textarea[name="body"]').count()).toBe(0);

    // Remove the member: their next request is a 404.
    await owner.page.goto(`${site.url}${circlePath}/members`);
    await press(owner.page, 'main form[action$="/removal"] button');
    const gone = await member.page.goto(`${site.url}${circlePath}`);
    expect(gone?.status()).toBe(404);
    expect(owner.foreignRequests).toEqual([]);
    expect(member.foreignRequests).toEqual([]);
    await owner.context.close();
    await member.context.close();
  }, 120_000);
});
