import { Hono } from 'hono';
import { listCircleHistory } from '../../db/circles/history';
import { addOwnerNote, deleteOwnerNote, listOwnerNotes } from '../../db/circles/notes';
import { CIRCLE_LIMITS } from '../../db/circles/rules';
import { format } from '../../web/i18n';
import { HistoryPage, NotesPage } from '../../web/views/circles/notes';
import { cleanText, firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import type { SignedInContext, SignedInEnv } from '../http/require-access';
import { readForm } from '../http/validation';
import { CIRCLE_ID, inCircle, pageContext, type OpenCircle } from './access';

const notices = {
  added: (t) => t.circles.noteAdded,
  deleted: (t) => t.circles.noteDeleted,
} satisfies Notices;

const notesPath = (circleId: string) => `/circles/${circleId}/notes`;

const showNotes = async (
  c: SignedInContext,
  circle: OpenCircle,
  value = '',
  errors?: Record<string, string>,
) => {
  const t = c.get('t');
  return renderPage(c, {
    title: t.circles.notesTitle,
    status: errors ? 400 : 200,
    body: (
      <NotesPage
        context={pageContext(c, circle, readNotice(c, notices))}
        timeZone={circle.circle.timeZone}
        notes={await listOwnerNotes(c.get('db'), circle.circle.id)}
        value={value}
        errors={errors}
        noteMax={CIRCLE_LIMITS.note}
      />
    ),
  });
};

/** The owner's private notes and the owner's history: nobody else's, coordinators included. */
export const noteRoutes = new Hono<SignedInEnv>()
  .get(
    `/circles/:id${CIRCLE_ID}/notes`,
    inCircle('notes:use', (c, circle) => showNotes(c, circle)),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/notes`,
    inCircle('notes:use', async (c, circle) => {
      const t = c.get('t');
      const body = cleanText(firstValue((await readForm(c.req)).body), true);
      if (!body) return showNotes(c, circle, body, { body: t.circles.errors.noteRequired });
      if (body.length > CIRCLE_LIMITS.note)
        return showNotes(c, circle, body, {
          body: format(t.circles.errors.textTooLong, { max: CIRCLE_LIMITS.note }),
        });
      await addOwnerNote(c.get('db'), circle.circle.id, body);
      return c.redirect(noticeUrl(notices, notesPath(circle.circle.id), 'added'), 303);
    }),
  )

  .post(
    `/circles/:id${CIRCLE_ID}/notes/:note${CIRCLE_ID}/deletion`,
    inCircle('notes:use', async (c, circle) => {
      const done = await deleteOwnerNote(c.get('db'), circle.circle.id, c.req.param('note')!);
      return done
        ? c.redirect(noticeUrl(notices, notesPath(circle.circle.id), 'deleted'), 303)
        : (c.notFound() as Response);
    }),
  )

  .get(
    `/circles/:id${CIRCLE_ID}/history`,
    inCircle('history:read', async (c, circle) => {
      const t = c.get('t');
      return renderPage(c, {
        title: t.circles.historyTitle,
        body: (
          <HistoryPage
            context={pageContext(c, circle)}
            timeZone={circle.circle.timeZone}
            entries={await listCircleHistory(c.get('db'), circle.circle.id)}
          />
        ),
      });
    }),
  );
