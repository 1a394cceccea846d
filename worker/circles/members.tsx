import { Hono } from 'hono';
import {
  endMembership,
  listCircleMembers,
  setCoordinator,
  updateOwnMembership,
} from '../../db/circles/members';
import { CIRCLE_LIMITS } from '../../db/circles/rules';
import { canInCircle, canSeeMemberList } from '../../db/permissions';
import { dayIn } from '../../web/views/events/format';
import { format } from '../../web/i18n';
import {
  MembersPage,
  MyMembershipPage,
  type MyMembershipFields,
} from '../../web/views/circles/members';
import { cleanText, firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import type { SignedInContext, SignedInEnv } from '../http/require-access';
import { readForm } from '../http/validation';
import { CIRCLE_ID, inCircle, pageContext, type OpenCircle } from './access';
import { circleNotices } from './circles';
import { parseDisplayName, parseFutureDate } from './form';

const notices = {
  removed: (t) => t.circles.memberRemoved,
  changed: (t) => t.circles.coordinatorChanged,
  saved: (t) => t.circles.meSaved,
} satisfies Notices;

const membersPath = (circleId: string) => `/circles/${circleId}/members`;

const showMe = (
  c: SignedInContext,
  circle: OpenCircle,
  values?: MyMembershipFields,
  errors?: Record<string, string>,
) => {
  const t = c.get('t');
  const me = circle.member!;
  return renderPage(c, {
    title: t.circles.meTitle,
    status: errors ? 400 : 200,
    body: (
      <MyMembershipPage
        context={pageContext(c, circle, readNotice(c, notices))}
        values={
          values ?? {
            displayName: me.displayName,
            offer: me.offer,
            stepBackUntil: me.steppedBackUntil
              ? dayIn(me.steppedBackUntil, circle.circle.timeZone)
              : '',
          }
        }
        errors={errors}
        limits={CIRCLE_LIMITS}
      />
    ),
  });
};

/** Members: the list (owner; members only if the owner shows it), removing, coordinators, my own place. */
export const memberRoutes = new Hono<SignedInEnv>()
  .get(
    `/circles/:id${CIRCLE_ID}/members`,
    inCircle('circle:read', async (c, circle) => {
      if (!canSeeMemberList(circle.role, circle.circle)) return c.notFound() as Response;
      const t = c.get('t');
      return renderPage(c, {
        title: t.circles.membersTitle,
        body: (
          <MembersPage
            context={pageContext(c, circle, readNotice(c, notices))}
            timeZone={circle.circle.timeZone}
            members={await listCircleMembers(c.get('db'), circle.circle.id)}
            canManage={canInCircle(circle.role, 'members:manage')}
          />
        ),
      });
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/members/:member${CIRCLE_ID}/removal`,
    inCircle('members:manage', async (c, circle) => {
      const done = await endMembership(
        c.get('db'),
        circle.circle.id,
        c.req.param('member')!,
        'removed',
      );
      return done
        ? c.redirect(noticeUrl(notices, membersPath(circle.circle.id), 'removed'), 303)
        : (c.notFound() as Response);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/members/:member${CIRCLE_ID}/coordinator`,
    inCircle('members:manage', async (c, circle) => {
      const coordinator = firstValue((await readForm(c.req)).coordinator) === 'yes';
      const done = await setCoordinator(
        c.get('db'),
        circle.circle.id,
        c.req.param('member')!,
        coordinator,
      );
      return done
        ? c.redirect(noticeUrl(notices, membersPath(circle.circle.id), 'changed'), 303)
        : (c.notFound() as Response);
    }),
  )

  .get(
    `/circles/:id${CIRCLE_ID}/me`,
    inCircle('membership:own', (c, circle) => showMe(c, circle)),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/me`,
    inCircle('membership:own', async (c, circle) => {
      const t = c.get('t');
      const form = await readForm(c.req);
      const values: MyMembershipFields = {
        displayName: firstValue(form.displayName).slice(0, CIRCLE_LIMITS.displayName * 2),
        offer: cleanText(firstValue(form.offer), true).slice(0, CIRCLE_LIMITS.offer + 200),
        stepBackUntil: cleanText(firstValue(form.stepBackUntil)).slice(0, 20),
      };
      const errors: Record<string, string> = {};
      const name = parseDisplayName(form.displayName, t);
      if ('error' in name) errors.displayName = name.error;
      if (values.offer.length > CIRCLE_LIMITS.offer)
        errors.offer = format(t.circles.errors.offerTooLong, { max: CIRCLE_LIMITS.offer });
      const until = parseFutureDate(values.stepBackUntil, circle.circle.timeZone, new Date());
      if ('error' in until) errors.stepBackUntil = t.circles.errors.date;
      if ('error' in name || 'error' in until || Object.keys(errors).length > 0)
        return showMe(c, circle, values, errors);
      await updateOwnMembership(c.get('db'), circle.member!.id, {
        displayName: name.name,
        offer: values.offer,
        steppedBackUntil: until.date,
      });
      return c.redirect(noticeUrl(notices, `/circles/${circle.circle.id}/me`, 'saved'), 303);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/me/leave`,
    inCircle('membership:own', async (c, circle) => {
      await endMembership(c.get('db'), circle.circle.id, circle.member!.id, 'left');
      return c.redirect(noticeUrl(circleNotices, '/circles', 'left'), 303);
    }),
  );
