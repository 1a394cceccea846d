import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findOrCreateUser } from '../../db/accounts/users';
import { postCampaignUpdate } from '../../db/campaigns/updates';
import { signUpForNeed } from '../../db/circles/signups';
import { openD1Database } from '../../db/core/d1';
import { createEvent } from '../../db/events/events';
import { takeRsvp } from '../../db/events/rsvps';
import { MAIL_DELIVERIES_PER_RUN } from '../../db/mail/outbox';
import { circles, events } from '../../db/schema';
import { runScheduledJobs, SCHEDULED_RUN_QUERY_BUDGET } from '../../worker/jobs';
import { addMember, circleWithPeople, HOUR, needDraft, postNeed } from '../support/circle-needs';
import { eventInput } from '../support/event-input';
import { countD1Queries } from './support/d1-queries';

// The Node test of the same name, on D1: one scheduled run with more work due than every job's
// bound stays within SCHEDULED_RUN_QUERY_BUDGET queries of the invocation (worker/jobs.ts),
// every statement of a batch counted, and every statement within D1's bound parameters.
const db = openD1Database(env.DB);
const now = new Date('2030-01-07T10:00:00Z'); // a Monday, outside the circles' quiet hours
const at = Math.floor(now.getTime() / 1000);

describe('one scheduled run on D1 with more work due than every bound', () => {
  it('stays within SCHEDULED_RUN_QUERY_BUDGET queries', async () => {
    // A campaign update for 1,100 signers.
    await env.DB.prepare(
      `insert into campaigns (id, kind, status, title, ask, body, target_name, target_role, goal, created_at, published_at)
       values ('budget', 'petition', 'published', 'Open the shelter', 'Open it.', 'Why.', 'Robin', 'Mayor', 3, 0, 0)`,
    ).run();
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1100)
       INSERT INTO campaign_signatures (campaign_id, email, email_key, first_name, display, locale, wants_updates, created_at, confirmed_at)
       SELECT 'budget', 'c' || i || '@example.org', 'c' || i || '@example.org', 'N', 'full', 'en', 1, 0, 1 FROM n`,
    ).run();
    await postCampaignUpdate(
      db,
      'budget',
      'News.',
      'https://hearth.test',
      new Date(now.getTime() - HOUR),
    );

    // 105 RSVPs asking for a reminder of an event in 2 hours.
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
        siteOrigin: 'https://hearth.test',
      });

    // 55 published stories whose consent ends tomorrow.
    await env.DB.prepare(
      "insert into users (id, email, locale, created_at) values ('budget-author', 'author@example.org', 'en', 0)",
    ).run();
    await env.DB.batch(
      Array.from({ length: 55 }, (_, i) => `budget${i}`).flatMap((id) => [
        env.DB.prepare(
          "insert into stories (id, author_id, created_at, published_approval_id, published_at) values (?, 'budget-author', 0, ?, 0)",
        ).bind(id, `${id}-a`),
        env.DB.prepare(
          "insert into story_versions (id, story_id, number, title, body, shown_name, language, content_notes, content_note_text, made_by, created_at) values (?, ?, 1, 'Title', 'Body', '', 'en', '', '', 'author', 0)",
        ).bind(`${id}-v`, id),
        env.DB.prepare(
          "insert into story_approvals (id, story_id, version_id, approved_at, consent_own_page, consent_campaign_ids, consent_event_quotes, expires_at, site_origin) values (?, ?, ?, 0, 1, '', 0, ?, 'https://hearth.test')",
        ).bind(`${id}-a`, id, `${id}-v`, at + 86400),
      ]),
    );

    // A circle of 58 members checking in weekly by email, 55 of them signed up for needs
    // tomorrow, each with last week's check-in whose email to the owner was held.
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
          needDraft(0, {
            startsAt,
            endsAt: new Date(startsAt.getTime() + HOUR),
            helpersWanted: 20,
          }),
          posted,
        ),
      );
    for (let i = 0; i < 55; i++) {
      const helper = await addMember(db, people.circleId, `h${i}@example.org`);
      expect(await signUpForNeed(db, people.circleId, needs[i % 3]!, helper.memberId, posted)).toBe(
        'signedUp',
      );
      await env.DB.prepare(
        `insert into circle_check_in_messages (id, circle_id, member_id, body, period_key, created_at, owner_mail_due_at)
         values (?, ?, ?, 'Thinking of you.', 'weekly:2029-12-31', ?, ?)`,
      )
        .bind(`budgetmsg${i}`, people.circleId, helper.memberId, at - 3 * 86400, at - 3600)
        .run();
    }

    const delivered: string[] = [];
    const logs: string[] = [];
    const { queries } = await countD1Queries(env.DB, () =>
      runScheduledJobs(db, {
        now,
        site: { name: 'Hearth', origin: 'https://hearth.test' },
        mailTransport: async (message) => void delivered.push(message.to),
        log: (line) => logs.push(line),
      }),
    );

    expect(logs.filter((line) => line.includes('"error"'))).toEqual([]);
    expect(queries).toBeLessThanOrEqual(SCHEDULED_RUN_QUERY_BUDGET);
    expect(delivered).toHaveLength(MAIL_DELIVERIES_PER_RUN);
    const queued = await env.DB.prepare('select count(*) as n from mail_outbox').first<{
      n: number;
    }>();
    expect(queued!.n + delivered.length).toBe(1000 + 100 + 50 + 50 + 50 + 50);
  });
});
