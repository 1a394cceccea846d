import { Hono } from 'hono';
import { decideEvent, trustOrganizer } from '../../db/events/events';
import { getUser, userLocale } from '../../db/accounts/users';
import { canBeTrustedOrganizer } from '../../db/permissions';
import type { AppEnv } from '../env';
import { eventMail, sendAll } from './mail';
import { requireAccess } from '../http/require-access';
import { noticeUrl } from '../http/notices';
import { moderationNotices } from '../accounts/moderation';

/** Moderators decide on submitted events, and mark organizers as trusted, from /moderation. */
export const moderationEventRoutes = new Hono<AppEnv>()
  .post(
    '/moderation/events/:id{[a-z0-9]+}/:decision{approval|decline}',
    requireAccess('events:moderate'),
    async function moderation_event_decision_post(c) {
      const db = c.get('db');
      const decision = c.req.param('decision') === 'approval' ? 'approved' : 'declined';
      const decided = await decideEvent(db, c.req.param('id'), decision);
      if (!decided)
        return c.redirect(
          noticeUrl(moderationNotices, '/moderation', 'event-already-decided'),
          303,
        );
      const organizer = decided.organizerId ? await getUser(db, decided.organizerId) : null;
      if (organizer) {
        await sendAll(
          c.get('mailer'),
          [
            await eventMail.decided(
              decided,
              { email: organizer.email, locale: await userLocale(db, organizer.id) },
              decision,
            ),
          ],
          c.get('log'),
        );
      }
      return c.redirect(noticeUrl(moderationNotices, '/moderation', `event-${decision}`), 303);
    },
  )

  .post(
    '/moderation/organizers/:userId{[a-z0-9]+}/trust',
    requireAccess('organizers:trust'),
    async function moderation_organizer_trust_post(c) {
      const db = c.get('db');
      const person = await getUser(db, c.req.param('userId'));
      if (!person || !canBeTrustedOrganizer(person)) return c.redirect('/moderation', 303);
      await trustOrganizer(db, person.id);
      // Trust is for what comes next; the event in the queue still gets its own decision.
      return c.redirect(noticeUrl(moderationNotices, '/moderation', 'organizer-trusted'), 303);
    },
  );
