import { eq } from 'drizzle-orm';
import { findOrCreateUser, grantRole } from '../../../db/accounts/users';
import { approveCampaign, createCampaign, submitCampaign } from '../../../db/campaigns/campaigns';
import { migrateLibsql, openLibsqlDatabase, tuneLocalFile } from '../../../db/core/libsql';
import { seedDemoData } from '../../../db/demo/seed';
import { createEvent } from '../../../db/events/events';
import { getEditableResource } from '../../../db/resources/edit-read';
import { events, services } from '../../../db/schema';
import { createStory } from '../../../db/stories/stories';
import { resourceFormValues } from '../../../worker/resources/form';
import type { ResourceFormValues } from '../../../web/views/resources/edit-form';
import { campaignInput } from '../campaigns';
import { eventInput } from '../events';

/** Places of the event that RSVPs race for: small, so the waitlist fills in the first round. */
export const EVENT_CAPACITY = 12;
export const STORYTELLER = 'storyteller@example.org';
export const MODERATOR = 'moderator@example.org';

export interface Fixtures {
  campaignId: string;
  eventId: string;
  storyIds: string[];
  /** Resources the moderator edits, with the form as it opens, to change the description of. */
  resources: { id: string; form: ResourceFormValues }[];
}

/**
 * The database as a deployment would have it before the load: the demo data (so the search
 * index has a directory to hold), a petition, an event with few places, a storyteller's stories
 * waiting for approval, and a moderator. Written before the server opens the file.
 */
export const prepareDatabase = async (dbFile: string): Promise<Fixtures> => {
  const { db, client } = openLibsqlDatabase(`file:${dbFile}`);
  try {
    await tuneLocalFile(client);
    await migrateLibsql(db);
    await seedDemoData(db);
    const organizer = await findOrCreateUser(db, 'crash-organizer@example.org');
    await grantRole(db, organizer.id, 'organizer');
    const campaignId = await createCampaign(db, organizer.id, campaignInput({ goal: 1000 }));
    await submitCampaign(db, campaignId, organizer.id);
    await approveCampaign(db, campaignId);
    const eventId = await createEvent(db, organizer.id, eventInput({ capacity: EVENT_CAPACITY }));
    await db.update(events).set({ status: 'published' }).where(eq(events.id, eventId));

    const storyteller = await findOrCreateUser(db, STORYTELLER);
    await grantRole(db, storyteller.id, 'storyteller');
    const storyIds: string[] = [];
    for (let i = 0; i < 8; i++)
      storyIds.push(
        await createStory(db, storyteller.id, {
          title: `Crash story ${i}`,
          body: 'The first winter was the hardest.\n\nThen a neighbour knocked on my door.',
          shownName: 'Mira',
          language: 'en',
          contentNotes: [],
          contentNoteText: '',
        }),
      );
    const moderator = await findOrCreateUser(db, MODERATOR);
    await grantRole(db, moderator.id, 'moderator');

    const firstServices = await db.select({ id: services.id }).from(services).limit(3).all();
    const resources = [];
    for (const { id } of firstServices) {
      const editable = await getEditableResource(db, id);
      if (editable) resources.push({ id, form: resourceFormValues(editable.input) });
    }
    return { campaignId, eventId, storyIds, resources };
  } finally {
    client.close();
  }
};
