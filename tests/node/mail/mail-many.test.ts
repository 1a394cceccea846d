import { eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/core/database';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trustOrganizer } from '../../../db/events/events';
import { takeRsvp } from '../../../db/events/rsvps';
import { events, mailOutbox } from '../../../db/schema';
import { areaLinks } from '../../../worker/area-links';
import {
  deliverDueMail,
  MAIL_SENT_IN_REQUEST,
  outboxMailer,
  providerMailer,
  type MailMessage,
} from '../../../worker/mail/mailer';
import { publishedEvent, signedInAs } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
/** Messages the provider accepted, in order; the transport stands in for its HTTP API. */
let accepted: MailMessage[];
/** How many of the next calls the provider refuses. */
let refusals: number;
/** The organizer signs in through the local outbox (the test reads the code there). */
let provider: boolean;
/** The outbox write fails (D1 refusing the batch): nothing is stored. */
let storeFails: boolean;

/** The database, but every batch is refused, as D1 refuses one whose statement it rejects. */
const refusingBatches = (db: Database): Database =>
  new Proxy(db, {
    get: (target, name, receiver) =>
      name === 'batch'
        ? async () => {
            throw new Error('D1_ERROR: too many SQL variables: p0@example.org');
          }
        : Reflect.get(target, name, receiver),
  });

beforeEach(async () => {
  accepted = [];
  refusals = 0;
  provider = false;
  storeFails = false;
  const transport = async (message: MailMessage) => {
    if (refusals > 0) {
      refusals--;
      throw new Error('mail provider answered 503');
    }
    accepted.push(message);
  };
  t = await makeTestApp({ APP_ENV: 'local' }, areaLinks, (db) =>
    provider
      ? providerMailer(storeFails ? refusingBatches(db) : db, transport, () => {})
      : outboxMailer(db, () => {}),
  );
});
afterEach(() => t.close());

const ATTENDEES = 60;

/** An event with 60 people with a place, every third of them French, and its organizer. */
const crowdedEvent = async () => {
  const id = await publishedEvent(t);
  for (let i = 0; i < ATTENDEES; i++)
    await takeRsvp(t.db, id, {
      name: `P${i}`,
      email: `p${i}@example.org`,
      places: 1,
      accessNeeds: '',
      wantsReminder: false,
      locale: i % 3 === 0 ? 'fr' : 'en',
      siteOrigin: 'http://localhost',
    });
  const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
  provider = true;
  return { id, browser };
};

const queued = () => t.db.select().from(mailOutbox).where(isNull(mailOutbox.sentAt)).all();

describe('an event cancelled before many people', () => {
  it('delivers a few in the request, queues the rest, and the delivery job sends each once', async () => {
    const { id, browser } = await crowdedEvent();
    const res = await browser.post(`/organize/events/${id}/cancellation`);
    expect(res.status).toBe(303);

    // The request's own subrequests: at most MAIL_SENT_IN_REQUEST calls to the provider.
    expect(MAIL_SENT_IN_REQUEST).toBe(20);
    expect(accepted).toHaveLength(20);
    expect(await queued()).toHaveLength(ATTENDEES - 20);

    expect(
      await deliverDueMail(
        t.db,
        async (m) => void accepted.push(m),
        () => {},
      ),
    ).toBe(40);
    const to = accepted.map((m) => m.to);
    expect(to).toHaveLength(ATTENDEES);
    expect(new Set(to)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => `p${i}@example.org`)));
    expect(await queued()).toEqual([]);
    // A later run finds nothing more to send.
    expect(
      await deliverDueMail(
        t.db,
        async (m) => void accepted.push(m),
        () => {},
      ),
    ).toBe(0);

    // Each in their own language, under a neutral subject.
    const french = accepted.find((m) => m.to === 'p0@example.org')!;
    const english = accepted.find((m) => m.to === 'p1@example.org')!;
    expect(english.subject).toBe('An update about an event');
    expect(english.text).toContain('is cancelled');
    expect(french.subject).toBe('Du nouveau sur un événement');
    expect(french.text).toContain('est annulé');
  });

  it('loses nothing when the provider refuses the ones sent in the request', async () => {
    const { id, browser } = await crowdedEvent();
    refusals = 20;
    expect((await browser.post(`/organize/events/${id}/cancellation`)).status).toBe(303);
    expect(accepted).toEqual([]);
    const rows = await queued();
    expect(rows).toHaveLength(ATTENDEES);
    expect(rows.filter((row) => row.attempts === 1)).toHaveLength(20);

    // The job sends the 40 due now; the 20 refused come back after their back-off.
    const now = Date.now();
    expect(
      await deliverDueMail(
        t.db,
        async (m) => void accepted.push(m),
        () => {},
      ),
    ).toBe(40);
    expect(
      await deliverDueMail(
        t.db,
        async (m) => void accepted.push(m),
        () => {},
        new Date(now + 5 * 60_000),
      ),
    ).toBe(20);
    expect(new Set(accepted.map((m) => m.to)).size).toBe(ATTENDEES);
    expect(accepted).toHaveLength(ATTENDEES);
    expect(await queued()).toEqual([]);
  });
});

describe('notices to attendees that cannot be stored', () => {
  /** The app's error lines about mail not stored, and whether any line names a person. */
  const storeErrors = () => t.logs.filter((line) => line.includes('mailNotStored'));
  const namesSomeone = () =>
    t.logs.some((line) => /@|"P\d|is cancelled|est annulé|blue hall|SQL/.test(line));

  it('cancels the event, logs the failure without personal data, and says nobody was told', async () => {
    const { id, browser } = await crowdedEvent();
    storeFails = true;
    const res = await browser.post(`/organize/events/${id}/cancellation`);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toBe(`/organize/events/${id}?done=cancelled-unsent`);

    // The organizer's action is whole: the event is cancelled; nothing was queued or sent.
    const event = await t.db.select().from(events).where(eq(events.id, id)).get();
    expect(event!.status).toBe('cancelled');
    expect(await queued()).toEqual([]);
    expect(accepted).toEqual([]);

    expect(storeErrors().map((line) => JSON.parse(line))).toEqual([
      { level: 'error', mailNotStored: ATTENDEES, error: 'Error' },
    ]);
    expect(namesSomeone()).toBe(false);

    const page = await (await browser.get(location)).text();
    expect(page).toContain('We could not email the people with an RSVP');
    expect(page).not.toContain('We emailed everyone with an RSVP');
  });

  it('says a message to attendees was not sent, rather than "sent to 0 people"', async () => {
    const { id, browser } = await crowdedEvent();
    storeFails = true;
    const res = await browser.post(`/organize/events/${id}/message`, {
      message: 'The room has changed to the blue hall.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/organize/events/${id}?done=unsent`);
    expect(storeErrors()).toHaveLength(1);
    expect(namesSomeone()).toBe(false);
    const page = await (await browser.get(res.headers.get('location')!)).text();
    expect(page).toContain('Your message could not be sent');
  });

  /** The edit form of event `id`, `shift` later (an hour: a change of time its people must hear of). */
  const editForm = async (id: string, shift = 3600_000, capacity = '') => {
    const event = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    const local = (at: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: event.timeZone,
        dateStyle: 'short',
        timeStyle: 'short',
      })
        .format(new Date(at.getTime() + shift))
        .split(' ');
    const [startDate, startTime] = local(event.startsAt);
    const [endDate, endTime] = local(event.endsAt);
    return {
      fields: {
        title: event.title,
        description: event.description,
        category: event.category,
        format: event.format,
        city: event.city,
        address: event.address,
        timeZone: event.timeZone,
        startDate: startDate!,
        startTime: startTime!,
        endDate: endDate!,
        endTime: endTime!,
        reminderHours: String(event.reminderHours),
        capacity,
        language: event.contentLanguage,
      },
      startsAt: event.startsAt,
    };
  };

  it('moves the event, and tells the organizer that its people were not told', async () => {
    const { id, browser } = await crowdedEvent();
    const organizerId = (await t.db.select().from(events).where(eq(events.id, id)).get())!
      .organizerId!;
    await trustOrganizer(t.db, organizerId);
    storeFails = true;
    const { fields, startsAt } = await editForm(id);
    const res = await browser.post(`/organize/events/${id}`, fields);
    expect(res.headers.get('location')).toBe(`/organize/events/${id}?done=notified-unsent`);
    const event = await t.db.select().from(events).where(eq(events.id, id)).get();
    expect(event!.startsAt.getTime()).toBe(startsAt.getTime() + 3600_000);
    expect(storeErrors()).toHaveLength(1);
    expect(namesSomeone()).toBe(false);
    const page = visibleText(await (await browser.get(res.headers.get('location')!)).text());
    expect(page).toContain('Saved. We could not email the people with an RSVP about this change');
  });

  it('says so beside "a moderator checks the changes" when the edit goes back to moderation', async () => {
    const { id, browser } = await crowdedEvent();
    storeFails = true;
    const { fields } = await editForm(id);
    const res = await browser.post(`/organize/events/${id}`, fields);
    expect(res.headers.get('location')).toBe(`/organize/events/${id}?done=resubmitted-unsent`);
    const page = visibleText(await (await browser.get(res.headers.get('location')!)).text());
    expect(page).toContain('A moderator checks the changes');
    expect(page).toContain('We could not email the people with an RSVP about this change');
  });

  it('says so when people moved up from the waitlist could not be told', async () => {
    const id = await publishedEvent(t, { capacity: 1 });
    for (const name of ['A', 'B'])
      await takeRsvp(t.db, id, {
        name,
        email: `${name.toLowerCase()}@example.org`,
        places: 1,
        accessNeeds: '',
        wantsReminder: false,
        locale: 'en',
        siteOrigin: 'http://localhost',
      });
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const organizerId = (await t.db.select().from(events).where(eq(events.id, id)).get())!
      .organizerId!;
    await trustOrganizer(t.db, organizerId);
    provider = true;
    storeFails = true;
    // The same time and place, one more place: B moves up, and cannot be emailed.
    const { fields } = await editForm(id, 0, '2');
    const res = await browser.post(`/organize/events/${id}`, fields);
    expect(res.headers.get('location')).toBe(`/organize/events/${id}?done=notified-unsent`);
    expect(storeErrors().map((line) => JSON.parse(line).mailNotStored)).toEqual([1]);
  });
});
