import ICAL from 'ical.js';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trustOrganizer } from '../../../db/events/events';
import { events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { HOUR, publishedEvent, signedInAs } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** Parses with ical.js, a parser independent of the generator, and returns the VEVENTs. */
const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  return calendar
    .getAllSubcomponents('vevent')
    .map((component) => ({ component, event: new ICAL.Event(component) }));
};

const get = async (path: string) => {
  const res = await new TestBrowser(t).get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  return res.text();
};

describe('iCalendar', () => {
  it('describes one event field by field, with UTC times and CRLF lines', async () => {
    const id = await publishedEvent(t, {
      title: 'Vigil, with; commas',
      description: 'Line one\nLine two',
      address: '5 rue des Lilas',
      city: 'Lyon',
    });
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    const text = await get(`/events/${id}.ics`);
    expect(text).toMatch(/\r\n/);
    const [only, ...rest] = parse(text);
    expect(rest).toHaveLength(0);
    const parsed = only!.event;
    expect(parsed.uid).toBe(`${id}@localhost`);
    expect(parsed.summary).toBe('Vigil, with; commas');
    expect(parsed.description).toBe('Line one\nLine two');
    expect(parsed.location).toBe('5 rue des Lilas, Lyon');
    expect(parsed.startDate.toJSDate().getTime()).toBe(event.startsAt.getTime());
    expect(parsed.endDate.toJSDate().getTime()).toBe(event.endsAt.getTime());
    expect(parsed.startDate.zone?.tzid).toBe('UTC');
    expect(parsed.sequence).toBe(0);
    expect(only!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(only!.component.getFirstPropertyValue('url'))).toBe(
      `http://localhost/events/vigil-with-commas-${id}`,
    );
  });

  it('keeps the UID across edits, raises SEQUENCE, and says CANCELLED', async () => {
    const id = await publishedEvent(t);
    const { browser, user } = await signedInAs(t, 'org@example.org', 'organizer');
    // Trusted, so the edit stays public (an untrusted organizer's edit goes back to moderation).
    await trustOrganizer(t.db, user.id);
    const first = parse(await get(`/events/${id}.ics`))[0]!.event;
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    // The organizer of the event, signed in, moves it by an hour and then cancels it.
    const start = new Date(event.startsAt.getTime() + HOUR);
    const paris = (d: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Paris',
        dateStyle: 'short',
        timeStyle: 'short',
      })
        .format(d)
        .split(' ');
    const [startDate, startTime] = paris(start);
    const [endDate, endTime] = paris(new Date(event.endsAt.getTime() + HOUR));
    const saved = await browser.post(`/organize/events/${id}`, {
      title: event.title,
      description: event.description,
      category: 'workshop',
      format: 'in_person',
      city: 'Lyon',
      address: '1 rue Test',
      timeZone: 'Europe/Paris',
      startDate: startDate!,
      startTime: startTime!,
      endDate: endDate!,
      endTime: endTime!,
      reminderHours: '24',
      language: 'en',
    });
    expect(saved.headers.get('location')).toBe(`/organize/events/${id}?done=notified`);
    const moved = parse(await get(`/events/${id}.ics`))[0]!.event;
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.startDate.toJSDate().getTime()).toBe(start.getTime());
    await browser.post(`/organize/events/${id}/cancellation`);
    const [cancelled] = parse(await get(`/events/${id}.ics`));
    expect(cancelled!.event.uid).toBe(first.uid);
    expect(cancelled!.event.sequence).toBeGreaterThan(moved.sequence);
    expect(cancelled!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it("feeds all upcoming public events, and one organizer's, without drafts, past events or joining links", async () => {
    const { user } = await signedInAs(t, 'org@example.org', 'organizer');
    const a = await publishedEvent(t, {
      title: 'A',
      format: 'online',
      city: '',
      address: '',
      onlineUrl: 'https://meet.example.org/secret-room',
    });
    const b = await publishedEvent(t, { title: 'B' }, 'someone-else@example.org');
    const draft = await publishedEvent(t, { title: 'Draft' });
    await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, draft));
    const past = await publishedEvent(t, { title: 'Past' });
    await t.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 3 * HOUR), endsAt: new Date(Date.now() - HOUR) })
      .where(eq(events.id, past));
    const all = await get('/events.ics');
    expect(all).not.toContain('secret-room');
    expect(
      parse(all)
        .map((e) => e.event.summary)
        .sort(),
    ).toEqual(['A', 'B']);
    const mine = parse(await get(`/organize/${user.id}/events.ics`)).map((e) => e.event.uid);
    expect(mine).toContain(`${a}@localhost`);
    expect(mine).not.toContain(`${b}@localhost`);
    expect(mine).not.toContain(`${draft}@localhost`);
    // A draft has no public calendar file.
    expect((await new TestBrowser(t).get(`/events/${draft}.ics`)).status).toBe(404);
  });

  it('answers 304 to an unchanged feed, and a new body once an event changes', async () => {
    const id = await publishedEvent(t);
    const first = await new TestBrowser(t).get('/events.ics');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await new TestBrowser(t).get('/events.ics', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await t.db
      .update(events)
      .set({ sequence: 5, updatedAt: new Date(Date.now() + 5000) })
      .where(eq(events.id, id));
    const changed = await new TestBrowser(t).get('/events.ics', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(parse(await changed.text())[0]!.event.sequence).toBe(5);
  });

  it('cuts long descriptions short in feeds, but not in the one-event file', async () => {
    const id = await publishedEvent(t, { description: 'word '.repeat(400).trim() });
    const feed = parse(await get('/events.ics'))[0]!.event;
    expect(feed.description.length).toBeLessThan(300);
    expect(parse(await get(`/events/${id}.ics`))[0]!.event.description).toBe(
      'word '.repeat(400).trim(),
    );
  });
});
