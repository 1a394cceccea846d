import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCampaign } from '../../../db/campaigns/campaigns';
import {
  isOpenForSigning,
  isPublicCampaign,
  openForSigningCondition,
  publicCampaignCondition,
  utcDay,
} from '../../../db/campaigns/rules';
import { findOrCreateUser } from '../../../db/accounts/users';
import { campaigns } from '../../../db/schema';
import { campaignInput } from '../../support/campaigns';
import { makeTestApp, type TestApp } from '../../support/app';

// Each rule of db/campaigns/rules.ts has a TypeScript and an SQL form: on every kind of row
// they must give the same answer, or a page would offer what a statement then refuses.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const STATUSES = ['draft', 'submitted', 'published', 'closed', 'delivered'] as const;
const now = new Date('2026-03-10T23:30:00Z');
const END_DATES = [null, '', '2026-03-09', '2026-03-10', '2026-03-11'];

const everyKindOfRow = async () => {
  const owner = await findOrCreateUser(t.db, 'org@example.org');
  for (const status of STATUSES) {
    for (const endsOn of END_DATES) {
      const id = await createCampaign(t.db, owner.id, campaignInput({ endsOn }));
      await t.db.update(campaigns).set({ status }).where(eq(campaigns.id, id));
    }
  }
  return t.db
    .select({
      status: campaigns.status,
      endsOn: campaigns.endsOn,
      openInSql: sql<number>`${openForSigningCondition(utcDay(now))}`,
      publicInSql: sql<number>`${publicCampaignCondition()}`,
    })
    .from(campaigns)
    .all();
};

describe('campaign rules: the TypeScript and SQL forms agree', () => {
  it('open for signing: published and the end date (inclusive, UTC) not passed', async () => {
    const rows = await everyKindOfRow();
    expect(rows).toHaveLength(STATUSES.length * END_DATES.length);
    for (const row of rows)
      expect([row.status, row.endsOn, Boolean(row.openInSql)]).toEqual([
        row.status,
        row.endsOn,
        isOpenForSigning(row, now),
      ]);
    expect(rows.filter((row) => row.openInSql).map((row) => row.endsOn)).toEqual([
      null,
      '',
      '2026-03-10',
      '2026-03-11',
    ]);
  });

  it('public: published, closed or delivered', async () => {
    for (const row of await everyKindOfRow())
      expect([row.status, Boolean(row.publicInSql)]).toEqual([row.status, isPublicCampaign(row)]);
  });
});
