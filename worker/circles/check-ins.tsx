import { Hono } from 'hono';
import {
  claimOwnerMail,
  findInboxMessage,
  listInbox,
  markCheckInRead,
  myCheckIn,
  myNudges,
  sendCheckIn,
  unreadCheckIns,
} from '../../db/circles/check-ins';
import { CHECK_IN_LIMITS, CHECK_IN_MAX_LENGTH, checkInClosedBecause } from '../../db/circles/rules';
import { hitRateLimits } from '../../db/core/rate-limit';
import { format } from '../../web/i18n';
import { CheckInNudges, MemberCheckIn, OwnerCheckIns } from '../../web/views/circles/check-ins';
import { InboxItem, InboxPage } from '../../web/views/circles/inbox';
import { circlePath } from '../../web/views/circles/parts';
import { firstValue } from '../http/fields';
import { isHtmx } from '../http/htmx';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import type { SignedInContext, SignedInEnv } from '../http/require-access';
import { siteOrigin } from '../http/site-origin';
import { readForm } from '../http/validation';
import { CIRCLE_ID, inCircle, pageContext, type OpenCircle } from './access';
import { circleNotices, showCircleHome } from './circles';
import { circleMail, circleSignInLink } from './mail';

const inboxNotices = { read: (t) => t.circleCheckIns.markedRead } satisfies Notices;

/** The check-in slot of a circle's home: the member's form (or why it is closed), or the owner's summary. */
export const checkInSlot = async (
  c: SignedInContext,
  circle: OpenCircle,
  typed?: { value: string; errors: Record<string, string> },
) => {
  const t = c.get('t');
  const db = c.get('db');
  if (!circle.member)
    return (
      <OwnerCheckIns
        t={t}
        circleId={circle.circle.id}
        unread={await unreadCheckIns(db, circle.circle.id)}
        closed={checkInClosedBecause(circle.circle)}
      />
    );
  return (
    <MemberCheckIn
      t={t}
      locale={c.get('locale')}
      circleId={circle.circle.id}
      timeZone={circle.circle.timeZone}
      state={await myCheckIn(db, circle.circle, circle.member.id)}
      value={typed?.value}
      errors={typed?.errors}
      maxLength={CHECK_IN_MAX_LENGTH}
    />
  );
};

/** The nudges of this period above the list on /circles. */
export const checkInListNotices = async (c: SignedInContext) => (
  <CheckInNudges t={c.get('t')} nudges={await myNudges(c.get('db'), c.get('user').id)} />
);

/** A member's check-in message, read from the form: trimmed, line breaks kept, within the limit. */
const readCheckIn = (form: Record<string, unknown>, t: SignedInContext['var']['t']) => {
  const value = firstValue(form.body)
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
  if (value === '') return { value, error: t.circleCheckIns.errors.required };
  if (value.length > CHECK_IN_MAX_LENGTH)
    return {
      value: value.slice(0, CHECK_IN_MAX_LENGTH * 2),
      error: format(t.circleCheckIns.errors.tooLong, {
        max: CHECK_IN_MAX_LENGTH,
        count: value.length,
      }),
    };
  return { value };
};

/** Sending a check-in (members), and the owner's inbox. */
export const checkInRoutes = new Hono<SignedInEnv>()
  .post(
    `/circles/:id${CIRCLE_ID}/check-ins`,
    inCircle('check-ins:send', async (c, circle) => {
      const t = c.get('t');
      const db = c.get('db');
      const member = circle.member!;
      const typed = readCheckIn(await readForm(c.req), t);
      const again = async (status: number, error?: string) =>
        showCircleHome(c, circle, {
          status,
          checkIn: await checkInSlot(c, circle, {
            value: typed.value,
            errors: error ? { body: error } : {},
          }),
        });
      if (typed.error) return again(400, typed.error);
      const subject = await c.get('keyedHash')(`circle-member:${member.id}`);
      const limits = await hitRateLimits(
        db,
        CHECK_IN_LIMITS.map((limit) => ({ limit, subject })),
      );
      if (limits.some((result) => !result.allowed))
        return again(429, t.circleCheckIns.errors.limited);
      const now = new Date();
      const result = await sendCheckIn(db, circle.circle, member.id, typed.value, now);
      // Closed (space, "never") or already sent this period: the slot says which, the text kept.
      if (!result.sent) return again(409);
      if (result.mailOwnerNow) {
        const owner = await claimOwnerMail(db, result.id, now);
        if (owner)
          await c.get('mailer').send(
            await circleMail({
              to: owner.email,
              locale: owner.locale,
              siteName: c.get('config').siteName,
              link: circleSignInLink(siteOrigin(c)),
            }),
          );
      }
      return c.redirect(
        noticeUrl(circleNotices, circlePath(circle.circle.id), 'checkInSent', { hash: 'check-in' }),
        303,
      );
    }),
  )

  .get(
    `/circles/:id${CIRCLE_ID}/inbox`,
    inCircle('check-ins:read', async (c, circle) =>
      renderPage(c, {
        title: c.get('t').circleCheckIns.inboxTitle,
        body: (
          <InboxPage
            context={pageContext(c, circle, readNotice(c, inboxNotices))}
            timeZone={circle.circle.timeZone}
            messages={await listInbox(c.get('db'), circle.circle.id)}
          />
        ),
      }),
    ),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/inbox/:message${CIRCLE_ID}/read`,
    inCircle('check-ins:read', async (c, circle) => {
      const db = c.get('db');
      const circleId = circle.circle.id;
      const messageId = c.req.param('message')!;
      if (!(await markCheckInRead(db, circleId, messageId))) return c.notFound() as Response;
      if (isHtmx(c)) {
        const message = await findInboxMessage(db, circleId, messageId);
        if (message)
          return c.html(
            <InboxItem
              t={c.get('t')}
              locale={c.get('locale')}
              circleId={circleId}
              timeZone={circle.circle.timeZone}
              message={message}
            />,
          );
      }
      return c.redirect(
        noticeUrl(inboxNotices, circlePath(circleId, 'inbox'), 'read', {
          hash: `check-in-${messageId}`,
        }),
        303,
      );
    }),
  );
