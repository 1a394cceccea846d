import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../db/events/events';
import { events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { DAY, eventInput, organizer, publishedEvent, rsvp } from '../../support/events';
import { readAtom, shownText } from '../../support/feeds';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** An event in a given state, straight through the data layer. */
const eventIn = async (
  status: 'draft' | 'submitted' | 'published' | 'cancelled',
  over: Parameters<typeof eventInput>[0] = {},
  organizerEmail = 'org@example.org',
) => {
  const user = await organizer(t, organizerEmail);
  const id = await createEvent(t.db, user.id, eventInput(over));
  await t.db.update(events).set({ status }).where(eq(events.id, id));
  return id;
};

const titles = (feed: Awaited<ReturnType<typeof readAtom>>['feed']) =>
  feed.items.map((item) => shownText(item.title)).sort();

describe('the events feed', () => {
  it('lists upcoming public events as the list page does: drafts, submitted and past ones left out, cancelled ones named', async () => {
    const published = await publishedEvent(t, { title: 'Open workshop' });
    await eventIn('draft', { title: 'Draft event' });
    await eventIn('submitted', { title: 'Waiting event' });
    await eventIn('cancelled', { title: 'Called off' });
    const past = await publishedEvent(t, { title: 'Last week' });
    await t.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 8 * DAY), endsAt: new Date(Date.now() - 7 * DAY) })
      .where(eq(events.id, past));

    const { feed, xml } = await readAtom(t, '/events.atom');
    expect(titles(feed)).toEqual(['Cancelled: Called off', 'Open workshop']);
    expect(xml).not.toContain('Draft event');
    expect(xml).not.toContain('Waiting event');
    expect(xml).not.toContain('Last week');

    const entry = feed.items.find((item) => item.title === 'Open workshop')!;
    expect(entry.id).toBe(`http://localhost/events/${published}`);
    expect(entry.url).toBe(`http://localhost/events/${published}`);
    expect(entry.updated).toBeInstanceOf(Date);
    expect(shownText(entry.description)).toContain('Lyon · Workshop');
    expect(feed.self).toBe('http://localhost/events.atom?lang=en');
    expect(feed.url).toBe('http://localhost/events');
    expect(feed.title).toBe('Hearth: upcoming events');
    expect(feed.language).toBe('en');
  });

  it('follows the list page filters: category, city (any case), organizer; an unknown value filters nothing', async () => {
    await publishedEvent(t, { title: 'Lyon vigil', category: 'vigil', city: 'Lyon' });
    await publishedEvent(t, { title: 'Paris workshop', city: 'Paris' });
    await publishedEvent(t, { title: 'Other organizer', city: 'Paris' }, 'other@example.org');
    const other = (await organizer(t, 'other@example.org')).id;

    expect(titles((await readAtom(t, '/events.atom?category=vigil')).feed)).toEqual(['Lyon vigil']);
    expect(titles((await readAtom(t, '/events.atom?city=PARIS')).feed)).toEqual([
      'Other organizer',
      'Paris workshop',
    ]);
    const mine = await readAtom(t, `/events.atom?organizer=${other}&city=paris`);
    expect(titles(mine.feed)).toEqual(['Other organizer']);
    expect(mine.feed.title).toBe('Hearth: upcoming events (paris, one organizer)');
    expect(mine.feed.self).toBe(
      `http://localhost/events.atom?city=paris&organizer=${other}&lang=en`,
    );
    expect(titles((await readAtom(t, '/events.atom?category=nope&organizer=x')).feed)).toHaveLength(
      3,
    );
  });

  it('speaks the language of ?lang=, else the visitor’s', async () => {
    await eventIn('cancelled', { title: 'Veillée' });
    const asked = await readAtom(t, '/events.atom?lang=fr');
    expect(asked.feed.language).toBe('fr');
    expect(asked.feed.title).toBe('Hearth : événements à venir');
    expect(asked.feed.items.map((item) => shownText(item.title))).toEqual(['Annulé : Veillée']);
    expect(asked.res.headers.get('content-language')).toBe('fr');
    const browser = await readAtom(t, '/events.atom', { 'Accept-Language': 'fr-FR,fr;q=0.9' });
    expect(browser.feed.language).toBe('fr');
    // The address wins over the browser.
    const both = await readAtom(t, '/events.atom?lang=en', { 'Accept-Language': 'fr' });
    expect(both.feed.language).toBe('en');
  });

  it('escapes hostile titles and descriptions: they read back as typed, never as markup', async () => {
    const hostile = `<script>alert("x")</script> & ]]> <img src=x onerror=alert(1)>`;
    await publishedEvent(t, { title: hostile, description: `${hostile}\u0001 end` });
    const { feed, xml } = await readAtom(t, '/events.atom');
    expect(shownText(feed.items[0]!.title)).toBe(hostile);
    expect(shownText(feed.items[0]!.content)).toContain(`${hostile} end`);
    expect(xml).not.toMatch(/<script|<img/i);
    expect(xml).not.toContain('\u0001');
  });

  it('carries no name or email of attendees or organizers, and no joining link', async () => {
    const id = await publishedEvent(
      t,
      { title: 'Online talk', format: 'online', onlineUrl: 'https://meet.example.net/secret-room' },
      'organizer.person@example.org',
    );
    expect(
      (await rsvp(t, id, { name: 'Zephyrine Quillfeather', email: 'zephyrine@example.org' }))
        .status,
    ).toBe(303);
    const { xml } = await readAtom(t, '/events.atom');
    expect(xml).toContain('Online talk');
    for (const secret of ['Zephyrine', 'Quillfeather', '@', 'secret-room', 'organizer.person'])
      expect(xml).not.toContain(secret);
  });

  it('answers 304 to a reader that has it, until an event changes', async () => {
    const id = await publishedEvent(t);
    const { res } = await readAtom(t, '/events.atom');
    const etag = res.headers.get('etag')!;
    const again = await new TestBrowser(t).get('/events.atom', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    await t.db
      .update(events)
      .set({ updatedAt: new Date(Date.now() + DAY) })
      .where(eq(events.id, id));
    expect((await new TestBrowser(t).get('/events.atom', { 'If-None-Match': etag })).status).toBe(
      200,
    );
  });

  it('builds every address from SITE_URL when it is set', async () => {
    t.close();
    t = await makeTestApp({ APP_ENV: 'local', SITE_URL: 'https://hearth.example.org' });
    const id = await publishedEvent(t);
    const { feed } = await readAtom(t, '/events.atom?lang=fr');
    expect(feed.self).toBe('https://hearth.example.org/events.atom?lang=fr');
    expect(feed.items[0]!.id).toBe(`https://hearth.example.org/events/${id}`);
  });
});

describe('the events page', () => {
  it('names its feed in the head and beside the calendar link, with its filters and language', async () => {
    const html = await (await new TestBrowser(t).get('/events?category=vigil&city=Lyon')).text();
    const href = '/events.atom?category=vigil&amp;city=Lyon&amp;lang=en';
    expect(html).toContain(
      `<link rel="alternate" type="application/atom+xml" title="Hearth: upcoming events (Vigil, Lyon)" href="${href}"/>`,
    );
    expect(html).toContain(`<a href="${href}" type="application/atom+xml">Follow these events`);
  });
});
