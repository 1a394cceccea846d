import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hasReadCurrentCharter } from '../../../db/circles/charter';
import { circleMembers } from '../../../db/schema';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';
import { signIn } from '../../support/browser';
import { circleFields, inviteAndJoin, startCircle } from '../../support/circles';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const charterFields = (overrides: Record<string, string> = {}) => ({
  helpKinds: 'ride',
  checkInChannel: 'site',
  checkInPace: 'weekly',
  helpText: 'Rides to appointments, please.',
  topicsToAvoid: 'My family.',
  spaceMeaning: 'No calls for a while.',
  accompaniment: 'Wait outside.',
  anythingElse: '',
  ...overrides,
});

describe('care circles, end to end through the forms', () => {
  it('an owner starts a circle and sees it, by its label, on /circles', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const list = await owner.get('/circles');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`/circles/${circleId}`);
    const home = visibleText(await (await owner.get(`/circles/${circleId}`)).text());
    expect(home).toContain('My people');
  });

  it('a bad settings form comes back with what was typed and what to fix, and writes nothing', async () => {
    const owner = await signIn(t, 'owner@example.org');
    const res = await owner.post('/circles', {
      label: '',
      timeZone: 'Mars/Olympus',
      quietStart: '25:00',
      quietEnd: '08:00',
      placeRevealHours: '500',
    });
    expect(res.status).toBe(400);
    const text = visibleText(await res.text());
    expect(text).toContain('Give your circle a name only you will see.');
    expect(text).toContain('Choose a time zone from the list.');
    expect(text).toContain('Enter a time like 21:00.');
    expect(text).toContain('between 1 and 72');
    expect(visibleText(await (await owner.get('/circles')).text())).toContain(
      'You have not started a circle.',
    );
  });

  it('a member joins by invitation with their own name, never sees the label, and reads the charter with what changed', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    expect((await owner.post(`/circles/${circleId}/charter`, charterFields())).status).toBe(303);
    const member = await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam');
    const [row] = await t.db.select().from(circleMembers).all();
    expect(row!.displayName).toBe('Sam');

    const home = visibleText(await (await member.get(`/circles/${circleId}`)).text());
    expect(home).toContain('You are in this circle as Sam.');
    expect(home).not.toContain('My people');
    expect(home).toContain('The support charter has changed');
    expect(await hasReadCurrentCharter(t.db, circleId, row!.id)).toBe(false);

    await member.post(`/circles/${circleId}/charter/read`, { version: '1' });
    expect(await hasReadCurrentCharter(t.db, circleId, row!.id)).toBe(true);

    await owner.post(`/circles/${circleId}/charter`, charterFields({ topicsToAvoid: 'Work.' }));
    expect(await hasReadCurrentCharter(t.db, circleId, row!.id)).toBe(false);
    const charter = visibleText(await (await member.get(`/circles/${circleId}/charter`)).text());
    expect(charter).toContain('What changed since you last read it: Topics to avoid');
    expect(charter).toContain('Work.');
  });

  it('the member list is hidden from members until the owner shows it', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const member = await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam');
    await inviteAndJoin(t, owner, circleId, 'other@example.org', 'Lou');
    expect((await member.get(`/circles/${circleId}/members`)).status).toBe(404);
    await owner.post(`/circles/${circleId}/settings`, {
      ...circleFields(),
      memberListVisible: '1',
    });
    const list = visibleText(await (await member.get(`/circles/${circleId}/members`)).text());
    expect(list).toContain('Sam');
    expect(list).toContain('Lou');
    expect(list).not.toContain('Remove');
  });

  it('a removed member gets 404 at once, nothing is emailed to them, and the owner’s history says so', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const member = await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam');
    const [row] = await t.db.select().from(circleMembers).all();
    const mailsBefore = (await t.db.query.mailOutbox.findMany()).length;
    const removed = await owner.post(`/circles/${circleId}/members/${row!.id}/removal`);
    expect(removed.status).toBe(303);
    expect((await member.get(`/circles/${circleId}`)).status).toBe(404);
    expect((await t.db.query.mailOutbox.findMany()).length).toBe(mailsBefore);
    const history = visibleText(await (await owner.get(`/circles/${circleId}/history`)).text());
    expect(history).toContain('Sam joined.');
    expect(history).toContain('Sam was removed.');
    expect(visibleText(await (await member.get('/circles')).text())).toContain(
      'You are not in anyone else’s circle.',
    );
  });

  it('a member sets their offer, steps back, and can leave', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const member = await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam');
    const saved = await member.post(`/circles/${circleId}/me`, {
      displayName: 'Sammy',
      offer: 'About once a month.',
      stepBackUntil: '2099-01-01',
    });
    expect(saved.status).toBe(303);
    const [row] = await t.db.select().from(circleMembers).all();
    expect(row).toMatchObject({ displayName: 'Sammy', offer: 'About once a month.' });
    expect(row!.steppedBackUntil).not.toBeNull();
    const bad = await member.post(`/circles/${circleId}/me`, {
      displayName: '',
      offer: '',
      stepBackUntil: 'yesterday',
    });
    expect(bad.status).toBe(400);
    expect((await member.post(`/circles/${circleId}/me/leave`)).status).toBe(303);
    expect((await member.get(`/circles/${circleId}`)).status).toBe(404);
    const [after] = await t.db
      .select()
      .from(circleMembers)
      .where(eq(circleMembers.id, row!.id))
      .all();
    expect(after!.ended).toBe('left');
  });

  it('the owner’s notes are the owner’s alone, coordinators included', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const member = await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam');
    const [row] = await t.db.select().from(circleMembers).all();
    await owner.post(`/circles/${circleId}/members/${row!.id}/coordinator`, { coordinator: 'yes' });
    await owner.post(`/circles/${circleId}/notes`, { body: 'Private thought.' });
    expect(visibleText(await (await owner.get(`/circles/${circleId}/notes`)).text())).toContain(
      'Private thought.',
    );
    for (const path of ['notes', 'history', 'invitations', 'settings', 'charter/edit'])
      expect((await member.get(`/circles/${circleId}/${path}`)).status).toBe(404);
  });

  it('“I need space” shows members only that, and only the owner ends it', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const member = await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam');
    await owner.post(`/circles/${circleId}/settings/space`, {
      until: '',
      practicalHelpGoesOn: '1',
    });
    const home = visibleText(await (await member.get(`/circles/${circleId}`)).text());
    expect(home).toContain('Taking some space');
    expect(home).toContain('Practical help goes on as planned.');
    expect((await member.post(`/circles/${circleId}/settings/space-end`)).status).toBe(404);
    await owner.post(`/circles/${circleId}/settings/space-end`);
    expect(visibleText(await (await member.get(`/circles/${circleId}`)).text())).not.toContain(
      'Taking some space',
    );
  });

  it('someone who left can come back only through a new invitation, on their old row', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const member = await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam');
    await member.post(`/circles/${circleId}/me/leave`);
    await inviteAndJoin(t, owner, circleId, 'friend@example.org', 'Sam again');
    const rows = await t.db.select().from(circleMembers).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ displayName: 'Sam again', endedAt: null, ended: null });
    expect((await member.get(`/circles/${circleId}`)).status).toBe(200);
  });

  it('circle pages are private: no-store and noindex', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    for (const path of ['/circles', `/circles/${circleId}`, '/circles/unknown']) {
      const res = await owner.get(path);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-robots-tag')).toContain('noindex');
    }
  });
});
