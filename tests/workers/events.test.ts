import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { EVENT_REMINDERS_PER_RUN } from '../../db/events/jobs';
import { listEventRsvps, takeRsvp } from '../../db/events/rsvps';
import { createEvent } from '../../db/events/events';
import { events } from '../../db/schema';
import { findOrCreateUser } from '../../db/accounts/users';
import { allCatalogs } from '../../worker/catalogs';
import { rsvpsCsv } from '../../web/views/events/rsvps-csv';
import { sendEventReminders } from '../../worker/events/jobs';
import { runScheduledJobs } from '../../worker/jobs';
import { countD1Queries } from './support/d1-queries';
import { loadCsv } from '../../worker/on-demand';
import { eventInput } from '../support/event-input';
import { form, request } from './support/http';

// The catalogs as the app hands them out (French is an on-demand module).
const catalogs = await allCatalogs();

// The rules that depend on the database's atomicity, checked on real D1 inside workerd.
const db = openD1Database(env.DB);
const rsvp = (
  eventId: string,
  email: string,
  client: string,
  fields: Record<string, string> = {},
) =>
  request(
    `/events/${eventId}/rsvp`,
    form({ name: 'Guest', email, places: '1', wantsReminder: 'yes', ...fields }, '', {
      'cf-connecting-ip': client,
    }),
  );

const publishedEvent = async (capacity: number | null, startsInHours = 240) => {
  const organizer = await findOrCreateUser(db, 'workers-org@example.org');
  const input = eventInput({ title: 'Workers test', capacity }, startsInHours / 24);
  const id = await createEvent(db, organizer.id, input);
  await db.update(events).set({ status: 'published' }).where(eq(events.id, id));
  return { id, startsAt: input.startsAt };
};

describe('events on Workers with D1', () => {
  it('confirms exactly 10 of 50 parallel RSVPs for 10 places, and waitlists the rest', async () => {
    const { id } = await publishedEvent(10);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => rsvp(id, `w${i}@example.org`, `198.51.100.${i}`)),
    );
    expect(results.map((r) => r.status).every((s) => s === 303)).toBe(true);
    const counts = await env.DB.prepare(
      'select status, count(*) as n, sum(places) as places from event_rsvps where event_id = ? group by status order by status',
    )
      .bind(id)
      .all<{ status: string; n: number; places: number }>();
    expect(counts.results).toEqual([
      { status: 'confirmed', n: 10, places: 10 },
      { status: 'waitlisted', n: 40, places: 40 },
    ]);
  });

  it('answers an RSVP for an address that has one as a new one, changes nothing, and mails the owner', async () => {
    const { id } = await publishedEvent(2);
    // Twice at once: one row, and both answered "confirmed" (one place of two taken, one more fits).
    const [first, second] = await Promise.all([
      rsvp(id, 'owner@example.org', '203.0.113.20', { name: 'Owner' }),
      rsvp(id, 'owner@example.org', '203.0.113.21', { name: 'Owner' }),
    ]);
    expect(first.headers.get('location')).toBe(
      `/events/workers-test-${id}?rsvp=confirmed#rsvp-heading`,
    );
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const row = () =>
      env.DB.prepare(
        'select name, places, status, access_needs, wants_reminder, token_hash from event_rsvps where event_id = ?',
      )
        .bind(id)
        .all();
    const before = (await row()).results;
    expect(before).toHaveLength(1);
    // Two more places do not fit: a new RSVP for them would wait, and so the answer says.
    const again = await rsvp(id, 'owner@example.org', '203.0.113.22', {
      name: 'Stranger',
      places: '2',
      accessNeeds: 'x',
      wantsReminder: '',
    });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(
      `/events/workers-test-${id}?rsvp=waitlisted#rsvp-heading`,
    );
    expect((await row()).results).toEqual(before);
    const mails = await env.DB.prepare(
      'select body_text from mail_outbox where to_address = ? order by rowid',
    )
      .bind('owner@example.org')
      .all<{ body_text: string }>();
    expect(mails.results).toHaveLength(3);
    // The first email's link still opens the RSVP, and so does the newest one's.
    const tokens = mails.results.map((m) => m.body_text.match(/\/rsvps\/([a-z2-7]{32})/)![1]!);
    for (const token of [tokens[0], tokens[2]])
      expect((await request(`/rsvps/${token}`)).status).toBe(200);
  });

  it('sends each reminder once, even when the job runs twice at once', async () => {
    const { id, startsAt } = await publishedEvent(null, 300);
    await rsvp(id, 'r1@example.org', '203.0.113.1');
    await rsvp(id, 'r2@example.org', '203.0.113.2');
    const now = new Date(startsAt.getTime() - 3 * 3600_000);
    const quiet = { log: () => {} };
    await Promise.all([
      runScheduledJobs(db, { now, ...quiet }),
      runScheduledJobs(db, { now, ...quiet }),
    ]);
    await runScheduledJobs(db, { now, ...quiet });
    const sent = await env.DB.prepare(
      "select to_address from mail_outbox where subject = 'A reminder' and to_address like 'r_@example.org' order by to_address",
    ).all<{ to_address: string }>();
    expect(sent.results.map((r) => r.to_address)).toEqual(['r1@example.org', 'r2@example.org']);
  });

  // The claim's LIMIT and the links' hashes in one JSON parameter, as D1 runs them.
  it('claims at most EVENT_REMINDERS_PER_RUN reminders a run, each with its own link', async () => {
    const { id, startsAt } = await publishedEvent(null, 400);
    const total = EVENT_REMINDERS_PER_RUN + 5;
    for (let i = 0; i < total; i++)
      await takeRsvp(db, id, {
        name: `M${i}`,
        email: `many${i}@example.org`,
        places: 1,
        accessNeeds: '',
        wantsReminder: true,
        locale: 'en',
        siteOrigin: 'https://hearth.test',
      });
    const now = new Date(startsAt.getTime() - 3 * 3600_000);
    const { result, queries } = await countD1Queries(env.DB, () => sendEventReminders(db, now));
    expect(result).toBe(EVENT_REMINDERS_PER_RUN);
    expect(queries).toBeLessThanOrEqual(3 + EVENT_REMINDERS_PER_RUN / 10);
    expect(await sendEventReminders(db, now)).toBe(5);
    expect(await sendEventReminders(db, now)).toBe(0);
    const sent = await env.DB.prepare(
      "select count(distinct to_address) as n, count(*) as total from mail_outbox where subject = 'A reminder' and to_address like 'many%'",
    ).first<{ n: number; total: number }>();
    expect(sent).toEqual({ n: total, total });
    const linked = await env.DB.prepare(
      'select count(distinct reminder_token_hash) as n from event_rsvps where event_id = ? and reminder_token_hash is not null',
    )
      .bind(id)
      .first<{ n: number }>();
    expect(linked!.n).toBe(total);
  });

  it('serves iCalendar and writes CSV inside workerd', async () => {
    const { id } = await publishedEvent(5);
    await rsvp(id, 'csv@example.org', '203.0.113.3');
    const ics = await request(`/events/${id}.ics`);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(`UID:${id}@hearth.test`);
    const csv = rsvpsCsv((await loadCsv()).stringify, catalogs.en, await listEventRsvps(db, id));
    expect(csv).toContain('csv@example.org');
  });

  it('finds an event by its readable address, by its bare id, and leads other words to the address', async () => {
    const { id } = await publishedEvent(5);
    const page = await request(`/events/workers-test-${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`action="/events/workers-test-${id}/rsvp"`);
    expect((await request(`/events/${id}`)).status).toBe(200);
    const renamed = await request(`/events/old-title-${id}`);
    expect(renamed.status).toBe(301);
    expect(renamed.headers.get('location')).toBe(`/events/workers-test-${id}`);
    expect((await request(`/events/workers-test-${id}.ics`)).status).toBe(200);
  });
});
