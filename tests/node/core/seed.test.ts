import { count } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoData, seeders, type Seeder } from '../../../db/demo/seed';
import { appMeta } from '../../../db/schema';
import { makeTestApp } from '../../support/app';

const added: Seeder[] = [];
afterEach(() => {
  for (const seeder of added.splice(0)) seeders.splice(seeders.indexOf(seeder), 1);
});

const addSeeder = (seeder: Seeder) => {
  seeders.push(seeder);
  added.push(seeder);
};

describe('seedDemoData', () => {
  it('runs every area\u2019s seeder once on an empty database, and never again', async () => {
    const t = await makeTestApp();
    let runs = 0;
    addSeeder({ area: 'test-area', run: async () => void runs++ });
    expect(await seedDemoData(t.db)).toContain('test-area');
    expect(await seedDemoData(t.db)).toEqual([]);
    expect(runs).toBe(1);
    t.close();
  });

  it('seeds once when two starts race', async () => {
    const t = await makeTestApp();
    let runs = 0;
    addSeeder({ area: 'race', run: async () => void runs++ });
    await Promise.all([seedDemoData(t.db), seedDemoData(t.db), seedDemoData(t.db)]);
    expect(runs).toBe(1);
    t.close();
  });

  it('leaves the database unmarked when a seeder fails, so the next start tries again', async () => {
    const t = await makeTestApp();
    addSeeder({
      area: 'broken',
      run: async () => {
        throw new Error('demo data failed');
      },
    });
    await expect(seedDemoData(t.db)).rejects.toThrow('demo data failed');
    expect((await t.db.select({ n: count() }).from(appMeta).get())?.n).toBe(0);
    t.close();
  });
});
