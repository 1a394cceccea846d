import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../../db/events/events';
import { eventIdFromSlug, eventSlug } from '../../../db/events/rules';
import { events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { eventInput, organizer, publishedEvent, rsvp } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const get = (path: string) => new TestBrowser(t).get(path);

describe('an event’s readable address', () => {
  it('is the words of its title, then its id; accents kept as letters, other scripts left out', () => {
    expect(eventSlug({ id: 'abc234', title: 'Réunion à Montréal: 2030!' })).toBe(
      'reunion-a-montreal-2030-abc234',
    );
    expect(eventSlug({ id: 'abc234', title: 'لقاء' })).toBe('event-abc234');
    for (const key of ['reunion-a-montreal-2030-abc234', 'event-abc234', 'abc234'])
      expect(eventIdFromSlug(key)).toBe('abc234');
  });

  it('opens the page; the bare id of older links opens it too', async () => {
    const id = await publishedEvent(t, { title: 'Evening workshop' });
    const page = await get(`/events/evening-workshop-${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect((await get(`/events/${id}`)).status).toBe(200);
    // The page's own links carry the address: its calendar file and the RSVP form.
    expect(html).toContain(`href="/events/evening-workshop-${id}.ics"`);
    expect(html).toContain(`action="/events/evening-workshop-${id}/rsvp"`);
    expect(html).toContain(`hx-post="/events/evening-workshop-${id}/rsvp"`);
    // The list links to it the same way.
    expect(await (await get('/events')).text()).toContain(`href="/events/evening-workshop-${id}"`);
  });

  it('leads words that are not the title’s (a renamed event, a made-up link) to the current address', async () => {
    const id = await publishedEvent(t, { title: 'Evening workshop' });
    await t.db.update(events).set({ title: 'Morning workshop' }).where(eq(events.id, id));
    for (const old of [`evening-workshop-${id}`, `this-is-not-it-${id}`]) {
      const res = await get(`/events/${old}?rsvp=confirmed`);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(`/events/morning-workshop-${id}?rsvp=confirmed`);
    }
  });

  it('serves the calendar file and takes an RSVP at the address, and answers 404 for no event', async () => {
    const id = await publishedEvent(t, { title: 'Evening workshop' });
    const ics = await get(`/events/evening-workshop-${id}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect((await get(`/events/${id}.ics`)).status).toBe(200);
    const res = await new TestBrowser(t).post(`/events/evening-workshop-${id}/rsvp`, {
      name: 'Ana',
      email: 'ana-slug@example.org',
      places: '1',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/events/evening-workshop-${id}?rsvp=confirmed#rsvp-heading`,
    );
    expect((await rsvp(t, id, { email: 'old-link@example.org' })).status).toBe(303);
    for (const path of [
      '/events/evening-workshop-nosuchevent',
      '/events/-',
      '/events/evening-workshop-nosuchevent.ics',
    ])
      expect((await get(path)).status, path).toBe(404);
  });

  it('hides a draft at its address as at its id', async () => {
    const user = await organizer(t, 'slug-draft@example.org');
    const id = await createEvent(t.db, user.id, eventInput({ title: 'Secret plan' }));
    expect((await get(`/events/secret-plan-${id}`)).status).toBe(404);
    expect((await get(`/events/${id}`)).status).toBe(404);
  });
});
