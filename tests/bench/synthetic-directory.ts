/**
 * A synthetic directory for the search benchmark: n services with organizations, places in four
 * invented cities (some online), weekly hours, languages, costs and one or two categories each.
 * Built inside SQLite with recursive CTEs so 100,000 services take seconds, not minutes; the FTS
 * triggers index every row as an import would.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/core/database';

const NOUNS = [
  'housing',
  'shelter',
  'legal advice',
  'counselling',
  'clinic',
  'food bank',
  'meals',
  'rides',
  'job training',
  'language classes',
  'peer group',
  'benefits help',
  'immigration advice',
  'crisis line',
  'dental care',
  'rent bank',
];
const ADJECTIVES = [
  'Community',
  'Northside',
  'Harbour',
  'Riverside',
  'Open',
  'Free',
  'Evening',
  'Family',
  'Youth',
  'Women’s',
  'Newcomer',
  'Neighbourhood',
];
const SENTENCES = [
  'Help for adults and families who need support now.',
  'Staff are trained in trauma-informed care.',
  'No documents are needed to get started.',
  'Interpreters are available on request.',
  'We can help you find a safe place to stay tonight.',
  'Advice about work, wages, visas and your rights.',
  'A warm meal and someone to talk to.',
  'Small groups led by people with lived experience.',
  'Appointments by phone, video or in person.',
  'Children are welcome and childcare is available.',
];
const CITIES = [
  ['Havrebourg', 46.112, -75.873, 'America/Toronto'],
  ['Quillhaven', 45.204, -77.418, 'America/Toronto'],
  ['Marrowby', 50.377, -121.906, 'America/Vancouver'],
  ['Fenmoor', 53.55, -113.49, 'America/Edmonton'],
];
const DAYS = ['MO,TU,WE,TH,FR', 'MO,WE,FR', 'TU,TH', 'SA,SU', '', 'MO,TU,WE,TH,FR,SA'];
const HOURS = [
  ['09:00', '17:00'],
  ['08:30', '20:00'],
  ['00:00', '00:00'],
  ['20:00', '08:00'],
  ['12:00', '16:00'],
  ['10:00', '18:30'],
];
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'uk', 'tl', 'pt', 'vi', 'so'];

// A spread of 0 … n-1 for service i, different for each salt: each attribute gets its own, so
// city, hours, languages, costs and categories vary independently (i % n for all of them would tie
// them together: every "food" service in one city, every French one paying).
const spread = (salt: number, n: number) =>
  `((((i + 1) * ${[2654435761, 2246822519, 3266489917, 668265263, 374761393, 1103515245, 1664525, 22695477, 1140671485, 134775813][salt]}) % 1000003) * ${n} / 1000003)`;

const pick = (list: string, index: string) =>
  sql.raw(`json_extract('${list.replace(/'/g, "''")}', '$[' || (${index}) || ']')`);

export const addSyntheticServices = async (db: Database, n: number, now: Date): Promise<void> => {
  const nouns = JSON.stringify(NOUNS);
  const adjectives = JSON.stringify(ADJECTIVES);
  const sentences = JSON.stringify(SENTENCES);
  const cities = JSON.stringify(CITIES);
  const days = JSON.stringify(DAYS);
  const hours = JSON.stringify(HOURS);
  const languages = JSON.stringify(LANGUAGES);
  const seconds = sql.raw(String(Math.floor(now.getTime() / 1000)));
  const series = sql.raw(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${n - 1})`,
  );
  // Whole numbers are written into the SQL: bound JS numbers arrive as REAL ("1.0" in ids).
  const orgs = sql.raw(String(Math.max(1, Math.floor(n / 3))));
  const city = () =>
    sql.raw(`json_extract('${cities}', '$[' || ${spread(0, CITIES.length)} || ']')`);

  await db.run(sql`${series} INSERT INTO organizations (id, name, description)
    SELECT 'bench-org-' || i, ${pick(adjectives, `i % ${ADJECTIVES.length}`)} || ' Aid Network ' || i, 'A synthetic organization.'
    FROM n WHERE i < ${orgs}`);
  await db.run(sql`${series} INSERT INTO locations (id, location_type, name, latitude, longitude, time_zone)
    SELECT 'bench-loc-' || i, CASE WHEN i % 10 = 0 THEN 'virtual' ELSE 'physical' END, 'Place ' || i,
      json_extract(${city()}, '$[1]') + ((i * 37) % 1000 - 500) / 10000.0,
      json_extract(${city()}, '$[2]') + ((i * 53) % 1000 - 500) / 10000.0,
      json_extract(${city()}, '$[3]')
    FROM n`);
  await db.run(sql`${series} INSERT INTO addresses (id, location_id, address_1, city, state_province, postal_code, country)
    SELECT 'bench-addr-' || i, 'bench-loc-' || i, (i % 400) || ' Synthetic Street', json_extract(${city()}, '$[0]'), 'Northmarch', 'Z9Z 9Z9', 'CA'
    FROM n WHERE i % 10 <> 0`);
  await db.run(sql`${series} INSERT INTO services (id, organization_id, name, description, slug, status, walk_in, trauma_informed, survivor_led, verified_at, verified_by_role)
    SELECT 'bench-svc-' || i, 'bench-org-' || (i % ${orgs}),
      ${pick(adjectives, `(i / 7) % ${ADJECTIVES.length}`)} || ' ' || ${pick(nouns, `i % ${NOUNS.length}`)} || ' ' || i,
      ${pick(sentences, `i % ${SENTENCES.length}`)} || ' ' || ${pick(sentences, `(i / 3) % ${SENTENCES.length}`)} || ' ' || ${pick(sentences, `(i / 11) % ${SENTENCES.length}`)},
      'bench-' || i, 'active', ${sql.raw(spread(1, 3))} = 0, ${sql.raw(spread(2, 2))} = 0, ${sql.raw(spread(3, 7))} = 0,
      CASE WHEN i % 17 = 0 THEN NULL ELSE ${seconds} - (i % 800) * 86400 END,
      CASE WHEN i % 17 = 0 THEN NULL ELSE 'moderator' END
    FROM n`);
  await db.run(
    sql`${series} INSERT INTO service_at_location (id, service_id, location_id) SELECT 'bench-sal-' || i, 'bench-svc-' || i, 'bench-loc-' || i FROM n`,
  );
  await db.run(sql`${series} INSERT INTO schedules (id, service_id, location_id, service_at_location_id, freq, byday, opens_at, closes_at)
    SELECT 'bench-sch-' || i, 'bench-svc-' || i, 'bench-loc-' || i, 'bench-sal-' || i, 'WEEKLY',
      ${pick(days, spread(4, DAYS.length))}, json_extract(${pick(hours, spread(5, HOURS.length))}, '$[0]'), json_extract(${pick(hours, spread(5, HOURS.length))}, '$[1]')
    FROM n`);
  for (const k of [0, 1]) {
    await db.run(sql`${series} INSERT INTO languages (id, service_id, code, name)
      SELECT 'bench-lang-${sql.raw(String(k))}-' || i, 'bench-svc-' || i, ${pick(languages, `(${spread(6, LANGUAGES.length)} + ${k * 3}) % ${LANGUAGES.length}`)}, NULL
      FROM n`);
  }
  await db.run(sql`${series} INSERT INTO cost_options (id, service_id, option, currency, amount)
    SELECT 'bench-cost-' || i, 'bench-svc-' || i, 'Per visit', 'CAD', CASE WHEN ${sql.raw(spread(7, 10))} < 7 THEN 0 ELSE 5 + i % 20 END FROM n`);
  const terms = sql.raw(
    `, terms(id, k) AS (SELECT id, row_number() OVER (ORDER BY code) - 1 FROM taxonomy_terms)`,
  );
  await db.run(sql`${series}${terms} INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type)
    SELECT 'bench-attr-' || i, 'bench-svc-' || i, terms.id, 'service' FROM n JOIN terms ON terms.k = ${sql.raw(spread(8, 12))}`);
  await db.run(sql`${series}${terms} INSERT INTO attributes (id, link_id, taxonomy_term_id, link_type)
    SELECT 'bench-attr2-' || i, 'bench-svc-' || i, terms.id, 'service'
    FROM n JOIN terms ON terms.k = ${sql.raw(spread(9, 12))} WHERE i % 4 = 0 AND ${sql.raw(spread(9, 12))} <> ${sql.raw(spread(8, 12))}`);
  await db.run(sql`ANALYZE`);
};
