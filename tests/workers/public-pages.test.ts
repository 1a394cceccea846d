import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { createEvent } from '../../db/events/events';
import { findOrCreateUser } from '../../db/accounts/users';
import { seedDemoData } from '../../db/demo/seed';
import { events, services } from '../../db/schema';
import { eventInput } from '../support/event-input';

// The public pages' reads are prepared once and sent in batches (db/core/prepared.ts): the same
// pages on real D1, twice each (the second time through the statements kept from the first).
const db = openD1Database(env.DB);
const page = async (path: string) => {
  const res = await exports.default.fetch(new Request(`https://hearth.test${path}`));
  return { status: res.status, html: await res.text() };
};

describe('public pages on D1', () => {
  it('lists, shows by month and shows one event', async () => {
    const organizer = await findOrCreateUser(db, 'pages-org@example.org');
    const input = eventInput(
      { title: 'Prepared reads evening', city: 'Quillhaven', category: 'meeting', capacity: 10 },
      3,
    );
    const id = await createEvent(db, organizer.id, input);
    const month = input.startsAt.toISOString().slice(0, 7);
    const paths = ['/events', `/events?view=month&month=${month}`, `/events/${id}`];
    for (const path of paths.slice(0, 2)) {
      const before = await page(path);
      expect(before.status).toBe(200);
      expect(before.html).not.toContain('Prepared reads evening');
    }
    expect((await page(`/events/${id}`)).status).toBe(404);
    await db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    for (const round of [1, 2]) {
      for (const path of paths) {
        const shown = await page(path);
        expect(shown.status, `${path}, round ${round}`).toBe(200);
        expect(shown.html, `${path}, round ${round}`).toContain('Prepared reads evening');
      }
      const cities = await page('/events');
      expect(cities.html).toMatch(/<option value="Quillhaven"[^>]*>Quillhaven</);
    }
    // Each filter's statement is kept from its first use: the same shape again with a value it
    // does not match must leave the event out (a value kept from the first use would show it).
    const shown = async (path: string) => {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      return res.html.includes('Prepared reads evening');
    };
    for (const [match, other] of [
      ['city=Quillhaven', 'city=Elsewhere'],
      ['language=fr', 'language=en'],
      ['format=in_person', 'format=online'],
      ['category=meeting', 'category=vigil'],
      [
        `format=in_person&city=quillhaven&from=${input.startsAt.toISOString().slice(0, 10)}`,
        'format=in_person&city=quillhaven&from=2099-01-01',
      ],
    ]) {
      for (const round of [1, 2]) {
        expect(await shown(`/events?${match}`), `${match}, round ${round}`).toBe(true);
        expect(await shown(`/events?${other}`), `${other}, round ${round}`).toBe(false);
      }
    }
    expect(await shown(`/events?view=month&month=2099-01`)).toBe(false);
  });

  it('shows the demo stories, campaigns and resources, lists and items', async () => {
    await seedDemoData(db);
    const firstLink = (html: string, area: string) =>
      html.match(new RegExp(`href="(/${area}/[a-z0-9][a-z0-9-]*)"`))?.[1];
    for (const area of ['stories', 'campaigns', 'resources']) {
      const list = await page(`/${area}`);
      expect(list.status, area).toBe(200);
      const item = firstLink(list.html, area);
      expect(item, area).toBeDefined();
      const title = (html: string) => html.match(/<h1[^>]*>([^<]+)</)?.[1];
      const first = await page(item!);
      expect(first.status, item).toBe(200);
      expect(title(first.html), item).toBeTruthy();
      // Again, through the statements kept from the first time, and the list again.
      const again = await page(item!);
      expect(title(again.html), item).toBe(title(first.html));
      expect((await page(`/${area}`)).html).toContain(`href="${item}"`);
    }
    expect((await page('/stories?page=99')).status).toBe(200);
  });

  it('counts each listed campaign as its own page does, twice over', async () => {
    await seedDemoData(db);
    // The list counts the signatures of its page's campaigns in one prepared statement per
    // number of campaigns: each count must land on its own campaign.
    const progress = /<progress id="campaign-([a-z0-9-]+)-progress-bar"[^>]*value="(\d+)"/g;
    const listed = [...(await page('/campaigns')).html.matchAll(progress)];
    expect(listed.length).toBeGreaterThan(1);
    expect(new Set(listed.map((m) => m[2])).size).toBeGreaterThan(1);
    for (const [, slug, value] of listed) {
      const own = await page(`/campaigns/${slug}`);
      expect(
        own.html.match(/<progress id="campaign-progress-bar"[^>]*value="(\d+)"/)?.[1],
        slug,
      ).toBe(value);
    }
    expect([...(await page('/campaigns')).html.matchAll(progress)].map((m) => m.slice(1))).toEqual(
      listed.map((m) => m.slice(1)),
    );
  });

  it('shows each resource as its own, by slug and by id, and no inactive one', async () => {
    await seedDemoData(db);
    const list = await page('/resources');
    const links = [
      ...new Set([...list.html.matchAll(/href="\/resources\/([a-z0-9-]+)"/g)].map((m) => m[1]!)),
    ];
    const [first, second] = links;
    expect(second).toBeDefined();
    const title = (html: string) => html.match(/<h1[^>]*>([^<]+)</)?.[1];
    const names = new Map<string, string | undefined>();
    // Twice each, in turn: the statements kept from the first read must take each key anew.
    for (const round of [1, 2]) {
      for (const slug of [first!, second!]) {
        const shown = await page(`/resources/${slug}`);
        expect(shown.status, `${slug}, round ${round}`).toBe(200);
        if (round === 1) names.set(slug, title(shown.html));
        else expect(title(shown.html), slug).toBe(names.get(slug));
      }
    }
    expect(names.get(first!)).toBeTruthy();
    expect(names.get(first!)).not.toBe(names.get(second!));
    const row = await db
      .select({ id: services.id, name: services.name })
      .from(services)
      .where(eq(services.slug, second!))
      .get();
    expect(title((await page(`/resources/${row!.id}`)).html)).toBe(row!.name);
    expect((await page('/resources/no-such-resource')).status).toBe(404);
    await db.update(services).set({ status: 'inactive' }).where(eq(services.id, row!.id));
    expect((await page(`/resources/${second}`)).status).toBe(404);
    expect((await page(`/resources/${first}`)).status).toBe(200);
  });
});
