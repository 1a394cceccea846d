import { eq } from 'drizzle-orm';
import type { Database } from '../core/database';
import { takeRsvp } from '../events/rsvps';
import { createEvent, trustOrganizer, type EventInput } from '../events/events';
import { events } from '../schema';
import type { Seeder } from './seed';
import { findOrCreateUser, grantRole } from '../accounts/users';

const DAY = 86400_000;

/** A date some days from now at a whole hour (UTC), so demo times look like real ones. */
const at = (now: Date, days: number, hourUtc: number) => {
  const date = new Date(now.getTime() + days * DAY);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
};

const base = (
  now: Date,
  days: number,
  hourUtc: number,
  hours: number,
): Pick<EventInput, 'startsAt' | 'endsAt' | 'reminderHours' | 'contentLanguage'> => ({
  startsAt: at(now, days, hourUtc),
  endsAt: new Date(at(now, days, hourUtc).getTime() + hours * 3600_000),
  reminderHours: 24,
  contentLanguage: 'en',
});

const noAccess = {
  stepFree: false,
  seating: false,
  interpretation: false,
  quietRoom: false,
  childcare: false,
  accessNotes: '',
};

/**
 * Demo events, all invented: a fictional organizer (trusted) with an in-person workshop, an
 * online training, a full vigil with a waitlist, and a weekly meeting. Emails use example.org.
 */
export const eventsSeeder: Seeder = {
  area: 'events',
  async run(db: Database, now: Date) {
    const organizer = await findOrCreateUser(db, 'demo-organizer@example.org', 'en', now);
    await grantRole(db, organizer.id, 'organizer', now);
    await trustOrganizer(db, organizer.id, now);
    const create = async (
      input: EventInput,
      recurrence: Parameters<typeof createEvent>[3] = null,
    ) => {
      const id = await createEvent(db, organizer.id, input, recurrence, now);
      const first = await db
        .select({ seriesId: events.seriesId })
        .from(events)
        .where(eq(events.id, id))
        .get();
      await db
        .update(events)
        .set({ status: 'published' })
        .where(first?.seriesId ? eq(events.seriesId, first.seriesId) : eq(events.id, id));
      return id;
    };
    await create({
      ...base(now, 5, 17, 2),
      ...noAccess,
      title: 'Spotting the signs: a workshop for neighbours',
      description:
        'A friendly evening to learn the signs that someone may be controlled by others. We talk about what to do, and what not to do. Tea and biscuits. No need to know anything before.',
      category: 'workshop',
      format: 'in_person',
      city: 'Lyon',
      address: 'Salle des Tilleuls, 12 rue Imaginaire, 69000 Lyon',
      directions: 'Tram T1, stop "Place Fictive". The hall is on the ground floor.',
      stepFree: true,
      seating: true,
      quietRoom: true,
      onlineUrl: '',
      languages: 'fr,en',
      cost: '',
      capacity: 30,
      timeZone: 'Europe/Paris',
    });
    await create({
      ...base(now, 10, 18, 1.5),
      ...noAccess,
      title: 'Supporting a friend: online training',
      description:
        'A short online training for friends and family. Learn how to listen, how to offer help without pressure, and where to find local services. Cameras can stay off.',
      category: 'training',
      format: 'online',
      city: '',
      address: '',
      directions: '',
      interpretation: true,
      onlineUrl: 'https://meet.example.org/demo-training',
      languages: 'en',
      cost: '',
      capacity: null,
      timeZone: 'Europe/London',
    });
    const vigil = await create({
      ...base(now, 8, 19, 1),
      ...noAccess,
      title: 'Candlelight vigil in the park',
      description:
        'A quiet gathering to remember and to hope. Bring a candle if you wish; we will have some to share. Children are welcome.',
      category: 'vigil',
      format: 'in_person',
      city: 'Bristol',
      address: 'Bandstand, Meadow Park (fictional), Bristol',
      directions: 'Enter by the north gate. Follow the lanterns.',
      seating: true,
      childcare: false,
      onlineUrl: '',
      languages: 'en',
      cost: '',
      capacity: 4,
      timeZone: 'Europe/London',
    });
    const people = ['Amina K.', 'J. B.', 'Sam', 'Lou P.', 'R. T.'];
    for (const [i, name] of people.entries()) {
      await takeRsvp(
        db,
        vigil,
        {
          name,
          email: `demo-guest-${i + 1}@example.org`,
          places: i === 0 ? 2 : 1,
          accessNeeds: '',
          wantsReminder: true,
          locale: 'en',
          siteOrigin: '',
        },
        now,
      );
    }
    await create(
      {
        ...base(now, 3, 16, 1.5),
        ...noAccess,
        // Written in French by a Montréal group, in both languages at the meeting.
        contentLanguage: 'fr',
        title: 'Rencontre hebdomadaire de soutien entre pairs',
        description:
          'Une rencontre ouverte et confidentielle pour les personnes qui soutiennent une victime. On partage, on écoute, on souffle un peu ensemble. Venez quand vous pouvez.',
        category: 'meeting',
        format: 'in_person',
        city: 'Montréal',
        address: 'Centre communautaire Horizon (fictif), 45 avenue Exemple, Montréal',
        directions: '',
        stepFree: true,
        onlineUrl: '',
        languages: 'fr,en',
        cost: '',
        capacity: 20,
        timeZone: 'America/Montreal',
      },
      { every: 'week', until: at(now, 3 + 7 * 5, 23) },
    );
  },
};
