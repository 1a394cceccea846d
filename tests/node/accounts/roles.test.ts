import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOutbox } from '../../../db/mail/outbox';
import { can } from '../../../db/permissions';
import { organizerApplications, userRoles } from '../../../db/schema';
import { findOrCreateUser, findUserByEmail, grantRole } from '../../../db/accounts/users';
import { signIn } from '../../support/browser';
import { makeTestApp, visibleText, type TestApp } from '../../support/app';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

const withRole = async (email: string, role: 'moderator' | 'admin' | 'organizer') => {
  const user = await findOrCreateUser(t.db, email);
  await grantRole(t.db, user.id, role);
  return signIn(t, email);
};

describe('can()', () => {
  it('is the one place roles are decided', () => {
    const member = { id: '1', email: 'a@b.c', roles: [] };
    expect(can(null, 'account:use')).toBe(false);
    expect(can(member, 'account:use')).toBe(true);
    expect(can(member, 'organize:use')).toBe(false);
    expect(can({ ...member, roles: ['organizer'] }, 'organize:use')).toBe(true);
    expect(can({ ...member, roles: ['organizer'] }, 'organizer:apply')).toBe(false);
    expect(can({ ...member, roles: ['moderator'] }, 'organizers:review')).toBe(true);
    expect(can({ ...member, roles: ['moderator'] }, 'roles:manage')).toBe(false);
    expect(can({ ...member, roles: ['admin'] }, 'roles:manage')).toBe(true);
  });
});

describe('pages for a role', () => {
  it('an organizer page sends a visitor to sign in, and refuses a member with 403', async () => {
    const visitor = await t.app.request('/organize');
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toBe('/sign-in?next=%2Forganize');
    const member = await signIn(t, 'member@example.org');
    const refused = await member.get('/organize');
    expect(refused.status).toBe(403);
    expect(visibleText(await refused.text())).toContain('You do not have access to this page');
    const organizer = await withRole('org@example.org', 'organizer');
    expect((await organizer.get('/organize')).status).toBe(200);
  });

  it('moderation refuses members and organizers; people and roles refuse moderators', async () => {
    for (const browser of [
      await signIn(t, 'member@example.org'),
      await withRole('org@example.org', 'organizer'),
    ]) {
      expect((await browser.get('/moderation')).status).toBe(403);
      expect(
        (
          await browser.post('/moderation/people', {
            email: 'member@example.org',
            role: 'admin',
            change: 'grant',
          })
        ).status,
      ).toBe(403);
    }
    const moderator = await withRole('mod@example.org', 'moderator');
    expect((await moderator.get('/moderation')).status).toBe(200);
    expect((await moderator.get('/moderation/people')).status).toBe(403);
    expect(
      (
        await moderator.post('/moderation/people', {
          email: 'mod@example.org',
          role: 'admin',
          change: 'grant',
        })
      ).status,
    ).toBe(403);
    expect((await findUserByEmail(t.db, 'mod@example.org'))!.roles).toEqual(['moderator']);
  });
});

describe('becoming an organizer', () => {
  it('a member applies, a moderator approves, the member is told by email and can organize', async () => {
    const member = await signIn(t, 'ana@example.org');
    const form = await member.get('/account/organizer');
    expect(form.status).toBe(200);
    const sent = await member.post('/account/organizer', {
      organizationName: 'Harbour Lights Collective',
      reason: 'Monthly workshops on workers\u2019 rights.',
    });
    expect(sent.headers.get('location')).toBe('/account?done=applied');
    expect(visibleText(await (await member.get('/account')).text())).toContain(
      'waiting for a moderator',
    );

    const moderator = await withRole('mod@example.org', 'moderator');
    const queue = visibleText(await (await moderator.get('/moderation')).text());
    expect(queue).toContain('Harbour Lights Collective');
    const [application] = await t.db.select().from(organizerApplications).all();
    const decided = await moderator.post(
      `/moderation/organizer-applications/${application!.id}/approval`,
    );
    expect(decided.headers.get('location')).toBe('/moderation?done=approved');

    const mail = (await listOutbox(t.db)).find(
      (m) => m.toAddress === 'ana@example.org' && m.subject === 'An update on your account',
    );
    expect(mail?.bodyText).toContain('you can now organize');
    // The role change ended the member's session: they sign in again and can organize.
    expect((await member.get('/account')).status).toBe(303);
    const again = await signIn(t, 'ana@example.org');
    expect((await again.get('/organize')).status).toBe(200);
  });

  it('a second moderator deciding the same request changes nothing', async () => {
    const member = await signIn(t, 'ana@example.org');
    await member.post('/account/organizer', { organizationName: 'Group', reason: 'Reasons.' });
    const [application] = await t.db.select().from(organizerApplications).all();
    const one = await withRole('mod1@example.org', 'moderator');
    const two = await withRole('mod2@example.org', 'moderator');
    await one.post(`/moderation/organizer-applications/${application!.id}/decline`);
    const late = await two.post(`/moderation/organizer-applications/${application!.id}/approval`);
    expect(late.headers.get('location')).toBe('/moderation?done=already-decided');
    expect((await findUserByEmail(t.db, 'ana@example.org'))!.roles).toEqual([]);
  });

  it('ignores role, status and owner fields sent with the form (mass assignment)', async () => {
    const other = await findOrCreateUser(t.db, 'other@example.org');
    const member = await signIn(t, 'ana@example.org');
    await member.post('/account/organizer', {
      organizationName: 'Group',
      reason: 'Reasons.',
      role: 'admin',
      roles: 'organizer',
      status: 'approved',
      userId: other.id,
      user_id: other.id,
    });
    const rows = await t.db.select().from(organizerApplications).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'pending',
      userId: (await findUserByEmail(t.db, 'ana@example.org'))!.id,
    });
    expect(await t.db.select().from(userRoles).all()).toEqual([]);
    await member.post('/account/storyteller', { enabled: 'yes', role: 'admin' });
    expect((await findUserByEmail(t.db, 'ana@example.org'))!.roles).toEqual(['storyteller']);
  });

  it('re-draws the form with the person\u2019s words and plain errors', async () => {
    const member = await signIn(t, 'ana@example.org');
    const res = await member.post('/account/organizer', {
      organizationName: '   ',
      reason: 'x'.repeat(2001),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(visibleText(html)).toContain('Please fill this in.');
    expect(visibleText(html)).toContain('This is too long. Use at most 2000 characters.');
    expect(html).toContain('x'.repeat(2001));
    expect(await t.db.select().from(organizerApplications).all()).toEqual([]);
  });

  it('stores hostile text as text: no markup, no hidden direction changes', async () => {
    const member = await signIn(t, 'ana@example.org');
    await member.post('/account/organizer', {
      organizationName: '<img src=x onerror=alert(1)> \u202eevil\u202c hx-get="/x"',
      reason: '<script>alert(1)</script>\n<div hx-post="/sign-out" hx-trigger="load">',
    });
    const [row] = await t.db.select().from(organizerApplications).all();
    expect(row!.organizationName).not.toMatch(/[\u202a-\u202e]/);
    const moderator = await withRole('mod@example.org', 'moderator');
    const html = await (await moderator.get('/moderation')).text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<div hx-post/);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('storytellers', () => {
  it('a member turns on story sharing themselves and stays signed in on this device', async () => {
    const member = await signIn(t, 'ana@example.org');
    const res = await member.post('/account/storyteller', { enabled: 'yes' });
    expect(res.headers.get('location')).toBe('/account?done=storyteller-on');
    const page = await member.get('/account?done=storyteller-on');
    expect(page.status).toBe(200);
    expect(visibleText(await page.text())).toContain('Storyteller: write and share your story');
    await member.post('/account/storyteller', { enabled: 'no' });
    expect((await findUserByEmail(t.db, 'ana@example.org'))!.roles).toEqual([]);
  });
});

describe('people and roles (admins)', () => {
  it('an admin grants a role; the person\u2019s sessions end at once', async () => {
    const admin = await withRole('admin@example.org', 'admin');
    const person = await signIn(t, 'bo@example.org');
    const res = await admin.post('/moderation/people', {
      email: 'BO@example.org',
      role: 'moderator',
      change: 'grant',
    });
    expect(res.headers.get('location')).toBe('/moderation/people?done=granted');
    expect((await findUserByEmail(t.db, 'bo@example.org'))!.roles).toEqual(['moderator']);
    expect((await person.get('/account')).status).toBe(303);
    expect(visibleText(await (await admin.get('/moderation/people')).text())).toContain(
      'bo@example.org',
    );
  });

  it('cannot give a role to an address without an account, nor remove the last admin', async () => {
    const admin = await withRole('admin@example.org', 'admin');
    const nobody = await admin.post('/moderation/people', {
      email: 'nobody@example.org',
      role: 'moderator',
      change: 'grant',
    });
    expect(visibleText(await nobody.text())).toContain('No account uses that email address');
    const last = await admin.post('/moderation/people', {
      email: 'admin@example.org',
      role: 'admin',
      change: 'revoke',
    });
    expect(visibleText(await last.text())).toContain('You cannot remove the last admin');
    expect((await findUserByEmail(t.db, 'admin@example.org'))!.roles).toEqual(['admin']);
  });

  it('refuses an unknown role', async () => {
    const admin = await withRole('admin@example.org', 'admin');
    await signIn(t, 'bo@example.org');
    const res = await admin.post('/moderation/people', {
      email: 'bo@example.org',
      role: 'superuser',
      change: 'grant',
    });
    expect(res.status).toBe(400);
    expect(
      await t.db
        .select()
        .from(userRoles)
        .where(eq(userRoles.role, 'superuser' as 'admin'))
        .all(),
    ).toEqual([]);
  });
});
