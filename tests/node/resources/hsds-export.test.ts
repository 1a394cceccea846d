import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHsdsTables } from '../../../db/resources/hsds/export';
import { DEMO_ORGANIZATIONS, seedDemoResources } from '../../../db/demo/resources';
import { writeHsdsPackage } from '../../../scripts/hsds-package';
import { makeTestApp, type TestApp } from '../../support/app';

const EXAMPLES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'hsds',
  'examples',
  'csv',
);

let t: TestApp;
let folder: string;
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date());
  folder = mkdtempSync(join(tmpdir(), 'hsds-export-'));
  writeHsdsPackage(folder, await exportHsdsTables(t.db));
});
afterAll(() => {
  t.close();
  rmSync(folder, { recursive: true, force: true });
});

const read = (file: string) =>
  parse(readFileSync(join(folder, file), 'utf8'), { columns: true }) as Record<string, string>[];
const header = (path: string) => readFileSync(path, 'utf8').split('\n')[0]!.trim();

describe('npm run hsds:export', () => {
  it('writes the HSDS tables with the same file names and columns as the official examples', () => {
    const shared = readdirSync(EXAMPLES).filter(
      (f) => f.endsWith('.csv') && readdirSync(folder).includes(f),
    );
    expect(shared.length).toBeGreaterThanOrEqual(14);
    for (const file of shared)
      expect(header(join(folder, file)), file).toBe(header(join(EXAMPLES, file)));
    const datapackage = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8'));
    expect(datapackage.resources.map((r: { path: string }) => r.path).sort()).toEqual(
      readdirSync(folder)
        .filter((f) => f.endsWith('.csv'))
        .sort(),
    );
  });

  it('exports every service, with its categories, hours, languages and costs', () => {
    const services = DEMO_ORGANIZATIONS.flatMap((org) => org.services);
    expect(read('services.csv')).toHaveLength(services.length);
    expect(read('attributes.csv').length).toBe(
      services.reduce((n, s) => n + s.categories.length, 0),
    );
    expect(read('schedules.csv').every((row) => /^\d\d:\d\d:\d\d$/.test(row.opens_at!))).toBe(true);
    expect(read('languages.csv').some((row) => row.code === 'fr')).toBe(true);
    // Quotes, commas and line breaks survive the round trip.
    const names = read('organizations.csv').map((row) => row.name);
    expect(names).toContain('Quillhaven Tenants\u2019 Table');
  });

  it('leaves confidential addresses and positions out', async () => {
    const confidential = (
      await t.db.query.locations.findMany({
        where: (l, { eq }) => eq(l.confidentialLocation, true),
      })
    ).map((l) => l.id);
    expect(confidential.length).toBeGreaterThanOrEqual(2);
    expect(read('addresses.csv').filter((row) => confidential.includes(row.location_id!))).toEqual(
      [],
    );
    for (const row of read('locations.csv').filter((r) => confidential.includes(r.id!))) {
      expect([row.latitude, row.longitude, row.name, row.transportation]).toEqual(['', '', '', '']);
    }
    const everything = readdirSync(folder)
      .map((f) => readFileSync(join(folder, f), 'utf8'))
      .join('\n');
    expect(everything).not.toContain('Hidden Courtyard');
  });
});
