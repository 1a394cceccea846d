/**
 * Lists at scale (`npm run bench:scale`): a libsql file with 10,000 resources, 2,000 events
 * (weekly series among them), 500 campaigns with 100,000 signatures (40 % on one campaign) and
 * 2,000 stories, and moderation queues (300 organizer requests, 500 visitor reports, 40
 * campaigns with no organizer), inserted in batches by SQL; then every list and detail page in process
 * (`app.request`), warmed up first, with p50 and p95 in milliseconds, wall and CPU time. The
 * target is 5 ms p95 for each. Prints figures; asserts nothing (timings belong here, not in tests).
 */
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { findOrCreateUser, grantRole } from '../../db/accounts/users';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';
import { signIn, TestBrowser } from '../support/browser';
import { relLink, relLinkIn } from '../support/paging';
import { addSyntheticServices } from './synthetic-directory';

const file = join(tmpdir(), `hearth-scale-${process.pid}.db`);
const { db, client } = openLibsqlDatabase(`file:${file}`);
await migrateLibsql(db);
const logs: string[] = [];
const app = createApp(
  {
    database: () => db,
    config: () => readConfig({ APP_ENV: 'local' }),
    mailer: () => outboxMailer(db, () => {}),
    areaLinks,
    clientAddress: () => '192.0.2.1',
  },
  { log: (line) => logs.push(line) },
);
const t = { app, db, logs, close: () => client.close() };

const now = new Date();
const nowSeconds = Math.floor(now.getTime() / 1000);
const DAY = 86400;
const rows = (n: number) =>
  sql.raw(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${n - 1})`);
const at = (seconds: number) => sql.raw(String(Math.floor(seconds)));

const built = performance.now();
await addSyntheticServices(db, 10_000, now);
const organizer = await findOrCreateUser(db, 'organizer@example.org');
await grantRole(db, organizer.id, 'organizer');
const author = await findOrCreateUser(db, 'author@example.org');
const moderatorEmail = 'moderator@example.org';
await grantRole(db, (await findOrCreateUser(db, moderatorEmail)).id, 'moderator');
const owner = sql.raw(`'${organizer.id}'`);

// Events: 1,500 single events (300 past, 1,200 over the next year), 50 weekly series of 10,
// and 30 waiting for a moderator.
const CITIES = `json_array('Lyon', 'Paris', 'Montréal', 'Quillhaven', 'Marrowby')`;
const eventValues = (start: string, status: string, series: string) =>
  sql.raw(`'benchevent' || i, '${organizer.id}', ${series},
    'Event ' || i, 'A synthetic event to measure lists.', json_extract(json_array('workshop','training','vigil','meeting'), '$[' || (i % 4) || ']'),
    CASE WHEN i % 5 = 0 THEN 'online' ELSE 'in_person' END, json_extract(${CITIES}, '$[' || (i % 5) || ']'),
    'en,fr', 'Europe/Paris', ${start}, ${start} + 7200, ${status}, ${nowSeconds}, ${nowSeconds}`);
const eventColumns = sql.raw(
  'id, organizer_id, series_id, title, description, category, format, city, languages, time_zone, starts_at, ends_at, status, created_at, updated_at',
);
await db.run(sql`${rows(1500)} INSERT INTO events (${eventColumns})
  SELECT ${eventValues(`${nowSeconds - 60 * DAY} + i * 24 * 3600 * 365 / 1500 * 1.2`, "'published'", 'NULL')} FROM n`);
await db.run(sql`${rows(500)} INSERT INTO events (${eventColumns})
  SELECT ${eventValues(`${nowSeconds + 3600} + (i / 10) * 3600 * 5 + (i % 10) * 7 * ${DAY}`, "'published'", `'bench-series-' || (i / 10)`)} FROM (SELECT i + 1500 AS i FROM n)`);
await db.run(sql`${rows(30)} INSERT INTO events (${eventColumns})
  SELECT ${eventValues(`${nowSeconds + 30 * DAY} + i * 3600`, "'submitted'", 'NULL')} FROM (SELECT i + 2000 AS i FROM n)`);

// Campaigns: 480 published (some past their end date), 20 submitted; 100,000 signatures.
await db.run(sql`${rows(500)} INSERT INTO campaigns (id, owner_id, kind, status, title, ask, body, target_name, target_role, goal, ends_on, created_at, published_at)
  SELECT 'benchcampaign' || i, ${owner}, 'petition', CASE WHEN i >= 480 THEN 'submitted' ELSE 'published' END,
    'Campaign ' || i, 'Please act.', 'A synthetic campaign to measure lists.', 'The Council', 'Council',
    1000, CASE WHEN i % 3 = 0 THEN '2020-01-01' ELSE NULL END, ${at(nowSeconds - 400 * DAY)} + i * 3600,
    CASE WHEN i >= 480 THEN NULL ELSE ${at(nowSeconds - 300 * DAY)} + i * 3600 END FROM n`);
await db.run(sql`${rows(100_000)} INSERT INTO campaign_signatures (campaign_id, email, email_key, first_name, display, locale, created_at, confirmed_at)
  SELECT 'benchcampaign' || CASE WHEN i % 5 < 2 THEN 0 ELSE i % 480 END, 'signer' || i || '@example.org', 'key-' || i, 'Signer',
    'initials', 'en', ${at(nowSeconds - DAY)}, CASE WHEN i % 10 = 0 THEN NULL ELSE ${at(nowSeconds - DAY)} END FROM n`);

// Stories: 1,950 published (consent for their own page, in force), 50 waiting for review.
await db.run(sql`${rows(2000)} INSERT INTO stories (id, author_id, created_at, submitted_at, published_approval_id, published_at)
  SELECT 'benchstory' || i, ${sql.raw(`'${author.id}'`)}, ${at(nowSeconds - 200 * DAY)}, ${at(nowSeconds - 100 * DAY)} + i * 60,
    CASE WHEN i < 1950 THEN 'bench-approval-' || i END, CASE WHEN i < 1950 THEN ${at(nowSeconds - 90 * DAY)} + i * 60 END FROM n`);
await db.run(sql`${rows(2000)} INSERT INTO story_versions (id, story_id, number, title, body, shown_name, language, content_notes, content_note_text, made_by, created_at)
  SELECT 'bench-version-' || i, 'benchstory' || i, 1, 'Story ' || i, 'A sentence that is plain and short. ', '', 'en', '', '', 'author', ${at(nowSeconds - 200 * DAY)} FROM n`);
await db.run(sql`${rows(2000)} INSERT INTO story_approvals (id, story_id, version_id, approved_at, consent_own_page, consent_campaign_ids, consent_event_quotes, expires_at, site_origin)
  SELECT 'bench-approval-' || i, 'benchstory' || i, 'bench-version-' || i, ${at(nowSeconds - 95 * DAY)}, 1, '', 0, ${at(nowSeconds + 300 * DAY)}, 'http://localhost' FROM n`);

// Moderation queues: 300 people asking to organize, 500 open reports from visitors, and 40
// published campaigns whose organizer deleted their account.
await db.run(sql`${rows(300)} INSERT INTO users (id, email, locale, created_at)
  SELECT 'bench-applicant-' || i, 'applicant' || i || '@example.org', 'en', ${at(nowSeconds - 50 * DAY)} FROM n`);
await db.run(sql`${rows(300)} INSERT INTO organizer_applications (id, user_id, organization_name, reason, status, created_at)
  SELECT 'bench-application-' || i, 'bench-applicant-' || i, 'Group ' || i, 'We run workshops.', 'pending',
    ${at(nowSeconds - 40 * DAY)} + (i / 2) * 3600 FROM n`);
await db.run(sql`${rows(500)} INSERT INTO resource_reports (id, service_id, problem, contact, status, repeats, created_at)
  SELECT 'bench-report-' || i, 'bench-svc-' || (i * 19), 'The phone number does not answer.', NULL, 'open', 0,
    ${at(nowSeconds - 30 * DAY)} + (i / 2) * 600 FROM n`);
await db.run(sql`${rows(40)} INSERT INTO campaigns (id, owner_id, kind, status, title, ask, body, target_name, target_role, goal, created_at, published_at)
  SELECT 'benchownerless' || i, NULL, 'petition', 'published', 'Ownerless campaign ' || i, 'Please act.',
    'A campaign whose organizer left.', 'The Council', 'Council', 1000, ${at(nowSeconds - 500 * DAY)}, ${at(nowSeconds - 450 * DAY)} + i * 3600 FROM n`);
await db.run(sql`ANALYZE`);
console.log(`built in ${((performance.now() - built) / 1000).toFixed(1)} s (${file})`);

const monthAfter = (date: Date) => {
  const next = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 7);
};
const moderator = await signIn(t, moderatorEmail);
const visitor = new TestBrowser(t);
/** The address `pages` pages on from `path`, by its Next links (those named `label`, where a page has several lists). */
const deep = async (path: string, pages: number, browser = visitor, label?: string) => {
  let href = path;
  for (let i = 0; i < pages; i++) {
    const html = await (await browser.get(href)).text();
    const next = label ? relLinkIn(html, label, 'next') : relLink(html, 'next');
    if (!next) break; // a list not paged (yet): its one page
    href = next;
  }
  return href;
};

const PAGES: [string, string, TestBrowser][] = [
  ['resources list', '/resources', visitor],
  ['a search', '/resources?q=housing', visitor],
  ['a resource', '/resources/bench-1', visitor],
  ['events list', '/events', visitor],
  ['events list, filtered', '/events?city=Lyon&category=workshop', visitor],
  ['events list, page 40', await deep('/events', 40), visitor],
  ['month', '/events?view=month', visitor],
  // The weekly series start 31–41 days from now: next month is the fullest (over 200).
  ['month, next', `/events?view=month&month=${monthAfter(now)}`, visitor],
  ['an event', '/events/benchevent1400', visitor],
  ['campaigns', '/campaigns', visitor],
  ['campaigns, page 20', await deep('/campaigns', 20), visitor],
  ['a campaign (40,000 signatures)', '/campaigns/benchcampaign0', visitor],
  ['a campaign', '/campaigns/benchcampaign7', visitor],
  ['stories', '/stories', visitor],
  ['stories, page 90', await deep('/stories', 90), visitor],
  ['a story', '/stories/benchstory1000', visitor],
  ['moderation', '/moderation', moderator],
  [
    'moderation, requests page 10',
    await deep('/moderation', 10, moderator, 'Pages of the requests to become an organizer'),
    moderator,
  ],
  ['moderation: stories', '/moderation/stories', moderator],
  ['moderation: resources', '/moderation/resources', moderator],
  [
    'moderation: resources, reports page 20',
    await deep('/moderation/resources', 20, moderator, 'Pages of the reports from visitors'),
    moderator,
  ],
  [
    'moderation: resources, checks page 100',
    await deep('/moderation/resources', 100, moderator, 'Pages of the resources to check again'),
    moderator,
  ],
];

// RUNS: timed requests per page; ONLY: just the pages whose label holds it (to profile one,
// `ONLY=month node --cpu-prof --import tsx tests/bench/scale.ts`).
const RUNS = Number(process.env.RUNS ?? 200);
const ONLY = process.env.ONLY;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
// Wall time is what a visitor waits; on a shared machine it also holds the time the neighbours
// had the CPU. The process's own CPU time per request (all its threads, the collector's
// helpers included) leaves that out: where wall p95 is far above CPU p95, the gap is the load.
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
console.log(`\nload average ${load()}`);
console.log(
  `\n| page | status | KB | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms |\n|---|---|---|---|---|---|---|`,
);
for (const [label, path, browser] of PAGES) {
  if (ONLY && !label.includes(ONLY)) continue;
  let status = 0;
  let size = 0;
  for (let i = 0; i < 20; i++) {
    const res = await browser.get(path);
    status = res.status;
    size = (await res.arrayBuffer()).byteLength;
  }
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const res = await browser.get(path);
    await res.arrayBuffer();
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = (sorted: number[], q: number) => quantile(sorted, q).toFixed(2);
  console.log(
    `| ${label} | ${status} | ${(size / 1024).toFixed(0)} | ${ms(times, 0.5)} | ${ms(times, 0.95)} | ${ms(cpu, 0.5)} | ${ms(cpu, 0.95)} |`,
  );
}
console.log(`\nload average ${load()}`);
client.close();
rmSync(file, { force: true });
for (const end of ['-wal', '-shm']) rmSync(file + end, { force: true });
