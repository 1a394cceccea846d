import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../db/core/random';
import { findOrCreateUser, grantRole } from '../../../db/accounts/users';
import { newCircleId } from '../../../db/circles/rules';
import {
  circleCharterVersions,
  circleCheckInMessages,
  circleHistory,
  circleInvitations,
  circleMembers,
  circleOwnerNotes,
  circles,
  mailOutbox,
} from '../../../db/schema';
import { makeTestApp, tablesSnapshot, visibleText, type TestApp } from '../../support/app';
import { send, signIn, TestBrowser, type Route } from '../../support/browser';
import { circleFields, invite, inviteAndJoin, startCircle } from '../../support/circles';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ APP_ENV: 'local' });
});
afterEach(() => t.close());

/** Everything of circles in the database, to prove a refused request changed nothing. */
const snapshot = () =>
  tablesSnapshot(t, [
    circles,
    circleMembers,
    circleInvitations,
    circleCharterVersions,
    circleOwnerNotes,
    circleHistory,
    circleCheckInMessages,
  ]);

/** Every circle route, for a circle and ids of things in it. */
const routes = (ids: {
  circle: string;
  member: string;
  invitation: string;
  note: string;
}): Route[] => {
  const base = `/circles/${ids.circle}`;
  return [
    { method: 'GET', path: base },
    { method: 'GET', path: `${base}/charter` },
    { method: 'GET', path: `${base}/charter/edit` },
    {
      method: 'POST',
      path: `${base}/charter`,
      body: { checkInChannel: 'site', checkInPace: 'never' },
    },
    { method: 'POST', path: `${base}/charter/read`, body: { version: '1' } },
    { method: 'GET', path: `${base}/members` },
    { method: 'POST', path: `${base}/members/${ids.member}/removal` },
    {
      method: 'POST',
      path: `${base}/members/${ids.member}/coordinator`,
      body: { coordinator: 'yes' },
    },
    { method: 'GET', path: `${base}/me` },
    {
      method: 'POST',
      path: `${base}/me`,
      body: { displayName: 'X', offer: '', stepBackUntil: '' },
    },
    { method: 'POST', path: `${base}/me/leave` },
    { method: 'GET', path: `${base}/invitations` },
    {
      method: 'POST',
      path: `${base}/invitations`,
      body: { email: 'x@example.org', personalNote: '' },
    },
    { method: 'POST', path: `${base}/invitations/${ids.invitation}/revocation` },
    { method: 'GET', path: `${base}/notes` },
    { method: 'POST', path: `${base}/notes`, body: { body: 'Hijack.' } },
    { method: 'POST', path: `${base}/notes/${ids.note}/deletion` },
    { method: 'GET', path: `${base}/history` },
    { method: 'GET', path: `${base}/settings` },
    { method: 'POST', path: `${base}/settings`, body: circleFields({ label: 'Hijacked' }) },
    { method: 'POST', path: `${base}/settings/space`, body: { until: '' } },
    { method: 'POST', path: `${base}/settings/space-end` },
    { method: 'POST', path: `${base}/closing`, body: { confirm: '1' } },
  ];
};

/** A page with the request's own nonce and the ids in its address made neutral. */
const normalized = (html: string, ids: string[]) => {
  let out = html.replace(/nonce="[^"]*"/g, 'nonce=""');
  for (const id of ids) out = out.replaceAll(id, 'ID');
  return out;
};

/** A circle with a member, a pending invitation, a charter and a note. */
const furnishedCircle = async (ownerEmail: string, memberEmail: string) => {
  const { owner, circleId } = await startCircle(t, ownerEmail);
  await owner.post(`/circles/${circleId}/charter`, {
    checkInChannel: 'site',
    checkInPace: 'never',
  });
  const member = await inviteAndJoin(t, owner, circleId, memberEmail, 'Sam');
  await invite(t, owner, circleId, `pending-${memberEmail}`);
  await owner.post(`/circles/${circleId}/notes`, { body: 'A private note.' });
  const rowsOf = async <T extends { id: string; circleId: string }>(rows: Promise<T[]>) =>
    (await rows).filter((row) => row.circleId === circleId);
  const pending = (await rowsOf(t.db.select().from(circleInvitations).all())).filter(
    (row) => row.acceptedAt === null,
  );
  const ids = {
    circle: circleId,
    member: (await rowsOf(t.db.select().from(circleMembers).all()))[0]!.id,
    invitation: pending[0]!.id,
    note: (await rowsOf(t.db.select().from(circleOwnerNotes).all()))[0]!.id,
  };
  return { owner, member, ids };
};

describe('care circles: outsiders get exactly the 404 of an unknown id', () => {
  it('a stranger, a moderator, an admin and a removed member, on every circle route', async () => {
    const { owner, ids } = await furnishedCircle('owner@example.org', 'friend@example.org');
    const removed = await inviteAndJoin(t, owner, ids.circle, 'removed@example.org', 'Kim');
    const [kim] = (await t.db.select().from(circleMembers).all()).filter(
      (m) => m.displayName === 'Kim',
    );
    await owner.post(`/circles/${ids.circle}/members/${kim!.id}/removal`);
    const moderator = await findOrCreateUser(t.db, 'mod@example.org');
    await grantRole(t.db, moderator.id, 'moderator');
    const admin = await findOrCreateUser(t.db, 'admin@example.org');
    await grantRole(t.db, admin.id, 'admin');
    const outsiders = [
      await signIn(t, 'stranger@example.org'),
      await signIn(t, 'mod@example.org'),
      await signIn(t, 'admin@example.org'),
      removed,
    ];
    const unknown = {
      circle: newCircleId(),
      member: newCircleId(),
      invitation: newCircleId(),
      note: newCircleId(),
    };
    const before = await snapshot();
    const real = routes(ids);
    const fake = routes(unknown);
    for (const outsider of outsiders) {
      for (const [i, route] of real.entries()) {
        const answer = await send(outsider, route);
        const unknownAnswer = await send(outsider, fake[i]!);
        expect(answer.status, `${route.method} ${route.path}`).toBe(404);
        expect(unknownAnswer.status).toBe(404);
        expect(normalized(await answer.text(), Object.values(ids))).toBe(
          normalized(await unknownAnswer.text(), Object.values(unknown)),
        );
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('a visitor who is not signed in is asked to sign in, for a real and an unknown circle alike', async () => {
    const { circleId } = await startCircle(t, 'owner@example.org');
    const visitor = new TestBrowser(t);
    const real = await visitor.get(`/circles/${circleId}`);
    const unknown = await visitor.get(`/circles/${newCircleId()}`);
    expect(real.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(real.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });
});

describe('care circles: an id sweep between two circles shows and changes nothing', () => {
  it('each owner and member, with the other circle’s ids put into their own circle’s routes', async () => {
    const a = await furnishedCircle('owner-a@example.org', 'friend-a@example.org');
    const b = await furnishedCircle('owner-b@example.org', 'friend-b@example.org');
    const before = await snapshot();
    for (const kind of ['member', 'invitation', 'note'] as const) {
      const swapped = { ...a.ids, [kind]: b.ids[kind] };
      const touched = routes(swapped).filter((route) => route.path.includes(b.ids[kind]));
      expect(touched.length).toBeGreaterThan(0);
      for (const route of touched)
        expect((await send(a.owner, route)).status, `${route.method} ${route.path}`).toBe(404);
    }
    // Circle B's own routes, from A's owner and A's member: all 404.
    for (const browser of [a.owner, a.member])
      for (const route of routes(b.ids)) expect((await send(browser, route)).status).toBe(404);
    expect(await snapshot()).toBe(before);
    const bHome = await (await b.owner.get(`/circles/${b.ids.circle}/notes`)).text();
    expect(bHome).toContain('A private note.');
  });
});

describe('care circles: coordinators and members never reach the owner’s pages', () => {
  it('the owner-only pages and forms answer them the 404 of an unknown id, and change nothing', async () => {
    const { owner, member, ids } = await furnishedCircle('owner@example.org', 'friend@example.org');
    const coordinator = await inviteAndJoin(t, owner, ids.circle, 'coord@example.org', 'Lee');
    const lee = (await t.db.select().from(circleMembers).all()).find(
      (m) => m.displayName === 'Lee',
    )!;
    await owner.post(`/circles/${ids.circle}/members/${lee.id}/coordinator`, {
      coordinator: 'yes',
    });
    expect(
      (await t.db.select().from(circleMembers).where(eq(circleMembers.id, lee.id)).get())!.role,
    ).toBe('coordinator');
    const ownerOnly = (which: typeof ids): Route[] => {
      const base = `/circles/${which.circle}`;
      const shared = [base, `${base}/charter`, `${base}/charter/read`, `${base}/members`];
      return [
        ...routes(which).filter(
          (route) =>
            !shared.includes(route.path) &&
            !route.path.startsWith(`${base}/me/`) &&
            route.path !== `${base}/me`,
        ),
        { method: 'GET', path: `${base}/inbox` },
        { method: 'POST', path: `${base}/inbox/${which.note}/read` },
      ];
    };
    const unknown = {
      circle: newCircleId(),
      member: newCircleId(),
      invitation: newCircleId(),
      note: newCircleId(),
    };
    const real = ownerOnly(ids);
    const fake = ownerOnly(unknown);
    // Every owner-only kind of page is in the sweep.
    for (const part of [
      '/invitations',
      '/inbox',
      '/history',
      '/settings',
      '/charter/edit',
      '/closing',
      '/removal',
    ])
      expect(
        real.some((route) => route.path.includes(part)),
        part,
      ).toBe(true);
    const before = await snapshot();
    for (const [who, browser] of [
      ['coordinator', coordinator],
      ['member', member],
    ] as const)
      for (const [i, route] of real.entries()) {
        const answer = await send(browser, route);
        const unknownAnswer = await send(browser, fake[i]!);
        expect(answer.status, `${who}: ${route.method} ${route.path}`).toBe(404);
        expect(normalized(await answer.text(), Object.values(ids))).toBe(
          normalized(await unknownAnswer.text(), Object.values(unknown)),
        );
      }
    expect(await snapshot()).toBe(before);
  });
});

describe('care circles: invitations', () => {
  it('a forwarded invitation fails neutrally for another account, and still works for the right one', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const token = await invite(t, owner, circleId, 'friend@example.org');
    const other = await signIn(t, 'someone-else@example.org');
    const seen = await other.get(`/circles/invitations/${token}`);
    const tried = await other.post(`/circles/invitations/${token}`, { displayName: 'Mallory' });
    const garbage = await other.get(`/circles/invitations/${'a'.repeat(32)}`);
    expect(seen.status).toBe(404);
    expect(tried.status).toBe(404);
    const text = await tried.text();
    expect(text).toContain('This invitation cannot be used');
    expect(normalized(await seen.text(), [token])).toBe(
      normalized(await garbage.text(), ['a'.repeat(32)]),
    );
    expect(await t.db.select().from(circleMembers).all()).toEqual([]);
    const friend = await signIn(t, 'Friend@Example.org');
    expect(
      (await friend.post(`/circles/invitations/${token}`, { displayName: 'Sam' })).status,
    ).toBe(303);
  });

  it('a used, an expired and a revoked invitation all fail the same way', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const used = await invite(t, owner, circleId, 'friend@example.org');
    const friend = await signIn(t, 'friend@example.org');
    expect((await friend.post(`/circles/invitations/${used}`, { displayName: 'Sam' })).status).toBe(
      303,
    );
    // Left, then the old link again: it worked once.
    await friend.post(`/circles/${circleId}/me/leave`);
    expect((await friend.post(`/circles/invitations/${used}`, { displayName: 'Sam' })).status).toBe(
      404,
    );

    const expired = await invite(t, owner, circleId, 'late@example.org');
    await t.db
      .update(circleInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(circleInvitations.tokenHash, hashToken(expired)))
      .run();
    const late = await signIn(t, 'late@example.org');
    expect((await late.post(`/circles/invitations/${expired}`, { displayName: 'L' })).status).toBe(
      404,
    );

    const revoked = await invite(t, owner, circleId, 'revoked@example.org');
    const row = await t.db
      .select()
      .from(circleInvitations)
      .where(eq(circleInvitations.tokenHash, hashToken(revoked)))
      .get();
    expect(
      (await owner.post(`/circles/${circleId}/invitations/${row!.id}/revocation`)).status,
    ).toBe(303);
    const r = await signIn(t, 'revoked@example.org');
    expect((await r.get(`/circles/invitations/${revoked}`)).status).toBe(404);
    expect((await r.post(`/circles/invitations/${revoked}`, { displayName: 'R' })).status).toBe(
      404,
    );
    const active = (await t.db.select().from(circleMembers).all()).filter(
      (m) => m.endedAt === null,
    );
    expect(active).toEqual([]);
  });

  it('invitations are rate-limited per owner', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await owner.post(`/circles/${circleId}/invitations`, { email: `p${i}@example.org` }))
          .status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('every circle email has the neutral subject and names no one: no label, no owner, nothing but a link', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org', {
      label: 'Zephyr circle',
    });
    await invite(t, owner, circleId, 'friend@example.org');
    const rows = (await t.db.select().from(mailOutbox).all()).filter(
      (row) => row.toAddress === 'friend@example.org',
    );
    expect(rows).toHaveLength(1);
    const [mail] = rows;
    expect(mail!.subject).toBe('You have an update on Hearth');
    expect(mail!.bodyText).not.toMatch(/Zephyr|owner@|owner/i);
    expect(mail!.bodyText.replace(/https?:\/\/\S+/g, 'LINK')).toBe(
      'You have an update on Hearth. Sign in to see it:\nLINK',
    );
  });

  it('an invitation carries the owner’s personal note only when they wrote one', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    await invite(t, owner, circleId, 'friend@example.org', 'It’s Alex, from the bakery.');
    const [mail] = (await t.db.select().from(mailOutbox).all()).filter(
      (row) => row.toAddress === 'friend@example.org',
    );
    expect(mail!.bodyText).toContain('It’s Alex, from the bakery.');
  });

  it('an invitation is written in the language the owner chose for someone without an account', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const form = visibleText(await (await owner.get(`/circles/${circleId}/invitations`)).text());
    expect(form).toContain('Language of the invitation email');
    const mailTo = async (email: string) =>
      (await t.db.select().from(mailOutbox).all()).find((row) => row.toAddress === email)!;
    await owner.post(`/circles/${circleId}/invitations`, {
      email: 'ami@example.org',
      personalNote: '',
      language: 'fr',
    });
    expect((await mailTo('ami@example.org')).subject).toBe('Vous avez du nouveau sur Hearth');
    // Without the field (an older page), the owner's own language.
    await owner.post(`/circles/${circleId}/invitations`, { email: 'friend@example.org' });
    expect((await mailTo('friend@example.org')).subject).toBe('You have an update on Hearth');
  });

  it('an invitation to someone with an account is written in the language they use, whatever the owner chose', async () => {
    await signIn(
      t,
      'ami@example.org',
      new TestBrowser(t, 'http://localhost', { 'Accept-Language': 'fr' }),
    );
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    await owner.post(`/circles/${circleId}/invitations`, {
      email: 'Ami@Example.org',
      personalNote: '',
      language: 'en',
    });
    const [mail] = (await t.db.select().from(mailOutbox).all())
      .filter((row) => row.toAddress === 'Ami@Example.org' || row.toAddress === 'ami@example.org')
      .filter((row) => row.bodyText.includes('/circles/invitations/'));
    expect(mail!.subject).toBe('Vous avez du nouveau sur Hearth');
    expect(mail!.bodyText).toMatch(/^Vous avez du nouveau sur Hearth\. Connectez-vous/);
  });

  it('refuses a language not offered, sending nothing', async () => {
    const { owner, circleId } = await startCircle(t, 'owner@example.org');
    const res = await owner.post(`/circles/${circleId}/invitations`, {
      email: 'friend@example.org',
      language: 'de',
    });
    expect(res.status).toBe(400);
    expect(visibleText(await res.text())).toContain('Choose a language from the list.');
    const sent = (await t.db.select().from(mailOutbox).all()).filter(
      (row) => row.toAddress === 'friend@example.org',
    );
    expect(sent).toEqual([]);
    expect(await t.db.select().from(circleInvitations).all()).toEqual([]);
  });
});

/** The circles part of "download my data", as JSON. */
interface AccountData {
  circles: { owned: unknown[]; memberOf: unknown[] };
}

describe('care circles: closing and account deletion', () => {
  it('closing deletes everything at once; former members get a neutral 410, others still 404', async () => {
    const { owner, member, ids } = await furnishedCircle('owner@example.org', 'friend@example.org');
    const stranger = await signIn(t, 'stranger@example.org');
    expect((await owner.post(`/circles/${ids.circle}/closing`, {})).status).toBe(400);
    expect((await owner.post(`/circles/${ids.circle}/closing`, { confirm: '1' })).status).toBe(303);
    expect(await t.db.select().from(circleOwnerNotes).all()).toEqual([]);
    expect(await t.db.select().from(circleInvitations).all()).toEqual([]);
    expect(await t.db.select().from(circleCharterVersions).all()).toEqual([]);
    expect(await t.db.select().from(circleHistory).all()).toEqual([]);
    const [circle] = await t.db.select().from(circles).all();
    expect(circle!.label).toBe('');
    expect((await t.db.select().from(circleMembers).all()).every((m) => m.displayName === '')).toBe(
      true,
    );
    for (const browser of [owner, member]) {
      const res = await browser.get(`/circles/${ids.circle}/charter`);
      expect(res.status).toBe(410);
    }
    expect((await stranger.get(`/circles/${ids.circle}`)).status).toBe(404);
  });

  it('deleting the owner’s account closes their circles; deleting a member’s removes them', async () => {
    const { owner, member, ids } = await furnishedCircle('owner@example.org', 'friend@example.org');
    const b = await furnishedCircle('owner-b@example.org', 'friend-b@example.org');
    expect((await b.member.post('/account/delete', {})).status).toBeLessThan(400);
    expect((await b.owner.get(`/circles/${b.ids.circle}/members`)).status).toBe(200);
    const members = await t.db.select().from(circleMembers).all();
    expect(members.filter((m) => m.circleId === b.ids.circle && m.endedAt === null)).toEqual([]);
    expect((await owner.post('/account/delete', {})).status).toBeLessThan(400);
    expect((await member.get(`/circles/${ids.circle}`)).status).toBe(410);
    expect(await t.db.select().from(circleOwnerNotes).all()).toHaveLength(1); // circle B's only
  });

  it('“download my data” holds everything for the owner, and only their own part for a member', async () => {
    const { owner, member } = await furnishedCircle('owner@example.org', 'friend@example.org');
    const ownerData = (await (await owner.get('/account/data.json')).json()) as AccountData;
    expect(JSON.stringify(ownerData.circles.owned)).toContain('A private note.');
    const memberData = (await (await member.get('/account/data.json')).json()) as AccountData;
    expect(memberData.circles.owned).toEqual([]);
    expect(memberData.circles.memberOf).toHaveLength(1);
    expect(JSON.stringify(memberData.circles)).not.toContain('A private note.');
    expect(JSON.stringify(memberData.circles)).not.toContain('My people');
  });
});
