import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countPlaces } from '../../../db/events/rsvps';
import { eventRsvps, events } from '../../../db/schema';
import { TestBrowser } from '../../support/browser';
import { DAY, mailsTo, privateToken, publishedEvent, rsvp } from '../../support/events';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const rows = (eventId: string) =>
  t.db.select().from(eventRsvps).where(eq(eventRsvps.eventId, eventId)).all();

describe('RSVP without an account', () => {
  it('saves a place, emails a private link, and the link shows and cancels it', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    const res = await rsvp(t, id, {
      email: 'Ana@Example.org',
      places: '2',
      accessNeeds: 'Step-free seat',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/events/test-workshop-${id}?rsvp=confirmed#rsvp-heading`,
    );
    const [row] = await rows(id);
    expect(row).toMatchObject({
      email: 'ana@example.org',
      places: 2,
      status: 'confirmed',
      accessNeeds: 'Step-free seat',
      wantsReminder: true,
    });
    const mail = (await mailsTo(t, 'ana@example.org'))[0]!;
    expect(mail.subject).toBe('About your place');
    const token = await privateToken(t, 'ana@example.org');
    // Only the hash is stored.
    expect(JSON.stringify(row)).not.toContain(token);
    const page = await new TestBrowser(t).get(`/rsvps/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(visibleText(await page.text())).toContain('You have 2 places at this event.');
    const cancelled = await new TestBrowser(t).post(`/rsvps/${token}/cancellation`);
    expect(cancelled.status).toBe(303);
    expect((await rows(id))[0]!.status).toBe('cancelled');
    expect(
      visibleText(await (await new TestBrowser(t).get(`/rsvps/${token}?done=cancelled`)).text()),
    ).toContain('Your RSVP is cancelled.');
  });

  it('shows the event page with remaining places, and the notice after the redirect', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    await rsvp(t, id, { email: 'a@example.org', places: '3' });
    const text = visibleText(
      await (await new TestBrowser(t).get(`/events/test-workshop-${id}?rsvp=confirmed`)).text(),
    );
    expect(text).toContain('7 places left');
    expect(text).toContain('Your place is saved.');
  });

  it('answers an htmx RSVP with the panel alone', async () => {
    const id = await publishedEvent(t);
    const res = await rsvp(t, id, { email: 'h@example.org' }, '192.0.2.50', {
      'HX-Request': 'true',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<section id="rsvp-panel"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(visibleText(html)).toContain('Your place is saved.');
  });

  it('re-shows the form with plain errors for empty, wrong and hostile input, and writes nothing', async () => {
    const id = await publishedEvent(t);
    for (const fields of <Record<string, string>[]>[
      { name: '', email: '', places: '' },
      { name: 'A', email: 'not-an-email', places: '1' },
      { name: 'A', email: 'a@example.org', places: '0' },
      { name: 'A', email: 'a@example.org', places: '6' },
      { name: 'A', email: 'a@example.org', places: '2.5' },
      { name: 'x'.repeat(5000), email: 'a@example.org', places: '1' },
      { name: 'A', email: 'a@example.org', places: '1', accessNeeds: 'y'.repeat(3000) },
    ]) {
      const res = await rsvp(t, id, fields);
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('error-summary');
    }
    expect(await rows(id)).toHaveLength(0);
    const empty = visibleText(await (await rsvp(t, id, { name: '', email: '' })).text());
    expect(empty).toContain('Please fill this in.');
    expect(empty).toContain('Enter an email address like name@example.org.');
  });

  it('keeps hostile text as text: HTML, htmx attributes and bidi overrides never reach the page as markup', async () => {
    const id = await publishedEvent(t);
    const hostile = '<script>alert(1)</script><b hx-get="/x" hx-trigger="load">\u202Egnp.exe</b>';
    const res = await rsvp(t, id, { name: hostile, email: 'bad', places: '1' });
    const html = await res.text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b hx-get');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('\u202E');
  });

  it('refuses RSVPs for a cancelled or past event with a clear message and no row', async () => {
    const cancelled = await publishedEvent(t);
    await t.db.update(events).set({ status: 'cancelled' }).where(eq(events.id, cancelled));
    const res = await rsvp(t, cancelled, { email: 'c@example.org' });
    expect(res.status).toBe(409);
    expect(visibleText(await res.text())).toContain('This event is cancelled.');
    const past = await publishedEvent(t);
    await t.db
      .update(events)
      .set({ startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - DAY) })
      .where(eq(events.id, past));
    const late = await rsvp(t, past, { email: 'c@example.org' });
    expect(late.status).toBe(409);
    expect(await rows(cancelled)).toHaveLength(0);
    expect(await rows(past)).toHaveLength(0);
  });

  it('does not show or take RSVPs for a draft (404 to the public)', async () => {
    const id = await publishedEvent(t);
    await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, id));
    expect((await new TestBrowser(t).get(`/events/${id}`)).status).toBe(404);
    expect((await rsvp(t, id, { email: 'd@example.org' })).status).toBe(404);
    expect(await rows(id)).toHaveLength(0);
  });
});

describe('an RSVP for an address that already has one', () => {
  /** The owner's RSVP, taken first; its row and private link before anyone else tries. */
  const owner = async (
    id: string,
    fields: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) => {
    await rsvp(
      t,
      id,
      {
        email: 'owner@example.org',
        name: 'Owner',
        places: '2',
        accessNeeds: 'Quiet seat',
        ...fields,
      },
      '192.0.2.50',
      headers,
    );
    return {
      row: (await rows(id)).find((r) => r.email === 'owner@example.org')!,
      token: await privateToken(t, 'owner@example.org'),
    };
  };
  const stranger = { name: 'Stranger', places: '1', accessNeeds: 'Nothing', wantsReminder: '' };

  it('answers exactly as a new RSVP, changes nothing, and emails the owner a link to manage theirs', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    const before = await owner(id);
    const again = await rsvp(t, id, { ...stranger, email: 'OWNER@example.org' }, '198.51.100.7');
    const fresh = await rsvp(t, id, { ...stranger, email: 'fresh@example.org' }, '198.51.100.8');
    expect(again.status).toBe(fresh.status);
    expect(again.headers.get('location')).toBe(
      `/events/test-workshop-${id}?rsvp=confirmed#rsvp-heading`,
    );
    expect(again.headers.get('location')).toBe(fresh.headers.get('location'));
    expect(await again.text()).toBe(await fresh.text());
    // Nothing changed but a link of its own for the owner: same name, places, needs, reminder choice and links.
    expect((await rows(id)).find((r) => r.email === 'owner@example.org')).toEqual({
      ...before.row,
      recoveryTokenHash: expect.any(String),
    });
    const page = await new TestBrowser(t).get(`/rsvps/${before.token}`);
    expect(page.status).toBe(200);
    expect(visibleText(await page.text())).toContain('You have 2 places at this event.');
    // The owner hears of it, under the same neutral subject, with a link that opens their RSVP.
    const mails = await mailsTo(t, 'owner@example.org');
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe('About your place');
    expect(mails[0]!.bodyText).toContain('Hello Owner');
    expect(mails[0]!.bodyText).not.toContain('Stranger');
    const link = await privateToken(t, 'owner@example.org');
    expect(link).not.toBe(before.token);
    const managed = await new TestBrowser(t).get(`/rsvps/${link}`);
    expect(managed.status).toBe(200);
    expect(visibleText(await managed.text())).toContain('You have 2 places at this event.');
    // The first link still works too.
    expect((await new TestBrowser(t).get(`/rsvps/${before.token}`)).status).toBe(200);
  });

  it('answers an htmx RSVP with the same panel a new one gets', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    await owner(id);
    const htmx = { 'HX-Request': 'true' };
    const again = await rsvp(
      t,
      id,
      { ...stranger, email: 'owner@example.org' },
      '198.51.100.7',
      htmx,
    );
    const fresh = await rsvp(
      t,
      id,
      { ...stranger, email: 'fresh@example.org' },
      '198.51.100.8',
      htmx,
    );
    expect(again.status).toBe(200);
    const [againText, freshText] = [
      visibleText(await again.text()),
      visibleText(await fresh.text()),
    ];
    expect(againText).toContain('Your place is saved.');
    expect(againText).not.toContain('updated');
    // The places left differ only because the new RSVP took one.
    expect(againText.replace('8 places left', '')).toBe(freshText.replace('7 places left', ''));
  });

  it('says what a new RSVP would say at that moment, without counting a place', async () => {
    const id = await publishedEvent(t, { capacity: 3 });
    await rsvp(t, id, { email: 'a@example.org', places: '2' });
    await rsvp(t, id, { email: 'w@example.org', places: '2' });
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 2, waitlisted: 2 });
    // One place is free: a new RSVP for one would be confirmed, though this address waits for two.
    const small = await rsvp(t, id, { email: 'w@example.org', places: '1' }, '198.51.100.7');
    expect(small.headers.get('location')).toBe(
      `/events/test-workshop-${id}?rsvp=confirmed#rsvp-heading`,
    );
    // Two are not free: a new RSVP for two would wait, though this address has two places.
    const big = await rsvp(t, id, { email: 'a@example.org', places: '2' }, '198.51.100.7');
    expect(big.headers.get('location')).toBe(
      `/events/test-workshop-${id}?rsvp=waitlisted#rsvp-heading`,
    );
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 2, waitlisted: 2 });
    expect((await rows(id)).map((r) => [r.email, r.status, r.places])).toEqual(
      expect.arrayContaining([
        ['a@example.org', 'confirmed', 2],
        ['w@example.org', 'waitlisted', 2],
      ]),
    );
  });

  it('writes to the owner in their own language', async () => {
    const id = await publishedEvent(t);
    await owner(id, { name: 'Léa' }, { Cookie: 'lang=fr' });
    await rsvp(t, id, { ...stranger, email: 'owner@example.org' }, '198.51.100.7');
    const [mail] = await mailsTo(t, 'owner@example.org');
    expect(mail!.subject).toBe('À propos de votre place');
    expect(mail!.bodyText).toContain('Bonjour Léa');
  });

  it('counts against the limit per address and client: past it, no answer about the RSVP and no email', async () => {
    const id = await publishedEvent(t);
    await owner(id);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await rsvp(t, id, { ...stranger, email: 'owner@example.org' }, '198.51.100.1')).status,
      );
    expect(statuses.slice(0, 10)).not.toContain(429);
    expect(statuses[10]).toBe(429);
    // The owner's own confirmation, then one email for each of the ten answered attempts.
    expect(await mailsTo(t, 'owner@example.org')).toHaveLength(11);
  });

  it('takes a new RSVP over one the address cancelled, answered as any new one', async () => {
    const id = await publishedEvent(t);
    const before = await owner(id);
    await new TestBrowser(t).post(`/rsvps/${before.token}/cancellation`);
    const back = await rsvp(t, id, { email: 'owner@example.org', name: 'Back', places: '1' });
    expect(back.headers.get('location')).toBe(
      `/events/test-workshop-${id}?rsvp=confirmed#rsvp-heading`,
    );
    expect((await rows(id))[0]).toMatchObject({ name: 'Back', places: 1, status: 'confirmed' });
  });
});

describe('changing an RSVP from its private link', () => {
  const change = (token: string, fields: Record<string, string>) =>
    new TestBrowser(t).post(`/rsvps/${token}/change`, {
      name: 'Ana',
      places: '1',
      accessNeeds: '',
      wantsReminder: 'yes',
      ...fields,
    });

  it('changes the name, places, needs and reminder choice, and says so', async () => {
    const id = await publishedEvent(t, { capacity: 10 });
    await rsvp(t, id, { email: 'a@example.org', name: 'First', places: '1' });
    const token = await privateToken(t, 'a@example.org');
    const form = visibleText(await (await new TestBrowser(t).get(`/rsvps/${token}`)).text());
    expect(form).toContain('Change your RSVP');
    const res = await change(token, {
      name: 'Second',
      places: '3',
      accessNeeds: 'Quiet seat',
      wantsReminder: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/rsvps/${token}?done=updated`);
    expect((await rows(id))[0]).toMatchObject({
      email: 'a@example.org',
      name: 'Second',
      places: 3,
      accessNeeds: 'Quiet seat',
      wantsReminder: false,
      status: 'confirmed',
    });
    const page = visibleText(
      await (await new TestBrowser(t).get(res.headers.get('location')!)).text(),
    );
    expect(page).toContain('Your RSVP is updated.');
    expect(page).toContain('You have 3 places at this event.');
  });

  it('keeps the places a person had when they ask for more than are free', async () => {
    const id = await publishedEvent(t, { capacity: 3 });
    await rsvp(t, id, { email: 'a@example.org', places: '2' });
    await rsvp(t, id, { email: 'b@example.org', places: '1' });
    const res = await change(await privateToken(t, 'a@example.org'), { places: '3' });
    expect(
      visibleText(await (await new TestBrowser(t).get(res.headers.get('location')!)).text()),
    ).toContain('You keep your 2 places.');
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 3, waitlisted: 0 });
  });

  it('gives places freed by a smaller number to the waitlist', async () => {
    const id = await publishedEvent(t, { capacity: 3 });
    await rsvp(t, id, { email: 'a@example.org', places: '3' });
    await rsvp(t, id, { email: 'w@example.org', places: '2' });
    await change(await privateToken(t, 'a@example.org'), { places: '1' });
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 3, waitlisted: 0 });
    expect((await mailsTo(t, 'w@example.org'))[0]!.bodyText).toContain('a place freed up');
  });

  it('re-shows the form with plain errors and changes nothing', async () => {
    const id = await publishedEvent(t);
    await rsvp(t, id, { email: 'a@example.org', name: 'Kept' });
    const token = await privateToken(t, 'a@example.org');
    const res = await change(token, { name: '', places: '9' });
    expect(res.status).toBe(400);
    const text = visibleText(await res.text());
    expect(text).toContain('Please fill this in.');
    expect(text).toContain('Choose a number of places from 1 to 5.');
    expect((await rows(id))[0]).toMatchObject({ name: 'Kept', places: 1 });
  });

  it('changes nothing once the RSVP is cancelled, or for a link that does not work', async () => {
    const id = await publishedEvent(t);
    await rsvp(t, id, { email: 'a@example.org', name: 'Kept' });
    const token = await privateToken(t, 'a@example.org');
    await new TestBrowser(t).post(`/rsvps/${token}/cancellation`);
    expect(
      visibleText(await (await new TestBrowser(t).get(`/rsvps/${token}`)).text()),
    ).not.toContain('Change your RSVP');
    expect((await change(token, { name: 'Changed' })).status).toBe(303);
    expect((await rows(id))[0]).toMatchObject({ name: 'Kept', status: 'cancelled' });
    const unknown = await change('a'.repeat(32), { name: 'Changed' });
    expect((await new TestBrowser(t).get(unknown.headers.get('location')!)).status).toBe(404);
  });
});

describe('capacity and waitlist', () => {
  it('confirms exactly 10 of 50 parallel RSVPs for the last 10 places, and waitlists the rest', async () => {
    const id = await publishedEvent(t, { capacity: 12 });
    await rsvp(t, id, { email: 'early@example.org', places: '2' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rsvp(t, id, { email: `p${i}@example.org` }, `198.51.100.${i}`),
      ),
    );
    expect(results.every((r) => r.status === 303)).toBe(true);
    const all = await rows(id);
    expect(all).toHaveLength(51);
    expect(all.filter((r) => r.status === 'confirmed')).toHaveLength(11);
    expect(all.filter((r) => r.status === 'waitlisted')).toHaveLength(40);
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 12, waitlisted: 40 });
  });

  it('promotes the first on the waitlist when someone cancels, and emails them a new link', async () => {
    const id = await publishedEvent(t, { capacity: 2 });
    await rsvp(t, id, { email: 'a@example.org', places: '2' });
    const waiting = await rsvp(t, id, { email: 'w1@example.org' });
    expect(waiting.headers.get('location')).toContain('rsvp=waitlisted');
    await rsvp(t, id, { email: 'w2@example.org' });
    const w1Token = await privateToken(t, 'w1@example.org');
    expect(visibleText(await (await new TestBrowser(t).get(`/rsvps/${w1Token}`)).text())).toContain(
      'number 1',
    );
    await new TestBrowser(t).post(`/rsvps/${await privateToken(t, 'a@example.org')}/cancellation`);
    const promoted = await mailsTo(t, 'w1@example.org');
    expect(promoted).toHaveLength(2);
    expect(promoted[0]!.bodyText).toContain('a place freed up');
    const newToken = await privateToken(t, 'w1@example.org');
    expect(
      visibleText(await (await new TestBrowser(t).get(`/rsvps/${newToken}`)).text()),
    ).toContain('You have 1 place at this event.');
    // Both waiting people fit in the two freed places.
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 2, waitlisted: 0 });
    // Cancelling twice changes nothing more.
    await new TestBrowser(t).post(`/rsvps/${await privateToken(t, 'a@example.org')}/cancellation`);
    expect(await countPlaces(t.db, id)).toEqual({ confirmed: 2, waitlisted: 0 });
    // The link of w1's first email still opens their place after the promotion: the promotion
    // email is sent after the write, and may never arrive.
    expect(visibleText(await (await new TestBrowser(t).get(`/rsvps/${w1Token}`)).text())).toContain(
      'You have 1 place at this event.',
    );
  });

  it('never says "cancelled" for a link that opens nothing', async () => {
    const answer = await new TestBrowser(t).post(`/rsvps/${'a'.repeat(32)}/cancellation`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('location')).toBeNull();
  });

  it('puts someone who cancelled and comes back at the end of the waitlist', async () => {
    const id = await publishedEvent(t, { capacity: 1 });
    await rsvp(t, id, { email: 'a@example.org' });
    await rsvp(t, id, { email: 'w1@example.org' });
    await rsvp(t, id, { email: 'w2@example.org' });
    await new TestBrowser(t).post(`/rsvps/${await privateToken(t, 'w1@example.org')}/cancellation`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await rsvp(t, id, { email: 'w1@example.org' });
    const text = visibleText(
      await (
        await new TestBrowser(t).get(`/rsvps/${await privateToken(t, 'w1@example.org')}`)
      ).text(),
    );
    expect(text).toContain('number 2');
  });

  it('shows the joining link of an online event only on a confirmed private page', async () => {
    const id = await publishedEvent(t, {
      format: 'online',
      city: '',
      address: '',
      onlineUrl: 'https://meet.example.org/room-42',
      capacity: 1,
    });
    const publicPage = await (await new TestBrowser(t).get(`/events/${id}`)).text();
    expect(publicPage).not.toContain('room-42');
    await rsvp(t, id, { email: 'on@example.org' });
    await rsvp(t, id, { email: 'wait@example.org' });
    expect(
      await (
        await new TestBrowser(t).get(`/rsvps/${await privateToken(t, 'on@example.org')}`)
      ).text(),
    ).toContain('https://meet.example.org/room-42');
    expect(
      await (
        await new TestBrowser(t).get(`/rsvps/${await privateToken(t, 'wait@example.org')}`)
      ).text(),
    ).not.toContain('room-42');
    expect((await mailsTo(t, 'wait@example.org'))[0]!.bodyText).not.toContain('room-42');
  });

  it('answers an unknown private link with a plain 404', async () => {
    const res = await new TestBrowser(t).get(`/rsvps/${'a'.repeat(32)}`);
    expect(res.status).toBe(404);
    expect(visibleText(await res.text())).toContain('This link does not work');
  });

  it('limits RSVPs from one client', async () => {
    const id = await publishedEvent(t);
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await rsvp(t, id, { email: `l${i}@example.org` }, '203.0.113.9')).status;
    expect(last).toBe(429);
    expect(await rows(id)).toHaveLength(30);
  });

  it('never shows attendee names or emails on public pages', async () => {
    const id = await publishedEvent(t);
    await rsvp(t, id, { email: 'secret-person@example.org', name: 'Zebulon Secret' });
    for (const path of [
      `/events/${id}`,
      '/events',
      '/events?view=month',
      '/events.ics',
      `/events/${id}.ics`,
    ]) {
      const body = await (await new TestBrowser(t).get(path)).text();
      expect(body).not.toContain('secret-person');
      expect(body).not.toContain('Zebulon');
    }
  });
});

describe('RSVP limits cannot be turned against someone', () => {
  it('a stranger RSVPing with someone\u2019s address does not stop its owner RSVPing from their own client', async () => {
    const [first, other] = [await publishedEvent(t), await publishedEvent(t)];
    for (let i = 0; i < 10; i++)
      await rsvp(
        t,
        first,
        { email: 'victim@example.org', places: String((i % 2) + 1) },
        '203.0.113.66',
      );
    expect((await rsvp(t, other, { email: 'victim@example.org' }, '203.0.113.66')).status).toBe(
      429,
    );
    const own = await rsvp(t, other, { email: 'victim@example.org' }, '198.51.100.1');
    expect(own.status).toBe(303);
    expect(await rows(other)).toHaveLength(1);
  });

  it('many strangers together RSVP one address at most 50 times an hour', async () => {
    const events = [await publishedEvent(t), await publishedEvent(t)];
    const statuses: number[] = [];
    for (let client = 0; client < 6; client++) {
      for (let i = 0; i < 10; i++)
        statuses.push(
          (
            await rsvp(
              t,
              events[i % 2]!,
              { email: 'victim@example.org', places: String((i % 3) + 1) },
              `203.0.113.${client}`,
            )
          ).status,
        );
    }
    // Every answer but the limit's (a new RSVP or a repeat) counts: 50 reach the address, then none.
    expect(statuses.slice(0, 50).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(50)).toEqual(Array(10).fill(429));
  });
});
