import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listUpcomingPublishedEventsByIds } from '../../../db/events/events';
import { events } from '../../../db/schema';
import { seedDemoData } from '../../../db/demo/seed';
import { TestBrowser } from '../../support/browser';
import { DAY, publishedEvent } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const titles = async (path: string, headers: Record<string, string> = {}) => {
  const html = await (await new TestBrowser(t).get(path, headers)).text();
  return [...html.matchAll(/<a href="\/events\/[a-z0-9-]+"[^>]*>([^<]*)<\/a>/g)]
    .map((m) => m[1])
    .sort();
};

describe('public events list', () => {
  beforeEach(async () => {
    await publishedEvent(t, {
      title: 'Lyon workshop',
      city: 'Lyon',
      languages: 'fr',
      category: 'workshop',
    });
    await publishedEvent(t, {
      title: 'Online training',
      format: 'online',
      city: '',
      address: '',
      onlineUrl: 'https://meet.example.org/x',
      languages: 'en',
      category: 'training',
    });
    await publishedEvent(t, {
      title: 'Paris vigil',
      city: 'Paris',
      languages: 'fr,en',
      category: 'vigil',
    });
    const past = await publishedEvent(t, { title: 'Past meeting' });
    await t.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) })
      .where(eq(events.id, past));
    const draft = await publishedEvent(t, { title: 'Secret draft' });
    await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, draft));
  });

  it('lists upcoming public events only', async () => {
    expect(await titles('/events')).toEqual(['Lyon workshop', 'Online training', 'Paris vigil']);
  });

  it('filters by format, city, language, category and date, from the query string', async () => {
    expect(await titles('/events?format=online')).toEqual(['Online training']);
    expect(await titles('/events?format=in_person&city=Paris')).toEqual(['Paris vigil']);
    expect(await titles('/events?language=en')).toEqual(['Online training', 'Paris vigil']);
    expect(await titles('/events?category=workshop')).toEqual(['Lyon workshop']);
    const far = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
    expect(await titles(`/events?from=${far}`)).toEqual([]);
    // Unknown values are ignored, never an error.
    const odd = await new TestBrowser(t).get(
      '/events?format=<script>&language=xx&from=2030-13-45&city=%E2%80%AE',
    );
    expect(odd.status).toBe(200);
  });

  it('answers htmx with the results fragment alone', async () => {
    const res = await new TestBrowser(t).get('/events?format=online', { 'HX-Request': 'true' });
    const html = await res.text();
    expect(html.startsWith('<section id="event-results"')).toBe(true);
    expect(visibleText(html)).toContain('1 event');
  });

  it('draws the month as a table with weekday headers and events on their day', async () => {
    const event = (await t.db
      .select()
      .from(events)
      .where(eq(events.title, 'Lyon workshop'))
      .get())!;
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
    })
      .format(event.startsAt)
      .slice(0, 7);
    const html = await (await new TestBrowser(t).get(`/events?view=month&month=${month}`)).text();
    expect(html).toContain('<table class="month-grid">');
    expect(html).toContain('<caption>Events in');
    expect(html.match(/<th scope="col">/g)).toHaveLength(7);
    expect(html).toContain('<abbr title="Monday">Mon</abbr>');
    const day = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', day: 'numeric' }).format(
        event.startsAt,
      ),
    );
    const cell = html.match(
      new RegExp(`<span class="day-number" aria-hidden="true">${day}</span>[\\s\\S]*?</td>`),
    )![0];
    expect(cell).toContain('Lyon workshop');
    expect(
      visibleText(
        await (
          await new TestBrowser(t).get('/events?view=month&month=2031-02', { Cookie: 'lang=fr' })
        ).text(),
      ),
    ).toContain('Événements de février 2031');
  });

  it('lists upcoming published events by id for campaigns, nothing else', async () => {
    const all = await t.db.select().from(events).all();
    const found = await listUpcomingPublishedEventsByIds(t.db, [...all.map((e) => e.id), 'nope']);
    expect(found.map((e) => e.title).sort()).toEqual([
      'Lyon workshop',
      'Online training',
      'Paris vigil',
    ]);
    expect(await listUpcomingPublishedEventsByIds(t.db, [])).toEqual([]);
  });
});

describe('French', () => {
  it('shows an event page and its RSVP form in French', async () => {
    const id = await publishedEvent(t, {
      capacity: 5,
      startsAt: new Date('2030-03-09T17:00:00Z'),
      endsAt: new Date('2030-03-09T19:00:00Z'),
    });
    const text = visibleText(
      await (await new TestBrowser(t).get(`/events/${id}`, { Cookie: 'lang=fr' })).text(),
    );
    expect(text).toContain('samedi 9 mars 2030, 18:00 – 20:00 (Europe/Paris)');
    expect(text).toContain('Encore 5 places');
    expect(text).toContain('Réserver ma place');
  });
});

describe('demo data', () => {
  it('has upcoming in-person and online events, one full with a waitlist, one recurring', async () => {
    await seedDemoData(t.db);
    const all = await t.db.select().from(events).all();
    expect(all.every((e) => e.status === 'published' && e.endsAt > new Date())).toBe(true);
    expect(all.some((e) => e.format === 'online')).toBe(true);
    expect(all.some((e) => e.format === 'in_person')).toBe(true);
    expect(all.filter((e) => e.seriesId).length).toBeGreaterThan(1);
    const text = visibleText(await (await new TestBrowser(t).get('/events')).text());
    expect(text).toContain('Full: waitlist open');
  });
});
