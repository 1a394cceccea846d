import { Hono } from 'hono';
import {
  acceptInvitation,
  createInvitation,
  findInvitationForAccount,
  listPendingInvitations,
  revokeInvitation,
} from '../../db/circles/invitations';
import { CIRCLE_LIMITS, INVITATION_LIMITS } from '../../db/circles/rules';
import { hitRateLimits } from '../../db/core/rate-limit';
import { InvitationsPage, JoinFailedPage, JoinPage } from '../../web/views/circles/invitations';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import type { SignedInContext, SignedInEnv } from '../http/require-access';
import { siteOrigin } from '../http/site-origin';
import { readForm } from '../http/validation';
import { CIRCLE_ID, inCircle, pageContext, type OpenCircle } from './access';
import { circleNotices } from './circles';
import { parseDisplayName, parseInvitation } from './form';
import { circleMail } from './mail';

const notices = {
  sent: (t) => t.circles.invitationSent,
  revoked: (t) => t.circles.invitationRevoked,
} satisfies Notices;

const TOKEN = '{[a-z2-7]{32}}';
const invitationsPath = (circleId: string) => `/circles/${circleId}/invitations`;

const showInvitations = async (
  c: SignedInContext,
  circle: OpenCircle,
  extra: {
    values?: { email: string; personalNote: string; language: string };
    errors?: Record<string, string>;
    status?: number;
  } = {},
) => {
  const t = c.get('t');
  return renderPage(c, {
    title: t.circles.invitationsTitle,
    status: extra.status ?? 200,
    body: (
      <InvitationsPage
        context={pageContext(c, circle, readNotice(c, notices))}
        timeZone={circle.circle.timeZone}
        pending={await listPendingInvitations(c.get('db'), circle.circle.id)}
        values={extra.values ?? { email: '', personalNote: '', language: c.get('locale') }}
        errors={extra.errors}
        noteMax={CIRCLE_LIMITS.personalNote}
      />
    ),
  });
};

/** The same neutral answer for every invitation that cannot be used: nothing says why. */
const joinFailed = (c: SignedInContext) => {
  const t = c.get('t');
  return renderPage(c, {
    title: t.circles.joinFailedTitle,
    status: 404,
    body: <JoinFailedPage t={t} />,
  });
};

/** Inviting one address at a time (the owner), and accepting (only the account it was sent to). */
export const invitationRoutes = new Hono<SignedInEnv>()
  .get(`/circles/invitations/:token${TOKEN}`, async function circle_invitation_get(c) {
    const token = c.req.param('token');
    const invitation = await findInvitationForAccount(c.get('db'), token, c.get('user'));
    if (!invitation) return joinFailed(c);
    const t = c.get('t');
    return renderPage(c, {
      title: t.circles.joinTitle,
      body: (
        <JoinPage
          t={t}
          action={`/circles/invitations/${token}`}
          displayName=""
          nameMax={CIRCLE_LIMITS.displayName}
        />
      ),
    });
  })

  .post(`/circles/invitations/:token${TOKEN}`, async function circle_invitation_post(c) {
    const t = c.get('t');
    const token = c.req.param('token');
    const form = await readForm(c.req);
    const name = parseDisplayName(form.displayName, t);
    if ('error' in name) {
      if (!(await findInvitationForAccount(c.get('db'), token, c.get('user'))))
        return joinFailed(c);
      return renderPage(c, {
        title: t.circles.joinTitle,
        status: 400,
        body: (
          <JoinPage
            t={t}
            action={`/circles/invitations/${token}`}
            displayName={firstValue(form.displayName).slice(0, CIRCLE_LIMITS.displayName * 2)}
            error={name.error}
            nameMax={CIRCLE_LIMITS.displayName}
          />
        ),
      });
    }
    const circleId = await acceptInvitation(c.get('db'), token, c.get('user'), name.name);
    return circleId
      ? c.redirect(noticeUrl(circleNotices, `/circles/${circleId}/charter`, 'joined'), 303)
      : joinFailed(c);
  })

  .get(
    `/circles/:id${CIRCLE_ID}/invitations`,
    inCircle('invitations:manage', (c, circle) => showInvitations(c, circle)),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/invitations`,
    inCircle('invitations:manage', async (c, circle) => {
      const t = c.get('t');
      const user = c.get('user');
      const parsed = parseInvitation(await readForm(c.req), t, c.get('locale'));
      if ('errors' in parsed)
        return showInvitations(c, circle, {
          status: 400,
          values: parsed.values,
          errors: parsed.errors,
        });
      if (parsed.ok.email === user.email.toLowerCase())
        return showInvitations(c, circle, {
          status: 400,
          values: parsed.values,
          errors: { email: t.circles.alreadyInvitedSelf },
        });
      const subject = await c.get('keyedHash')(`circle-owner:${user.id}`);
      const limits = await hitRateLimits(
        c.get('db'),
        INVITATION_LIMITS.map((limit) => ({ limit, subject })),
      );
      if (limits.some((result) => !result.allowed))
        return showInvitations(c, circle, {
          status: 429,
          values: parsed.values,
          errors: { email: t.circles.inviteLimited },
        });
      const { token, locale } = await createInvitation(
        c.get('db'),
        circle.circle.id,
        user.id,
        parsed.ok,
      );
      await c.get('mailer').send(
        await circleMail({
          to: parsed.ok.email,
          locale,
          siteName: c.get('config').siteName,
          link: `${siteOrigin(c)}/circles/invitations/${token}`,
          personalNote: parsed.ok.personalNote,
        }),
      );
      return c.redirect(noticeUrl(notices, invitationsPath(circle.circle.id), 'sent'), 303);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/invitations/:invitation${CIRCLE_ID}/revocation`,
    inCircle('invitations:manage', async (c, circle) => {
      const done = await revokeInvitation(
        c.get('db'),
        circle.circle.id,
        c.req.param('invitation')!,
      );
      return done
        ? c.redirect(noticeUrl(notices, invitationsPath(circle.circle.id), 'revoked'), 303)
        : (c.notFound() as Response);
    }),
  );
