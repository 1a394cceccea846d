import ICAL from 'ical.js';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { eventForm, eventIdFrom, signedInAs } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

/**
 * Events over several days, and all-day events: the form can say "all day", and the event page,
 * the list, the month view and iCalendar show the days a reader expects.
 */
let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const allDay = { allDay: '1', startTime: '', endTime: '' };

/** Creates an event through the organizer's form and publishes it; returns its id. */
const made = async (fields: Record<string, string>) => {
  const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
  const res = await browser.post('/organize/events', eventForm(fields));
  expect(res.status).toBe(303);
  const id = eventIdFrom(res.headers.get('location'));
  await t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
  return { id, browser };
};

const text = async (path: string, lang: 'en' | 'fr' = 'en') =>
  visibleText(await (await new TestBrowser(t).get(path, { Cookie: `lang=${lang}` })).text());

/** The events listed in one day's cell of the month grid, as text. */
const cell = (html: string, day: string) => {
  const at = html.indexOf(`<span class="visually-hidden">${day}</span>`);
  if (at < 0) return '';
  return visibleText(html.slice(at, html.indexOf('</td>', at)));
};

describe('an all-day event', () => {
  it('is made from the form without times, midnight to midnight in its zone, the end date being its last day', async () => {
    const { id, browser } = await made({
      ...allDay,
      startDate: '2030-06-15',
      endDate: '2030-06-16',
    });
    const row = (await t.db.select().from(events).where(eq(events.id, id)).get())!;
    expect(row.startsAt.toISOString()).toBe('2030-06-14T22:00:00.000Z');
    expect(row.endsAt.toISOString()).toBe('2030-06-16T22:00:00.000Z');
    const page = await text(`/events/${id}`);
    expect(page).toContain('Saturday, 15 June 2030 – Sunday, 16 June 2030, all day');
    expect(page).not.toContain('00:00');
    expect(await text(`/events/${id}`, 'fr')).toContain(
      'samedi 15 juin 2030 – dimanche 16 juin 2030, toute la journée',
    );
    expect(await text('/events')).toContain(
      'Saturday, 15 June 2030 – Sunday, 16 June 2030, all day',
    );
    // Editing shows it as it was typed.
    const form = await (await browser.get(`/organize/events/${id}/edit`)).text();
    expect(form).toMatch(
      /<input type="checkbox" id="field-allDay" name="allDay" value="1" checked/,
    );
    expect(form).toContain('name="endDate" type="text" value="2030-06-16"');
    expect(form).toContain('name="startTime" type="text" value=""');
  });

  it('on one day says so, and the form still asks for times when it is not all day', async () => {
    const { id } = await made({ ...allDay, startDate: '2030-06-15' });
    expect(await text(`/events/${id}`)).toContain('Saturday, 15 June 2030, all day');
    const { browser } = await signedInAs(t, 'org@example.org', 'organizer');
    const missing = await browser.post(
      '/organize/events',
      eventForm({ startTime: '', endTime: '' }),
    );
    expect(missing.status).toBe(400);
    expect(visibleText(await missing.text())).toContain('Enter a time like 18:30.');
    const backwards = await browser.post(
      '/organize/events',
      eventForm({ ...allDay, startDate: '2030-06-15', endDate: '2030-06-14' }),
    );
    expect(backwards.status).toBe(400);
    const noSuchDay = await browser.post(
      '/organize/events',
      eventForm({ ...allDay, startDate: '2030-02-27', endDate: '2030-02-30' }),
    );
    expect(noSuchDay.status).toBe(400);
  });

  it('is exported with dates, DTEND the day after its last day', async () => {
    const { id } = await made({ ...allDay, startDate: '2030-06-15', endDate: '2030-06-16' });
    const ics = await (await new TestBrowser(t).get(`/events/${id}.ics`)).text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20300615');
    expect(ics).toContain('DTEND;VALUE=DATE:20300617');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!,
    );
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2030-06-15');
    expect(event.endDate.toString()).toBe('2030-06-17');
    expect(event.duration.toSeconds()).toBe(2 * 24 * 3600);
  });

  it('stays all day every week of a series, across the change of clocks', async () => {
    // Europe/Paris leaves summer time on Sunday 27 October 2030: that day has 25 hours.
    await made({ ...allDay, startDate: '2030-10-20', repeat: 'week', repeatUntil: '2030-11-03' });
    const rows = await t.db.select().from(events).orderBy(asc(events.startsAt)).all();
    expect(rows.map((row) => [row.startsAt.toISOString(), row.endsAt.toISOString()])).toEqual([
      ['2030-10-19T22:00:00.000Z', '2030-10-20T22:00:00.000Z'],
      ['2030-10-26T22:00:00.000Z', '2030-10-27T23:00:00.000Z'],
      ['2030-11-02T23:00:00.000Z', '2030-11-03T23:00:00.000Z'],
    ]);
  });
});

describe('an event over several days', () => {
  it('shows both dates and times on its page and in the list', async () => {
    const { id } = await made({
      startDate: '2030-06-20',
      startTime: '18:00',
      endDate: '2030-06-22',
      endTime: '12:00',
    });
    const when = 'Thursday, 20 June 2030, 18:00 – Saturday, 22 June 2030, 12:00 (Europe/Paris)';
    expect(await text(`/events/${id}`)).toContain(when);
    expect(await text('/events')).toContain(when);
  });

  it('is in the month view on every day it is on, the later days marked as continued', async () => {
    await made({
      title: 'Long weekend',
      startDate: '2030-06-20',
      startTime: '18:00',
      endDate: '2030-06-22',
      endTime: '12:00',
    });
    await made({
      title: 'Till midnight',
      startDate: '2030-06-25',
      startTime: '20:00',
      endDate: '2030-06-26',
      endTime: '00:00',
    });
    await made({
      ...allDay,
      title: 'Two full days',
      startDate: '2030-06-29',
      endDate: '2030-07-01',
    });
    const june = await (await new TestBrowser(t).get('/events?view=month&month=2030-06')).text();
    expect(cell(june, 'Wednesday, 19 June 2030')).not.toContain('Long weekend');
    expect(cell(june, 'Thursday, 20 June 2030')).toContain('Long weekend');
    expect(cell(june, 'Thursday, 20 June 2030')).not.toContain('continued');
    expect(cell(june, 'Friday, 21 June 2030')).toContain('Long weekend (continued)');
    expect(cell(june, 'Saturday, 22 June 2030')).toContain('Long weekend (continued)');
    expect(cell(june, 'Sunday, 23 June 2030')).not.toContain('Long weekend');
    // Ending at midnight is ending that day.
    expect(cell(june, 'Tuesday, 25 June 2030')).toContain('Till midnight');
    expect(cell(june, 'Wednesday, 26 June 2030')).not.toContain('Till midnight');
    expect(cell(june, 'Sunday, 30 June 2030')).toContain('Two full days (continued)');
    const july = await (await new TestBrowser(t).get('/events?view=month&month=2030-07')).text();
    expect(cell(july, 'Monday, 1 July 2030')).toContain('Two full days (continued)');
    expect(cell(july, 'Tuesday, 2 July 2030')).not.toContain('Two full days');
    const fr = await (
      await new TestBrowser(t).get('/events?view=month&month=2030-07', { Cookie: 'lang=fr' })
    ).text();
    expect(cell(fr, 'lundi 1 juillet 2030')).toContain('Two full days (suite)');
  });
});
