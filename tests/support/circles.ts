import { listOutbox } from '../../db/mail/outbox';
import type { TestApp } from './app';
import { signIn, type TestBrowser } from './browser';

/** The fields of the "start a circle" form, with any changed. */
export const circleFields = (overrides: Record<string, string> = {}) => ({
  label: 'My people',
  timeZone: 'Europe/Paris',
  quietStart: '21:00',
  quietEnd: '08:00',
  placeRevealHours: '24',
  ...overrides,
});

/** Signs in and starts a circle through the form; returns the browser and the circle's id. */
export const startCircle = async (
  t: TestApp,
  email: string,
  overrides: Record<string, string> = {},
): Promise<{ owner: TestBrowser; circleId: string }> => {
  const owner = await signIn(t, email);
  const res = await owner.post('/circles', circleFields(overrides));
  const circleId = /^\/circles\/([a-z2-7]{26})$/.exec(res.headers.get('location') ?? '')?.[1];
  if (res.status !== 303 || !circleId) throw new Error(`starting a circle answered ${res.status}`);
  return { owner, circleId };
};

/** The newest invitation token emailed to an address, from the outbox. */
export const latestInvitationToken = async (t: TestApp, email: string): Promise<string> => {
  const mail = (await listOutbox(t.db)).find(
    (m) => m.toAddress === email && /\/circles\/invitations\//.test(m.bodyText),
  );
  const token = mail?.bodyText.match(/\/circles\/invitations\/([a-z2-7]{32})/)?.[1];
  if (!token) throw new Error(`no invitation emailed to ${email}`);
  return token;
};

/** The owner invites an address through the form; returns the token the email carried. */
export const invite = async (
  t: TestApp,
  owner: TestBrowser,
  circleId: string,
  email: string,
  personalNote = '',
): Promise<string> => {
  const res = await owner.post(`/circles/${circleId}/invitations`, { email, personalNote });
  if (res.status !== 303) throw new Error(`inviting answered ${res.status}`);
  return latestInvitationToken(t, email);
};

/** Invites an address, signs in as it and accepts with a name; returns the member's browser. */
export const inviteAndJoin = async (
  t: TestApp,
  owner: TestBrowser,
  circleId: string,
  email: string,
  displayName: string,
): Promise<TestBrowser> => {
  const token = await invite(t, owner, circleId, email);
  const member = await signIn(t, email);
  const res = await member.post(`/circles/invitations/${token}`, { displayName });
  if (res.status !== 303) throw new Error(`accepting answered ${res.status}`);
  return member;
};
