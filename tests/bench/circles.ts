/**
 * Care circles figures (`npm run bench:circles`): one circle with 12 members (one of them a
 * coordinator) and 200 needs (half past, half to come, most with sign-ups), 40 check-ins in the
 * inbox, over libsql in memory, in process through app.request. Each page is requested as the
 * person who reads it, after a warm-up; the time is the server's (request to full body), p50
 * and p95. Target: p95 ≤ 5 ms. Prints figures; asserts nothing.
 */
import { loadavg } from 'node:os';
import { saveCharter } from '../../db/circles/charter';
import { checkInPeriod } from '../../db/circles/check-in-periods';
import { createCircle } from '../../db/circles/circles';
import { newCircleId } from '../../db/circles/rules';
import { findOrCreateUser } from '../../db/accounts/users';
import {
  circleCheckInMessages,
  circleHelpKinds,
  circleMembers,
  circleNeeds,
  circleSignUps,
} from '../../db/schema';
import { makeTestApp } from '../support/app';
import { signIn } from '../support/browser';

const WARM_UP = 100;
const RUNS = 500;
const HOUR = 3_600_000;

const t = await makeTestApp({ APP_ENV: 'local' });
const db = t.db;
const now = new Date();
const owner = await findOrCreateUser(db, 'bench-owner@example.org', 'en', now);
const circleId = await createCircle(
  db,
  owner.id,
  {
    label: 'Bench circle',
    timeZone: 'Europe/Paris',
    quietStartMinute: 21 * 60,
    quietEndMinute: 8 * 60,
    memberListVisible: true,
    ownerToldOfGaps: false,
    placeRevealHours: 24,
  },
  now,
);
await saveCharter(db, circleId, {
  helpKinds: ['ride', 'meal'],
  helpText: 'Rides and meals. '.repeat(20),
  checkInChannel: 'site',
  checkInPace: 'weekly',
  topicsToAvoid: 'Family. Work. The past.',
  spaceMeaning: 'Do not call.',
  accompaniment: 'Wait outside.',
  anythingElse: '',
});

const memberIds: string[] = [];
for (let i = 0; i < 12; i++) {
  const user = await findOrCreateUser(db, `bench-member-${i}@example.org`, 'en', now);
  const id = newCircleId();
  memberIds.push(id);
  await db.insert(circleMembers).values({
    id,
    circleId,
    userId: user.id,
    displayName: `Helper ${i}`,
    role: i === 0 ? 'coordinator' : 'member',
    offer: 'About once a week.',
    charterVersionRead: 1,
    joinedAt: now,
  });
}
const needIds: string[] = [];
for (let i = 0; i < 200; i++) {
  const startsAt = new Date(now.getTime() + (i - 100) * 18 * HOUR);
  const id = newCircleId();
  needIds.push(id);
  await db.insert(circleNeeds).values({
    id,
    circleId,
    kind: circleHelpKinds[i % circleHelpKinds.length]!,
    title: `Need ${i}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    helpersWanted: 1 + (i % 3),
    place: `${i} Bench Street`,
    placeEraseAfter: new Date(startsAt.getTime() + 9 * 24 * HOUR),
    note: 'A note.',
    createdBy: owner.id,
    createdAt: now,
    updatedAt: now,
  });
  for (let s = 0; s < i % 3; s++)
    await db.insert(circleSignUps).values({
      id: newCircleId(),
      circleId,
      needId: id,
      memberId: memberIds[(i + s) % 12]!,
      createdAt: now,
    });
}
for (let i = 0; i < 40; i++)
  await db.insert(circleCheckInMessages).values({
    id: newCircleId(),
    circleId,
    memberId: memberIds[i % 12]!,
    body: 'Thinking of you. '.repeat(5),
    periodKey: `${checkInPeriod('weekly', now, 'UTC').key}:${i}`,
    createdAt: new Date(now.getTime() - i * 24 * HOUR),
  });

const ownerBrowser = await signIn(t, 'bench-owner@example.org');
const memberBrowser = await signIn(t, 'bench-member-5@example.org');
const as = { owner: ownerBrowser, member: memberBrowser };

/** The pages measured. */
const pages: [label: string, who: keyof typeof as, path: string][] = [
  ['circle home, as owner', 'owner', `/circles/${circleId}`],
  ['circle home, as member', 'member', `/circles/${circleId}`],
  ['charter, as member', 'member', `/circles/${circleId}/charter`],
  ['inbox (40 check-ins), as owner', 'owner', `/circles/${circleId}/inbox`],
  ['members (12), as owner', 'owner', `/circles/${circleId}/members`],
  ['need page, as owner', 'owner', `/circles/${circleId}/needs/${needIds[150]}`],
  ['my circles, as member', 'member', '/circles'],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

console.log(
  `care circles: 12 members, ${needIds.length} needs, 40 check-ins; ${RUNS} runs each; ` +
    `load average ${loadavg()[0]!.toFixed(1)} (p95 on a shared machine is mostly waiting for a core: ` +
    `the CPU column is this process's own time per request)`,
);
for (const [label, who, path] of pages) {
  const browser = as[who];
  const first = await browser.get(path);
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}`);
  await first.text();
  for (let i = 0; i < WARM_UP; i++) await (await browser.get(path)).text();
  const samples: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await (await browser.get(path)).text();
    samples.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 / RUNS;
  samples.sort((a, b) => a - b);
  const p95 = percentile(samples, 95);
  console.log(
    `${label.padEnd(34)} p50 ${percentile(samples, 50).toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  CPU ${cpuMs.toFixed(2)} ms/request${p95 > 5 ? '  (p95 over 5 ms)' : ''}`,
  );
}
t.close();
