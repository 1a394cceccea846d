import { Hono } from 'hono';
import * as v from 'valibot';
import { listEventRsvps, promoteFromWaitlist } from '../../db/events/rsvps';
import {
  cancelEvent,
  createEvent,
  getEvent,
  isTrustedOrganizer,
  listOrganizerEvents,
  listOrganizerPublicEvents,
  submitEvent,
  updateEvent,
  type EventRow,
} from '../../db/events/events';
import { canManageEvent } from '../../db/permissions';
import { hitRateLimit } from '../../db/core/rate-limit';
import { readabilityMessage } from '../../web/components/readability';
import { eventsCalendar } from '../../web/views/events/ics';
import { format } from '../../web/i18n';
import { rsvpsCsv } from '../../web/views/events/rsvps-csv';
import { EventFormPage } from '../../web/views/events/event-form';
import { ManageEventPage, OrganizerEventsPage } from '../../web/views/events/organize';
import type { AppEnv } from '../env';
import {
  emptyEventForm,
  eventFormValues,
  parseEventForm,
  readEventForm,
  timeZoneChoices,
  type EventFormValues,
} from './form';
import type { EventCampaign } from './campaigns';
import { eventMail, sendAll, tellEventAttendees, type AttendeeMessage } from './mail';
import { requireAccess, type SignedInContext } from '../http/require-access';
import { renderPage } from '../http/render';
import { calendarOptions, icsResponse } from './public';
import { fieldErrors, readForm, requiredText } from '../http/validation';
import { siteOrigin } from '../http/site-origin';
import { rsvpLink } from './rsvp-link';
import { firstValue } from '../http/fields';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { loadCsv, loadIcal } from '../on-demand';
import { readabilityOf } from '../http/readability';
import { allCatalogs } from '../catalogs';

/** Messages to attendees, per organizer. */
const MESSAGE_LIMIT = { name: 'events-message', max: 5, windowSeconds: 3600 } as const;

/** The event, if it exists and this person organizes it; otherwise null (answered as 404, so nothing leaks). */
const ownEvent = async (c: SignedInContext): Promise<EventRow | null> => {
  const id = c.req.param('id');
  const event = id ? await getEvent(c.get('db'), id) : null;
  return event && canManageEvent(c.get('user'), event) ? event : null;
};

/** "Sent" says to how many people: the `count` the redirect carries (see the message route). */
const notices = {
  saved: (t) => t.events.saved,
  resubmitted: (t) => t.events.resubmittedNotice,
  'resubmitted-unsent': (t) => `${t.events.resubmittedNotice} ${t.events.notNotified}`,
  notified: (t) => t.events.savedAndNotified,
  // The change is made, but the emails about it could not be stored (sendAll): nobody was told.
  'notified-unsent': (t) => `${t.events.saved} ${t.events.notNotified}`,
  submitted: (t) => t.events.submittedNotice,
  published: (t) => t.events.publishedNotice,
  cancelled: (t) => t.events.cancelledNotice2,
  'cancelled-unsent': (t) => t.events.cancelledNotNotified,
  'cannot-edit': (t) => t.events.cannotEdit,
  sent: (t, sent) => format(t.events.messageSent, { count: Number(sent.count) || 0 }),
  unsent: (t) => t.events.messageNotSent,
} satisfies Notices<{ count: string | undefined }>;

const managePath = (event: Pick<EventRow, 'id'>) => `/organize/events/${event.id}`;

/** The campaigns this organizer may link an event to; the form offers them and the save re-checks against them. */
const campaignChoices = (c: SignedInContext) =>
  c.get('areaLinks').eventCampaigns.choices(c.get('db'), c.get('user').id);

const formPage = async (
  c: SignedInContext,
  mode: 'new' | 'edit',
  action: string,
  values: EventFormValues,
  errors?: Record<string, string>,
  campaigns?: EventCampaign[],
) => {
  const t = c.get('t');
  const choices = campaigns ?? (await campaignChoices(c));
  const scored = await readabilityOf(values.description, undefined, c.get('locale'));
  const readability = scored ? readabilityMessage(scored, t) : undefined;
  return renderPage(c, {
    title: mode === 'new' ? t.events.newTitle : t.events.editTitle,
    status: errors ? 400 : 200,
    body: (
      <EventFormPage
        t={t}
        mode={mode}
        action={action}
        values={values}
        timeZones={timeZoneChoices()}
        campaigns={choices}
        readability={readability}
        {...(errors ? { errors } : {})}
      />
    ),
  });
};

const managePage = async (
  c: SignedInContext,
  event: EventRow,
  extra: { message?: string; errors?: Record<string, string>; status?: number } = {},
) => {
  const t = c.get('t');
  const db = c.get('db');
  return renderPage(c, {
    title: event.title,
    status: extra.status ?? 200,
    body: (
      <ManageEventPage
        t={t}
        locale={c.get('locale')}
        event={event}
        now={new Date()}
        trusted={event.organizerId ? await isTrustedOrganizer(db, event.organizerId) : false}
        rsvps={await listEventRsvps(db, event.id)}
        notice={readNotice(c, notices, { count: c.req.query('count') })}
        {...(extra.message !== undefined ? { message: extra.message } : {})}
        {...(extra.errors ? { errors: extra.errors } : {})}
      />
    ),
  });
};

const tellAttendees = (c: SignedInContext, event: EventRow, write: AttendeeMessage) =>
  tellEventAttendees(c.get('db'), c.get('mailer'), c.get('log'), event, write);

export const organizerEventRoutes = new Hono<AppEnv>()
  // Public: a calendar app cannot sign in. Lists only the organizer's published and cancelled events.
  .get('/organize/:organizer{[a-z0-9]+}/events.ics', async function organizer_events_ics_get(c) {
    const list = await listOrganizerPublicEvents(c.get('db'), c.req.param('organizer'), new Date());
    return icsResponse(
      c,
      list,
      async () =>
        eventsCalendar(
          await loadIcal(),
          { ...calendarOptions(c, c.get('t').events.title), shortDescriptions: true },
          list,
        ),
      'events.ics',
    );
  })

  .use('/organize/events', requireAccess('events:organize'))
  .use('/organize/events/*', requireAccess('events:organize'))

  .get('/organize/events', async function organize_events_get(c) {
    const t = c.get('t');
    const user = c.get('user');
    return renderPage(c, {
      title: t.events.organizeTitle,
      body: (
        <OrganizerEventsPage
          t={t}
          locale={c.get('locale')}
          events={await listOrganizerEvents(c.get('db'), user.id)}
          now={new Date()}
          organizerId={user.id}
          origin={siteOrigin(c)}
          siteName={c.get('config').siteName}
          catalogs={await allCatalogs()}
          notice={readNotice(c, notices, { count: c.req.query('count') })}
        />
      ),
    });
  })

  .get('/organize/events/new', function organize_events_new_get(c) {
    return formPage(
      c,
      'new',
      '/organize/events',
      emptyEventForm(c.get('locale') === 'fr' ? 'Europe/Paris' : 'Europe/London', c.get('locale')),
    );
  })

  .post('/organize/events', async function organize_events_post(c) {
    const values = readEventForm(await readForm(c.req));
    const campaigns = await campaignChoices(c);
    const parsed = parseEventForm(
      values,
      c.get('t'),
      new Date(),
      true,
      campaigns.map((campaign) => campaign.id),
    );
    if (!parsed.ok) return formPage(c, 'new', '/organize/events', values, parsed.errors, campaigns);
    const id = await createEvent(
      c.get('db'),
      c.get('user').id,
      parsed.input,
      parsed.recurrence,
      new Date(),
      values.formKey || null,
    );
    return c.redirect(noticeUrl(notices, managePath({ id }), 'saved'), 303);
  })

  .get('/organize/events/:id{[a-z0-9]+}', async function organize_event_get(c) {
    const event = await ownEvent(c);
    return event ? managePage(c, event) : c.notFound();
  })

  .get('/organize/events/:id{[a-z0-9]+}/edit', async function organize_event_edit_get(c) {
    const event = await ownEvent(c);
    if (!event) return c.notFound();
    if (event.status === 'cancelled' || event.endsAt <= new Date())
      return c.redirect(noticeUrl(notices, managePath(event), 'cannot-edit'), 303);
    return formPage(c, 'edit', `/organize/events/${event.id}`, eventFormValues(event));
  })

  .post('/organize/events/:id{[a-z0-9]+}', async function organize_event_post(c) {
    const event = await ownEvent(c);
    if (!event) return c.notFound();
    const db = c.get('db');
    const values = readEventForm(await readForm(c.req));
    const campaigns = await campaignChoices(c);
    const parsed = parseEventForm(
      values,
      c.get('t'),
      new Date(),
      false,
      campaigns.map((campaign) => campaign.id),
    );
    if (!parsed.ok)
      return formPage(c, 'edit', `/organize/events/${event.id}`, values, parsed.errors, campaigns);
    const result = await updateEvent(db, event.id, parsed.input);
    if (!result) return c.redirect(noticeUrl(notices, managePath(event), 'cannot-edit'), 303);
    // More places may free the waitlist; fewer never removes anyone who has a place.
    const origin = siteOrigin(c);
    const promoted = await promoteFromWaitlist(db, event.id);
    const promotedTold = await sendAll(
      c.get('mailer'),
      await Promise.all(
        promoted.map((person) =>
          eventMail.promoted(result.after, person, rsvpLink(origin, person.token)),
        ),
      ),
      c.get('log'),
    );
    const told = result.movedOrRelocated
      ? await tellAttendees(c, result.after, (person) => eventMail.changed(result.after, person))
      : 0;
    // Whoever should have been told and was not (sendAll logged why) is said first: the
    // organizer is the only one left who can tell them.
    const unsent = told === null || promotedTold === null;
    const done = result.resubmitted
      ? unsent
        ? 'resubmitted-unsent'
        : 'resubmitted'
      : unsent
        ? 'notified-unsent'
        : result.movedOrRelocated
          ? 'notified'
          : 'saved';
    return c.redirect(noticeUrl(notices, managePath(event), done), 303);
  })

  .post(
    '/organize/events/:id{[a-z0-9]+}/submission',
    async function organize_event_submission_post(c) {
      const event = await ownEvent(c);
      if (!event) return c.notFound();
      const status = await submitEvent(c.get('db'), event.id, event.organizerId!);
      return c.redirect(
        status === 'submitted' || status === 'published'
          ? noticeUrl(notices, managePath(event), status)
          : managePath(event),
        303,
      );
    },
  )

  .post(
    '/organize/events/:id{[a-z0-9]+}/cancellation',
    async function organize_event_cancellation_post(c) {
      const event = await ownEvent(c);
      if (!event) return c.notFound();
      if (event.endsAt <= new Date())
        return c.redirect(noticeUrl(notices, managePath(event), 'cannot-edit'), 303);
      const cancelled = await cancelEvent(c.get('db'), event.id);
      const told =
        cancelled && event.status === 'published'
          ? await tellAttendees(c, cancelled, (person) => eventMail.cancelled(cancelled, person))
          : 0;
      return c.redirect(
        noticeUrl(notices, managePath(event), told === null ? 'cancelled-unsent' : 'cancelled'),
        303,
      );
    },
  )

  .get('/organize/events/:id{[a-z0-9]+}/rsvps.csv', async function organize_event_rsvps_csv_get(c) {
    const event = await ownEvent(c);
    if (!event) return c.notFound();
    const { stringify } = await loadCsv();
    const csv = rsvpsCsv(stringify, c.get('t'), await listEventRsvps(c.get('db'), event.id));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rsvps-${event.id}.csv"`,
      'Cache-Control': 'no-store',
    });
  })

  .post('/organize/events/:id{[a-z0-9]+}/message', async function organize_event_message_post(c) {
    const event = await ownEvent(c);
    if (!event) return c.notFound();
    const t = c.get('t');
    const db = c.get('db');
    const form = await readForm(c.req);
    const typed = firstValue(form.message).slice(0, 6000);
    if (event.status === 'cancelled' || event.endsAt <= new Date())
      return c.redirect(noticeUrl(notices, managePath(event), 'cannot-edit'), 303);
    const parsed = v.safeParse(
      requiredText(5000, {
        required: t.forms.required,
        tooLong: format(t.events.errTooLong, { max: 5000 }),
      }),
      form.message,
    );
    if (!parsed.success)
      return managePage(c, event, {
        message: typed,
        errors: { message: fieldErrors(parsed.issues)[''] ?? parsed.issues[0].message },
        status: 400,
      });
    const limit = await hitRateLimit(db, MESSAGE_LIMIT, c.get('user').id);
    if (!limit.allowed) {
      return managePage(c, event, {
        message: typed,
        errors: {
          message: format(t.events.messageTooMany, {
            minutes: Math.ceil(limit.retryAfterSeconds / 60),
          }),
        },
        status: 429,
      });
    }
    const sent = await tellAttendees(c, event, (person) =>
      eventMail.message(event, person, parsed.output),
    );
    return c.redirect(
      sent === null
        ? noticeUrl(notices, managePath(event), 'unsent')
        : noticeUrl(notices, managePath(event), 'sent', { query: { count: sent } }),
      303,
    );
  });
