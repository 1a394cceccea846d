import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { hasReadCurrentCharter, currentCharter } from '../../db/circles/charter';
import {
  createCircle,
  endSpace,
  listMyCircles,
  startSpace,
  updateCircleSettings,
} from '../../db/circles/circles';
import { closeCircle } from '../../db/circles/close';
import { CIRCLE_LIMITS, CLOSED_CIRCLE_KEEP_DAYS, isTakingSpace } from '../../db/circles/rules';
import { newToken } from '../../db/core/random';
import { CircleHomePage } from '../../web/views/circles/home';
import { MyCirclesPage } from '../../web/views/circles/list';
import type { SpaceState } from '../../web/views/circles/parts';
import { CircleSettingsPage, NewCirclePage } from '../../web/views/circles/settings';
import { timeZoneChoices } from '../events/form';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import type { SignedInContext, SignedInEnv } from '../http/require-access';
import { readForm } from '../http/validation';
import { CIRCLE_ID, inCircle, pageContext, type OpenCircle } from './access';
import { newSettingsFields, parseFutureDate, parseSettings, settingsFieldsOf } from './form';

const notices = {
  closed: (t) => t.circles.closedNotice,
  left: (t) => t.circles.leftText,
  saved: (t) => t.circles.settingsSaved,
  space: (t) => t.circles.spaceStarted,
  spaceEnded: (t) => t.circles.spaceEnded,
  joined: (t) => t.circles.joined,
  checkInSent: (t) => t.circleCheckIns.sent,
} satisfies Notices;

/** The owner's space as the circle sees it, while it lasts. */
export const spaceOf = (circle: OpenCircle['circle'], now = new Date()): SpaceState | null =>
  isTakingSpace(circle, now)
    ? { until: circle.spaceUntil, practicalHelpGoesOn: circle.spacePracticalHelpGoesOn }
    : null;

/**
 * What fills the home page's slots: the needs area (db and routes of its own) registers a
 * function here that draws the needs list, and the check-ins area one for the check-in form
 * or inbox. Left empty, the page says nothing is needed.
 */
export const circleHomeSlots: {
  needs?: (c: SignedInContext, circle: OpenCircle) => Promise<Child>;
  checkIn?: (c: SignedInContext, circle: OpenCircle) => Promise<Child>;
  /** Notices above the list of /circles (e.g. the check-in nudges of this period). */
  listNotices?: (c: SignedInContext) => Promise<Child>;
} = {};

/**
 * A circle's home. A slot's own form answering with an error passes its redrawn slot and the
 * status here, so the page around it stays the same.
 */
export const showCircleHome = async (
  c: SignedInContext,
  circle: OpenCircle,
  replace: { status?: number; checkIn?: Child } = {},
) => {
  const t = c.get('t');
  const db = c.get('db');
  const [charter, read, needs, checkIn] = await Promise.all([
    currentCharter(db, circle.circle.id),
    circle.member ? hasReadCurrentCharter(db, circle.circle.id, circle.member.id) : true,
    circleHomeSlots.needs?.(c, circle),
    replace.checkIn ?? circleHomeSlots.checkIn?.(c, circle),
  ]);
  return renderPage(c, {
    title: t.circles.homeTitle,
    status: replace.status ?? 200,
    body: (
      <CircleHomePage
        context={pageContext(c, circle, readNotice(c, notices))}
        role={circle.role}
        timeZone={circle.circle.timeZone}
        {...(circle.role === 'owner' ? { label: circle.circle.label } : {})}
        {...(circle.member ? { myName: circle.member.displayName } : {})}
        space={spaceOf(circle.circle)}
        charterToRead={!read}
        hasCharter={charter !== null}
        needs={needs}
        checkIn={checkIn}
      />
    ),
  });
};

const showSettings = (
  c: SignedInContext,
  circle: OpenCircle,
  extra: {
    status?: number;
    values?: ReturnType<typeof settingsFieldsOf>;
    errors?: Record<string, string>;
    spaceValues?: { until: string; practicalHelpGoesOn: boolean };
    spaceErrors?: Record<string, string>;
    closeError?: string;
  } = {},
) => {
  const t = c.get('t');
  return renderPage(c, {
    title: t.circles.settingsTitle,
    status: extra.status ?? 200,
    body: (
      <CircleSettingsPage
        context={pageContext(c, circle, readNotice(c, notices))}
        values={extra.values ?? settingsFieldsOf(circle.circle)}
        errors={extra.errors}
        timeZones={timeZoneChoices()}
        labelMax={CIRCLE_LIMITS.label}
        space={spaceOf(circle.circle)}
        spaceValues={extra.spaceValues ?? { until: '', practicalHelpGoesOn: true }}
        spaceErrors={extra.spaceErrors}
        closeError={extra.closeError}
        closedKeepDays={CLOSED_CIRCLE_KEEP_DAYS}
      />
    ),
  });
};

/** /circles, starting a circle, a circle's home and the owner's settings. */
export const circleRoutes = new Hono<SignedInEnv>()
  .get('/circles', async function circles_get(c) {
    const t = c.get('t');
    const user = c.get('user');
    const [circles, listNotices] = await Promise.all([
      listMyCircles(c.get('db'), user.id),
      circleHomeSlots.listNotices?.(c),
    ]);
    return renderPage(c, {
      title: t.circles.listTitle,
      body: (
        <MyCirclesPage
          t={t}
          locale={c.get('locale')}
          circles={circles}
          notice={readNotice(c, notices)}
          notices={listNotices}
        />
      ),
    });
  })

  .get('/circles/new', function circles_new_get(c) {
    const t = c.get('t');
    return renderPage(c, {
      title: t.circles.newTitle,
      body: (
        <NewCirclePage
          t={t}
          values={newSettingsFields('UTC', newToken())}
          timeZones={timeZoneChoices()}
          labelMax={CIRCLE_LIMITS.label}
        />
      ),
    });
  })

  .post('/circles', async function circles_post(c) {
    const t = c.get('t');
    const parsed = parseSettings(await readForm(c.req), t);
    if ('errors' in parsed) {
      return renderPage(c, {
        title: t.circles.newTitle,
        status: 400,
        body: (
          <NewCirclePage
            t={t}
            values={parsed.values}
            errors={parsed.errors}
            timeZones={timeZoneChoices()}
            labelMax={CIRCLE_LIMITS.label}
          />
        ),
      });
    }
    const id = await createCircle(
      c.get('db'),
      c.get('user').id,
      parsed.ok,
      new Date(),
      parsed.values.formKey || null,
    );
    return c.redirect(`/circles/${id}`, 303);
  })

  .get(
    `/circles/:id${CIRCLE_ID}`,
    inCircle('circle:read', (c, circle) => showCircleHome(c, circle)),
  )

  .get(
    `/circles/:id${CIRCLE_ID}/settings`,
    inCircle('circle:settings', (c, circle) => showSettings(c, circle)),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/settings`,
    inCircle('circle:settings', async (c, circle) => {
      const parsed = parseSettings(await readForm(c.req), c.get('t'));
      if ('errors' in parsed)
        return showSettings(c, circle, {
          status: 400,
          values: parsed.values,
          errors: parsed.errors,
        });
      await updateCircleSettings(c.get('db'), circle.circle.id, parsed.ok);
      return c.redirect(noticeUrl(notices, `/circles/${circle.circle.id}/settings`, 'saved'), 303);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/settings/space`,
    inCircle('space:set', async (c, circle) => {
      const form = await readForm(c.req);
      const now = new Date();
      const spaceValues = {
        until: firstValue(form.until).trim().slice(0, 20),
        practicalHelpGoesOn: firstValue(form.practicalHelpGoesOn) === '1',
      };
      const until = parseFutureDate(spaceValues.until, circle.circle.timeZone, now);
      if ('error' in until)
        return showSettings(c, circle, {
          status: 400,
          spaceValues,
          spaceErrors: { until: c.get('t').circles.errors.date },
        });
      await startSpace(
        c.get('db'),
        circle.circle.id,
        { until: until.date, practicalHelpGoesOn: spaceValues.practicalHelpGoesOn },
        now,
      );
      return c.redirect(noticeUrl(notices, `/circles/${circle.circle.id}`, 'space'), 303);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/settings/space-end`,
    inCircle('space:set', async (c, circle) => {
      await endSpace(c.get('db'), circle.circle.id);
      return c.redirect(noticeUrl(notices, `/circles/${circle.circle.id}`, 'spaceEnded'), 303);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/closing`,
    inCircle('circle:close', async (c, circle) => {
      const form = await readForm(c.req);
      if (firstValue(form.confirm) !== '1')
        return showSettings(c, circle, {
          status: 400,
          closeError: c.get('t').circles.closeConfirmRequired,
        });
      await closeCircle(c.get('db'), circle.circle.id);
      return c.redirect(noticeUrl(notices, '/circles', 'closed'), 303);
    }),
  );

export { notices as circleNotices };
