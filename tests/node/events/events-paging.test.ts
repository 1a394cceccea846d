import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createEvent } from '../../../db/events/events';
import { EVENTS_PER_PAGE, seriesPattern } from '../../../db/events/list-page';
import { MONTH_LIMIT } from '../../../db/events/month';
import { events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { DAY, eventInput, organizer } from '../../support/events';
import { GARBAGE_CURSORS, relLink, walkPages } from '../../support/paging';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** Published events "Event 1"… one a day from tomorrow; every third online, the rest in Lyon. */
const publishEvents = async (count: number) => {
  const user = await organizer(t);
  for (let i = 1; i <= count; i++) {
    await createEvent(
      t.db,
      user.id,
      eventInput(
        { title: `Event ${i}`, ...(i % 3 === 0 ? { format: 'online', city: '' } : {}) },
        i,
      ),
    );
  }
  await t.db.update(events).set({ status: 'published' });
};
const titles = (html: string) =>
  [...html.matchAll(/<a href="\/events\/[a-z0-9-]+"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!);

describe('/events in pages', () => {
  it('walks every event once, soonest first, with plain links that keep the filters', async () => {
    await publishEvents(2 * EVENTS_PER_PAGE + 5);
    const browser = new TestBrowser(t);
    const all = await walkPages(browser, '/events');
    expect(all.map((html) => titles(html).length)).toEqual([EVENTS_PER_PAGE, EVENTS_PER_PAGE, 5]);
    const seen = all.flatMap(titles);
    expect(seen).toEqual(
      Array.from({ length: 2 * EVENTS_PER_PAGE + 5 }, (_, i) => `Event ${i + 1}`),
    );
    expect(relLink(all.at(-1)!, 'next')).toBeNull();
    expect(relLink(all[0]!, 'prev')).toBeNull();
    expect(all[0]).toContain('aria-label="Pages of events"');

    // With a filter: every link keeps it, and the pages hold only what it matches.
    const inLyon = await walkPages(browser, '/events?format=in_person&city=Lyon');
    for (const html of inLyon.slice(0, -1)) {
      expect(relLink(html, 'next')).toMatch(/^\/events\?format=in_person&city=Lyon&after=/);
    }
    expect(relLink(inLyon.at(-1)!, 'prev')).toMatch(
      /^\/events\?format=in_person&city=Lyon&before=/,
    );
    const lyonSeen = inLyon.flatMap(titles);
    expect(lyonSeen).toEqual(seen.filter((_, i) => (i + 1) % 3 !== 0));
    expect(new Set(lyonSeen).size).toBe(lyonSeen.length);

    // Back from the end with "Previous page".
    const back = await walkPages(browser, relLink(all[1]!, 'next')!, 'prev');
    expect(back.map(titles)).toEqual(all.map(titles).reverse());
  });

  it('answers a cursor it does not recognise with the first page, never an error', async () => {
    await publishEvents(EVENTS_PER_PAGE + 1);
    const first = titles(await (await new TestBrowser(t).get('/events')).text());
    for (const cursor of GARBAGE_CURSORS) {
      for (const name of ['after', 'before']) {
        const res = await new TestBrowser(t).get(`/events?${name}=${encodeURIComponent(cursor)}`);
        expect(res.status).toBe(200);
        expect(titles(await res.text())).toEqual(first);
      }
    }
  });

  it('shows a weekly series once, with its pattern and next date, in English and French', async () => {
    const user = await organizer(t);
    // Sundays at 18:30 in Paris, ten of them, starting the first Sunday at least a week away.
    const start = new Date(Date.now() + 7 * DAY);
    start.setUTCDate(start.getUTCDate() + ((7 - start.getUTCDay()) % 7));
    start.setUTCHours(17, 30, 0, 0);
    await createEvent(
      t.db,
      user.id,
      eventInput({
        title: 'Sunday circle',
        startsAt: start,
        endsAt: new Date(start.getTime() + 3600_000),
      }),
      {
        every: 'week',
        until: new Date(start.getTime() + 9 * 7 * DAY),
      },
    );
    await createEvent(t.db, user.id, eventInput({ title: 'One evening' }, 3));
    await t.db.update(events).set({ status: 'published' });

    const html = await (await new TestBrowser(t).get('/events')).text();
    expect(titles(html)).toEqual(['One evening', 'Sunday circle']);
    expect(visibleText(html)).toMatch(/Every Sunday · next: Sunday, \d+ \w+ \d{4}, \d\d:30/);

    const fr = await (
      await new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }).get('/events')
    ).text();
    expect(visibleText(fr)).toMatch(
      /Tous les dimanches · prochaine date : dimanche \d+ [^ ]+ \d{4}/,
    );

    // The month view still shows every occurrence of the month.
    const month = start.toISOString().slice(0, 7);
    const grid = await (await new TestBrowser(t).get(`/events?view=month&month=${month}`)).text();
    expect(titles(grid).filter((title) => title === 'Sunday circle').length).toBeGreaterThan(1);

    // With a date filter past its first Sunday, the series shows once, from its next one.
    const from = new Date(start.getTime() + 8 * DAY).toISOString().slice(0, 10);
    const later = await (await new TestBrowser(t).get(`/events?from=${from}`)).text();
    expect(titles(later)).toEqual(['Sunday circle']);
    const first = await t.db.select().from(events).where(eq(events.title, 'Sunday circle')).all();
    expect(first.length).toBe(10);
    expect(visibleText(later)).toContain('Every Sunday');
    await t.db.delete(events).where(
      inArray(
        events.id,
        first.slice(1).map((e) => e.id),
      ),
    );
    const alone = await (await new TestBrowser(t).get('/events')).text();
    expect(visibleText(alone)).not.toContain('Every Sunday');
  });

  it('reads a monthly series and irregular dates on the wall clock of their zone', () => {
    const zone = 'Europe/Paris';
    // Across the change to summer time: still one week apart at 18:30 local.
    expect(
      seriesPattern(new Date('2026-03-22T17:30:00Z'), new Date('2026-03-29T16:30:00Z'), zone),
    ).toBe('week');
    expect(
      seriesPattern(new Date('2026-01-06T17:30:00Z'), new Date('2026-02-06T17:30:00Z'), zone),
    ).toBe('month');
    expect(
      seriesPattern(new Date('2026-01-06T17:30:00Z'), new Date('2026-01-20T17:30:00Z'), zone),
    ).toBe('dates');
  });

  it('says so when a month holds more events than its grid shows, never cutting it silently', async () => {
    const day = new Date();
    day.setUTCMonth(day.getUTCMonth() + 3, 10);
    day.setUTCHours(8, 0, 0, 0);
    const month = day.toISOString().slice(0, 7);
    const add = (count: number, from: number) =>
      t.db.insert(events).values(
        Array.from({ length: count }, (_, i) => ({
          id: `busy${from + i}`,
          title: `Busy ${from + i}`,
          description: 'A full month.',
          category: 'meeting' as const,
          format: 'online' as const,
          timeZone: 'UTC',
          startsAt: new Date(day.getTime() + (from + i) * 60_000),
          endsAt: new Date(day.getTime() + (from + i) * 60_000 + 30 * 60_000),
          status: 'published' as const,
          createdAt: new Date(),
          updatedAt: new Date(),
        })),
      );
    const grid = async (locale = 'en') =>
      (
        await new TestBrowser(t, 'http://localhost', { 'Accept-Language': locale }).get(
          `/events?view=month&month=${month}`,
        )
      ).text();
    await add(MONTH_LIMIT, 0);
    const full = await grid();
    expect(titles(full)).toHaveLength(MONTH_LIMIT);
    expect(visibleText(full)).not.toContain('more events than the calendar can show');

    await add(1, MONTH_LIMIT);
    const over = await grid();
    expect(titles(over)).toHaveLength(MONTH_LIMIT);
    expect(visibleText(over)).toContain(
      `This month has more events than the calendar can show: here are the first ${MONTH_LIMIT}.`,
    );
    expect(visibleText(await grid('fr'))).toContain(`voici les ${MONTH_LIMIT} premiers`);
  });
});
