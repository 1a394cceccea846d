import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getResource } from '../../../db/resources/detail';
import { DEMO_CITIES } from '../../../db/demo/resources-types';
import { isRuleOpen, localTimeIn, parseWeeklyHours } from '../../../db/resources/hours';
import { DEMO_ORGANIZATIONS, seedDemoResources } from '../../../db/demo/resources';
import { searchResources } from '../../../db/resources/search/search';
import { makeTestApp, type TestApp } from '../../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
  await seedDemoResources(t.db, new Date('2026-11-26T15:00:00Z'));
});
afterAll(() => t.close());

const openAt = async (iso: string) =>
  new Set(
    (
      await searchResources(
        t.db,
        { sort: 'relevance', page: 1, pageSize: 100, openNow: true },
        new Date(iso),
      )
    ).items.map((i) => i.slug),
  );

describe('localTimeIn', () => {
  it('reads the wall clock of a zone, daylight saving time included', () => {
    expect(localTimeIn('America/Toronto', new Date('2026-01-07T12:30:00Z'))).toMatchObject({
      weekday: 'WE',
      time: '07:30',
      date: '2026-01-07',
    });
    expect(localTimeIn('America/Toronto', new Date('2026-07-01T12:30:00Z'))).toMatchObject({
      weekday: 'WE',
      time: '08:30',
    });
    // Los Angeles, not Vancouver: British Columbia stopped changing its clocks in November 2026,
    // which only newer time-zone data (Node 24's) knows, so Vancouver's answer depends on the Node.
    expect(localTimeIn('America/Los_Angeles', new Date('2026-11-27T06:30:00Z'))).toMatchObject({
      weekday: 'TH',
      previousWeekday: 'WE',
      time: '22:30',
    });
    expect(localTimeIn('Not/AZone', new Date('2026-11-27T06:30:00Z'))).toMatchObject({
      weekday: 'FR',
      time: '06:30',
    });
  });

  it('is worked out anew at each minute, for each zone, however the instants come', () => {
    // Kept a minute at a time (hours.ts): the last moment of a minute, the next one, back again.
    const at = (iso: string, zone = 'Europe/Paris') => localTimeIn(zone, new Date(iso)).time;
    expect(at('2026-03-29T00:59:59.999Z')).toBe('01:59');
    expect(at('2026-03-29T01:00:00.000Z')).toBe('03:00'); // the clocks go forward
    expect(at('2026-03-29T01:00:59.000Z', 'Europe/London')).toBe('02:00');
    expect(at('2026-03-29T01:00:30.000Z')).toBe('03:00');
    expect(at('2026-03-29T00:59:00.000Z')).toBe('01:59');
    expect(localTimeIn('America/Toronto', new Date('2026-03-29T00:59:30Z')).date).toBe(
      '2026-03-28',
    );
  });
});

describe('open now', () => {
  it('is decided in each location’s own time zone', async () => {
    // Thursday 10:00 in Havrebourg and Quillhaven, 07:00 in Marrowby.
    const open = await openAt('2026-11-26T15:00:00Z');
    expect(open.has('rive-est-clinique-sans-rendez-vous')).toBe(true); // Havrebourg, 08:00–20:00
    expect(open.has('valley-wellness-medical')).toBe(false); // Marrowby, 08:30–17:00: not yet
    expect(open.has('neighbour-rides-appointments')).toBe(true); // Marrowby, from 07:00 sharp
  });

  it('follows daylight saving time', async () => {
    // 12:30 UTC on a Wednesday: 08:30 in July (EDT), 07:30 in January (EST); the clinic opens at 08:00.
    expect((await openAt('2026-07-01T12:30:00Z')).has('rive-est-clinique-sans-rendez-vous')).toBe(
      true,
    );
    expect((await openAt('2026-01-07T12:30:00Z')).has('rive-est-clinique-sans-rendez-vous')).toBe(
      false,
    );
  });

  it('runs past midnight for overnight hours', async () => {
    // Friday 01:30 in Quillhaven: the night drop-in opened Thursday 20:00 and closes 08:00.
    const night = await openAt('2026-11-27T06:30:00Z');
    expect(night.has('harbour-rest-night-drop-in')).toBe(true);
    expect(night.has('harbour-rest-safe-house')).toBe(true); // 24/7
    expect(night.has('quillhaven-legal-work-rights')).toBe(false);
    // Thursday 22:30 in Marrowby: emergency beds, 19:00–09:00.
    expect(night.has('harbourlight-emergency-beds')).toBe(true);
    // Thursday 09:00 in Quillhaven: the drop-in has closed.
    expect((await openAt('2026-11-26T14:00:00Z')).has('harbour-rest-night-drop-in')).toBe(false);
  });

  it('treats a closing time of midnight as the end of the day', async () => {
    // Brightline web chat: 16:00–00:00, Toronto time.
    expect((await openAt('2026-11-27T04:59:00Z')).has('brightline-chat')).toBe(true); // 23:59
    expect((await openAt('2026-11-27T05:00:00Z')).has('brightline-chat')).toBe(false); // 00:00
  });

  it('always has something open and something closed in the demo data', async () => {
    for (let hour = 0; hour < 24 * 7; hour += 5) {
      const open = await openAt(new Date(Date.UTC(2026, 10, 23, hour)).toISOString());
      expect(open.size).toBeGreaterThan(0);
      expect(open.size).toBeLessThan(42);
    }
  });

  it('agrees between the SQL (search) and the JavaScript (one resource) at every half hour of a week', async () => {
    const services = DEMO_ORGANIZATIONS.flatMap((org) => org.services);
    for (let step = 0; step < 48 * 7; step += 7) {
      const now = new Date(Date.UTC(2026, 10, 23, 0, step * 30));
      const open = await openAt(now.toISOString());
      for (const service of services) {
        const zone =
          service.city === 'online' ? service.timeZone! : DEMO_CITIES[service.city].timeZone;
        const expected = parseWeeklyHours(service.hours).some((rule) =>
          isRuleOpen(rule, localTimeIn(zone, now)),
        );
        expect(open.has(service.slug), `${service.slug} at ${now.toISOString()}`).toBe(expected);
      }
    }
    const detail = await getResource(
      t.db,
      'harbour-rest-night-drop-in',
      new Date('2026-11-27T06:30:00Z'),
    );
    expect(detail?.openNow).toBe(true);
    expect(detail?.places[0]?.today).toBe('FR');
  });
});

describe('the integer hours kept by triggers', () => {
  it('follow an edit of a schedule, so open now follows it too', async () => {
    const { schedules } = await import('../../../db/schema');
    const { eq } = await import('drizzle-orm');
    const { demoId } = await import('../../../db/demo/resources');
    const id = demoId('schedule:kettle-and-crumb-lunch:0');
    const [before] = await t.db.select().from(schedules).where(eq(schedules.id, id)).all();
    expect(before).toMatchObject({
      byday: 'MO,TU,WE,TH,FR',
      dayMask: 31,
      opensMinute: 690,
      closesMinute: 870,
    });
    // Thursday 10:00 in Quillhaven: closed, then open once the lunch starts at 9.
    expect((await openAt('2026-11-26T15:00:00Z')).has('kettle-and-crumb-lunch')).toBe(false);
    await t.db
      .update(schedules)
      .set({ opensAt: '09:00:00', byday: 'th' })
      .where(eq(schedules.id, id));
    const [after] = await t.db.select().from(schedules).where(eq(schedules.id, id)).all();
    expect(after).toMatchObject({ dayMask: 8, opensMinute: 540, closesMinute: 870 });
    expect((await openAt('2026-11-26T15:00:00Z')).has('kettle-and-crumb-lunch')).toBe(true);
  });
});
