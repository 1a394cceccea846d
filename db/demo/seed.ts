import { eq } from 'drizzle-orm';
import { campaignSeeder } from './campaigns';
import { circlesSeeder } from './circles';
import type { Database } from '../core/database';
import { eventsSeeder } from './events';
import { resourcesSeeder } from './resources';
import { appMeta } from '../schema';
import { storiesSeeder } from './stories';

/**
 * Demo data. Each area has one seeder, listed here, with its own fictional content
 * (resources, events, campaigns, stories). All names, places and stories are invented.
 */
export interface Seeder {
  /** A short name for logs, e.g. "resources". */
  area: string;
  run: (db: Database, now: Date) => Promise<void>;
}

// Campaigns before stories: a demo story is consented for the demo petition.
export const seeders: Seeder[] = [
  resourcesSeeder,
  campaignSeeder,
  eventsSeeder,
  storiesSeeder,
  circlesSeeder,
];

const SEEDED_KEY = 'demo_seeded_at';

/**
 * Seeds demo data once: a database that was seeded before (even if its demo rows were since
 * removed) is left alone, so restarting never duplicates or resurrects anything.
 * Returns the areas seeded, empty when nothing was done.
 */
export const seedDemoData = async (db: Database, now = new Date()): Promise<string[]> => {
  const marker = await db.select().from(appMeta).where(eq(appMeta.key, SEEDED_KEY)).get();
  if (marker) return [];
  // Claim the marker first: if two processes start together, only one seeds.
  const claimed = await db
    .insert(appMeta)
    .values({ key: SEEDED_KEY, value: now.toISOString() })
    .onConflictDoNothing()
    .returning({ key: appMeta.key });
  if (claimed.length === 0) return [];
  try {
    for (const seeder of seeders) await seeder.run(db, now);
  } catch (error) {
    // Let the next start try again rather than leave a half-seeded database marked as done.
    await db.delete(appMeta).where(eq(appMeta.key, SEEDED_KEY));
    throw error;
  }
  return seeders.map((seeder) => seeder.area);
};
