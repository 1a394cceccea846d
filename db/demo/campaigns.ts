import { eq } from 'drizzle-orm';
import { campaigns, campaignSignatures, campaignUpdates, userRoles, users } from '../schema';
import type { Database } from '../core/database';
import type { Seeder } from './seed';
import { newId } from '../core/random';

const DAY = 86400_000;

/** Made-up signers: first names and towns chosen to be ordinary, none of them real people. */
const SIGNERS: [string, string, string, 'full' | 'initials' | 'hidden'][] = [
  ['Maya', 'Okafor', 'Lyon', 'full'],
  ['Tom', 'Berg', 'Leeds', 'initials'],
  ['Inès', 'Roux', 'Nantes', 'full'],
  ['Sam', 'Lee', '', 'hidden'],
  ['Aled', 'Price', 'Cardiff', 'full'],
  ['Lucie', 'Martin', 'Lille', 'initials'],
  ['Noor', 'Haddad', 'Lyon', 'full'],
  ['Jo', 'Kim', 'Leeds', 'full'],
];

/**
 * Demo campaigns: an open petition, an open letter, an open call and a delivered petition with
 * its note. Every name, place, target and story is invented.
 */
export const campaignSeeder: Seeder = {
  area: 'campaigns',
  run: async (db: Database, now: Date) => {
    // The demo organizer may exist already (someone signed in with that address first).
    await db
      .insert(users)
      .values({ id: newId(), email: 'organizer@example.org', locale: 'en', createdAt: now })
      .onConflictDoNothing();
    const ownerId = (await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'organizer@example.org'))
      .get())!.id;
    await db
      .insert(userRoles)
      .values({ userId: ownerId, role: 'organizer', grantedAt: now })
      .onConflictDoNothing();
    const base = {
      ownerId,
      letterText: '',
      targetPhone: '',
      endsOn: null,
      createdAt: new Date(now.getTime() - 30 * DAY),
    } as const;
    const petition = {
      ...base,
      id: 'demo-safe-housing',
      kind: 'petition' as const,
      status: 'published' as const,
      title: 'Safe housing for everyone leaving exploitation',
      ask: 'Fund 200 more safe beds in the (fictional) county of Westmere this year.',
      body: 'People who leave exploitation need a safe place to sleep on the first night.\n\nToday the waiting list in Westmere is six weeks long. More beds would mean nobody has to go back.',
      targetName: 'Councillor Robin Example',
      targetRole: 'Head of Housing, Westmere County (fictional)',
      nextSteps:
        'We will hand the signatures to the council meeting on the first Monday of next month.',
      goal: 5,
      publishedAt: new Date(now.getTime() - 20 * DAY),
    };
    const letter = {
      ...base,
      id: 'demo-letter-helpline',
      kind: 'letter' as const,
      status: 'published' as const,
      title: 'Keep the night helpline open',
      ask: 'Keep the (fictional) Northvale night helpline open after March.',
      body: 'The night helpline answers calls when everything else is closed. Its funding ends in March.',
      targetName: 'Alex Sample',
      targetRole: 'Health Minister of Northvale (fictional)',
      letterText:
        'Dear Minister,\n\nPlease keep the night helpline open. People need someone to answer at night.\n\nThank you.',
      nextSteps: '',
      goal: 500,
      publishedAt: new Date(now.getTime() - 5 * DAY),
    };
    const call = {
      ...base,
      id: 'demo-call-training',
      kind: 'call' as const,
      status: 'published' as const,
      title: 'Ask for training at job centres',
      ask: 'Train every job centre adviser in Westmere (fictional) to spot the signs of labour exploitation.',
      body: 'Advisers meet many people who are being exploited at work. A short training helps them notice and offer help.',
      targetName: 'Dana Placeholder',
      targetRole: 'Director of Employment, Westmere (fictional)',
      letterText:
        'Hello, I live in Westmere. I ask the director to train every job centre adviser to spot labour exploitation. Thank you.',
      targetPhone: '+44 20 7946 0000',
      nextSteps: '',
      goal: 100,
      publishedAt: new Date(now.getTime() - 3 * DAY),
    };
    const delivered = {
      ...base,
      id: 'demo-delivered-interpreters',
      kind: 'petition' as const,
      status: 'delivered' as const,
      title: 'Interpreters at every first meeting',
      ask: 'Offer a free interpreter at every first meeting with a support worker.',
      body: 'It is hard to ask for help in a language you do not speak well. An interpreter makes the first meeting safe.',
      targetName: 'Chris Demo',
      targetRole: 'Director of Social Services (fictional)',
      nextSteps: 'The director promised an answer within three months. We will post it here.',
      goal: 5,
      publishedAt: new Date(now.getTime() - 60 * DAY),
      endedAt: new Date(now.getTime() - 10 * DAY),
      deliveryNote: 'We gave 8 signatures and 3 letters to the director\u2019s office. Thank you!',
      deliveredOn: new Date(now.getTime() - 10 * DAY).toISOString().slice(0, 10),
    };
    // Written in French by a Havrebourg group: the page marks its text as French whatever the reader's language.
    const french = {
      ...base,
      id: 'demo-havrebourg-permanence',
      kind: 'petition' as const,
      status: 'published' as const,
      contentLanguage: 'fr' as const,
      title: 'Une permanence de nuit à Havrebourg',
      ask: 'Ouvrir une permanence d\u2019accueil la nuit à Havrebourg (ville fictive), toute l\u2019année.',
      body: 'La nuit, les personnes qui quittent l\u2019exploitation ne trouvent aucune porte ouverte.\n\nUne permanence avec deux personnes formées suffirait pour accueillir, écouter et orienter.',
      targetName: 'Camille Exemple',
      targetRole: 'Maire de Havrebourg (fictif)',
      nextSteps: 'Nous remettrons les signatures au conseil municipal à la fin du mois.',
      goal: 50,
      publishedAt: new Date(now.getTime() - 2 * DAY),
    };
    // One row per statement: D1 allows at most 100 bound values in one query.
    for (const campaign of [petition, letter, call, delivered, french])
      await db.insert(campaigns).values(campaign);
    const rows = [petition.id, delivered.id].flatMap((campaignId) =>
      SIGNERS.map(([firstName, lastName, city, display], i) => ({
        campaignId,
        firstName,
        lastName,
        city,
        display,
        locale: 'en' as const,
        createdAt: new Date(now.getTime() - (i + 12) * DAY),
        confirmedAt: new Date(now.getTime() - (i + 12) * DAY + 3600_000),
      })),
    );
    for (const row of rows) await db.insert(campaignSignatures).values(row);
    await db.insert(campaignUpdates).values({
      id: newId(),
      campaignId: petition.id,
      body: 'We passed our first goal! Thank you. We raised the goal so we can show the council how many people care.',
      siteOrigin: '',
      createdAt: new Date(now.getTime() - 2 * DAY),
      mailingDoneAt: new Date(now.getTime() - 2 * DAY),
    });
  },
};
