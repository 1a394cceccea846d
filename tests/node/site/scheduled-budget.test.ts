import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_REMINDERS_PER_RUN } from '../../../db/events/jobs';
import { MAIL_DELIVERIES_PER_RUN } from '../../../db/mail/outbox';
import { mailOutbox } from '../../../db/schema';
import { runScheduledJobs, SCHEDULED_RUN_QUERY_BUDGET } from '../../../worker/jobs';
import { makeTestApp, type TestApp } from '../../support/app';
import {
  BUSY_RUN_AT,
  BUSY_RUN_MESSAGES,
  closedCirclesKept,
  moreWorkThanEveryBound,
} from '../../support/busy-run';

// Every job of a scheduled run shares one Workers invocation, and with it D1's 1,000 queries
// (each statement of a batch counted: worker/jobs.ts). With more work due than every job's
// bound, the run stays within SCHEDULED_RUN_QUERY_BUDGET and leaves the rest for the next.
// tests/workers/scheduled-budget.test.ts runs the same on D1.
let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

describe('one scheduled run with more work due than every bound', () => {
  it('stays within SCHEDULED_RUN_QUERY_BUDGET D1 queries, and leaves the rest', async () => {
    const { closedLeft } = await moreWorkThanEveryBound(t.db);
    const delivered: string[] = [];
    const logs: string[] = [];

    const before = t.statements!();
    await runScheduledJobs(t.db, {
      now: BUSY_RUN_AT,
      site: { name: 'Hearth', origin: 'https://hearth.test' },
      mailTransport: async (message) => void delivered.push(message.to),
      log: (line) => logs.push(line),
    });
    const used = t.statements!() - before;

    expect(logs.filter((line) => line.includes('"error"'))).toEqual([]);
    expect(used).toBeLessThanOrEqual(SCHEDULED_RUN_QUERY_BUDGET);
    // Every job did its share, and 200 went out.
    expect(delivered).toHaveLength(MAIL_DELIVERIES_PER_RUN);
    const queued = await t.db
      .select({ n: sql<number>`count(*)` })
      .from(mailOutbox)
      .get();
    expect(queued!.n + delivered.length).toBe(BUSY_RUN_MESSAGES);
    expect(await closedCirclesKept(t.db)).toBe(closedLeft);
    // The event reminders took their whole bound, with more due: said in the run's log.
    expect(logs).toContain(
      JSON.stringify({ level: 'warn', eventRemindersAtBound: EVENT_REMINDERS_PER_RUN }),
    );
  });
});
