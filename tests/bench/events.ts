/**
 * npm run bench:events — how the events area performs on a local libsql file (the `npm start`
 * setup): RSVPs one by one and 50 at once for the last places, the list, the month, one event
 * page, the iCalendar feed, a CSV export and a reminder run, with 300 events in the database.
 * Figures are printed, never asserted: tests check behaviour, this script measures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { listEventRsvps } from '../../db/events/rsvps';
import { createEvent } from '../../db/events/events';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { events } from '../../db/schema';
import { findOrCreateUser } from '../../db/accounts/users';
import { allCatalogs } from '../../worker/catalogs';
import { rsvpsCsv } from '../../web/views/events/rsvps-csv';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { loadCsv } from '../../worker/on-demand';
import { sendEventReminders } from '../../worker/events/jobs';
import { outboxMailer } from '../../worker/mail/mailer';

// The catalogs as the app hands them out (French is an on-demand module).
const catalogs = await allCatalogs();

const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
const { db, client } = openLibsqlDatabase(`file:${join(dir, 'bench.db')}`);
await migrateLibsql(db);
const app = createApp(
  {
    database: () => db,
    config: () => readConfig({ APP_ENV: 'local' }),
    mailer: () => outboxMailer(db, () => {}),
    areaLinks,
    clientAddress: (c) => c.req.header('x-bench-client') ?? '192.0.2.1',
  },
  { log: () => {} },
);

const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;
const organizer = await findOrCreateUser(db, 'bench-org@example.org');
const now = Date.now();
const ids: string[] = [];
for (let i = 0; i < 300; i++) {
  const startsAt = new Date(now + (1 + (i % 60)) * 86400_000 + i * 60_000);
  const id = await createEvent(db, organizer.id, {
    contentLanguage: 'en',
    title: `Bench event ${i}`,
    description: 'A benchmark event. '.repeat(20),
    category: 'workshop',
    format: i % 3 ? 'in_person' : 'online',
    city: ['Lyon', 'Paris', 'Nantes'][i % 3]!,
    address: '1 rue Test',
    directions: '',
    stepFree: true,
    seating: false,
    interpretation: false,
    quietRoom: false,
    childcare: false,
    accessNotes: '',
    onlineUrl: i % 3 ? '' : 'https://meet.example.org/x',
    languages: 'fr,en',
    cost: '',
    capacity: 60,
    timeZone: 'Europe/Paris',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 7200_000),
    reminderHours: 24,
  });
  ids.push(id);
}
await db.update(events).set({ status: 'published' });
const target = ids[0]!;
const post = (email: string, client: string) =>
  app.request(`http://localhost/events/${target}/rsvp`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'Sec-Fetch-Site': 'same-origin',
      'x-bench-client': client,
    },
    body: new URLSearchParams({
      name: 'Bench',
      email,
      places: '1',
      wantsReminder: 'yes',
    }).toString(),
  });

let start = performance.now();
for (let i = 0; i < 50; i++) await post(`one-${i}@example.org`, `198.51.100.${i}`);
console.log(
  `50 RSVPs one after another: ${ms(start)} (${((performance.now() - start) / 50).toFixed(1)} ms each)`,
);
start = performance.now();
await Promise.all(
  Array.from({ length: 50 }, (_, i) => post(`par-${i}@example.org`, `203.0.113.${i}`)),
);
const confirmed = (await listEventRsvps(db, target)).filter((r) => r.status === 'confirmed').length;
console.log(
  `50 RSVPs at once for the last 10 places: ${ms(start)}; confirmed ${confirmed} of capacity 60`,
);

for (const path of [
  '/events',
  '/events?view=month',
  '/events?format=in_person&city=Paris',
  `/events/${target}`,
  '/events.ics',
]) {
  const runs = 20;
  let body = '';
  start = performance.now();
  for (let i = 0; i < runs; i++) body = await (await app.request(`http://localhost${path}`)).text();
  console.log(
    `${path}: ${((performance.now() - start) / runs).toFixed(1)} ms per request, ${(gzipSync(body).length / 1024).toFixed(1)} KiB gzip`,
  );
}
start = performance.now();
const csv = rsvpsCsv((await loadCsv()).stringify, catalogs.en, await listEventRsvps(db, target));
console.log(`CSV of ${csv.split('\n').length - 1} RSVPs: ${ms(start)}`);
start = performance.now();
const first = (await db.select().from(events).where(eq(events.id, target)).get())!;
const sent = await sendEventReminders(db, new Date(first.startsAt.getTime() - 3600_000));
console.log(`reminder run: ${sent} reminders claimed and queued in ${ms(start)}`);
client.close();
rmSync(dir, { recursive: true, force: true });
