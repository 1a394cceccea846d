import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../db/mail/outbox';
import { stories, storyApprovals, storyEvents, storyVersions } from '../../../db/schema';
import {
  listPublishedStories,
  listStoriesForCampaign,
  listStoriesForEventQuotes,
  loadStory,
} from '../../../db/stories/stories';
import { deleteAccount, findUserByEmail } from '../../../db/accounts/users';
import { CONSENT_REMINDERS_PER_RUN } from '../../../db/stories/stories';
import { runStoryConsentJobs } from '../../../worker/stories/jobs';
import { runScheduledJobs } from '../../../worker/jobs';
import { TestBrowser } from '../../support/browser';
import type { TestApp } from '../../support/app';
import {
  approve,
  makeStoriesApp,
  personWith,
  publish,
  publishableApproval,
  storyFields,
  writeStory,
} from '../../support/stories';

let t: TestApp;
beforeEach(async () => {
  t = await makeStoriesApp();
});
afterEach(() => t.close());

const DAY = 24 * 60 * 60 * 1000;

/** A story written, submitted, approved (v1) and published; returns the actors. */
const publishedStory = async (
  consent: Record<string, string> = { ownPage: 'yes', months: '12' },
) => {
  const author = await personWith(t, 'mira@example.org', ['storyteller']);
  const moderator = await personWith(t, 'mod@example.org', ['moderator']);
  const id = await writeStory(author);
  expect((await approve(author, id, 1, consent)).status).toBe(303);
  expect((await publish(moderator, id)).status).toBe(303);
  return { author, moderator, id };
};

describe('approval of an exact version', () => {
  it('publishes only the approved version: approving 2 does not publish 3, and 2 stays until 3 is approved', async () => {
    const { author, moderator, id } = await publishedStory();
    await author.post(`/my-stories/${id}/versions`, storyFields({ body: 'Version two text.' }));
    expect((await approve(author, id, 2)).status).toBe(303);
    await moderator.post(
      `/moderation/stories/${id}/versions`,
      storyFields({ body: 'Version three, by a moderator.' }),
    );
    expect((await publish(moderator, id)).status).toBe(303);
    const page = await (await new TestBrowser(t).get(`/stories/${id}`)).text();
    expect(page).toContain('Version two text.');
    expect(page).not.toContain('Version three');
    // Version 3 is not approved: there is nothing more to publish.
    expect(await publishableApproval(moderator, id)).toBeNull();
  });

  it('refuses to publish an approval that is not the author\u2019s latest, or one of another story', async () => {
    const { author, moderator, id } = await publishedStory();
    const first = (await loadStory(t.db, id))!.approvals[0]!.id;
    await author.post(`/my-stories/${id}/versions`, storyFields({ body: 'Second.' }));
    await approve(author, id, 2);
    // Even with nothing published, a moderator cannot publish the superseded approval.
    await t.db.update(stories).set({ publishedApprovalId: null }).where(eq(stories.id, id));
    const res = await moderator.post(`/moderation/stories/${id}/publication`, { approval: first });
    expect(res.headers.get('location')).toContain('done=cannot');
    expect((await loadStory(t.db, id))!.story.publishedApprovalId).toBeNull();
  });

  it('keeps the rules for a moderator who is the author: their edit needs their own approval before it can be published', async () => {
    const author = await personWith(t, 'both@example.org', ['storyteller', 'moderator']);
    const id = await writeStory(author);
    await author.post(`/my-stories/${id}/submission`);
    await author.post(
      `/moderation/stories/${id}/versions`,
      storyFields({ body: 'Edited as moderator.' }),
    );
    expect(await publishableApproval(author, id)).toBeNull();
    const forced = await author.post(`/moderation/stories/${id}/publication`, {
      approval: 'anything',
    });
    expect(forced.headers.get('location')).toContain('done=cannot');
    await approve(author, id, 2);
    expect((await publish(author, id)).status).toBe(303);
    expect(await (await new TestBrowser(t).get(`/stories/${id}`)).text()).toContain(
      'Edited as moderator.',
    );
  });

  it('asks for at least one place and a duration from the list, and shows the form again with errors', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const id = await writeStory(author);
    const none = await approve(author, id, 1, { months: '12' });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Tick at least one place');
    const tooLong = await approve(author, id, 1, { ownPage: 'yes', months: '48' });
    expect(tooLong.status).toBe(400);
    const badCampaign = await approve(author, id, 1, { campaignIds: 'camp-zzz', months: '12' });
    expect(badCampaign.status).toBe(400);
    expect(await t.db.select().from(storyApprovals).all()).toHaveLength(0);
  });

  it('records the consent end date: one year by default, three at most', async () => {
    const author = await personWith(t, 'mira@example.org', ['storyteller']);
    const id = await writeStory(author);
    await approve(author, id, 1, { ownPage: 'yes', months: '36' });
    const [approval] = (await loadStory(t.db, id))!.approvals;
    const days = (approval!.expiresAt.getTime() - approval!.approvedAt.getTime()) / DAY;
    expect(days).toBeGreaterThan(3 * 365 - 1);
    expect(days).toBeLessThan(3 * 366 + 1);
    const form = await (await author.get(`/my-stories/${id}`)).text();
    expect(form).toMatch(/<option value="12" selected/);
  });
});

describe('consent scope', () => {
  it('shows a story on campaign A it was consented for, not on campaign B nor on its own page', async () => {
    const { id } = await publishedStory({ campaignIds: 'camp-a', months: '12' });
    expect((await listStoriesForCampaign(t.db, 'camp-a')).map((s) => s.id)).toEqual([id]);
    expect(await listStoriesForCampaign(t.db, 'camp-b')).toEqual([]);
    expect(await listStoriesForCampaign(t.db, 'camp')).toEqual([]);
    expect(await listPublishedStories(t.db)).toEqual([]);
    expect((await new TestBrowser(t).get(`/stories/${id}`)).status).toBe(404);
    expect(await listStoriesForEventQuotes(t.db)).toEqual([]);
  });

  it('applies a renewal of the published version at once, with its new scope', async () => {
    const { author, id } = await publishedStory({
      ownPage: 'yes',
      campaignIds: 'camp-a',
      months: '12',
    });
    await approve(author, id, 1, { campaignIds: 'camp-b', months: '24' });
    expect(await listStoriesForCampaign(t.db, 'camp-a')).toEqual([]);
    expect((await listStoriesForCampaign(t.db, 'camp-b')).map((s) => s.id)).toEqual([id]);
    expect((await new TestBrowser(t).get(`/stories/${id}`)).status).toBe(404);
  });
});

describe('consent expiry', () => {
  it('emails the author once, 14 days before, in their language, then unpublishes when consent ends', async () => {
    const { id } = await publishedStory({ ownPage: 'yes', months: '6' });
    const approval = (await loadStory(t.db, id))!.approvals[0]!;
    const end = approval.expiresAt.getTime();
    await t.db
      .update((await import('../../../db/schema')).users)
      .set({ locale: 'fr' })
      .where(eq((await import('../../../db/schema')).users.email, 'mira@example.org'));

    await runScheduledJobs(t.db, { now: new Date(end - 15 * DAY), log: () => {} });
    expect((await listOutbox(t.db)).filter((m) => m.subject.includes('rappel'))).toHaveLength(0);

    await runScheduledJobs(t.db, { now: new Date(end - 13 * DAY), log: () => {} });
    await runScheduledJobs(t.db, { now: new Date(end - 12 * DAY), log: () => {} });
    const reminders = (await listOutbox(t.db)).filter(
      (m) =>
        m.toAddress === 'mira@example.org' && m.subject === 'Un rappel au sujet de votre compte',
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.bodyText).toContain(`/my-stories/${id}`);
    expect(reminders[0]!.subject).not.toMatch(/traite|trafic|histoire|témoignage/i);

    // Past the end, the public page is gone even before the job runs.
    expect(await listPublishedStories(t.db, new Date(end + 1000))).toEqual([]);
    await Promise.all([
      runScheduledJobs(t.db, { now: new Date(end + 1000), log: () => {} }),
      runScheduledJobs(t.db, { now: new Date(end + 1000), log: () => {} }),
    ]);
    expect((await loadStory(t.db, id))!.story.publishedApprovalId).toBeNull();
    const expired = (await loadStory(t.db, id))!.events.filter((e) => e.action === 'expired');
    expect(expired).toHaveLength(1);
  });
});

describe('withdrawal', () => {
  it('removes the story from its page, the list, campaign and event surfaces at once; 410 with a neutral message', async () => {
    const { author, id } = await publishedStory({
      ownPage: 'yes',
      campaignIds: 'camp-a',
      eventQuotes: 'yes',
      months: '12',
    });
    expect(await listStoriesForEventQuotes(t.db)).toHaveLength(1);
    await author.post(`/my-stories/${id}/withdrawal`);
    const gone = await new TestBrowser(t).get(`/stories/${id}`);
    expect(gone.status).toBe(410);
    const text = await gone.text();
    expect(text).toContain('This page is no longer available.');
    expect(text).not.toContain('Finding my way');
    expect(await listPublishedStories(t.db)).toEqual([]);
    expect(await listStoriesForCampaign(t.db, 'camp-a')).toEqual([]);
    expect(await listStoriesForEventQuotes(t.db)).toEqual([]);
    // Withdrawn stories leave the moderators' queue and pages too.
    const moderator = await personWith(t, 'mod2@example.org', ['moderator']);
    expect((await moderator.get(`/moderation/stories/${id}`)).status).toBe(404);
    expect(await (await moderator.get('/moderation/stories')).text()).not.toContain(
      'Finding my way',
    );
  });

  it('deletes every version when asked, keeping the history without text', async () => {
    const { author, id } = await publishedStory();
    await author.post(`/my-stories/${id}/withdrawal`, { deleteVersions: 'yes' });
    expect(await t.db.select().from(storyVersions).all()).toHaveLength(0);
    expect(await t.db.select().from(storyApprovals).all()).toHaveLength(0);
    const page = await (await author.get(`/my-stories/${id}`)).text();
    expect(page).toContain('deleted every version');
    expect(page).not.toContain('The first winter');
  });

  it('still works for an author who turned story sharing off', async () => {
    const { author, id } = await publishedStory();
    await author.post('/account/storyteller', { enabled: 'no' });
    expect((await author.get(`/my-stories/${id}`)).status).toBe(200);
    await author.post(`/my-stories/${id}/withdrawal`);
    expect((await new TestBrowser(t).get(`/stories/${id}`)).status).toBe(410);
  });

  it('on account deletion, withdraws and deletes every story', async () => {
    const { id } = await publishedStory();
    const author = await findUserByEmail(t.db, 'mira@example.org');
    await deleteAccount(t.db, author!.id);
    expect((await new TestBrowser(t).get(`/stories/${id}`)).status).toBe(410);
    expect(await t.db.select().from(storyVersions).all()).toHaveLength(0);
    expect(await t.db.select().from(storyEvents).all()).toHaveLength(0);
    const [row] = await t.db.select().from(stories).all();
    expect(row!.authorId).toBeNull();
  });
});

describe('consent reminders of many stories', () => {
  // One cron invocation may make only so many D1 queries: a run claims at most
  // CONSENT_REMINDERS_PER_RUN reminders, the soonest ending first, and leaves the rest.
  it('reminds at most CONSENT_REMINDERS_PER_RUN authors a run, overlapping runs included, each once', async () => {
    const total = CONSENT_REMINDERS_PER_RUN + 5;
    const now = new Date();
    const at = Math.floor(now.getTime() / 1000);
    await t.db.run(
      sql`insert into users (id, email, locale, created_at) values ('many-author', 'many@example.org', 'fr', 0)`,
    );
    // Straight into the tables: each consent ends within the week, later for later stories.
    for (let i = 0; i < total; i++) {
      const id = `many${String(i).padStart(2, '0')}`;
      await t.db.batch([
        t.db.run(
          sql`insert into stories (id, author_id, created_at, published_approval_id, published_at) values (${id}, 'many-author', 0, ${`${id}-a`}, 0)`,
        ),
        t.db.run(
          sql`insert into story_versions (id, story_id, number, title, body, shown_name, language, content_notes, content_note_text, made_by, created_at) values (${`${id}-v`}, ${id}, 1, 'Title', 'Body', '', 'en', '', '', 'author', 0)`,
        ),
        t.db.run(
          sql`insert into story_approvals (id, story_id, version_id, approved_at, consent_own_page, consent_campaign_ids, consent_event_quotes, expires_at, site_origin) values (${`${id}-a`}, ${id}, ${`${id}-v`}, 0, 1, '', 0, ${at + 86400 + i * 60}, 'http://localhost')`,
        ),
      ]);
    }
    const mails = async () =>
      (await listOutbox(t.db, 1000)).filter((m) => m.toAddress === 'many@example.org');

    const before = t.statements!();
    await runStoryConsentJobs(t.db, now);
    // The unpublishing (2), the claim, the authors, the audit lines and the emails.
    expect(t.statements!() - before).toBeLessThanOrEqual(15);
    const first = await mails();
    expect(first).toHaveLength(CONSENT_REMINDERS_PER_RUN);
    // The soonest ending first, and in the author's language.
    expect(first.some((m) => m.bodyText.includes('/my-stories/many00'))).toBe(true);
    expect(first.some((m) => m.bodyText.includes(`/my-stories/many${total - 1}`))).toBe(false);
    expect(first[0]!.subject).toBe('Un rappel au sujet de votre compte');

    await Promise.all([runStoryConsentJobs(t.db, now), runStoryConsentJobs(t.db, now)]);
    await runStoryConsentJobs(t.db, now);
    const all = (await mails()).map((m) => m.bodyText.match(/\/my-stories\/(many\d+)/)![1]);
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    const logged = await t.db
      .select()
      .from(storyEvents)
      .where(eq(storyEvents.action, 'reminded'))
      .all();
    expect(logged).toHaveLength(total);
  });
});
