import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlaces } from '../../../db/events/rsvps';
import { eventRsvps, events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { mailsTo, privateToken, publishedEvent, rsvp, signedInAs } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

describe('the same action twice at once', () => {
  it('two cancellations of one RSVP promote one person, once', async () => {
    const id = await publishedEvent(t, { capacity: 1 });
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'w1@example.org' });
    await rsvp(t, id, { email: 'w2@example.org' });
    const token = await privateToken(t, 'a@example.org');
    const results = await Promise.all(
      [1, 2, 3].map(() => new TestBrowser(t).post(`/rsvps/${token}/cancellation`)),
    );
    expect(results.map((r) => r.status)).toEqual([303, 303, 303]);
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 1, waitlisted: 1 });
    expect(await mailsTo(t, 'w1@example.org')).toHaveLength(2);
    expect(await mailsTo(t, 'w2@example.org')).toHaveLength(1);
  });

  it('two RSVPs for one address at once keep one row, answered alike, and the owner hears of the other', async () => {
    const id = await publishedEvent(t, { capacity: 5 });
    const [a, b] = await Promise.all([
      rsvp(t, id, { email: 'twice@example.org', name: 'One', places: '2' }, '198.51.100.1'),
      rsvp(t, id, { email: 'twice@example.org', name: 'Two', places: '3' }, '198.51.100.2'),
    ]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('location')).toBe(
      `/events/test-workshop-${id}?rsvp=confirmed#rsvp-heading`,
    );
    expect(b.headers.get('location')).toBe(a.headers.get('location'));
    const rows = await t.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, id)).all();
    expect(rows).toHaveLength(1);
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: rows[0]!.places, waitlisted: 0 });
    const mails = await mailsTo(t, 'twice@example.org');
    expect(mails).toHaveLength(2);
    // Both links open the one RSVP.
    for (const mail of mails) {
      const token = mail.bodyText.match(/\/rsvps\/([a-z2-7]{32})/)![1]!;
      expect((await new TestBrowser(t).get(`/rsvps/${token}`)).status).toBe(200);
    }
  });

  it('two changes asking for more places at once never go past capacity', async () => {
    const id = await publishedEvent(t, { capacity: 4 });
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'b@example.org' });
    const tokens = [await privateToken(t, 'a@example.org'), await privateToken(t, 'b@example.org')];
    await Promise.all(
      tokens.map((token) =>
        new TestBrowser(t).post(`/rsvps/${token}/change`, { name: 'Ana', places: '3' }),
      ),
    );
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 4, waitlisted: 0 });
  });

  it('two cancellations of one event send one notice per person', async () => {
    const id = await publishedEvent(t);
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    await rsvp(t, id, { email: 'a@example.org' });
    await Promise.all([
      browser.post(`/organize/events/${id}/cancellation`),
      browser.post(`/organize/events/${id}/cancellation`),
    ]);
    const mails = await mailsTo(t, 'a@example.org');
    expect(mails.filter((m) => m.bodyText.includes('is cancelled'))).toHaveLength(1);
  });

  it('an approval and a decline at once: one wins, the other is told', async () => {
    const id = await publishedEvent(t);
    await t.db.update(events).set({ status: 'submitted' }).where(eq(events.id, id));
    const { browser } = await signedInAs(t, 'mod@example.org', 'moderator');
    const [a, b] = await Promise.all([
      browser.post(`/moderation/events/${id}/approval`),
      browser.post(`/moderation/events/${id}/decline`),
    ]);
    const locations = [a.headers.get('location'), b.headers.get('location')];
    expect(locations.filter((l) => l === '/moderation?done=event-already-decided')).toHaveLength(1);
    const status = (await t.db.select().from(events).where(eq(events.id, id)).get())!.status;
    expect(['published', 'draft']).toContain(status);
    expect(await mailsTo(t, 'org@example.org')).toHaveLength(1);
  });

  it('a draft sent twice at once moves once', async () => {
    const id = await publishedEvent(t);
    await t.db.update(events).set({ status: 'draft', sequence: 0 }).where(eq(events.id, id));
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const results = await Promise.all([
      browser.post(`/organize/events/${id}/submission`),
      browser.post(`/organize/events/${id}/submission`),
    ]);
    expect(
      results.filter((r) => r.headers.get('location')?.includes('done=submitted')),
    ).toHaveLength(1);
    expect((await t.db.select().from(events).where(eq(events.id, id)).get())!.sequence).toBe(1);
  });
});
