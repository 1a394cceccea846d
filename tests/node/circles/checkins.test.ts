import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrCreateUser, grantRole } from '../../../db/accounts/users';
import { listOutbox } from '../../../db/mail/outbox';
import { circleCheckInMessages } from '../../../db/schema';
import { signIn } from '../../support/browser';
import { circleWithMembers } from '../../support/circle-checkins';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const messages = () => t.db.select().from(circleCheckInMessages).all();
const NEUTRAL_SUBJECT = 'You have an update on Hearth';
// Quiet hours that never hold anything, for tests that run at the real time of day.
const noQuiet: [string, string] = ['00:00', '00:00'];

describe('a member checks in with the owner', () => {
  it('sees the topics to avoid, sends one message, and it lands in the owner’s inbox only', async () => {
    const { owner, circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const member = members[0]!.browser;
    const home = await (await member.get(`/circles/${circleId}`)).text();
    expect(visibleText(home)).toContain('Please do not ask about my family.');
    expect(home).toContain(`action="/circles/${circleId}/check-ins"`);

    const sent = await member.post(`/circles/${circleId}/check-ins`, {
      body: 'Thinking of you.\r\nNo need to answer.',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`/circles/${circleId}?done=checkInSent#check-in`);
    const after = visibleText(
      await (await member.get(`/circles/${circleId}?done=checkInSent`)).text(),
    );
    expect(after).toContain('Your check-in was sent.');
    expect(after).toContain('You checked in on');

    const inbox = await owner.get(`/circles/${circleId}/inbox`);
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('cache-control')).toBe('no-store');
    const text = visibleText(await inbox.text());
    expect(text).toContain('From Helper 1');
    expect(text).toContain('Thinking of you.');
    expect(text).toContain('No need to answer.');
    // Site only: nothing emailed to the owner.
    const toOwner = (await listOutbox(t.db)).filter((m) => m.toAddress === 'owner@example.org');
    expect(toOwner.filter((m) => m.subject === NEUTRAL_SUBJECT)).toHaveLength(0);
    expect((await messages()).map((m) => m.body)).toEqual(['Thinking of you.\nNo need to answer.']);
  });

  it('sends at most one per period: a second message is refused and nothing more is stored', async () => {
    const { circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const member = members[0]!.browser;
    expect((await member.post(`/circles/${circleId}/check-ins`, { body: 'Hello' })).status).toBe(
      303,
    );
    const again = await member.post(`/circles/${circleId}/check-ins`, { body: 'Hello again' });
    expect(again.status).toBe(409);
    expect(visibleText(await again.text())).toContain('You can check in again from');
    expect(await messages()).toHaveLength(1);
  });

  it('tells the owner by email only when they chose email: the neutral subject and a sign-in link, nothing more', async () => {
    const { circleId, members } = await circleWithMembers(t, { channel: 'email', quiet: noQuiet });
    await members[0]!.browser.post(`/circles/${circleId}/check-ins`, {
      body: 'Secret words about the court date',
    });
    const mails = (await listOutbox(t.db)).filter((m) => m.toAddress === 'owner@example.org');
    const mail = mails.find((m) => m.subject === NEUTRAL_SUBJECT);
    expect(mail).toBeDefined();
    expect(mail!.bodyText).toBe(
      'You have an update on Hearth. Sign in to see it:\nhttp://localhost/sign-in?next=%2Fcircles',
    );
  });

  it('checks what is typed: empty or too long is refused in plain words, the text kept', async () => {
    const { circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const member = members[0]!.browser;
    const empty = await member.post(`/circles/${circleId}/check-ins`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(visibleText(await empty.text())).toContain('Write your message first.');
    const long = 'a'.repeat(501);
    const tooLong = await member.post(`/circles/${circleId}/check-ins`, { body: long });
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(visibleText(html)).toContain('Use at most 500 characters. You wrote 501.');
    expect(html).toContain(long);
    expect(await messages()).toHaveLength(0);
  });

  it('is rate-limited per member', async () => {
    const { circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const member = members[0]!.browser;
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await member.post(`/circles/${circleId}/check-ins`, { body: `Hi ${i}` })).status,
      );
    expect(statuses).toEqual([303, 409, 409, 409, 409, 429]);
    expect(await messages()).toHaveLength(1);
  });

  it('is closed when the owner chose "never": they will reach out', async () => {
    const { circleId, members } = await circleWithMembers(t, { pace: 'never', quiet: noQuiet });
    const member = members[0]!.browser;
    const home = await (await member.get(`/circles/${circleId}`)).text();
    expect(visibleText(home)).toContain('They will reach out when they want to.');
    expect(home).not.toContain(`/circles/${circleId}/check-ins`);
    expect((await member.post(`/circles/${circleId}/check-ins`, { body: 'Hi' })).status).toBe(409);
    expect(await messages()).toHaveLength(0);
  });
});

describe('the owner’s inbox', () => {
  it('is the owner’s alone: a member, a stranger and an admin get the same 404 as an unknown circle', async () => {
    const { circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const unknown = await (
      await signIn(t, 'x@example.org')
    ).get(`/circles/${'a'.repeat(26)}/inbox`);
    expect(unknown.status).toBe(404);
    const expected = visibleText(await unknown.text());
    const adminUser = await findOrCreateUser(t.db, 'admin@example.org', 'en');
    await grantRole(t.db, adminUser.id, 'admin');
    const admin = await signIn(t, 'admin@example.org');
    for (const browser of [members[0]!.browser, await signIn(t, 'stranger@example.org'), admin]) {
      const res = await browser.get(`/circles/${circleId}/inbox`);
      expect(res.status).toBe(404);
      expect(visibleText(await res.text())).toBe(expected);
    }
    // The owner has no check-in form of their own.
    const ownerPost = await (
      await signIn(t, 'owner@example.org')
    ).post(`/circles/${circleId}/check-ins`, { body: 'Hi' });
    expect(ownerPost.status).toBe(404);
  });

  it('marks a message read (a plain form, or htmx swapping just that message); another circle’s id changes nothing', async () => {
    const first = await circleWithMembers(t, { quiet: noQuiet });
    await first.members[0]!.browser.post(`/circles/${first.circleId}/check-ins`, { body: 'One' });
    const second = await circleWithMembers(t, {
      owner: 'other-owner@example.org',
      members: ['other-member@example.org'],
      quiet: noQuiet,
    });
    await second.members[0]!.browser.post(`/circles/${second.circleId}/check-ins`, { body: 'Two' });
    const [mine, theirs] = [
      (await messages()).find((m) => m.body === 'One')!,
      (await messages()).find((m) => m.body === 'Two')!,
    ];
    const owner = await signIn(t, 'owner@example.org');
    expect(visibleText(await (await owner.get(`/circles/${first.circleId}`)).text())).toContain(
      'You have 1 check-in message you have not read.',
    );
    // The id sweep: the other circle's message through this circle's address.
    const sweep = await owner.post(`/circles/${first.circleId}/inbox/${theirs.id}/read`);
    expect(sweep.status).toBe(404);
    const htmx = await owner.post(
      `/circles/${first.circleId}/inbox/${mine.id}/read`,
      {},
      { 'HX-Request': 'true' },
    );
    expect(htmx.status).toBe(200);
    const fragment = await htmx.text();
    expect(fragment.startsWith(`<li id="check-in-${mine.id}"`)).toBe(true);
    expect(fragment).not.toContain('Mark as read');
    const rows = await messages();
    expect(rows.find((m) => m.id === mine.id)!.readAt).not.toBeNull();
    expect(rows.find((m) => m.id === theirs.id)!.readAt).toBeNull();
    expect(visibleText(await (await owner.get(`/circles/${first.circleId}`)).text())).toContain(
      'No new check-in messages.',
    );
  });

  it('a removed member gets 404 on every check-in address, and their next check-in is not stored', async () => {
    const { owner, circleId, members } = await circleWithMembers(t, { quiet: noQuiet });
    const removed = await owner.post(
      `/circles/${circleId}/members/${members[0]!.memberId}/removal`,
    );
    expect(removed.status).toBe(303);
    const member = members[0]!.browser;
    expect((await member.get(`/circles/${circleId}`)).status).toBe(404);
    expect((await member.post(`/circles/${circleId}/check-ins`, { body: 'Hi' })).status).toBe(404);
    expect(await messages()).toHaveLength(0);
  });
});
