import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoResources } from '../../../db/demo/resources';
import { createEvent } from '../../../db/events/events';
import { services } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { publishedCampaign } from '../../support/campaigns';
import { eventInput, publishedEvent, signedInAs } from '../../support/events';
import { makeTestApp, type TestApp } from '../../support/app';
import { approve, personWith, publish, writeStory } from '../../support/stories';

const HOSTILE = `"><script>alert(1)</script> & 'quotes'`;
const ESCAPED = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;quotes&#39;';

let t: TestApp;
beforeAll(async () => {
  // The site's configured address, different from the one requests arrive on.
  t = await makeTestApp({ SITE_URL: 'https://hearth.example/ignored/path' });
  await seedDemoResources(t.db, new Date());
});
afterAll(() => t.close());

/** The Open Graph tags of a page: property → content, as written in the HTML. */
const ogTags = async (browser: TestBrowser | null, path: string) => {
  const res = await (browser ?? new TestBrowser(t)).get(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const head = html.slice(0, html.indexOf('</head>'));
  return Object.fromEntries(
    [...head.matchAll(/<meta property="(og:[a-z_]+)" content="([^"]*)"\/?>/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
};

describe('share cards on public pages', () => {
  it('an event carries title, summary, site name, its address on the site origin, language and type', async () => {
    const id = await publishedEvent(t, {
      title: 'Evening workshop',
      description: 'We meet to learn.\n\nBring a friend.',
      contentLanguage: 'fr',
    });
    const tags = await ogTags(null, `/events/${id}`);
    expect(tags).toEqual({
      'og:type': 'website',
      'og:site_name': 'Hearth',
      'og:title': 'Evening workshop',
      'og:description': 'We meet to learn. Bring a friend.',
      'og:url': `https://hearth.example/events/evening-workshop-${id}`,
      'og:locale': 'fr_FR',
    });
  });

  it('a campaign carries its ask as the summary', async () => {
    const id = await publishedCampaign(t, { title: 'Safe beds now', ask: 'Fund more safe beds.' });
    expect(await ogTags(null, `/campaigns/${id}`)).toMatchObject({
      'og:title': 'Safe beds now',
      'og:description': 'Fund more safe beds.',
      'og:url': `https://hearth.example/campaigns/${id}`,
      'og:locale': 'en_GB',
    });
  });

  it('a resource carries its name and description at its readable address', async () => {
    const service = (await t.db.select().from(services).limit(1).get())!;
    const tags = await ogTags(null, `/resources/${service.id}`);
    expect(tags).toMatchObject({
      'og:title': service.name,
      'og:url': `https://hearth.example/resources/${service.slug}`,
    });
    expect(tags['og:description']!.length).toBeGreaterThan(0);
  });

  it('escapes hostile titles and summaries, and cuts a long summary at a word', async () => {
    const id = await publishedEvent(t, {
      title: HOSTILE,
      description: `${HOSTILE} ${'word '.repeat(100)}`,
    });
    const tags = await ogTags(null, `/events/${id}`);
    expect(tags['og:title']).toBe(ESCAPED);
    expect(tags['og:description']).toMatch(/^&quot;&gt;&lt;script&gt;.* word…$/);
    expect(tags['og:description']!.replace(/&[a-z#0-9]+;/g, '_').length).toBeLessThanOrEqual(200);
    const campaign = await publishedCampaign(t, { title: HOSTILE, ask: HOSTILE });
    expect(await ogTags(null, `/campaigns/${campaign}`)).toMatchObject({
      'og:title': ESCAPED,
      'og:description': ESCAPED,
    });
    const service = (await t.db.select().from(services).limit(1).get())!;
    await t.db
      .update(services)
      .set({ name: HOSTILE, description: HOSTILE })
      .where(eq(services.id, service.id));
    expect(await ogTags(null, `/resources/${service.id}`)).toMatchObject({
      'og:title': ESCAPED,
      'og:description': ESCAPED,
    });
  });
});

describe('no share card', () => {
  it('on the home page, an account page or a published story', async () => {
    expect(await ogTags(null, '/')).toEqual({});
    const author = await personWith(t, 'author@example.org', ['storyteller']);
    expect(await ogTags(author, '/account')).toEqual({});
    const moderator = await personWith(t, 'mod@example.org', ['moderator']);
    const story = await writeStory(author, { title: 'Finding my way' });
    await author.post(`/my-stories/${story}/submission`);
    await approve(author, story, 1);
    await publish(moderator, story);
    expect(await ogTags(null, `/stories/${story}`)).toEqual({});
    expect(await ogTags(author, `/my-stories/${story}`)).toEqual({});
  });

  it('on a draft or submitted event its organizer previews, until it is published', async () => {
    const { user, browser } = await signedInAs(t, 'draft-org@example.org', 'organizer');
    const id = await createEvent(t.db, user.id, eventInput({ title: 'Not yet public' }));
    expect(await ogTags(browser, `/events/${id}`)).toEqual({});
    await browser.post(`/organize/events/${id}/submission`);
    expect(await ogTags(browser, `/events/${id}`)).toEqual({});
  });
});
