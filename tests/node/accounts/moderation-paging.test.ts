import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyToOrganize } from '../../../db/accounts/organizer-applications';
import { findOrCreateUser } from '../../../db/accounts/users';
import { approveCampaign, createCampaign, submitCampaign } from '../../../db/campaigns/campaigns';
import { QUEUE_PER_PAGE } from '../../../db/core/keyset';
import { createEvent, submitEvent } from '../../../db/events/events';
import { campaigns } from '../../../db/schema';
import { makeTestApp, type TestApp } from '../../support/app';
import type { TestBrowser } from '../../support/browser';
import { campaignInput } from '../../support/campaigns';
import { eventInput, organizer } from '../../support/events';
import { GARBAGE_CURSORS, relLinkIn, walkPages } from '../../support/paging';
import { personWith } from '../../support/stories';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** The day item `i` joined its queue: two a day, so pairs tie on the date (the id decides). */
const dayOf = (i: number) => new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 2), 9));

interface Queue {
  /** Its cursor names' prefix (`?eventsAfter=…`). */
  prefix: string;
  /** Its page links' aria-label. */
  label: string;
  /** What each item is called on the page: `${title} ${i}`. */
  title: string;
  /** Adds `count` items, item i waiting since dayOf(i). */
  seed: (count: number) => Promise<void>;
}

const QUEUES: Queue[] = [
  {
    prefix: 'applications',
    label: 'Pages of the requests to become an organizer',
    title: 'Group',
    seed: async (count) => {
      for (let i = 0; i < count; i++) {
        const person = await findOrCreateUser(t.db, `applicant${i}@example.org`);
        await applyToOrganize(
          t.db,
          person.id,
          { organizationName: `Group ${i}`, reason: 'Workshops.' },
          dayOf(i),
        );
      }
    },
  },
  {
    prefix: 'campaigns',
    label: 'Pages of the campaigns waiting for approval',
    title: 'Waiting campaign',
    seed: async (count) => {
      const owner = await organizer(t, 'campaigner@example.org');
      for (let i = 0; i < count; i++) {
        const id = await createCampaign(
          t.db,
          owner.id,
          campaignInput({ title: `Waiting campaign ${i}` }),
          dayOf(i),
        );
        await submitCampaign(t.db, id, owner.id);
      }
    },
  },
  {
    prefix: 'ownerless',
    label: 'Pages of the campaigns with no organizer',
    title: 'Orphan campaign',
    seed: async (count) => {
      const owner = await organizer(t, 'gone@example.org');
      for (let i = 0; i < count; i++) {
        const id = await createCampaign(
          t.db,
          owner.id,
          campaignInput({ title: `Orphan campaign ${i}` }),
        );
        await submitCampaign(t.db, id, owner.id);
        await approveCampaign(t.db, id, dayOf(i));
        await t.db.update(campaigns).set({ ownerId: null }).where(eq(campaigns.id, id));
      }
    },
  },
  {
    prefix: 'events',
    label: 'Pages of the events waiting for approval',
    title: 'Waiting event',
    seed: async (count) => {
      const user = await organizer(t, 'eventer@example.org');
      for (let i = 0; i < count; i++) {
        const id = await createEvent(t.db, user.id, eventInput({ title: `Waiting event ${i}` }));
        await submitEvent(t.db, id, user.id, dayOf(i));
      }
    },
  },
];

/** The numbers of a queue's items on a page, in the page's order. */
const shown = (html: string, queue: Queue) =>
  [...html.matchAll(new RegExp(`>${queue.title} (\\d+)<`, 'g'))].map((m) => Number(m[1]));

const moderator = () => personWith(t, 'mod@example.org', ['moderator']);
const page = async (browser: TestBrowser, path: string) => {
  const res = await browser.get(path);
  expect(res.status).toBe(200);
  return res.text();
};

describe('/moderation queues in pages', () => {
  it.each(QUEUES)(
    'walks $prefix a page at a time: each once, the longest waiting first, back the same way',
    async (queue) => {
      const count = 2 * QUEUE_PER_PAGE + 5;
      await queue.seed(count);
      const browser = await moderator();
      const pages = await walkPages(browser, '/moderation', 'next', 10, queue.label);
      const numbers = pages.map((html) => shown(html, queue));
      expect(numbers.map((list) => list.length)).toEqual([QUEUE_PER_PAGE, QUEUE_PER_PAGE, 5]);
      const seen = numbers.flat();
      // Complete and disjoint: every item exactly once across the pages.
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      // Oldest first (a tie on the date may come either way round).
      const days = seen.map((i) => Math.floor(i / 2));
      expect(days).toEqual([...days].sort((a, b) => a - b));
      expect(relLinkIn(pages[0]!, queue.label, 'prev')).toBeNull();
      // The link brings the reader back to the queue they paged.
      expect(relLinkIn(pages[0]!, queue.label, 'next')).toMatch(
        new RegExp(`^/moderation\\?${queue.prefix}After=[^&#]+#${queue.prefix}$`),
      );
      expect(pages[0]).toContain(`id="${queue.prefix}"`);

      const last = relLinkIn(pages[1]!, queue.label, 'next')!;
      const back = await walkPages(browser, last, 'prev', 10, queue.label);
      expect(back.map((html) => shown(html, queue))).toEqual([...numbers].reverse());
    },
  );

  it('pages one queue and keeps every other where it stands', async () => {
    for (const queue of QUEUES) await queue.seed(QUEUE_PER_PAGE + 3);
    const browser = await moderator();
    const first = await page(browser, '/moderation');
    const firstOf = QUEUES.map((queue) => shown(first, queue));

    // Next page of each queue in turn: that one moves, those already moved stay moved.
    let html = first;
    for (const [n, queue] of QUEUES.entries()) {
      html = await page(browser, relLinkIn(html, queue.label, 'next')!);
      for (const [m, other] of QUEUES.entries()) {
        const numbers = shown(html, other);
        if (m <= n) expect(numbers).toHaveLength(3);
        else expect(numbers).toEqual(firstOf[m]);
      }
    }
    // Back on the first queue: only it returns to its first page.
    html = await page(browser, relLinkIn(html, QUEUES[0]!.label, 'prev')!);
    expect(shown(html, QUEUES[0]!)).toEqual(firstOf[0]);
    for (const other of QUEUES.slice(1)) expect(shown(html, other)).toHaveLength(3);
  });

  it('answers a cursor it does not recognise with that queue’s first page, never an error', async () => {
    for (const queue of QUEUES) await queue.seed(QUEUE_PER_PAGE + 1);
    const browser = await moderator();
    const first = await page(browser, '/moderation');
    for (const queue of QUEUES) {
      for (const cursor of GARBAGE_CURSORS) {
        for (const end of ['After', 'Before']) {
          const html = await page(
            browser,
            `/moderation?${queue.prefix}${end}=${encodeURIComponent(cursor)}`,
          );
          for (const each of QUEUES) expect(shown(html, each)).toEqual(shown(first, each));
        }
      }
    }
  });

  it('draws no page links when every queue fits on one page', async () => {
    for (const queue of QUEUES) await queue.seed(2);
    const html = await page(await moderator(), '/moderation');
    for (const queue of QUEUES) expect(shown(html, queue)).toHaveLength(2);
    expect(html).not.toContain('class="pagination"');
  });
});
