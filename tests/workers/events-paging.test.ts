import { env } from 'cloudflare:workers';
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { createEvent } from '../../db/events/events';
import { EVENTS_PER_PAGE } from '../../db/events/list-page';
import { events } from '../../db/schema';
import { findOrCreateUser } from '../../db/accounts/users';
import { DAY, eventInput, HOUR } from '../support/event-input';
import { request } from './support/http';

// The paged events list on real D1: its keyset condition (row values) and the series test
// (a correlated NOT EXISTS over an alias) are SQL that D1 must run as libsql does.
const db = openD1Database(env.DB);
const titles = (html: string) =>
  [...html.matchAll(/<a href="\/events\/[a-z0-9-]+"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!);
const next = (html: string) =>
  html.match(/<a href="([^"]+)" rel="next">/)?.[1]?.replaceAll('&amp;', '&') ?? null;

describe('/events pages on D1', () => {
  it('walks every event once in order, a weekly series once, the city filter kept', async () => {
    const user = await findOrCreateUser(db, 'pager@example.org');
    const input = (title: string, days: number) => {
      const startsAt = new Date(Date.now() + days * DAY);
      startsAt.setUTCHours(16, 0, 0, 0);
      const endsAt = new Date(startsAt.getTime() + HOUR);
      return eventInput({ title, city: 'Pagingville', startsAt, endsAt });
    };
    const ids: string[] = [];
    for (let i = 1; i <= EVENTS_PER_PAGE + 4; i++)
      ids.push(await createEvent(db, user.id, input(`Single ${i}`, i)));
    const half = 30 * 60_000;
    const day2 = input('Weekly', 2);
    const series = {
      ...day2,
      startsAt: new Date(day2.startsAt.getTime() + half),
      endsAt: new Date(day2.endsAt.getTime() + half),
    };
    ids.push(
      await createEvent(db, user.id, series, {
        every: 'week',
        until: new Date(series.startsAt.getTime() + 5 * 7 * DAY),
      }),
    );
    await db
      .update(events)
      .set({ status: 'published' })
      .where(inArray(events.organizerId, [user.id]));

    const seen: string[] = [];
    let href: string | null = '/events?city=Pagingville';
    let pages = 0;
    while (href && pages < 5) {
      const res = await request(href);
      expect(res.status).toBe(200);
      const html = await res.text();
      seen.push(...titles(html));
      href = next(html);
      if (href) expect(href).toMatch(/^\/events\?city=Pagingville&after=/);
      pages++;
    }
    expect(pages).toBe(2);
    expect(seen.filter((title) => title === 'Weekly')).toHaveLength(1);
    expect(seen.filter((title) => title.startsWith('Single'))).toEqual(
      Array.from({ length: EVENTS_PER_PAGE + 4 }, (_, i) => `Single ${i + 1}`),
    );
    expect(seen.indexOf('Weekly')).toBe(2); // half an hour after Single 2
  });
});
