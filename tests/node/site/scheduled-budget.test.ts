import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postCampaignUpdate } from '../../../db/campaigns/updates';
import { addMember, circleWithPeople, HOUR, needDraft, postNeed } from '../../support/circle-needs';
import { signUpForNeed } from '../../../db/circles/signups';
import { takeRsvp } from '../../../db/events/rsvps';
import { MAIL_DELIVERIES_PER_RUN } from '../../../db/mail/outbox';
import { CLOSED_CIRCLE_PURGES_PER_RUN } from '../../../db/circles/close';
import { CLOSED_CIRCLE_KEEP_DAYS } from '../../../db/circles/rules';
import { circles, mailOutbox } from '../../../db/schema';
import { runScheduledJobs, SCHEDULED_RUN_QUERY_BUDGET } from '../../../worker/jobs';
import { makeTestApp, type TestApp } from '../../support/app';
import { publishedCampaign } from '../../support/campaigns';
import { publishedEvent } from '../../support/events';

// Every job of a scheduled run shares one Workers invocation, and with it D1's 1,000 queries
// (each statement of a batch counted: worker/jobs.ts). With more work due than every job's
// bound, the run stays within SCHEDULED_RUN_QUERY_BUDGET and leaves the rest for the next.
let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const now = new Date('2030-01-07T10:00:00Z'); // a Monday, outside the circles' quiet hours
const at = Math.floor(now.getTime() / 1000);
const site = { name: 'Hearth', origin: 'https://hearth.test' };

/** A campaign update for 1,100 signers: more than a run's 10 batches of 100. */
const campaignMailing = async () => {
  const id = await publishedCampaign(t);
  await t.db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
    INSERT INTO campaign_signatures (campaign_id, email, email_key, first_name, display, locale, wants_updates, created_at, confirmed_at)
    SELECT ${id}, 'c' || i || '@example.org', 'c' || i || '@example.org', 'N', 'full', 'en', 1, 0, 1 FROM n`);
  await postCampaignUpdate(
    t.db,
    id,
    'News.',
    'https://hearth.test',
    new Date(now.getTime() - HOUR),
  );
};

/** 105 RSVPs asking for a reminder of an event in 2 hours. */
const eventReminders = async () => {
  const id = await publishedEvent(t, {
    startsAt: new Date(now.getTime() + 2 * HOUR),
    endsAt: new Date(now.getTime() + 4 * HOUR),
  });
  for (let i = 0; i < 105; i++)
    await takeRsvp(t.db, id, {
      name: `R${i}`,
      email: `r${i}@example.org`,
      places: 1,
      accessNeeds: '',
      wantsReminder: true,
      locale: 'en',
      siteOrigin: 'https://hearth.test',
    });
};

/** 55 published stories whose consent ends tomorrow, none reminded yet. */
const consentReminders = async () => {
  await t.db.run(
    sql`insert into users (id, email, locale, created_at) values ('budget-author', 'author@example.org', 'en', 0)`,
  );
  for (let i = 0; i < 55; i++) {
    const id = `budget${i}`;
    await t.db.batch([
      t.db.run(
        sql`insert into stories (id, author_id, created_at, published_approval_id, published_at) values (${id}, 'budget-author', 0, ${`${id}-a`}, 0)`,
      ),
      t.db.run(
        sql`insert into story_versions (id, story_id, number, title, body, shown_name, language, content_notes, content_note_text, made_by, created_at) values (${`${id}-v`}, ${id}, 1, 'Title', 'Body', '', 'en', '', '', 'author', 0)`,
      ),
      t.db.run(
        sql`insert into story_approvals (id, story_id, version_id, approved_at, consent_own_page, consent_campaign_ids, consent_event_quotes, expires_at, site_origin) values (${`${id}-a`}, ${id}, ${`${id}-v`}, 0, 1, '', 0, ${at + 86400}, 'https://hearth.test')`,
      ),
    ]);
  }
};

/**
 * A circle of 58 members with a weekly check-in by email (58 nudges due), 55 of them signed up
 * for needs tomorrow (55 reminders due), each with last week's check-in whose email to the
 * owner was held through the night (55 owner emails due).
 */
const circleWork = async () => {
  const people = await circleWithPeople(t.db, 'b');
  await t.db
    .update(circles)
    .set({ checkInPace: 'weekly', checkInByEmail: true })
    .where(eq(circles.id, people.circleId));
  const posted = new Date(now.getTime() - 72 * HOUR);
  const startsAt = new Date(now.getTime() + 23 * HOUR);
  const needs: string[] = [];
  for (let i = 0; i < 3; i++)
    needs.push(
      await postNeed(
        t.db,
        people.circleId,
        people.owner.userId,
        needDraft(0, { startsAt, endsAt: new Date(startsAt.getTime() + HOUR), helpersWanted: 20 }),
        posted,
      ),
    );
  for (let i = 0; i < 55; i++) {
    const helper = await addMember(t.db, people.circleId, `h${i}@example.org`);
    expect(await signUpForNeed(t.db, people.circleId, needs[i % 3]!, helper.memberId, posted)).toBe(
      'signedUp',
    );
    await t.db.run(sql`
      insert into circle_check_in_messages (id, circle_id, member_id, body, period_key, created_at, owner_mail_due_at)
      values (${`budgetmsg${i}`}, ${people.circleId}, ${helper.memberId}, 'Thinking of you.',
        'weekly:2029-12-31', ${at - 3 * 86400}, ${at - 3600})`);
  }
};

/** More closed circles past their keeping period than a run purges, each with a former member. */
const closedCircles = async () => {
  const closedAt = at - (CLOSED_CIRCLE_KEEP_DAYS + 1) * 86400;
  await t.db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CLOSED_CIRCLE_PURGES_PER_RUN + 10})
    INSERT INTO circles (id, owner_id, label, time_zone, created_at, closed_at)
    SELECT 'closed' || i, null, '', 'UTC', 0, ${closedAt} FROM n`);
  await t.db.run(sql`
    INSERT INTO circle_members (id, circle_id, user_id, display_name, joined_at)
    SELECT 'former-' || id, id, 'budget-author', '', 0 FROM circles WHERE closed_at IS NOT NULL`);
};

describe('one scheduled run with more work due than every bound', () => {
  it('stays within SCHEDULED_RUN_QUERY_BUDGET D1 queries, and leaves the rest', async () => {
    await campaignMailing();
    await eventReminders();
    await consentReminders();
    await circleWork();
    await closedCircles();
    const delivered: string[] = [];
    const logs: string[] = [];

    const before = t.statements!();
    await runScheduledJobs(t.db, {
      now,
      site,
      mailTransport: async (message) => void delivered.push(message.to),
      log: (line) => logs.push(line),
    });
    const used = t.statements!() - before;

    expect(logs.filter((line) => line.includes('"error"'))).toEqual([]);
    expect(used).toBeLessThanOrEqual(SCHEDULED_RUN_QUERY_BUDGET);
    // Every job did its share: 1,000 campaign messages, 100 event reminders, 50 consent
    // reminders, and 50 each of the helpers' reminders, nudges and owner emails; 200 went out.
    expect(delivered).toHaveLength(MAIL_DELIVERIES_PER_RUN);
    const queued = await t.db
      .select({ n: sql<number>`count(*)` })
      .from(mailOutbox)
      .get();
    expect(queued!.n + delivered.length).toBe(1000 + 100 + 50 + 50 + 50 + 50);
    const stillClosed = await t.db
      .select({ n: sql<number>`count(*)` })
      .from(circles)
      .where(sql`${circles.closedAt} IS NOT NULL`)
      .get();
    expect(stillClosed!.n).toBe(10);
  });
});
