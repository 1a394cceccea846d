import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openD1Database } from '../../db/core/d1';
import { MAIL_DELIVERIES_PER_RUN } from '../../db/mail/outbox';
import { runScheduledJobs, SCHEDULED_RUN_QUERY_BUDGET } from '../../worker/jobs';
import {
  BUSY_RUN_AT,
  BUSY_RUN_MESSAGES,
  closedCirclesKept,
  moreWorkThanEveryBound,
} from '../support/busy-run';
import { countD1Queries } from './support/d1-queries';

// The Node test of the same name, on D1: one scheduled run with more work due than every job's
// bound (tests/support/busy-run.ts) stays within SCHEDULED_RUN_QUERY_BUDGET queries of the
// invocation (worker/jobs.ts), every statement of a batch counted, and every statement within
// D1's bound parameters.
const db = openD1Database(env.DB);

describe('one scheduled run on D1 with more work due than every bound', () => {
  it('stays within SCHEDULED_RUN_QUERY_BUDGET queries', async () => {
    const { closedLeft } = await moreWorkThanEveryBound(db);

    const delivered: string[] = [];
    const logs: string[] = [];
    const { queries } = await countD1Queries(env.DB, () =>
      runScheduledJobs(db, {
        now: BUSY_RUN_AT,
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
    expect(queued!.n + delivered.length).toBe(BUSY_RUN_MESSAGES);
    expect(await closedCirclesKept(db)).toBe(closedLeft);
  });
});
