import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrCreateUser } from '../../../db/accounts/users';
import { approveCampaign, createCampaign, submitCampaign } from '../../../db/campaigns/campaigns';
import { seedDemoResources } from '../../../db/demo/resources';
import { createEvent } from '../../../db/events/events';
import { campaigns } from '../../../db/schema';
import { makeTestApp, type TestApp } from '../../support/app';
import { campaignInput } from '../../support/campaigns';
import { eventInput, privateToken, publishedEvent, rsvp } from '../../support/events';
import { personWith, writeStory } from '../../support/stories';

/**
 * Every page that shows a notice named by `?done=` looks the key up among its own notices only:
 * a name every object inherits once answered 500 (`__proto__`, `constructor`) or showed
 * "[object Object]" (`toString`).
 */

/** Names an object has without declaring them. */
const INHERITED = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
];

/** The worker's TypeScript files. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });

/**
 * The GET routes whose handler reads `?done=`: it calls readNotice or doneKey, or a function of its
 * file that does (directly or through another), found by reading the sources as a person would grep.
 */
const routesReadingDone = (): string[] => {
  const found: string[] = [];
  for (const path of sourceFiles('worker')) {
    if (path.endsWith(join('http', 'notices.ts'))) continue;
    const source = readFileSync(path, 'utf8');
    // Top-level declarations by name; a chain of routes is cut into one piece per route.
    const declarations = new Map<string, string>();
    for (const chunk of source.split(/\n(?=(?:export )?(?:const|let|function|async function) )/)) {
      const name = chunk.match(/^(?:export )?(?:const|let|function|async function) (\w+)/)?.[1];
      if (name) declarations.set(name, chunk);
    }
    const reads = new Set<string>();
    const readsDone = (text: string) =>
      /\b(readNotice|doneKey)\(/.test(text) ||
      [...reads].some((name) => new RegExp(`\\b${name}\\(`).test(text));
    for (let grew = true; grew;) {
      grew = false;
      for (const [name, chunk] of declarations) {
        if (reads.has(name) || /new Hono\b/.test(chunk) || !readsDone(chunk)) continue;
        reads.add(name);
        grew = true;
      }
    }
    for (const route of source.split(/\n\s*(?=\.(?:get|post|put|patch|delete|use|all)\()/)) {
      const routePath = route.match(/^\.get\(\s*'([^']+)'/)?.[1];
      if (routePath && readsDone(route)) found.push(routePath);
    }
  }
  return found.sort();
};

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

describe('pages that show a ?done= notice', () => {
  it('answer 200 with no notice for a name every object inherits', async () => {
    await seedDemoResources(t.db, new Date());
    // One person who may open every page: their story, event and campaign, and the work areas.
    const staff = await personWith(t, 'staff@example.org', [
      'storyteller',
      'organizer',
      'moderator',
      'admin',
    ]);
    const staffId = (await findOrCreateUser(t.db, 'staff@example.org')).id;
    const story = await writeStory(staff);
    expect((await staff.post(`/my-stories/${story}/submission`)).status).toBe(303);
    const event = await createEvent(t.db, staffId, eventInput());
    const published = await publishedEvent(t, {}, 'host@example.org');
    await rsvp(t, published, { email: 'guest@example.org' });
    const token = await privateToken(t, 'guest@example.org');
    const campaign = await createCampaign(t.db, staffId, campaignInput());
    await submitCampaign(t.db, campaign, staffId);
    await approveCampaign(t.db, campaign);
    // A campaign whose organizer is gone, which a moderator closes and delivers.
    const ownerless = await createCampaign(t.db, staffId, campaignInput());
    await submitCampaign(t.db, ownerless, staffId);
    await approveCampaign(t.db, ownerless);
    await t.db.update(campaigns).set({ ownerId: null }).where(eq(campaigns.id, ownerless));

    /** Each route that reads ?done=, by its declared path: an address that opens it, and one of its own notices. */
    const pages: Record<string, [address: string, notice: string]> = {
      '/account': ['/account', 'applied'],
      '/circles': ['/circles', 'left'],
      '/moderation': ['/moderation', 'approved'],
      '/moderation/people': ['/moderation/people', 'granted'],
      '/moderation/resources': ['/moderation/resources', 'verified'],
      '/moderation/resources/new': ['/moderation/resources/new', 'saved'],
      '/moderation/resources/:id/edit': [
        '/moderation/resources/kettle-and-crumb-lunch/edit',
        'saved',
      ],
      '/rsvps/:token{[a-z2-7]{32}}': [`/rsvps/${token}`, 'cancelled'],
      '/organize/events': ['/organize/events', 'saved'],
      '/organize/events/:id{[a-z0-9]+}': [`/organize/events/${event}`, 'saved'],
      '/campaigns/:id': [`/campaigns/${campaign}`, 'confirmed'],
      '/moderation/campaigns/:id': [`/moderation/campaigns/${ownerless}`, 'closed'],
      '/organize/campaigns': ['/organize/campaigns', 'saved'],
      '/organize/campaigns/:id': [`/organize/campaigns/${campaign}`, 'saved'],
      '/my-stories': ['/my-stories', 'submitted'],
      '/my-stories/:id': [`/my-stories/${story}`, 'approved'],
      '/moderation/stories/:id': [`/moderation/stories/${story}`, 'published'],
    };
    // A new page that reads ?done= must be added above, so it is tested too.
    expect(Object.keys(pages).sort()).toEqual(routesReadingDone());

    const statusRegions = async (address: string) => {
      const res = await staff.get(address);
      const html = await res.text();
      return { status: res.status, html, regions: html.split('role="status"').length - 1 };
    };
    for (const [address, notice] of Object.values(pages)) {
      const plain = await statusRegions(address);
      expect(plain.status, address).toBe(200);
      // The page does show its own notices: one more status region than without.
      expect(
        (await statusRegions(`${address}?done=${notice}`)).regions,
        `${address}?done=${notice}`,
      ).toBe(plain.regions + 1);
      for (const name of INHERITED) {
        const hostile = await statusRegions(`${address}?done=${encodeURIComponent(name)}`);
        expect(hostile.status, `${address}?done=${name}`).toBe(200);
        expect(hostile.html, `${address}?done=${name}`).not.toMatch(/\[object|\[native code\]/);
        expect(hostile.regions, `${address}?done=${name}`).toBe(plain.regions);
      }
    }
  });
});
