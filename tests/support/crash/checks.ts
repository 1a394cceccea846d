import { sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import { mailboxKey } from '../../../db/campaigns/signatures';
import { copyDatabaseInto, integrityProblems } from '../../../db/core/backup';
import { openLibsqlDatabase } from '../../../db/core/libsql';
import { rebuildSearchIndexAndCompare } from '../../../db/resources/search/fts-check';
import { EVENT_CAPACITY, type Fixtures } from './fixtures';
import type { Ledger } from './ledger';

/** What the file held after a round, for the report. */
export interface RoundCounts {
  signatures: number;
  confirmed: number;
  rsvps: number;
  confirmedPlaces: number;
  waitlisted: number;
  cancelled: number;
  approvals: number;
  edits: number;
}

const within = (n: number, low: number, high: number) => n >= low && n <= high;

/**
 * Opens the file the killed server left (SQLite recovers its log on open) and checks it against
 * what the clients were told: every answered action there exactly once, nothing there that no
 * one asked for, no more confirmed places than the event has, the file whole, and the search
 * index what a rebuild makes (compared on a copy, so a later round still meets the index the
 * server left). Returns the problems found (none is a pass) and the counts.
 */
export const checkAfterCrash = async (
  dbFile: string,
  fixtures: Fixtures,
  ledger: Ledger,
): Promise<{ problems: string[]; counts: RoundCounts }> => {
  const problems = [...ledger.unexpected];
  const { db, client } = openLibsqlDatabase(`file:${dbFile}`);
  try {
    for (const problem of await integrityProblems(db)) problems.push(`integrity_check: ${problem}`);

    // Signatures: one row per mailbox; every answered one there; every answered confirmation confirmed.
    const signatures = await db.all<{ key: string; n: number; confirmed: number }>(
      sql`SELECT email_key AS key, count(*) AS n, max(confirmed_at IS NOT NULL) AS confirmed FROM campaign_signatures WHERE campaign_id = ${fixtures.campaignId} GROUP BY email_key`,
    );
    const signed = new Map(signatures.map((row) => [row.key, row]));
    for (const row of signatures) {
      if (row.n !== 1) problems.push(`signature of ${row.key} stored ${row.n} times`);
      if (!ledger.signs.has(row.key)) problems.push(`signature of ${row.key}, who never signed`);
    }
    for (const [mailbox, count] of ledger.signs)
      if (count.answered > 0 && !signed.has(mailbox))
        problems.push(`answered signature of ${mailbox} lost`);
    for (const [mailbox, count] of ledger.confirmations)
      if (count.answered > 0 && !signed.get(mailbox)?.confirmed)
        problems.push(`answered confirmation of ${mailbox} not confirmed`);

    // RSVPs: answered ones there with the place they were told; repeats changed nothing; capacity kept.
    const rsvps = await db.all<{ email: string; name: string; places: number; status: string }>(
      sql`SELECT email, name, places, status FROM event_rsvps WHERE event_id = ${fixtures.eventId}`,
    );
    const byEmail = new Map(rsvps.map((row) => [row.email, row]));
    for (const row of rsvps) {
      const asked = ledger.rsvps.get(row.email);
      if (!asked) problems.push(`RSVP of ${row.email}, who never sent one`);
      else if (row.name !== 'Crash guest' || row.places !== asked.places)
        problems.push(`RSVP of ${row.email} changed by someone else's RSVP`);
    }
    for (const [email, asked] of ledger.rsvps) {
      const row = byEmail.get(email);
      const cancel = ledger.cancellations.get(email);
      if (!asked.answer) continue;
      if (!row) problems.push(`answered RSVP of ${email} lost`);
      else if (cancel?.answered && row.status !== 'cancelled')
        problems.push(`answered cancellation of ${email} is ${row.status}`);
      else if (!cancel && asked.answer === 'confirmed' && row.status !== 'confirmed')
        problems.push(`confirmed place of ${email} is now ${row.status}`);
      else if (!cancel && row.status === 'cancelled')
        problems.push(`RSVP of ${email} cancelled by no one`);
    }
    const confirmedPlaces = rsvps
      .filter((row) => row.status === 'confirmed')
      .reduce((sum, row) => sum + row.places, 0);
    if (confirmedPlaces > EVENT_CAPACITY)
      problems.push(`${confirmedPlaces} confirmed places for an event of ${EVENT_CAPACITY}`);

    // Approvals: at least the answered ones, at most one per request; a story approved is submitted.
    const approvals = await db.all<{ story: string; n: number; submitted: number }>(
      sql`SELECT s.id AS story, count(a.id) AS n, s.submitted_at IS NOT NULL AS submitted FROM stories s LEFT JOIN story_approvals a ON a.story_id = s.id GROUP BY s.id`,
    );
    for (const row of approvals) {
      if (!fixtures.storyIds.includes(row.story)) continue;
      const asked = ledger.approvals.get(row.story) ?? { sent: 0, answered: 0 };
      if (!within(row.n, asked.answered, asked.sent))
        problems.push(
          `story ${row.story}: ${row.n} approvals for ${asked.answered}–${asked.sent} asked`,
        );
      if (row.n > 0 && !row.submitted)
        problems.push(`story ${row.story} approved but not submitted`);
    }

    // Moderators' edits: each saved one logged once, the description one that was sent.
    let edits = 0;
    for (const [serviceId, asked] of ledger.edits) {
      const [logged] = await db.all<{ n: number }>(
        sql`SELECT count(*) AS n FROM resource_changes WHERE service_id = ${serviceId} AND actor_role = 'moderator'`,
      );
      const [service] = await db.all<{ description: string }>(
        sql`SELECT description FROM services WHERE id = ${serviceId}`,
      );
      edits += logged!.n;
      if (!within(logged!.n, asked.answered, asked.sent.length))
        problems.push(
          `service ${serviceId}: ${logged!.n} edits logged for ${asked.answered}–${asked.sent.length} sent`,
        );
      if (logged!.n > 0 && !asked.sent.includes(service!.description))
        problems.push(`service ${serviceId} has a description no one sent`);
    }

    // Every answered sign and RSVP had its email written before its answer.
    const mailed = new Set(
      (await db.all<{ to: string }>(sql`SELECT DISTINCT to_address AS "to" FROM mail_outbox`)).map(
        (row) => mailboxKey(row.to),
      ),
    );
    for (const [mailbox, count] of ledger.signs)
      if (count.answered > 0 && !mailed.has(mailbox))
        problems.push(`answered signature of ${mailbox} was never emailed`);
    for (const [email, asked] of ledger.rsvps)
      if (asked.answer && !mailed.has(email))
        problems.push(`answered RSVP of ${email} was never emailed`);

    // The search index, on a copy: rebuilt there, it must not change.
    const copyFile = `${dbFile}.search-check`;
    rmSync(copyFile, { force: true });
    await copyDatabaseInto(db, copyFile);
    const copy = openLibsqlDatabase(`file:${copyFile}`);
    try {
      const search = await rebuildSearchIndexAndCompare(copy.db);
      for (const [part, n] of Object.entries(search.differences))
        problems.push(`search index: ${part} differs from a rebuild in ${n} rows`);
    } finally {
      copy.client.close();
      rmSync(copyFile, { force: true });
    }

    return {
      problems,
      counts: {
        signatures: signatures.length,
        confirmed: signatures.filter((row) => row.confirmed).length,
        rsvps: rsvps.length,
        confirmedPlaces,
        waitlisted: rsvps.filter((row) => row.status === 'waitlisted').length,
        cancelled: rsvps.filter((row) => row.status === 'cancelled').length,
        approvals: approvals
          .filter((row) => fixtures.storyIds.includes(row.story))
          .reduce((sum, row) => sum + row.n, 0),
        edits,
      },
    };
  } finally {
    client.close();
  }
};
