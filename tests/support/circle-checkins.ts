import { eq } from 'drizzle-orm';
import { listOutbox } from '../../db/mail/outbox';
import { circleMembers, circles, users } from '../../db/schema';
import type { TestApp } from './app';
import { signIn, type TestBrowser } from './browser';

/**
 * A circle made through the real forms: the owner starts it and writes a charter (pace and
 * channel as given), invites each address, and each person accepts from the outbox.
 */
export const circleWithMembers = async (
  t: TestApp,
  options: {
    owner?: string;
    members?: string[];
    pace?: 'never' | 'weekly' | 'fortnightly' | 'monthly';
    channel?: 'site' | 'email';
    topics?: string;
    quiet?: [string, string];
  } = {},
) => {
  const ownerEmail = options.owner ?? 'owner@example.org';
  const owner = await signIn(t, ownerEmail);
  const [quietStart, quietEnd] = options.quiet ?? ['21:00', '08:00'];
  const started = await owner.post('/circles', {
    label: 'My people',
    timeZone: 'UTC',
    quietStart,
    quietEnd,
    placeRevealHours: '24',
  });
  if (started.status !== 303) throw new Error(`start answered ${started.status}`);
  const circleId = started.headers.get('location')!.split('/').at(-1)!;
  const charter = await owner.post(`/circles/${circleId}/charter`, {
    checkInChannel: options.channel ?? 'site',
    checkInPace: options.pace ?? 'weekly',
    topicsToAvoid: options.topics ?? 'Please do not ask about my family.',
  });
  if (charter.status !== 303) throw new Error(`charter answered ${charter.status}`);
  const members: { email: string; browser: TestBrowser; memberId: string }[] = [];
  for (const [i, email] of (options.members ?? ['member@example.org']).entries()) {
    const invited = await owner.post(`/circles/${circleId}/invitations`, { email });
    if (invited.status !== 303) throw new Error(`invitation answered ${invited.status}`);
    const mail = (await listOutbox(t.db)).find((m) => m.toAddress === email);
    const token = mail?.bodyText.match(/\/circles\/invitations\/([a-z2-7]{32})/)?.[1];
    if (!token) throw new Error(`no invitation emailed to ${email}`);
    const browser = await signIn(t, email);
    const joined = await browser.post(`/circles/invitations/${token}`, {
      displayName: `Helper ${i + 1}`,
    });
    if (joined.status !== 303) throw new Error(`accepting answered ${joined.status}`);
    const user = await t.db.select().from(users).where(eq(users.email, email)).get();
    const member = await t.db
      .select()
      .from(circleMembers)
      .where(eq(circleMembers.userId, user!.id))
      .get();
    members.push({ email, browser, memberId: member!.id });
  }
  const circle = await t.db.select().from(circles).where(eq(circles.id, circleId)).get();
  return { owner, ownerEmail, circleId, circle: circle!, members };
};
