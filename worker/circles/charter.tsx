import { Hono } from 'hono';
import {
  charterChanges,
  charterDraftOf,
  charterVersion,
  currentCharter,
  markCharterRead,
  saveCharter,
} from '../../db/circles/charter';
import { CIRCLE_LIMITS } from '../../db/circles/rules';
import { canInCircle } from '../../db/permissions';
import { readabilityOf } from '../http/readability';
import { CharterEditPage, CharterPage, type CharterFields } from '../../web/views/circles/charter';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import type { SignedInContext, SignedInEnv } from '../http/require-access';
import { readForm } from '../http/validation';
import { CIRCLE_ID, inCircle, pageContext, type OpenCircle } from './access';
import { charterFieldsOf, parseCharter } from './form';
import { needPathIn } from './need-form';

const notices = {
  saved: (t) => t.circles.charterSaved,
  read: (t) => t.circles.charterReadDone,
  signUpFirst: (t) => t.circleNeeds.charterFirst,
} satisfies Notices;

const charterPath = (circleId: string) => `/circles/${circleId}/charter`;

/** All the free text of a charter, for one readability score. */
const writtenText = (values: CharterFields) =>
  [
    values.helpText,
    values.topicsToAvoid,
    values.spaceMeaning,
    values.accompaniment,
    values.anythingElse,
  ]
    .filter(Boolean)
    .join('\n\n');

const showEditor = async (
  c: SignedInContext,
  circle: OpenCircle,
  values: CharterFields,
  errors?: Record<string, string>,
) => {
  const t = c.get('t');
  const text = writtenText(values);
  return renderPage(c, {
    title: t.circles.charterEditTitle,
    status: errors ? 400 : 200,
    body: (
      <CharterEditPage
        context={pageContext(c, circle)}
        values={values}
        errors={errors}
        textMax={CIRCLE_LIMITS.charterText}
        readability={await readabilityOf(text, undefined, c.get('locale'))}
      />
    ),
  });
};

/** The support charter: read by everyone in the circle, written by the owner, one version a save. */
export const charterRoutes = new Hono<SignedInEnv>()
  .get(
    `/circles/:id${CIRCLE_ID}/charter`,
    inCircle('charter:read', async (c, circle) => {
      const t = c.get('t');
      const db = c.get('db');
      const current = await currentCharter(db, circle.circle.id);
      const readNumber = circle.member?.charterVersionRead ?? null;
      // A member who has not read this version is told what changed since the one they read.
      let changes = null;
      if (current && circle.member && (readNumber === null || readNumber < current.number)) {
        const before =
          readNumber === null ? null : await charterVersion(db, circle.circle.id, readNumber);
        changes = charterChanges(before && charterDraftOf(before), charterDraftOf(current));
      }
      return renderPage(c, {
        title: t.circles.charterTitle,
        body: (
          <CharterPage
            context={pageContext(c, circle, readNotice(c, notices))}
            timeZone={circle.circle.timeZone}
            charter={
              current
                ? {
                    number: current.number,
                    createdAt: current.createdAt,
                    draft: charterDraftOf(current),
                  }
                : null
            }
            changes={changes}
            canEdit={canInCircle(circle.role, 'charter:edit')}
            returnTo={needPathIn(circle.circle.id, c.req.query('next'))}
          />
        ),
      });
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/charter/read`,
    inCircle('membership:own', async (c, circle) => {
      const form = await readForm(c.req);
      const number = Number(firstValue(form.version));
      if (Number.isInteger(number) && number > 0)
        await markCharterRead(c.get('db'), circle.circle.id, circle.member!.id, number);
      // A member sent here to sign up goes back to the need they came from.
      const back = needPathIn(circle.circle.id, firstValue(form.next));
      return c.redirect(back ?? noticeUrl(notices, charterPath(circle.circle.id), 'read'), 303);
    }),
  )

  .get(
    `/circles/:id${CIRCLE_ID}/charter/edit`,
    inCircle('charter:edit', async (c, circle) => {
      const current = await currentCharter(c.get('db'), circle.circle.id);
      return showEditor(c, circle, charterFieldsOf(current && charterDraftOf(current)));
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/charter`,
    inCircle('charter:edit', async (c, circle) => {
      const parsed = parseCharter(await readForm(c.req), c.get('t'));
      if ('errors' in parsed) return showEditor(c, circle, parsed.values, parsed.errors);
      await saveCharter(c.get('db'), circle.circle.id, parsed.ok);
      return c.redirect(noticeUrl(notices, charterPath(circle.circle.id), 'saved'), 303);
    }),
  );
