import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlaces } from '../../../db/events/rsvps';
import { eventRsvps, events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { DAY, mailsTo, privateToken, publishedEvent, rsvp } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const rows = (eventId: string) => t.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, eventId)).all();

describe('RSVP without an account', () => {
  it('saves a place, emails a private link, and the link shows and cancels it', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    const res = await rsvp(t, id, { email: 'Ana@Example.org', places: '2', accessNeeds: 'Step-free seat' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/events/${id}?rsvp=confirmed#rsvp-heading`);
    const [row] = await rows(id);
    expect(row).toMatchObject({ email: 'ana@example.org', places: 2, status: 'confirmed', accessNeeds: 'Step-free seat', wantsReminder: true });
    const mail = (await mailsTo(t, 'ana@example.org'))[0]!;
    expect(mail.subject).toBe('About your place');
    const token = await privateToken(t, 'ana@example.org');
    // Only the hash is stored.
    expect(JSON.stringify(row)).not.toContain(token);
    const page = await new TestBrowser(t).get(`/rsvps/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(visibleText(await page.text())).toContain('You have 2 places at this event.');
    const cancelled = await new TestBrowser(t).post(`/rsvps/${token}/cancellation`);
    expect(cancelled.status).toBe(303);
    expect((await rows(id))[0]!.status).toBe('cancelled');
    expect(visibleText(await (await new TestBrowser(t).get(`/rsvps/${token}?done=cancelled`)).text())).toContain('Your RSVP is cancelled.');
  });

  it('shows the event page with remaining places, and the notice after the redirect', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    await rsvp(t, id, { email: 'a@example.org', places: '3' });
    const text = visibleText(await (await new TestBrowser(t).get(`/events/${id}?rsvp=confirmed`)).text());
    expect(text).toContain('7 places left');
    expect(text).toContain('Your place is saved.');
  });

  it('answers an htmx RSVP with the panel alone', async () => {
    const id = await publishedEvent(t);
    const res = await rsvp(t, id, { email: 'h@example.org' }, '192.0.2.50', { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<section id="rsvp-panel"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(visibleText(html)).toContain('Your place is saved.');
  });

  it('re-shows the form with plain errors for empty, wrong and hostile input, and writes nothing', async () => {
    const id = await publishedEvent(t);
    for (const fields of <Record<string, string>[]>[
      { name: '', email: '', places: '' },
      { name: 'A', email: 'not-an-email', places: '1' },
      { name: 'A', email: 'a@example.org', places: '0' },
      { name: 'A', email: 'a@example.org', places: '6' },
      { name: 'A', email: 'a@example.org', places: '2.5' },
      { name: 'x'.repeat(5000), email: 'a@example.org', places: '1' },
      { name: 'A', email: 'a@example.org', places: '1', accessNeeds: 'y'.repeat(3000) },
    ]) {
      const res = await rsvp(t, id, fields);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('error-summary');
    }
    expect(await rows(id)).toHaveLength(0);
    const empty = visibleText(await (await rsvp(t, id, { name: '', email: '' })).text());
    expect(empty).toContain('Please fill this in.');
    expect(empty).toContain('Enter an email address like name@example.org.');
  });

  it('keeps hostile text as text: HTML, htmx attributes and bidi overrides never reach the page as markup', async () => {
    const id = await publishedEvent(t);
    const hostile = '<script>alert(1)</script><b hx-get="/x" hx-trigger="load">\u202Egnp.exe</b>';
    const res = await rsvp(t, id, { name: hostile, email: 'bad', places: '1' });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b hx-get');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('\u202E');
  });

  it('refuses RSVPs for a cancelled or past event with a clear message and no row', async () => {
    const cancelled = await publishedEvent(t);
    await t.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, cancelled));
    const res = await rsvp(t, cancelled, { email: 'c@example.org' });
    expect(res.status).toBe(409);
    expect(visibleText(await res.text())).toContain('This event is cancelled.');
    const past = await publishedEvent(t);
    await t.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) })
      .where(eq(events.id, past));
    const late = await rsvp(t, past, { email: 'c@example.org' });
    expect(late.status).toBe(409);
    expect(await rows(cancelled)).toHaveLength(0);
    expect(await rows(past)).toHaveLength(0);
  });

  it('does not show or take RSVPs for a draft (404 to the public)', async () => {
    const id = await publishedEvent(t);
    await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, id));
    expect((await new TestBrowser(t).get(`/events/${id}`)).status).toBe(404);
    expect((await rsvp(t, id, { email: 'd@example.org' })).status).toBe(404);
    expect(await rows(id)).toHaveLength(0);
  });

  it('keeps one RSVP per email: a second one updates it', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    await rsvp(t, id, { email: 'same@example.org', places: '1', name: 'First' });
    const again = await rsvp(t, id, { email: 'SAME@example.org', places: '3', name: 'Second' });
    expect(again.headers.get('location')).toContain('updated=1');
    const all = await rows(id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: 'Second', places: 3, status: 'confirmed' });
  });

  it('keeps the places a person had when they ask for more than are free', async () => {
    const id = await publishedEvent(t, { capacity: 3 });
    await rsvp(t, id, { email: 'a@example.org', places: '2' });
    await rsvp(t, id, { email: 'b@example.org', places: '1' });
    const res = await rsvp(t, id, { email: 'a@example.org', places: '3' }, '192.0.2.50', { 'HX-Request': 'true' });
    expect(visibleText(await res.text())).toContain('You keep your 2 places.');
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 3, waitlisted: 0 });
  });
});

describe('capacity and waitlist', () => {
  it('confirms exactly 10 of 50 parallel RSVPs for the last 10 places, and waitlists the rest', async () => {
    const id = await publishedEvent(t, { capacity: 12 });
    await rsvp(t, id, { email: 'early@example.org', places: '2' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => rsvp(t, id, { email: `p${i}@example.org` }, `198.51.100.${i}`)),
    );
    expect(results.every((r) => r.status === 303)).toBe(true);
    const all = await rows(id);
    expect(all).toHaveLength(51);
    expect(all.filter((r) => r.status === 'confirmed')).toHaveLength(11);
    expect(all.filter((r) => r.status === 'waitlisted')).toHaveLength(40);
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 12, waitlisted: 40 });
  });

  it('promotes the first on the waitlist when someone cancels, and emails them a new link', async () => {
    const id = await publishedEvent(t, { capacity: 2 });
    await rsvp(t, id, { email: 'a@example.org', places: '2' });
    const waiting = await rsvp(t, id, { email: 'w1@example.org' });
    expect(waiting.headers.get('location')).toContain('rsvp=waitlisted');
    await rsvp(t, id, { email: 'w2@example.org' });
    const w1Token = await privateToken(t, 'w1@example.org');
    expect(visibleText(await (await new TestBrowser(t).get(`/rsvps/${w1Token}`)).text())).toContain('number 1');
    await new TestBrowser(t).post(`/rsvps/${await privateToken(t, 'a@example.org')}/cancellation`);
    const promoted = await mailsTo(t, 'w1@example.org');
    expect(promoted).toHaveLength(2);
    expect(promoted[0]!.bodyText).toContain('a place freed up');
    const newToken = await privateToken(t, 'w1@example.org');
    expect(visibleText(await (await new TestBrowser(t).get(`/rsvps/${newToken}`)).text())).toContain('You have 1 place at this event.');
    // Both waiting people fit in the two freed places.
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 2, waitlisted: 0 });
    // Cancelling twice changes nothing more.
    await new TestBrowser(t).post(`/rsvps/${await privateToken(t, 'a@example.org')}/cancellation`);
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 2, waitlisted: 0 });
  });

  it('puts someone who cancelled and comes back at the end of the waitlist', async () => {
    const id = await publishedEvent(t, { capacity: 1 });
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'w1@example.org' });
    await rsvp(t, id, { email: 'w2@example.org' });
    await new TestBrowser(t).post(`/rsvps/${await privateToken(t, 'w1@example.org')}/cancellation`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await rsvp(t, id, { email: 'w1@example.org' });
    const text = visibleText(await (await new TestBrowser(t).get(`/rsvps/${await privateToken(t, 'w1@example.org')}`)).text());
    expect(text).toContain('number 2');
  });

  it('shows the joining link of an online event only on a confirmed private page', async () => {
    const id = await publishedEvent(t, { format: 'online', city: '', address: '', onlineUrl: 'https://meet.example.org/room-42', capacity: 1 });
    const publicPage = await (await new TestBrowser(t).get(`/events/${id}`)).text();
    expect(publicPage).not.toContain('room-42');
    await rsvp(t, id, { email: 'on@example.org' });
    await rsvp(t, id, { email: 'wait@example.org' });
    expect(await (await new TestBrowser(t).get(`/rsvps/${await privateToken(t, 'on@example.org')}`)).text()).toContain('https://meet.example.org/room-42');
    expect(await (await new TestBrowser(t).get(`/rsvps/${await privateToken(t, 'wait@example.org')}`)).text()).not.toContain('room-42');
    expect((await mailsTo(t, 'wait@example.org'))[0]!.bodyText).not.toContain('room-42');
  });

  it('answers an unknown private link with a plain 404', async () => {
    const res = await new TestBrowser(t).get(`/rsvps/${'a'.repeat(32)}`);
    expect(res.status).toBe(404);
    expect(visibleText(await res.text())).toContain('This link does not work');
  });

  it('limits RSVPs from one client', async () => {
    const id = await publishedEvent(t);
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await rsvp(t, id, { email: `l${i}@example.org` }, '203.0.113.9')).status;
    expect(last).toBe(429);
    expect(await rows(id)).toHaveLength(30);
  });

  it('never shows attendee names or emails on public pages', async () => {
    const id = await publishedEvent(t);
    await rsvp(t, id, { email: 'secret-person@example.org', name: 'Zebulon Secret' });
    for (const path of [`/events/${id}`, '/events', '/events?view=month', '/events.ics', `/events/${id}.ics`]) {
      const body = await (await new TestBrowser(t).get(path)).text();
      expect(body).not.toContain('secret-person');
      expect(body).not.toContain('Zebulon');
    }
  });
});

describe('RSVP limits cannot be turned against someone', () => {
  it('a stranger RSVPing with someone\u2019s address does not stop its owner RSVPing from their own client', async () => {
    const [first, other] = [await publishedEvent(t), await publishedEvent(t)];
    for (let i = 0; i < 10; i++) await rsvp(t, first, { email: 'victim@example.org', places: String((i % 2) + 1) }, '203.0.113.66');
    expect((await rsvp(t, other, { email: 'victim@example.org' }, '203.0.113.66')).status).toBe(429);
    const own = await rsvp(t, other, { email: 'victim@example.org' }, '198.51.100.1');
    expect(own.status).toBe(303);
    expect(await rows(other)).toHaveLength(1);
  });

  it('many strangers together RSVP one address at most 50 times an hour', async () => {
    const events = [await publishedEvent(t), await publishedEvent(t)];
    const statuses: number[] = [];
    for (let client = 0; client < 6; client++) {
      for (let i = 0; i < 10; i++) statuses.push((await rsvp(t, events[i % 2]!, { email: 'victim@example.org', places: String((i % 3) + 1) }, `203.0.113.${client}`)).status);
    }
    // Every answer but the limit's (a new RSVP or a repeat) counts: 50 reach the address, then none.
    expect(statuses.slice(0, 50).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(50)).toEqual(Array(10).fill(429));
  });
});
