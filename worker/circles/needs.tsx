import { Hono } from 'hono';
import { hasReadCurrentCharter } from '../../db/circles/charter';
import {
  cancelNeed,
  findLinkableResource,
  findNeed,
  listCircleNeeds,
  listNeedHelpers,
  postNeeds,
  updateNeed,
  type NeedRow,
} from '../../db/circles/needs';
import { isNeedOpen, isPlaceShown, isTakingSpace, NEED_LIMITS } from '../../db/circles/rules';
import {
  cancelSignUp,
  findMySignUp,
  findOwnSignUpById,
  listCircleGaps,
  signUpForNeed,
  type SignUpOutcome,
} from '../../db/circles/signups';
import { canInCircle, canSeeCircleGaps } from '../../db/permissions';
import { getResource } from '../../db/resources/detail';
import { Notice } from '../../web/components/form';
import { format } from '../../web/i18n';
import {
  NeedPage,
  SignUpPanel,
  type LinkedResource,
  type PlaceShown,
  type SignUpPanelProps,
  type SignUpState,
} from '../../web/views/circles/need';
import { NeedFormPage, type NeedFields } from '../../web/views/circles/need-form';
import { CircleNeedsList, needPath } from '../../web/views/circles/needs';
import { signUpCalendar } from '../../web/views/circles/sign-up-ics';
import { isHtmx } from '../http/htmx';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import type { SignedInContext, SignedInEnv } from '../http/require-access';
import { readForm } from '../http/validation';
import { CIRCLE_ID, inCircle, pageContext, type OpenCircle } from './access';
import { circleHomeSlots } from './circles';
import { emptyNeedFields, needFieldsOf, parseNeed } from './need-form';
import { loadIcal } from '../on-demand';

/** Notices on the circle's home (the needs slot shows them) and on a need's page. */
const notices = {
  posted: (t) => t.circleNeeds.needPosted,
  series: (t, weeks: number) => format(t.circleNeeds.needsPosted, { count: weeks }),
  saved: (t) => t.circleNeeds.needSaved,
  needCancelled: (t) => t.circleNeeds.needCancelled,
  signedUp: (t) => t.circleNeeds.signedUp,
  already: (t) => t.circleNeeds.alreadySignedUp,
  full: (t) => t.circleNeeds.signUpFull,
  closed: (t) => t.circleNeeds.signUpClosed,
  paused: (t) => t.circleNeeds.signUpPaused,
  signUpCancelled: (t) => t.circleNeeds.signUpCancelled,
} satisfies Notices<number>;

const noticeOf = (c: SignedInContext) => readNotice(c, notices, Number(c.req.query('weeks')) || 0);

const NEED = `:need${CIRCLE_ID}`;

/** The needs on the circle's home: registered in the home page's `needs` slot. */
circleHomeSlots.needs = async (c, circle) => {
  const db = c.get('db');
  const now = new Date();
  const id = circle.circle.id;
  const [list, gaps] = await Promise.all([
    listCircleNeeds(db, id, circle.member?.id ?? null, now),
    canSeeCircleGaps(circle.role, circle.circle) ? listCircleGaps(db, id, now) : null,
  ]);
  return (
    <>
      <Notice text={noticeOf(c)} />
      <CircleNeedsList
        t={c.get('t')}
        locale={c.get('locale')}
        circleId={id}
        timeZone={circle.circle.timeZone}
        upcoming={list.upcoming}
        past={list.past}
        canPost={canInCircle(circle.role, 'needs:manage')}
        gaps={gaps}
      />
    </>
  );
};

/** Runs the handler with this circle's need named in the address; any other id is the app's 404. */
const withNeed =
  (
    handler: (
      c: SignedInContext,
      circle: OpenCircle,
      need: NeedRow & { helpers: number },
    ) => Promise<Response>,
  ) =>
  async (c: SignedInContext, circle: OpenCircle) => {
    const need = await findNeed(c.get('db'), circle.circle.id, c.req.param('need') ?? '');
    return need ? handler(c, circle, need) : (c.notFound() as Response);
  };

/** Whether the need's place is kept out of its edit form now (outside the reveal window). */
const isPlaceHiddenFrom = (circle: OpenCircle, need: NeedRow) =>
  !isPlaceShown({ role: circle.role, signedUp: false }, need, circle.circle, new Date());

/** Where a member stands with a need now. */
const signUpStateOf = (
  circle: OpenCircle,
  need: NeedRow & { helpers: number },
  mine: boolean,
  now: Date,
): SignUpState => {
  if (mine) return 'mine';
  if (!isNeedOpen(need, now)) return 'closed';
  if (isTakingSpace(circle.circle, now) && !circle.circle.spacePracticalHelpGoesOn) return 'paused';
  return need.helpers >= need.helpersWanted ? 'full' : 'open';
};

/** A linked directory resource as a need shows it: the directory's own reading, so a confidential place has no address. */
const linkedResource = async (
  c: SignedInContext,
  resourceId: string,
  now: Date,
): Promise<LinkedResource | null> => {
  const resource = await getResource(c.get('db'), resourceId, now);
  if (!resource) return null;
  return {
    slug: resource.slug,
    name: resource.name,
    places: resource.places.map((place) => ({
      confidential: place.confidential,
      city: place.city,
      address: place.address
        ? [
            place.address.street,
            place.address.street2,
            place.address.city,
            place.address.postalCode,
          ]
            .filter(Boolean)
            .join(', ')
        : null,
    })),
  };
};

/** The sign-up panel of a member, as it stands now. */
const panelFor = async (
  c: SignedInContext,
  circle: OpenCircle,
  needId: string,
  message?: string,
): Promise<SignUpPanelProps | null> => {
  const need = await findNeed(c.get('db'), circle.circle.id, needId);
  if (!need || !circle.member) return null;
  const mine = await findMySignUp(c.get('db'), circle.circle.id, need.id, circle.member.id);
  return {
    t: c.get('t'),
    circleId: circle.circle.id,
    needId: need.id,
    state: signUpStateOf(circle, need, mine !== null, new Date()),
    signUpId: mine?.id,
    message,
  };
};

const showNeed = async (
  c: SignedInContext,
  circle: OpenCircle,
  need: NeedRow & { helpers: number },
) => {
  const db = c.get('db');
  const now = new Date();
  const mine = circle.member
    ? await findMySignUp(db, circle.circle.id, need.id, circle.member.id)
    : null;
  const shown = isPlaceShown(
    { role: circle.role, signedUp: mine !== null },
    need,
    circle.circle,
    now,
  );
  const place: PlaceShown = shown
    ? {
        shown: true,
        text: need.place,
        resource: need.resourceId ? await linkedResource(c, need.resourceId, now) : null,
      }
    : { shown: false, revealHours: circle.circle.placeRevealHours };
  const seesHelpers = canInCircle(circle.role, 'sign-ups:see');
  const notice = noticeOf(c);
  return renderPage(c, {
    title: c.get('t').circleNeeds.needTitle,
    body: (
      <NeedPage
        context={pageContext(c, circle, circle.member ? undefined : notice)}
        timeZone={circle.circle.timeZone}
        need={need}
        place={place}
        helpers={seesHelpers ? await listNeedHelpers(db, circle.circle.id, need.id) : null}
        canManage={canInCircle(circle.role, 'needs:manage')}
        panel={
          canInCircle(circle.role, 'needs:sign-up')
            ? {
                t: c.get('t'),
                circleId: circle.circle.id,
                needId: need.id,
                state: signUpStateOf(circle, need, mine !== null, now),
                signUpId: mine?.id,
                message: notice,
              }
            : null
        }
      />
    ),
  });
};

const showForm = (
  c: SignedInContext,
  circle: OpenCircle,
  options: {
    action: string;
    editing: boolean;
    values: NeedFields;
    errors?: Record<string, string>;
    placeHidden?: boolean;
  },
) => {
  const t = c.get('t');
  return renderPage(c, {
    title: options.editing ? t.circleNeeds.editTitle : t.circleNeeds.newTitle,
    status: options.errors ? 400 : 200,
    body: (
      <NeedFormPage
        context={pageContext(c, circle)}
        action={options.action}
        editing={options.editing}
        values={options.values}
        errors={options.errors}
        limits={NEED_LIMITS}
        timeZone={circle.circle.timeZone}
        revealHours={circle.circle.placeRevealHours}
        placeHidden={options.placeHidden ?? false}
      />
    ),
  });
};

/** Reads the need form and resolves its resource in the directory; errors keep what was typed. */
const readNeedForm = async (c: SignedInContext, circle: OpenCircle, repeats: boolean) => {
  const parsed = parseNeed(await readForm(c.req), c.get('t'), circle.circle.timeZone, new Date(), {
    repeats,
  });
  if ('errors' in parsed) return parsed;
  const resource = parsed.ok.resource
    ? await findLinkableResource(c.get('db'), parsed.ok.resource)
    : null;
  if (parsed.ok.resource && !resource)
    return { errors: { resource: c.get('t').circleNeeds.errors.resource }, values: parsed.values };
  return {
    ok: { ...parsed.ok, draft: { ...parsed.ok.draft, resourceId: resource?.id ?? null } },
    values: parsed.values,
  };
};

/** What each sign-up outcome is called on the page (and its status for an htmx reply). */
const outcomeNotice: Record<SignUpOutcome, keyof typeof notices> = {
  signedUp: 'signedUp',
  already: 'already',
  full: 'full',
  closed: 'closed',
  paused: 'paused',
};

/** Answers a sign-up or a cancellation: the panel alone for htmx, else back to the need page. */
const answerSignUp = async (
  c: SignedInContext,
  circle: OpenCircle,
  needId: string,
  key: keyof typeof notices,
  status: 200 | 409,
) => {
  if (!isHtmx(c))
    return c.redirect(
      noticeUrl(notices, needPath(circle.circle.id, needId), key, { hash: 'sign-up-heading' }),
      303,
    );
  const panel = await panelFor(c, circle, needId, notices[key](c.get('t'), 0));
  return panel ? c.html(<SignUpPanel {...panel} />, status) : (c.notFound() as Response);
};

/** Needs: posting, changing and cancelling (owner, coordinator); signing up and cancelling (members). */
export const needRoutes = new Hono<SignedInEnv>()
  .get(
    `/circles/:id${CIRCLE_ID}/needs/new`,
    inCircle('needs:manage', (c, circle) =>
      showForm(c, circle, {
        action: `/circles/${circle.circle.id}/needs`,
        editing: false,
        values: emptyNeedFields(),
      }),
    ),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/needs`,
    inCircle('needs:manage', async (c, circle) => {
      const parsed = await readNeedForm(c, circle, true);
      const action = `/circles/${circle.circle.id}/needs`;
      if ('errors' in parsed) return showForm(c, circle, { action, editing: false, ...parsed });
      const ids = await postNeeds(
        c.get('db'),
        circle.circle.id,
        { userId: c.get('user').id, role: circle.role === 'owner' ? 'owner' : 'coordinator' },
        parsed.ok.draft,
        parsed.ok.weeks,
      );
      const weeks = parsed.ok.weeks;
      return c.redirect(
        noticeUrl(notices, needPath(circle.circle.id, ids[0]!), weeks > 1 ? 'series' : 'posted', {
          query: weeks > 1 ? { weeks } : {},
        }),
        303,
      );
    }),
  )

  .get(`/circles/:id${CIRCLE_ID}/needs/${NEED}`, inCircle('circle:read', withNeed(showNeed)))

  .get(
    `/circles/:id${CIRCLE_ID}/needs/${NEED}/edit`,
    inCircle(
      'needs:manage',
      withNeed(async (c, circle, need) => {
        const resource = need.resourceId
          ? await findLinkableResource(c.get('db'), need.resourceId)
          : null;
        const placeHidden = isPlaceHiddenFrom(circle, need);
        const values = needFieldsOf(need, circle.circle.timeZone, resource?.slug ?? null);
        return showForm(c, circle, {
          action: needPath(circle.circle.id, need.id),
          editing: true,
          values: placeHidden ? { ...values, place: '' } : values,
          placeHidden,
        });
      }),
    ),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/needs/${NEED}`,
    inCircle(
      'needs:manage',
      withNeed(async (c, circle, need) => {
        const action = needPath(circle.circle.id, need.id);
        const parsed = await readNeedForm(c, circle, false);
        const placeHidden = isPlaceHiddenFrom(circle, need);
        if ('errors' in parsed)
          return showForm(c, circle, { action, editing: true, placeHidden, ...parsed });
        // A place the editor was not shown comes back blank: blank keeps the stored one.
        const draft =
          placeHidden && parsed.ok.draft.place === ''
            ? { ...parsed.ok.draft, place: need.place }
            : parsed.ok.draft;
        const saved = await updateNeed(c.get('db'), circle.circle.id, need.id, draft);
        if (saved === 'none') return c.notFound() as Response;
        if (saved === 'belowHelpers') {
          const current = await findNeed(c.get('db'), circle.circle.id, need.id);
          return showForm(c, circle, {
            action,
            editing: true,
            values: parsed.values,
            placeHidden,
            errors: {
              helpersWanted: format(c.get('t').circleNeeds.errors.belowHelpers, {
                count: current?.helpers ?? need.helpers,
              }),
            },
          });
        }
        return c.redirect(noticeUrl(notices, action, 'saved'), 303);
      }),
    ),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/needs/${NEED}/cancellation`,
    inCircle('needs:manage', async (c, circle) => {
      const done = await cancelNeed(
        c.get('db'),
        circle.circle.id,
        c.req.param('need')!,
        circle.role === 'owner' ? 'owner' : 'coordinator',
      );
      return done
        ? c.redirect(
            noticeUrl(notices, `/circles/${circle.circle.id}`, 'needCancelled', { hash: 'needs' }),
            303,
          )
        : (c.notFound() as Response);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/needs/${NEED}/sign-up`,
    inCircle(
      'needs:sign-up',
      withNeed(async (c, circle, need) => {
        const db = c.get('db');
        const member = circle.member!;
        // Before a first sign-up, and after the charter changes, the member reads it first.
        if (!(await hasReadCurrentCharter(db, circle.circle.id, member.id))) {
          const charter = `/circles/${circle.circle.id}/charter?${new URLSearchParams({
            done: 'signUpFirst',
            next: needPath(circle.circle.id, need.id),
          })}`;
          if (isHtmx(c)) {
            c.header('HX-Redirect', charter);
            return c.body(null, 200);
          }
          return c.redirect(charter, 303);
        }
        // Full, closed or paused ("I need space"): the insert itself decides.
        const outcome = await signUpForNeed(db, circle.circle.id, need.id, member.id);
        return answerSignUp(
          c,
          circle,
          need.id,
          outcomeNotice[outcome],
          outcome === 'signedUp' || outcome === 'already' ? 200 : 409,
        );
      }),
    ),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/needs/${NEED}/sign-up/cancellation`,
    inCircle(
      'needs:sign-up',
      withNeed(async (c, circle, need) => {
        await cancelSignUp(c.get('db'), circle.circle.id, need.id, circle.member!.id);
        return answerSignUp(c, circle, need.id, 'signUpCancelled', 200);
      }),
    ),
  )

  .get(
    `/circles/:id${CIRCLE_ID}/needs/${NEED}/sign-ups/:file{[a-z2-7]{26}\\.ics}`,
    inCircle(
      'needs:sign-up',
      withNeed(async (c, circle, need) => {
        const signUpId = c.req.param('file')!.slice(0, -'.ics'.length);
        const mine = await findOwnSignUpById(
          c.get('db'),
          circle.circle.id,
          need.id,
          signUpId,
          circle.member!.id,
        );
        if (!mine) return c.notFound() as Response;
        const now = new Date();
        const url = new URL(c.req.url);
        const placeShown = isPlaceShown(
          { role: circle.role, signedUp: true },
          need,
          circle.circle,
          now,
        );
        return c.body(
          signUpCalendar(await loadIcal(), {
            siteName: c.get('config').siteName,
            host: url.hostname,
            url: `${url.origin}${needPath(circle.circle.id, need.id)}`,
            signUpId: mine.id,
            title: need.title,
            startsAt: need.startsAt,
            endsAt: need.endsAt,
            note: need.note,
            place: placeShown ? need.place : null,
            stamp: now,
          }),
          200,
          {
            'Content-Type': 'text/calendar; charset=utf-8',
            'Content-Disposition': `attachment; filename="${mine.id}.ics"`,
            'Cache-Control': 'no-store',
          },
        );
      }),
    ),
  );
