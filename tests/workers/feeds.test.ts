import { env } from 'cloudflare:workers';
import { parseFeed } from '@rowanmanning/feed-parser';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { createEvent } from '../../db/events/events';
import { events } from '../../db/schema';
import { findOrCreateUser } from '../../db/accounts/users';
import { eventInput } from '../support/event-input';
import { origin, request } from './support/http';

// The events feed and embed inside workerd on real D1: the feed library bundles and runs on
// Workers, the filters reach D1, and the framing rule holds there too.
const db = openD1Database(env.DB);

const published = async (title: string, category: 'vigil' | 'meeting') => {
  const organizer = await findOrCreateUser(db, 'workers-feed-org@example.org');
  const id = await createEvent(db, organizer.id, eventInput({ title, category }, 5));
  await db.update(events).set({ status: 'published' }).where(eq(events.id, id));
  return id;
};

describe('feeds and embeds on Workers with D1', () => {
  it('serves the filtered events feed as Atom, read back by an independent parser', async () => {
    const vigil = await published('Vigil <on> D1 & more', 'vigil');
    const meeting = await published('Meeting on D1', 'meeting');
    const res = await request('/events.atom?category=vigil&lang=fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    const feed = parseFeed(xml);
    expect(feed.language).toBe('fr');
    // The database may hold other tests' events: this one is in, the meeting is filtered out.
    const ids = feed.items.map((item) => item.id);
    expect(ids).toContain(`${origin}/events/${vigil}`);
    expect(ids).not.toContain(`${origin}/events/${meeting}`);
    const entry = feed.items.find((item) => item.id === `${origin}/events/${vigil}`)!;
    // Written as escaped HTML (type="html"), so a reader shows the characters, never a tag.
    // This parser's build for workerd decodes the entities; its Node build leaves them.
    expect(xml).toContain('<![CDATA[Vigil &lt;on&gt; D1 &amp; more]]>');
    expect(entry.title?.replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&')).toBe(
      'Vigil <on> D1 & more',
    );
  });

  it('lets only the embed be framed, and sets no cookie there', async () => {
    const embed = await request('/embed/events?category=vigil');
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.getSetCookie()).toEqual([]);
    expect(await embed.text()).toContain('Vigil &lt;on&gt; D1 &amp; more');
    const page = await request('/events');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
