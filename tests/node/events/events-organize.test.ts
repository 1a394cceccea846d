import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../db/mail/outbox';
import { trustOrganizer } from '../../../db/events/events';
import { eventRsvps, events, trustedOrganizers } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import {
  mailsTo,
  publishedEvent,
  rsvp,
  signedInAs,
  eventForm,
  eventIdFrom,
} from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const form = eventForm;

const allEvents = () => t.db.select().from(events).all();
const idFrom = eventIdFrom;

describe('organizer: create, submit, moderate, publish', () => {
  it('creates a draft with the time read in its own zone, then a moderator publishes it', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const created = await browser.post('/organize/events', form());
    expect(created.status).toBe(303);
    const id = idFrom(created.headers.get('location'));
    const [event] = await allEvents();
    expect(event).toMatchObject({
      status: 'draft',
      title: 'Evening workshop',
      timeZone: 'Europe/Paris',
    });
    // 18:30 in Paris in June (UTC+2) is 16:30 UTC.
    expect(event!.startsAt.toISOString()).toBe('2030-06-15T16:30:00.000Z');
    expect((await new TestBrowser(t).get(`/events/${id}`)).status).toBe(404);
    const own = await browser.get(`/events/${id}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain(`<a href="/organize/events/${id}">Manage</a>`);

    expect(
      (await browser.post(`/organize/events/${id}/submission`)).headers.get('location'),
    ).toContain('done=submitted');
    expect((await allEvents())[0]!.status).toBe('submitted');

    const { browser: moderator } = await signedInAs(t, 'mod@example.org', 'moderator');
    const queue = visibleText(await (await moderator.get('/moderation')).text());
    expect(queue).toContain('Evening workshop');
    const approved = await moderator.post(`/moderation/events/${id}/approval`);
    expect(approved.headers.get('location')).toBe('/moderation?done=event-approved');
    expect((await allEvents())[0]!.status).toBe('published');
    expect((await mailsTo(t, 'org@example.org'))[0]!.bodyText).toContain('is published');
    expect(visibleText(await (await new TestBrowser(t).get('/events')).text())).toContain(
      'Evening workshop',
    );
    // A second decision changes nothing.
    expect((await moderator.post(`/moderation/events/${id}/decline`)).headers.get('location')).toBe(
      '/moderation?done=event-already-decided',
    );
  });

  it('publishes at once for an organizer a moderator trusts', async () => {
    const { browser, user } = await signedInAs(t, 'org@example.org', 'organizer');
    const first = idFrom((await browser.post('/organize/events', form())).headers.get('location'));
    await browser.post(`/organize/events/${first}/submission`);
    const { browser: moderator } = await signedInAs(t, 'mod@example.org', 'moderator');
    await moderator.post(`/moderation/organizers/${user.id}/trust`);
    expect(await t.db.select().from(trustedOrganizers).all()).toHaveLength(1);
    const second = idFrom(
      (await browser.post('/organize/events', form({ title: 'Second' }))).headers.get('location'),
    );
    expect(
      (await browser.post(`/organize/events/${second}/submission`)).headers.get('location'),
    ).toContain('done=published');
    expect((await allEvents()).find((e) => e.id === second)!.status).toBe('published');
  });

  it('only moderators decide and trust; only organizers organize', async () => {
    const id = await publishedEvent(t);
    await t.db.update(events).set({ status: 'submitted' }).where(eq(events.id, id));
    const { browser: member, user } = await signedInAs(t, 'member@example.org', null);
    expect((await member.post(`/moderation/events/${id}/approval`)).status).toBe(403);
    expect((await member.post(`/moderation/organizers/${user.id}/trust`)).status).toBe(403);
    expect((await member.get('/organize/events')).status).toBe(403);
    expect((await member.post('/organize/events', form())).status).toBe(403);
    expect((await new TestBrowser(t).get('/organize/events')).status).toBe(303);
    expect((await allEvents()).map((e) => e.status)).toEqual(['submitted']);
    expect(await t.db.select().from(trustedOrganizers).all()).toHaveLength(0);
  });

  it("never lets an organizer see or change another organizer's event", async () => {
    const id = await publishedEvent(t, { capacity: 5 }, 'owner@example.org');
    await rsvp(t, id, { email: 'guest@example.org', name: 'Guest Name' });
    const { browser: other } = await signedInAs(t, 'other@example.org', 'organizer');
    for (const path of [
      `/organize/events/${id}`,
      `/organize/events/${id}/edit`,
      `/organize/events/${id}/rsvps.csv`,
    ]) {
      const res = await other.get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('guest@example.org');
    }
    for (const path of [
      `/organize/events/${id}`,
      `/organize/events/${id}/cancellation`,
      `/organize/events/${id}/submission`,
      `/organize/events/${id}/message`,
    ]) {
      expect(
        (await other.post(path, { ...form({ title: 'Hijacked' }), message: 'hi' })).status,
      ).toBe(404);
    }
    expect((await allEvents())[0]).toMatchObject({ title: 'Test workshop', status: 'published' });
    expect(await mailsTo(t, 'guest@example.org')).toHaveLength(1);
  });
});

describe('organizer: bad input', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'empty',
      {
        title: '',
        description: '',
        city: '',
        address: '',
        startDate: '',
        startTime: '',
        endTime: '',
      },
      'Give the event a title.',
    ],
    ['invalid date', { startDate: '2030-02-30' }, 'Enter a date like 2026-12-31.'],
    ['end before start', { endTime: '17:00' }, 'The end must be after the start.'],
    ['unknown time zone', { timeZone: 'Mars/Olympus' }, 'Choose a time zone from the list.'],
    ['capacity 0', { capacity: '0' }, 'Places must be a whole number'],
    ['capacity negative', { capacity: '-3' }, 'Places must be a whole number'],
    ['100 KB description', { description: 'word '.repeat(20_000) }, 'Use at most 5000 characters.'],
    ['in the past', { startDate: '2001-01-01' }, 'The start must be in the future.'],
    [
      'online without link',
      { format: 'online', city: '', address: '' },
      'Give a joining link that starts with https://.',
    ],
    [
      'javascript link',
      { format: 'online', onlineUrl: 'javascript:alert(1)' },
      'Give a joining link that starts with https://.',
    ],
    ['unknown category', { category: 'rave' }, 'Choose one of the options.'],
  ];
  for (const [name, over, message] of cases) {
    it(`re-shows the form with a plain message, keeps the input and writes nothing: ${name}`, async () => {
      const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
      const res = await browser.post('/organize/events', form(over));
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(visibleText(html)).toContain(message);
      if (over.title === undefined) expect(html).toContain('value="Evening workshop"');
      expect(await allEvents()).toHaveLength(0);
    });
  }

  it('keeps HTML and htmx attributes as text everywhere they are shown', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const hostile = '<img src=x onerror=alert(1)><div hx-get="/x" hx-trigger="load">\u202Ehi</div>';
    const id = idFrom(
      (
        await browser.post(
          '/organize/events',
          form({ title: hostile, description: hostile, city: hostile }),
        )
      ).headers.get('location'),
    );
    for (const path of [`/events/${id}`, `/organize/events/${id}`, '/organize/events']) {
      const html = await (await browser.get(path)).text();
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<div hx-get');
      expect(html).toContain('&lt;img src=x');
      expect(html).not.toContain('\u202E');
    }
  });

  it('creates a weekly series; each occurrence can be cancelled alone', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    await browser.post('/organize/events', form({ repeat: 'week', repeatUntil: '2030-07-06' }));
    const series = await allEvents();
    expect(series).toHaveLength(4);
    expect(new Set(series.map((e) => e.seriesId)).size).toBe(1);
    expect(series.map((e) => e.startsAt.toISOString()).sort()).toEqual([
      '2030-06-15T16:30:00.000Z',
      '2030-06-22T16:30:00.000Z',
      '2030-06-29T16:30:00.000Z',
      '2030-07-06T16:30:00.000Z',
    ]);
    await browser.post(`/organize/events/${series[1]!.id}/cancellation`);
    expect((await allEvents()).map((e) => e.status).sort()).toEqual([
      'cancelled',
      'draft',
      'draft',
      'draft',
    ]);
    // Across the change to summer time (31 March 2030 in Paris) the local time stays 18:30.
    await browser.post(
      '/organize/events',
      form({ title: 'Spring', startDate: '2030-03-23', repeat: 'week', repeatUntil: '2030-04-06' }),
    );
    const spring = (await allEvents())
      .filter((e) => e.title === 'Spring')
      .map((e) => e.startsAt.toISOString())
      .sort();
    expect(spring).toEqual([
      '2030-03-23T17:30:00.000Z',
      '2030-03-30T17:30:00.000Z',
      '2030-04-06T16:30:00.000Z',
    ]);
    // Monthly on the 31st skips months without one.
    await browser.post(
      '/organize/events',
      form({
        title: 'Monthly',
        startDate: '2030-01-31',
        repeat: 'month',
        repeatUntil: '2030-05-31',
      }),
    );
    const monthly = (await allEvents())
      .filter((e) => e.title === 'Monthly')
      .map((e) => e.startsAt.toISOString().slice(0, 10))
      .sort();
    expect(monthly).toEqual(['2030-01-31', '2030-03-31', '2030-05-31']);
    const bad = await browser.post(
      '/organize/events',
      form({ repeat: 'week', repeatUntil: '2030-06-01' }),
    );
    expect(bad.status).toBe(400);
    expect(await allEvents()).toHaveLength(10);
  });
});

describe('organizer: changes, cancellation, RSVPs, CSV and messages', () => {
  it('tells everyone with an RSVP when the time changes, and raises the sequence', async () => {
    const { browser, user } = await signedInAs(t, 'org@example.org', 'organizer');
    await trustOrganizer(t.db, user.id);
    const id = idFrom((await browser.post('/organize/events', form())).headers.get('location'));
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    await rsvp(t, id, { email: 'a@example.org' });
    const before = (await allEvents())[0]!;
    // Same time and place, new description: nobody is emailed.
    await browser.post(`/organize/events/${id}`, form({ description: 'New words.' }));
    expect(await mailsTo(t, 'a@example.org')).toHaveLength(1);
    const moved = await browser.post(
      `/organize/events/${id}`,
      form({ startTime: '19:00', endTime: '21:00' }),
    );
    expect(moved.headers.get('location')).toContain('done=notified');
    const mails = await mailsTo(t, 'a@example.org');
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe('An update about an event');
    expect(mails[0]!.bodyText).toContain('19:00');
    expect((await allEvents())[0]!.sequence).toBeGreaterThan(before.sequence);
    expect(user.id).toBe(before.organizerId);
  });

  it('a change by an organizer not yet trusted goes back to a moderator before it is public again', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const id = idFrom((await browser.post('/organize/events', form())).headers.get('location'));
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    await rsvp(t, id, { email: 'a@example.org' });
    const res = await browser.post(
      `/organize/events/${id}`,
      form({ title: 'Now with a different purpose' }),
    );
    expect(res.headers.get('location')).toContain('done=resubmitted');
    expect((await allEvents())[0]!.status).toBe('submitted');
    expect((await new TestBrowser(t).get(`/events/${id}`)).status).toBe(404);
    expect(
      visibleText(await (await browser.get(`/organize/events/${id}?done=resubmitted`)).text()),
    ).toContain('A moderator checks the changes');
    expect((await t.db.select().from(eventRsvps).all())[0]!.status).toBe('confirmed');
  });

  it('odd notice values never break the page', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const id = idFrom((await browser.post('/organize/events', form())).headers.get('location'));
    for (const done of ['__proto__', 'constructor', 'toString'])
      expect((await browser.get(`/organize/events/${id}?done=${done}`)).status).toBe(200);
  });

  it('cancels an event and tells everyone at once; then it cannot be edited', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const id = idFrom(
      (await browser.post('/organize/events', form({ capacity: '1' }))).headers.get('location'),
    );
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'w@example.org' });
    await browser.post(`/organize/events/${id}/cancellation`);
    expect((await mailsTo(t, 'a@example.org'))[0]!.bodyText).toContain('is cancelled');
    expect((await mailsTo(t, 'w@example.org'))[0]!.bodyText).toContain('is cancelled');
    expect(
      (await browser.post(`/organize/events/${id}`, form({ title: 'Changed' }))).headers.get(
        'location',
      ),
    ).toContain('cannot-edit');
    expect((await allEvents())[0]!.title).toBe('Evening workshop');
    expect(visibleText(await (await new TestBrowser(t).get(`/events/${id}`)).text())).toContain(
      'This event is cancelled.',
    );
  });

  it('lists RSVPs with counts and exports CSV with formulas neutralised', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const id = idFrom(
      (await browser.post('/organize/events', form({ capacity: '2' }))).headers.get('location'),
    );
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    await rsvp(t, id, {
      email: 'a@example.org',
      name: '=HYPERLINK("http://evil")',
      places: '2',
      accessNeeds: '+1 wheelchair',
    });
    await rsvp(t, id, { email: 'b@example.org', name: '@SUM(A1)', accessNeeds: '-x' });
    const list = visibleText(await (await browser.get('/organize/events')).text());
    expect(list).toMatch(/Evening workshop .* Published 2 1/);
    const res = await browser.get(`/organize/events/${id}/rsvps.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'@SUM(A1)");
    expect(csv).toContain("'+1 wheelchair");
    expect(csv).toContain("'-x");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
    expect(csv).toContain('a@example.org');
  });

  it('sends a message to attendees, rate-limited, and refuses an empty one', async () => {
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const id = idFrom((await browser.post('/organize/events', form())).headers.get('location'));
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'b@example.org' });
    const empty = await browser.post(`/organize/events/${id}/message`, { message: '   ' });
    expect(empty.status).toBe(400);
    const sent = await browser.post(`/organize/events/${id}/message`, {
      message: 'Bring <b>warm</b> clothes.',
    });
    expect(sent.headers.get('location')).toContain('done=sent&count=2');
    expect((await mailsTo(t, 'b@example.org'))[0]!.bodyText).toContain(
      'Bring <b>warm</b> clothes.',
    );
    for (let i = 0; i < 4; i++)
      await browser.post(`/organize/events/${id}/message`, { message: `More ${i}` });
    const limited = await browser.post(`/organize/events/${id}/message`, {
      message: 'One too many',
    });
    expect(limited.status).toBe(429);
    expect((await listOutbox(t.db)).some((m) => m.bodyText.includes('One too many'))).toBe(false);
  });

  it('never lets a smaller capacity remove anyone, and a larger one promotes from the waitlist', async () => {
    const { browser, user } = await signedInAs(t, 'org@example.org', 'organizer');
    await trustOrganizer(t.db, user.id);
    const id = idFrom(
      (await browser.post('/organize/events', form({ capacity: '1' }))).headers.get('location'),
    );
    await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'w@example.org' });
    await browser.post(`/organize/events/${id}`, form({ capacity: '2' }));
    const statuses = (await t.db.select().from(eventRsvps).all()).map((r) => r.status);
    expect(statuses).toEqual(['confirmed', 'confirmed']);
    expect((await mailsTo(t, 'w@example.org'))[0]!.bodyText).toContain('a place freed up');
  });
});
