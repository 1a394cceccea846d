import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLinkableResource } from '../../../db/circles/needs';
import { signUpForNeed } from '../../../db/circles/signups';
import { DEMO_ORGANIZATIONS, seedDemoResources } from '../../../db/demo/resources';
import { circles } from '../../../db/schema';
import { makeTestApp, type TestApp } from '../../support/app';
import { signIn } from '../../support/browser';
import { circleWithPeople, needDraft, postNeed } from '../../support/circle-needs';
import { confidentialSecrets } from '../../support/resources';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

describe('a need linked to a confidential directory place', () => {
  it('never shows its address, even to a helper inside the reveal window', async () => {
    await seedDemoResources(t.db, new Date());
    const secrets = await confidentialSecrets(t.db);
    expect(secrets.length).toBeGreaterThan(0);
    const service = DEMO_ORGANIZATIONS.flatMap((org) => org.services).find((s) => s.confidential)!;
    const resource = (await findLinkableResource(t.db, service.slug))!;
    const people = await circleWithPeople(t.db, 'c');
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(3, { resourceId: resource.id }),
    );
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    for (const email of [people.owner.email, people.coordinator.email, people.helper.email]) {
      const browser = await signIn(t, email);
      const res = await browser.get(`/circles/${people.circleId}/needs/${needId}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(resource.name);
      for (const secret of secrets) expect(html, `${email}: ${secret}`).not.toContain(secret);
    }
  });
});

describe('circle data stays out of everything public', () => {
  it('feeds, the directory API, search and public pages show no marker and no count of it', async () => {
    const marker = 'zqxmarker';
    const publicPaths = [
      '/',
      '/events',
      '/events.atom',
      '/events.ics',
      '/campaigns',
      '/campaigns.atom',
      '/stories',
      '/resources',
      `/resources?q=${marker}`,
      '/api/hsds',
      '/api/hsds/services',
      `/api/hsds/services?search=${marker}`,
      '/api/hsds/organizations',
      '/support',
    ];
    // The stamp of the moment, the nonce and the feeds' own dates aside, a public page is the
    // same with and without a circle: no marker, and no count moved.
    const normalize = (text: string) =>
      text
        .replace(/nonce="[^"]*"/g, '')
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'T')
        .replace(/DTSTAMP:\S+/g, '');
    const read = async () => {
      const pages: Record<string, string> = {};
      for (const path of publicPaths) {
        const res = await t.app.request(path);
        expect(res.status, path).toBeLessThan(500);
        pages[path] = normalize(await res.text());
      }
      return pages;
    };
    const before = await read();

    const people = await circleWithPeople(t.db, marker);
    await t.db
      .update(circles)
      .set({ label: `${marker} label` })
      .where(eq(circles.id, people.circleId))
      .run();
    const needId = await postNeed(
      t.db,
      people.circleId,
      people.owner.userId,
      needDraft(3, { title: `${marker} need`, place: `${marker} place`, note: `${marker} note` }),
    );
    await signUpForNeed(t.db, people.circleId, needId, people.helper.memberId);
    const owner = await signIn(t, people.owner.email);
    // The owner is signed in, yet the public pages stay the same for a visitor.
    expect(await (await owner.get(`/circles/${people.circleId}`)).text()).toContain(marker);

    const after = await read();
    for (const path of publicPaths) {
      // A search page repeats what was searched for; its results are in the comparison below.
      if (!path.includes(marker)) expect(after[path], path).not.toContain(marker);
      expect(after[path], path).toBe(before[path]);
    }
  });
});
