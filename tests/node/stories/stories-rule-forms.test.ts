import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrCreateUser } from '../../../db/accounts/users';
import { stories, storyApprovals } from '../../../db/schema';
import {
  isStoryLive,
  publishableApproval,
  publishableApprovalCondition,
  storyLiveCondition,
} from '../../../db/stories/rules';
import {
  addStoryVersion,
  approveStoryVersion,
  createStory,
  loadStory,
  publishStoryApproval,
  withdrawStory,
  type StoryRecord,
} from '../../../db/stories/stories';
import { makeTestApp, type TestApp } from '../../support/app';

// Each rule of db/stories/rules.ts has a TypeScript and an SQL form: at every moment of a
// story's life they must give the same answer, or the moderation page would offer a publication
// the statement refuses, or a storyteller would read "published" of a story the public cannot see.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const DAY_MS = 24 * 3600_000;
const start = new Date('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY_MS);
const draft = {
  title: 'T',
  body: 'B',
  shownName: '',
  language: 'en' as const,
  contentNotes: [],
  contentNoteText: '',
};
const consent = (months: number) => ({
  ownPage: true,
  campaignIds: [],
  eventQuotes: false,
  months,
});

/** The moments worth asking about: before, at and after each approval's end. */
const MOMENTS = [0, 1, 150, 181, 182, 200, 365, 366, 400, 800].map(at);

const publishableInSql = async (record: StoryRecord, now: Date) => {
  const found = [];
  for (const approval of record.approvals) {
    const row = await t.db
      .select({ id: stories.id })
      .from(stories)
      .where(publishableApprovalCondition(record.story.id, approval.id, now))
      .get();
    if (row) found.push(approval.id);
  }
  return found;
};

const liveInSql = async (storyId: string, now: Date) =>
  !!(await t.db
    .select({ id: stories.id })
    .from(stories)
    .innerJoin(storyApprovals, eq(storyApprovals.id, stories.publishedApprovalId))
    .where(and(eq(stories.id, storyId), storyLiveCondition(now)))
    .get());

const liveInTypeScript = (record: StoryRecord, now: Date) =>
  isStoryLive(
    record.story,
    record.approvals.find((a) => a.id === record.story.publishedApprovalId) ?? null,
    now,
  );

/** Both forms of both rules, for one story at every moment. */
const expectFormsAgree = async (storyId: string) => {
  const record = (await loadStory(t.db, storyId))!;
  for (const now of MOMENTS) {
    const inTypeScript = publishableApproval(record, now);
    expect([now, await publishableInSql(record, now)]).toEqual([
      now,
      inTypeScript ? [inTypeScript.id] : [],
    ]);
    expect([now, await liveInSql(storyId, now)]).toEqual([now, liveInTypeScript(record, now)]);
  }
  return record;
};

describe('story rules: the TypeScript and SQL forms agree', () => {
  it('through a story’s life: approved, published, approved again, withdrawn', async () => {
    const author = await findOrCreateUser(t.db, 'author@example.org');
    const input = (versionNumber: number, months: number) => ({
      storyId,
      authorId: author.id,
      versionNumber,
      consent: consent(months),
      siteOrigin: 'http://localhost',
    });
    const storyId = await createStory(t.db, author.id, draft, start);
    await expectFormsAgree(storyId);

    expect(await approveStoryVersion(t.db, input(1, 6), start)).toBe(true);
    const approved = await expectFormsAgree(storyId);
    expect(publishableApproval(approved, at(1))).not.toBeNull();
    expect(publishableApproval(approved, at(200))).toBeNull();

    expect(await publishStoryApproval(t.db, storyId, approved.approvals[0]!.id, at(1))).toBe(true);
    const published = await expectFormsAgree(storyId);
    expect(liveInTypeScript(published, at(1))).toBe(true);
    expect(liveInTypeScript(published, at(200))).toBe(false);

    await addStoryVersion(t.db, storyId, { ...draft, body: 'B2' }, 'author', at(2));
    expect(await approveStoryVersion(t.db, input(2, 12), at(2))).toBe(true);
    // Two approvals now: only the later one is publishable, the earlier one stays live.
    expect((await expectFormsAgree(storyId)).approvals).toHaveLength(2);

    expect(await withdrawStory(t.db, storyId, author.id, false, at(3))).toBe(true);
    const withdrawn = await expectFormsAgree(storyId);
    expect(
      MOMENTS.some(
        (now) => publishableApproval(withdrawn, now) || liveInTypeScript(withdrawn, now),
      ),
    ).toBe(false);
  });

  it('a story whose author is gone is not live, whatever its approval says', async () => {
    const author = await findOrCreateUser(t.db, 'gone@example.org');
    const storyId = await createStory(t.db, author.id, draft, start);
    await approveStoryVersion(
      t.db,
      {
        storyId,
        authorId: author.id,
        versionNumber: 1,
        consent: consent(12),
        siteOrigin: 'http://localhost',
      },
      start,
    );
    await publishStoryApproval(
      t.db,
      storyId,
      (await loadStory(t.db, storyId))!.approvals[0]!.id,
      start,
    );
    expect(liveInTypeScript((await loadStory(t.db, storyId))!, at(1))).toBe(true);
    await t.db.update(stories).set({ authorId: null }).where(eq(stories.id, storyId));
    const record = await expectFormsAgree(storyId);
    expect(liveInTypeScript(record, at(1))).toBe(false);
  });
});
