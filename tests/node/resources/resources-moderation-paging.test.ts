import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_PER_PAGE } from '../../../db/core/keyset';
import { organizations, resourceReports, services } from '../../../db/schema';
import { makeTestApp, type TestApp } from '../../support/app';
import type { TestBrowser } from '../../support/browser';
import { GARBAGE_CURSORS, relLinkIn, walkPages } from '../../support/paging';
import { personWith } from '../../support/stories';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** The day item `i` joined its queue: two a day, so pairs tie on the date (the id decides). */
const dayOf = (i: number) => new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2), 9));

/** `count` services, "Place i", checked on dayOf(i) except every fifth, never checked. */
const seedServices = async (count: number) => {
  await t.db.insert(organizations).values({ id: 'org-1', name: 'Helpers' });
  await t.db.insert(services).values(
    Array.from({ length: count }, (_, i) => ({
      id: `service-${i}`,
      organizationId: 'org-1',
      name: `Place ${i}`,
      slug: `place-${i}`,
      verifiedAt: i % 5 === 0 ? null : dayOf(i),
    })),
  );
};

/** `count` open reports, "Problem i", sent on dayOf(i), about a service of their own. */
const seedReports = async (count: number) => {
  await t.db.insert(organizations).values({ id: 'org-2', name: 'Reported' });
  // Checked later than any place below: last in the queue to check again.
  await t.db.insert(services).values({
    id: 'reported',
    organizationId: 'org-2',
    name: 'Reported service',
    slug: 'r',
    verifiedAt: new Date(Date.UTC(2030, 0, 1)),
  });
  await t.db.insert(resourceReports).values(
    Array.from({ length: count }, (_, i) => ({
      id: `report-${i}`,
      serviceId: 'reported',
      problem: `Problem ${i}`,
      createdAt: dayOf(i),
    })),
  );
};

const REPORTS = { label: 'Pages of the reports from visitors', prefix: 'reports' };
const CHECKS = { label: 'Pages of the resources to check again', prefix: 'checks' };
const reportsShown = (html: string) =>
  [...html.matchAll(/>Problem (\d+)</g)].map((m) => Number(m[1]));
const placesShown = (html: string) => [...html.matchAll(/>Place (\d+)</g)].map((m) => Number(m[1]));

const moderator = () => personWith(t, 'mod@example.org', ['moderator']);
const page = async (browser: TestBrowser, path: string) => {
  const res = await browser.get(path);
  expect(res.status).toBe(200);
  return res.text();
};

describe('/moderation/resources queues in pages', () => {
  it('walks the reports a page at a time: each once, oldest first, back the same way', async () => {
    const count = 3 * QUEUE_PER_PAGE;
    await seedReports(count);
    const browser = await moderator();
    const pages = await walkPages(browser, '/moderation/resources', 'next', 10, REPORTS.label);
    const numbers = pages.map(reportsShown);
    expect(numbers.map((list) => list.length)).toEqual([
      QUEUE_PER_PAGE,
      QUEUE_PER_PAGE,
      QUEUE_PER_PAGE,
    ]);
    const seen = numbers.flat();
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
    const days = seen.map((i) => Math.floor(i / 2));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(relLinkIn(pages[0]!, REPORTS.label, 'next')).toMatch(
      /^\/moderation\/resources\?reportsAfter=[^&#]+#reports$/,
    );
    const back = await walkPages(
      browser,
      relLinkIn(pages[1]!, REPORTS.label, 'next')!,
      'prev',
      10,
      REPORTS.label,
    );
    expect(back.map(reportsShown)).toEqual([...numbers].reverse());
  });

  it('walks the resources to check again: never checked first, then the oldest check, each once', async () => {
    const count = 2 * QUEUE_PER_PAGE + 7;
    await seedServices(count);
    const pages = await walkPages(
      await moderator(),
      '/moderation/resources',
      'next',
      10,
      CHECKS.label,
    );
    const numbers = pages.map(placesShown);
    expect(numbers.map((list) => list.length)).toEqual([QUEUE_PER_PAGE, QUEUE_PER_PAGE, 7]);
    const seen = numbers.flat();
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
    const never = seen.filter((i) => i % 5 === 0);
    expect(seen.slice(0, never.length)).toEqual(never);
    const days = seen.slice(never.length).map((i) => Math.floor(i / 2));
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it('pages one queue and keeps the other where it stands, and a bad cursor is a first page', async () => {
    await seedReports(QUEUE_PER_PAGE + 4);
    await seedServices(QUEUE_PER_PAGE + 2);
    const browser = await moderator();
    const first = await page(browser, '/moderation/resources');
    const reports2 = await page(browser, relLinkIn(first, REPORTS.label, 'next')!);
    expect(reportsShown(reports2)).toHaveLength(4);
    const both2 = await page(browser, relLinkIn(reports2, CHECKS.label, 'next')!);
    expect(reportsShown(both2)).toEqual(reportsShown(reports2));
    expect(placesShown(both2)).toHaveLength(2);
    const checks2 = await page(browser, relLinkIn(both2, REPORTS.label, 'prev')!);
    expect(reportsShown(checks2)).toEqual(reportsShown(first));
    expect(placesShown(checks2)).toEqual(placesShown(both2));

    for (const queue of [REPORTS, CHECKS])
      for (const cursor of GARBAGE_CURSORS)
        for (const end of ['After', 'Before']) {
          const html = await page(
            browser,
            `/moderation/resources?${queue.prefix}${end}=${encodeURIComponent(cursor)}`,
          );
          expect(reportsShown(html)).toEqual(reportsShown(first));
          expect(placesShown(html)).toEqual(placesShown(first));
        }
  });
});
