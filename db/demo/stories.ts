import type { Database } from '../core/database';
import {
  approveStoryVersion,
  createStory,
  publishStoryApproval,
  loadStory,
} from '../stories/stories';
import { findOrCreateUser, grantRole } from '../accounts/users';

/**
 * The campaign id the demo's second story is consented for. The campaigns area's seeder should
 * use the same id for one of its demo campaigns (plain text ids, by design).
 */
// The demo petition of db/demo/campaigns.ts: the example story may be shown on it.
export const DEMO_STORY_CAMPAIGN_ID = 'demo-safe-housing';

const EXAMPLES = [
  {
    title: 'Example story: The kitchen at night',
    body:
      'This is an example story, made up for this demo. No real person wrote it.\n\n' +
      'I worked in a restaurant kitchen for two years. I slept in the back room. Someone else kept my passport.\n\n' +
      'A woman from a community group came to eat there every Friday. One night she left a card under her plate.\n\n' +
      'It took me four months to call. Today I have my own key, and I cook for friends.',
    shownName: 'Example: Lina',
    language: 'en' as const,
    contentNotes: ['violence' as const],
    contentNoteText: '',
    consent: { ownPage: true, campaignIds: [], eventQuotes: true, months: 12 },
  },
  {
    title: 'Exemple de témoignage : Les champs',
    body:
      'Ceci est un témoignage d’exemple, inventé pour la démonstration. Personne de réel ne l’a écrit.\n\n' +
      'On m’avait promis un travail dans les vergers. Les heures étaient longues et on ne me payait pas.\n\n' +
      'Une bénévole m’a expliqué mes droits, dans ma langue. Aujourd’hui, j’aide d’autres personnes à connaître les leurs.',
    shownName: '',
    language: 'fr' as const,
    contentNotes: ['other' as const],
    contentNoteText: 'Travail forcé',
    consent: {
      ownPage: true,
      campaignIds: [DEMO_STORY_CAMPAIGN_ID],
      eventQuotes: false,
      months: 24,
    },
  },
];

/** Two published, clearly marked example stories by a made-up storyteller account. */
export const seedStories = async (db: Database, now: Date): Promise<void> => {
  const author = await findOrCreateUser(db, 'example-storyteller@example.org', 'en', now);
  await grantRole(db, author.id, 'storyteller', now);
  for (const example of EXAMPLES) {
    const { consent, ...draft } = example;
    const id = await createStory(db, author.id, draft, now);
    await approveStoryVersion(
      db,
      {
        storyId: id,
        authorId: author.id,
        versionNumber: 1,
        consent,
        siteOrigin: 'http://localhost:8787',
      },
      now,
    );
    const record = await loadStory(db, id);
    await publishStoryApproval(db, id, record!.approvals[0]!.id, now);
  }
};

export const storiesSeeder = { area: 'stories', run: seedStories };
