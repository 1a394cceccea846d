import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_REMINDERS_PER_RUN } from '../../../db/events/jobs';
import { countPlaces, takeRsvp } from '../../../db/events/rsvps';
import { listOutbox } from '../../../db/mail/outbox';
import { eventRsvps, events } from '../../../db/schema';
import { deleteAccount, findUserByEmail } from '../../../db/accounts/users';
import { sendEventReminders } from '../../../worker/events/jobs';
import { runScheduledJobs } from '../../../worker/jobs';
import { signIn, TestBrowser } from '../../support/browser';
import { DAY, HOUR, mailsTo, privateToken, publishedEvent, rsvp } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const reminders = async () => (await listOutbox(t.db)).filter((m) => m.subject === 'A reminder');
const quiet = { log: () => {} };

describe('reminders', () => {
  it('sends one reminder per RSVP that asked, even when the job runs twice or overlaps', async () => {
    const id = await publishedEvent(t, { capacity: 2 });
    await rsvp(t, id, { email: 'yes@example.org' });
    await rsvp(t, id, { email: 'no@example.org', wantsReminder: '' });
    await rsvp(t, id, { email: 'waiting@example.org' });
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    // Too early: nothing.
    await runScheduledJobs(t.db, { now: new Date(event.startsAt.getTime() - 30 * HOUR), ...quiet });
    expect(await reminders()).toHaveLength(0);
    const due = new Date(event.startsAt.getTime() - 20 * HOUR);
    await Promise.all([
      runScheduledJobs(t.db, { now: due, ...quiet }),
      runScheduledJobs(t.db, { now: due, ...quiet }),
    ]);
    // A run under its bound says nothing of one (tests/node/site/scheduled-budget.test.ts: at it).
    const lines: string[] = [];
    await runScheduledJobs(t.db, {
      now: new Date(due.getTime() + HOUR),
      log: (line) => lines.push(line),
    });
    expect(lines.filter((line) => line.includes('AtBound'))).toEqual([]);
    const sent = await reminders();
    expect(sent.map((m) => m.toAddress)).toEqual(['yes@example.org']);
    expect(sent[0]!.bodyText).toContain('Test workshop');
  });

  // One cron invocation may make only so many D1 queries and subrequests: a run claims at most
  // EVENT_REMINDERS_PER_RUN reminders and leaves the rest, each claimed once, for the next.
  it('claims at most EVENT_REMINDERS_PER_RUN a run, overlapping runs included, each once', async () => {
    const id = await publishedEvent(t, { capacity: null });
    const total = EVENT_REMINDERS_PER_RUN + 5;
    for (let i = 0; i < total; i++)
      await takeRsvp(t.db, id, {
        name: `R${i}`,
        email: `r${i}@example.org`,
        places: 1,
        accessNeeds: '',
        wantsReminder: true,
        locale: 'en',
        siteOrigin: 'http://localhost',
      });
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    const due = new Date(event.startsAt.getTime() - 2 * HOUR);

    const before = t.statements!();
    expect(await sendEventReminders(t.db, due)).toBe(EVENT_REMINDERS_PER_RUN);
    // The claim, the links' hashes, the event, and the outbox inserts (10 messages each).
    expect(t.statements!() - before).toBeLessThanOrEqual(3 + EVENT_REMINDERS_PER_RUN / 10);
    const [a, b] = await Promise.all([
      sendEventReminders(t.db, due),
      sendEventReminders(t.db, due),
    ]);
    expect(a + b).toBe(5);
    expect(await sendEventReminders(t.db, due)).toBe(0);

    const sent = (await reminders()).map((m) => m.toAddress);
    expect(sent).toHaveLength(total);
    expect(new Set(sent).size).toBe(total);
    // Every reminder brings a private link of its own.
    const links = (await reminders()).map((m) => m.bodyText.match(/\/rsvps\/([a-z2-7]{32})/)![1]);
    expect(new Set(links).size).toBe(total);
  });

  it('sends no reminder for a cancelled event or a cancelled RSVP', async () => {
    const id = await publishedEvent(t);
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'b@example.org' });
    await new TestBrowser(t).post(`/rsvps/${await privateToken(t, 'b@example.org')}/cancellation`);
    const other = await publishedEvent(t);
    await rsvp(t, other, { email: 'c@example.org' });
    await t.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, other));
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    await runScheduledJobs(t.db, { now: new Date(event.startsAt.getTime() - 2 * HOUR), ...quiet });
    expect((await reminders()).map((m) => m.toAddress)).toEqual(['a@example.org']);
  });

  it('brings a private link of its own: it cancels the place, and the first email’s link keeps working', async () => {
    const id = await publishedEvent(t, { capacity: 1 });
    await rsvp(t, id, { email: 'going@example.org' });
    await rsvp(t, id, { email: 'waiting@example.org' });
    const first = await privateToken(t, 'going@example.org');
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    await runScheduledJobs(t.db, { now: new Date(event.startsAt.getTime() - 2 * HOUR), ...quiet });
    const [reminder] = await reminders();
    const link = reminder!.bodyText.match(/http:\/\/localhost\/rsvps\/([a-z2-7]{32})/)?.[1];
    expect(link).toBeDefined();
    expect(link).not.toBe(first);
    expect((await new TestBrowser(t).get(`/rsvps/${first}`)).status).toBe(200);
    expect((await new TestBrowser(t).get(`/rsvps/${link}`)).status).toBe(200);
    expect((await new TestBrowser(t).post(`/rsvps/${link}/cancellation`)).status).toBe(303);
    const rows = await t.db
      .select({ email: eventRsvps.email, status: eventRsvps.status })
      .from(eventRsvps)
      .where(eq(eventRsvps.eventId, id))
      .all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { email: 'going@example.org', status: 'cancelled' },
        { email: 'waiting@example.org', status: 'confirmed' },
      ]),
    );
  });

  it('keeps the reminder’s link working when someone RSVPs again with the address', async () => {
    const id = await publishedEvent(t);
    await rsvp(t, id, { email: 'again@example.org' });
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    await runScheduledJobs(t.db, { now: new Date(event.startsAt.getTime() - 2 * HOUR), ...quiet });
    const link = (await reminders())[0]!.bodyText.match(/\/rsvps\/([a-z2-7]{32})/)![1]!;
    expect((await new TestBrowser(t).get(`/rsvps/${link}`)).status).toBe(200);
    await rsvp(t, id, { email: 'again@example.org', name: 'Someone else' });
    expect((await new TestBrowser(t).get(`/rsvps/${link}`)).status).toBe(200);
  });

  it('writes the reminder in the language the person used', async () => {
    const id = await publishedEvent(t);
    await new TestBrowser(t).post(
      `/events/${id}/rsvp`,
      { name: 'Léa', email: 'fr@example.org', places: '1', wantsReminder: 'yes' },
      { 'Accept-Language': 'fr', Cookie: 'lang=fr' },
    );
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    await runScheduledJobs(t.db, { now: new Date(event.startsAt.getTime() - HOUR), ...quiet });
    const [mail] = (await listOutbox(t.db)).filter((m) => m.subject === 'Un rappel');
    expect(mail?.bodyText).toContain('Bonjour Léa');
  });
});

describe('retention', () => {
  it('erases contact details 30 days after the event ends, keeping the counts', async () => {
    const id = await publishedEvent(t, { capacity: 1 });
    await rsvp(t, id, { email: 'a@example.org', accessNeeds: 'Quiet seat' });
    await rsvp(t, id, { email: 'b@example.org' });
    const token = await privateToken(t, 'a@example.org');
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    await runScheduledJobs(t.db, { now: new Date(event.endsAt.getTime() + 29 * DAY), ...quiet });
    expect((await t.db.select().from(eventRsvps).all()).every((r) => r.email !== null)).toBe(true);
    await runScheduledJobs(t.db, { now: new Date(event.endsAt.getTime() + 31 * DAY), ...quiet });
    const rows = await t.db.select().from(eventRsvps).all();
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({ name: null, email: null, accessNeeds: null, tokenHash: null });
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 1, waitlisted: 1 });
    expect((await new TestBrowser(t).get(`/rsvps/${token}`)).status).toBe(404);
    expect(
      (await t.db.select().from(events).where(eq(events.id, id)).get())!.contactsErasedAt,
    ).not.toBeNull();
  });

  it('says so on the privacy page, in English and French', async () => {
    expect(visibleText(await (await new TestBrowser(t).get('/privacy')).text())).toContain(
      'We delete your name, email and access needs 30 days after the event ends.',
    );
    const fr = visibleText(
      await (await new TestBrowser(t).get('/privacy', { Cookie: 'lang=fr' })).text(),
    );
    expect(fr).toContain('30 jours après la fin');
  });
});

describe('account deletion', () => {
  it("deletes an organizer's drafts and cancels their upcoming public events", async () => {
    const published = await publishedEvent(t);
    const draft = await publishedEvent(t, { title: 'Draft' });
    await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, draft));
    const user = (await findUserByEmail(t.db, 'org@example.org'))!;
    await deleteAccount(t.db, user.id);
    const rows = await t.db.select().from(events).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: published, status: 'cancelled', organizerId: null });
  });

  it('tells the people coming when the organizer deletes their account, and nobody of a past event', async () => {
    const upcoming = await publishedEvent(t, { title: 'Upcoming workshop' });
    const past = await publishedEvent(t, { title: 'Past workshop' });
    expect((await rsvp(t, upcoming, { email: 'coming@example.org' })).status).toBe(303);
    expect((await rsvp(t, past, { email: 'went@example.org' })).status).toBe(303);
    await t.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 3 * DAY), endsAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(events.id, past));
    const before = (await mailsTo(t, 'went@example.org')).length;
    const organizer = await signIn(t, 'org@example.org');
    expect((await organizer.post('/account/delete')).status).toBe(200);
    const notice = (await mailsTo(t, 'coming@example.org')).find((mail) =>
      mail.bodyText.includes('is cancelled'),
    );
    expect(notice?.bodyText).toContain('Upcoming workshop');
    expect(await mailsTo(t, 'went@example.org')).toHaveLength(before);
  });

  it('writes to each person coming in their own language, under the neutral subject, waitlist included', async () => {
    const id = await publishedEvent(t, { title: 'Atelier du soir', capacity: 1 });
    expect((await rsvp(t, id, { email: 'en@example.org' })).status).toBe(303);
    const french = { 'Accept-Language': 'fr', Cookie: 'lang=fr' };
    expect(
      (await rsvp(t, id, { email: 'fr@example.org', name: 'Léa' }, '192.0.2.51', french)).status,
    ).toBe(303);
    const organizer = await signIn(t, 'org@example.org');
    expect((await organizer.post('/account/delete')).status).toBe(200);
    const [english] = (await mailsTo(t, 'en@example.org')).filter(
      (m) => m.subject === 'An update about an event',
    );
    expect(english?.bodyText).toContain('"Atelier du soir"');
    expect(english?.bodyText).toContain('is cancelled');
    const [inFrench] = (await mailsTo(t, 'fr@example.org')).filter(
      (m) => m.subject === 'Du nouveau sur un événement',
    );
    expect(inFrench?.bodyText).toContain('Bonjour Léa');
    expect(inFrench?.bodyText).toContain('est annulé');
    // Nothing in a subject says what the site or the event is about.
    for (const mail of await listOutbox(t.db)) expect(mail.subject).not.toContain('Atelier');
  });
});
