import type { Seeder } from './seed';
import { findOrCreateUser } from '../accounts/users';
import { checkInPeriod } from '../circles/check-in-periods';
import { saveCharter } from '../circles/charter';
import { createCircle } from '../circles/circles';
import { circleHistoryInsert } from '../circles/history';
import { newCircleId } from '../circles/rules';
import type { Database } from '../core/database';
import { circleCheckInMessages, circleMembers, circleNeeds, circleSignUps } from '../schema';

/**
 * The demo accounts of the care circle, documented in the README: sign in as any of them at
 * /sign-in, the code shows in the local outbox (/dev/outbox).
 */
export const DEMO_CIRCLE_PEOPLE = {
  owner: 'demo-circle-owner@example.org',
  member: 'demo-circle-member@example.org',
  coordinator: 'demo-circle-coordinator@example.org',
} as const;

const HOUR = 3_600_000;

/**
 * A demo circle ("My people", made up): its owner, a member and a coordinator, a charter that
 * asks for a weekly check-in on the site, two needs (a ride with a place, and a meal the member
 * signed up for), and one check-in in the owner's inbox.
 */
export const seedCircles = async (db: Database, now: Date): Promise<void> => {
  const owner = await findOrCreateUser(db, DEMO_CIRCLE_PEOPLE.owner, 'en', now);
  const member = await findOrCreateUser(db, DEMO_CIRCLE_PEOPLE.member, 'en', now);
  const coordinator = await findOrCreateUser(db, DEMO_CIRCLE_PEOPLE.coordinator, 'en', now);
  const timeZone = 'Europe/Paris';
  const circleId = await createCircle(
    db,
    owner.id,
    {
      label: 'My people (example)',
      timeZone,
      quietStartMinute: 21 * 60,
      quietEndMinute: 8 * 60,
      memberListVisible: true,
      ownerToldOfGaps: false,
      placeRevealHours: 24,
    },
    now,
  );
  await saveCharter(
    db,
    circleId,
    {
      helpKinds: ['ride', 'appointment', 'meal'],
      helpText: 'Rides to appointments help most. Please ask before you come in with me.',
      checkInChannel: 'site',
      checkInPace: 'weekly',
      topicsToAvoid: 'Please do not ask about my family or my past work.',
      spaceMeaning: 'When I take space, please do not call or visit. I will come back.',
      accompaniment: 'Wait outside unless I ask you to come in.',
      anythingElse: 'This is an example charter, made up for the demo.',
    },
    now,
  );
  const memberId = newCircleId();
  const coordinatorId = newCircleId();
  const rideId = newCircleId();
  const mealId = newCircleId();
  const tomorrow = new Date(now.getTime() + 20 * HOUR);
  const nextWeek = new Date(now.getTime() + 6 * 24 * HOUR);
  await db.batch([
    db.insert(circleMembers).values([
      {
        id: memberId,
        circleId,
        userId: member.id,
        displayName: 'Sam (example)',
        offer: 'About once a week, evenings.',
        charterVersionRead: 1,
        joinedAt: now,
      },
      {
        id: coordinatorId,
        circleId,
        userId: coordinator.id,
        displayName: 'Alex (example)',
        role: 'coordinator',
        offer: 'Weekends.',
        charterVersionRead: 1,
        joinedAt: now,
      },
    ]),
    circleHistoryInsert(db, { circleId, kind: 'joined', actor: 'member', memberId }, now),
    circleHistoryInsert(
      db,
      { circleId, kind: 'joined', actor: 'member', memberId: coordinatorId },
      now,
    ),
    db.insert(circleNeeds).values([
      {
        id: rideId,
        circleId,
        kind: 'ride',
        title: 'A ride to the clinic (example)',
        startsAt: tomorrow,
        endsAt: new Date(tomorrow.getTime() + 2 * HOUR),
        helpersWanted: 1,
        place: '12 Example Street, Havrebourg',
        placeEraseAfter: new Date(tomorrow.getTime() + 2 * HOUR + 7 * 24 * HOUR),
        note: 'Wait outside, please.',
        createdBy: owner.id,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: mealId,
        circleId,
        kind: 'meal',
        title: 'A meal for the week (example)',
        startsAt: nextWeek,
        endsAt: new Date(nextWeek.getTime() + 24 * HOUR),
        anyTime: true,
        helpersWanted: 2,
        note: 'No nuts.',
        createdBy: owner.id,
        createdAt: now,
        updatedAt: now,
      },
    ]),
    db
      .insert(circleSignUps)
      .values({ id: newCircleId(), circleId, needId: mealId, memberId, createdAt: now }),
    circleHistoryInsert(
      db,
      { circleId, kind: 'signed_up', actor: 'member', memberId, needId: mealId },
      now,
    ),
    db.insert(circleCheckInMessages).values({
      id: newCircleId(),
      circleId,
      memberId: coordinatorId,
      body: 'Thinking of you this week. No need to answer. (An example check-in.)',
      periodKey: checkInPeriod('weekly', now, timeZone).key,
      createdAt: now,
    }),
  ]);
};

export const circlesSeeder: Seeder = { area: 'circles', run: seedCircles };
