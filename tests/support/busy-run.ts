import { eq, sql } from 'drizzle-orm';
import { findOrCreateUser } from '../../db/accounts/users';
import { postCampaignUpdate } from '../../db/campaigns/updates';
import { CLOSED_CIRCLE_PURGES_PER_RUN } from '../../db/circles/close';
import { CLOSED_CIRCLE_KEEP_DAYS } from '../../db/circles/rules';
import { signUpForNeed } from '../../db/circles/signups';
import type { Database } from '../../db/core/database';
import { createEvent } from '../../db/events/events';
import { takeRsvp } from '../../db/events/rsvps';
import { circles, events } from '../../db/schema';
import { addMember, circleWithPeople, HOUR, needDraft, postNeed } from './circle-needs';
import { eventInput } from './event-input';

/** A Monday, outside the circles' quiet hours: the moment of the busy run. */
export const BUSY_RUN_AT = new Date('2030-01-07T10:00:00Z');
const at = Math.floor(BUSY_RUN_AT.getTime() / 1000);
const origin = 'https://hearth.test';

/**
 * The messages a run with more work due than every bound queues or sends: 1,000 campaign
 * messages (10 batches of 100), 100 event reminders, 50 consent reminders, and 50 each of the
 * helpers' reminders, nudges and owner emails.
 */
export const BUSY_RUN_MESSAGES = 1000 + 100 + 50 + 50 + 50 + 50;

/**
 * More work due at BUSY_RUN_AT than every scheduled job takes in one run (worker/jobs.ts), on
 * any database (libsql or D1): a campaign update for 1,100 signers, 105 RSVPs asking for a
 * reminder, 55 stories whose consent ends tomorrow, a circle of 58 checking in weekly by email
 * with 55 helpers signed up for needs tomorrow and 55 owner emails held through the night, and
 * CLOSED_CIRCLE_PURGES_PER_RUN + 10 circles closed past their keeping period. `closedLeft`: the
 * closed circles a run leaves for the next.
 */
export const moreWorkThanEveryBound = async (db: Database) => {
  const now = BUSY_RUN_AT;
  await db.run(
    sql`insert into campaigns (id, kind, status, title, ask, body, target_name, target_role, goal, created_at, published_at)
      values ('budget', 'petition', 'published', 'Open the shelter', 'Open it.', 'Why.', 'Robin', 'Mayor', 3, 0, 0)`,
  );
  await db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
    INSERT INTO campaign_signatures (campaign_id, email, email_key, first_name, display, locale, wants_updates, created_at, confirmed_at)
    SELECT 'budget', 'c' || i || '@example.org', 'c' || i || '@example.org', 'N', 'full', 'en', 1, 0, 1 FROM n`);
  await postCampaignUpdate(db, 'budget', 'News.', origin, new Date(now.getTime() - HOUR));

  const organizer = await findOrCreateUser(db, 'budget-org@example.org');
  const eventId = await createEvent(
    db,
    organizer.id,
    eventInput({
      startsAt: new Date(now.getTime() + 2 * HOUR),
      endsAt: new Date(now.getTime() + 4 * HOUR),
    }),
  );
  await db.update(events).set({ status: 'published' }).where(eq(events.id, eventId));
  for (let i = 0; i < 105; i++)
    await takeRsvp(db, eventId, {
      name: `R${i}`,
      email: `r${i}@example.org`,
      places: 1,
      accessNeeds: '',
      wantsReminder: true,
      locale: 'en',
      siteOrigin: origin,
    });

  await db.run(
    sql`insert into users (id, email, locale, created_at) values ('budget-author', 'author@example.org', 'en', 0)`,
  );
  for (let i = 0; i < 55; i++) {
    const id = `budget${i}`;
    // One statement at a time: drizzle's D1 batch cannot bind raw SQL.
    await db.run(
      sql`insert into stories (id, author_id, created_at, published_approval_id, published_at) values (${id}, 'budget-author', 0, ${`${id}-a`}, 0)`,
    );
    await db.run(
      sql`insert into story_versions (id, story_id, number, title, body, shown_name, language, content_notes, content_note_text, made_by, created_at) values (${`${id}-v`}, ${id}, 1, 'Title', 'Body', '', 'en', '', '', 'author', 0)`,
    );
    await db.run(
      sql`insert into story_approvals (id, story_id, version_id, approved_at, consent_own_page, consent_campaign_ids, consent_event_quotes, expires_at, site_origin) values (${`${id}-a`}, ${id}, ${`${id}-v`}, 0, 1, '', 0, ${at + 86400}, ${origin})`,
    );
  }

  const people = await circleWithPeople(db, 'budget');
  await db
    .update(circles)
    .set({ checkInPace: 'weekly', checkInByEmail: true })
    .where(eq(circles.id, people.circleId));
  const posted = new Date(now.getTime() - 72 * HOUR);
  const startsAt = new Date(now.getTime() + 23 * HOUR);
  const needs: string[] = [];
  for (let i = 0; i < 3; i++)
    needs.push(
      await postNeed(
        db,
        people.circleId,
        people.owner.userId,
        needDraft(0, { startsAt, endsAt: new Date(startsAt.getTime() + HOUR), helpersWanted: 20 }),
        posted,
      ),
    );
  for (let i = 0; i < 55; i++) {
    const helper = await addMember(db, people.circleId, `h${i}@example.org`);
    const signedUp = await signUpForNeed(
      db,
      people.circleId,
      needs[i % 3]!,
      helper.memberId,
      posted,
    );
    if (signedUp !== 'signedUp') throw new Error(`helper ${i} could not sign up: ${signedUp}`);
    await db.run(sql`
      insert into circle_check_in_messages (id, circle_id, member_id, body, period_key, created_at, owner_mail_due_at)
      values (${`budgetmsg${i}`}, ${people.circleId}, ${helper.memberId}, 'Thinking of you.',
        'weekly:2029-12-31', ${at - 3 * 86400}, ${at - 3600})`);
  }

  const closedAt = at - (CLOSED_CIRCLE_KEEP_DAYS + 1) * 86400;
  await db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CLOSED_CIRCLE_PURGES_PER_RUN + 10})
    INSERT INTO circles (id, owner_id, label, time_zone, created_at, closed_at)
    SELECT 'closed' || i, null, '', 'UTC', 0, ${closedAt} FROM n`);
  await db.run(sql`
    INSERT INTO circle_members (id, circle_id, user_id, display_name, joined_at)
    SELECT 'former-' || id, id, 'budget-author', '', 0 FROM circles WHERE closed_at IS NOT NULL`);
  return { closedLeft: 10 };
};

/** The closed circles still kept: what the purge left for the next run. */
export const closedCirclesKept = async (db: Database) =>
  (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(circles)
      .where(sql`${circles.closedAt} IS NOT NULL`)
      .get()
  )?.n ?? 0;
