import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { canManageEvent, canSeeEvent } from '../../db/permissions';
import {
  cancelRsvp,
  changeRsvp,
  countPlaces,
  getRsvpByToken,
  MAX_PLACES,
  takeRsvp,
  waitlistPosition,
  type RsvpRow,
} from '../../db/events/rsvps';
import {
  EVENT_CATEGORIES,
  EVENT_LANGUAGES,
  getEvent,
  getEventBySlug,
  listUpcomingEvents,
  type EventRow,
} from '../../db/events/events';
import { hitAddressLimits, type AddressLimits } from '../../db/core/rate-limit';
import { isPublicEvent } from '../../db/events/rules';
import { eventsCalendar } from '../../web/views/events/ics';
import { format } from '../../web/i18n';
import { EventPage } from '../../web/views/events/event';
import { EventResults, EventsPage } from '../../web/views/events/list';
import { MyRsvpPage, type RsvpChangeValues } from '../../web/views/events/my-rsvp';
import { emptyRsvp, RsvpPanel, type RsvpValues } from '../../web/views/events/rsvp-panel';
import type { AppEnv } from '../env';
import { eventMail, sendAll } from './mail';
import { renderErrorPage, renderPage } from '../http/render';
import { readPageAsk } from '../http/page-ask';
import { readEventsListPage } from '../../db/events/list-page';
import { readEventsMonth } from '../../db/events/month';
import { emailAddress, fieldErrors, readForm, requiredLine } from '../http/validation';
import { cleanText, firstValue } from '../http/fields';
import { eventQuery, readEventFilters } from './filters';
import { eventsFeedTitle } from './feeds';
import { eventsFeedPath } from '../../web/views/events/feed-links';
import { isHtmx } from '../http/htmx';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { siteOrigin } from '../http/site-origin';
import { feedResponse } from '../http/feed-response';
import { rsvpLink, rsvpPath } from './rsvp-link';
import { loadIcal } from '../on-demand';

/** RSVPs per hour: from one client, for one email address from one client, for one email address from all clients. */
const RSVP_LIMITS = {
  perClient: { name: 'events-rsvp:client', max: 30, windowSeconds: 3600 },
  perAddressAndClient: { name: 'events-rsvp:email-client', max: 10, windowSeconds: 3600 },
  perAddress: { name: 'events-rsvp:email', max: 50, windowSeconds: 3600 },
} satisfies AddressLimits;

/** Notices on the page a person's RSVP link opens (some name the places the RSVP has). */
const rsvpNotices = {
  cancelled: (t) => t.events.cancelDone,
  updated: (t) => t.events.rsvpUpdated,
  keptPlaces: (t, places) =>
    `${t.events.rsvpUpdated} ${format(t.events.rsvpKeptPlaces, { places })}`,
} satisfies Notices<number>;

/** Events in the all-events feed: the soonest ones. */
const FEED_LIMIT = 200;

/** Answers with an iCalendar file; its ETag follows each event's id, sequence and last change. */
export const icsResponse = (
  c: Context<AppEnv>,
  list: readonly EventRow[],
  build: () => string | Promise<string>,
  filename: string,
) =>
  feedResponse(c, {
    version: list.map((e) => `${e.id}:${e.sequence}:${e.updatedAt.getTime()}`).join(','),
    contentType: 'text/calendar; charset=utf-8',
    build,
    filename,
  });

export const calendarOptions = (c: Context<AppEnv>, name: string) => {
  const url = new URL(c.req.url);
  return { siteName: c.get('config').siteName, origin: url.origin, host: url.hostname, name };
};

/** Why RSVPs are closed, or undefined when they are open. */
const closedReason = (c: Context<AppEnv>, event: EventRow, now: Date): string | undefined => {
  const t = c.get('t').events;
  if (event.status === 'cancelled') return t.cancelledNotice;
  if (event.startsAt <= now) return t.pastNotice;
  if (event.status !== 'published') return t.rsvpClosed;
  return undefined;
};

/** The event page, with the RSVP panel in the given state. */
const renderEvent = async (
  c: Context<AppEnv>,
  event: EventRow,
  panel: {
    values?: RsvpValues;
    errors?: Record<string, string>;
    done?: string[];
    closedText?: string;
  },
  status = 200,
) => {
  const t = c.get('t');
  const now = new Date();
  const { confirmed } = await countPlaces(c.get('db'), event.id);
  const closed = panel.closedText ?? closedReason(c, event, now);
  const rsvp = {
    open: !closed,
    closedText: closed,
    full: event.capacity !== null && confirmed >= event.capacity,
    values: panel.values ?? emptyRsvp,
    ...(panel.errors ? { errors: panel.errors } : {}),
    ...(panel.done ? { done: panel.done } : {}),
  };
  if (isHtmx(c)) return c.html(<RsvpPanel t={t} eventSlug={event.slug} {...rsvp} />, status as 200);
  const campaign = event.campaignId
    ? await c.get('areaLinks').eventCampaigns.shown(c.get('db'), event.campaignId)
    : null;
  const isPublic = isPublicEvent(event);
  return renderPage(c, {
    title: event.title,
    section: 'events',
    status,
    shareCard: isPublic
      ? {
          title: event.title,
          summary: event.description,
          path: `/events/${event.slug}`,
          language: event.contentLanguage,
        }
      : undefined,
    body: (
      <EventPage
        t={t}
        locale={c.get('locale')}
        event={event}
        confirmedPlaces={confirmed}
        notPublic={!isPublic}
        past={event.endsAt <= now}
        manageHref={
          canManageEvent(c.get('user'), event) ? `/organize/events/${event.id}` : undefined
        }
        campaign={campaign}
        rsvp={rsvp}
      />
    ),
  });
};

/** The page a person's private link opens, or a plain 404 for a link that does not work. */
const renderMyRsvp = async (
  c: Context<AppEnv>,
  token: string,
  found: { rsvp: RsvpRow; event: EventRow } | null,
  change?: { values: RsvpChangeValues; errors: Record<string, string> },
  status = 200,
) => {
  const t = c.get('t');
  const db = c.get('db');
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  if (!found) {
    return renderErrorPage(c, {
      status: 404,
      title: t.events.linkInvalidTitle,
      text: t.events.linkInvalidText,
    });
  }
  const { rsvp, event } = found;
  const { confirmed } = await countPlaces(db, event.id);
  const now = new Date();
  return renderPage(c, {
    title: t.events.myRsvpTitle,
    section: 'events',
    status,
    body: (
      <MyRsvpPage
        t={t}
        locale={c.get('locale')}
        token={token}
        rsvp={rsvp}
        event={event}
        confirmedPlaces={confirmed}
        waitlistPosition={rsvp.status === 'waitlisted' ? await waitlistPosition(db, rsvp) : 0}
        open={event.status !== 'cancelled' && event.endsAt > now}
        changeable={closedReason(c, event, now) === undefined}
        notice={readNotice(c, rsvpNotices, rsvp.places)}
        change={change}
      />
    ),
  });
};

const rsvpSchema = (t: AppEnv['Variables']['t']) =>
  v.object({
    name: requiredLine(100, {
      required: t.forms.required,
      tooLong: format(t.events.errTooLong, { max: 100 }),
    }),
    email: emailAddress(t.events.emailInvalid),
    places: v.pipe(
      v.optional(v.unknown(), ''),
      v.transform(firstValue),
      v.regex(/^[1-5]$/, t.events.placesInvalid),
      v.transform(Number),
      v.maxValue(MAX_PLACES, t.events.placesInvalid),
    ),
    accessNeeds: v.pipe(
      v.optional(v.unknown(), ''),
      v.transform((value) => cleanText(firstValue(value), true)),
      v.maxLength(1000, format(t.events.errTooLong, { max: 1000 })),
    ),
  });

export const eventRoutes = new Hono<AppEnv>()
  .get('/events', async function events_get(c) {
    const t = c.get('t');
    const db = c.get('db');
    const now = new Date();
    const filters = readEventFilters(c, now);
    // The list is paged (a series once); the month shows every occurrence of its weeks.
    const list =
      filters.view === 'list'
        ? await readEventsListPage(db, now, eventQuery(filters), readPageAsk(c))
        : null;
    const month =
      filters.view === 'month' ? await readEventsMonth(db, now, eventQuery(filters)) : null;
    const props = {
      t,
      locale: c.get('locale'),
      filters,
      cities: (list ?? month)?.cities ?? [],
      languages: EVENT_LANGUAGES,
      categories: EVENT_CATEGORIES,
      events: list?.items ?? [],
      occurrences: month?.occurrences ?? [],
      moreInMonth: month?.more ?? false,
      after: list?.after ?? null,
      before: list?.before ?? null,
    };
    if (isHtmx(c)) return c.html(EventResults(props));
    return renderPage(c, {
      title: t.events.title,
      section: 'events',
      body: EventsPage(props),
      feeds: [
        { href: eventsFeedPath(filters, c.get('locale')), title: eventsFeedTitle(c, filters) },
      ],
    });
  })

  .get('/events.ics', async function events_ics_get(c) {
    const list = await listUpcomingEvents(c.get('db'), new Date(), {}, FEED_LIMIT);
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

  .get('/events/:file{[a-z0-9-]+\\.ics}', async function event_ics_get(c) {
    const event = await getEventBySlug(c.get('db'), c.req.param('file').slice(0, -4));
    if (!event || !isPublicEvent(event)) return c.notFound();
    return icsResponse(
      c,
      [event],
      async () => eventsCalendar(await loadIcal(), calendarOptions(c, event.title), [event]),
      `${event.slug}.ics`,
    );
  })

  .get('/events/:id{[a-z0-9-]+}', async function event_get(c) {
    const key = c.req.param('id');
    const event = await getEventBySlug(c.get('db'), key);
    if (!event || !canSeeEvent(c.get('user'), event)) return c.notFound();
    // A bare id (older links) is served as it is; words that are not the title's lead to them,
    // so an address never puts words of someone else's choosing before an event.
    if (key !== event.id && key !== event.slug) {
      const query = new URL(c.req.url).search;
      return c.redirect(`/events/${event.slug}${query}`, 301);
    }
    const t = c.get('t').events;
    const done = c.req.query('rsvp');
    const notices =
      done === 'confirmed' || done === 'waitlisted'
        ? [done === 'confirmed' ? t.rsvpConfirmed : t.rsvpWaitlisted]
        : undefined;
    return renderEvent(c, event, notices ? { done: notices } : {});
  })

  .post('/events/:id{[a-z0-9-]+}/rsvp', async function event_rsvp_post(c) {
    const t = c.get('t');
    const db = c.get('db');
    const now = new Date();
    const event = await getEventBySlug(db, c.req.param('id'));
    if (!event || !canSeeEvent(c.get('user'), event)) return c.notFound();
    const form = await readForm(c.req);
    const values: RsvpValues = {
      name: cleanText(firstValue(form.name)).slice(0, 200),
      email: cleanText(firstValue(form.email)).slice(0, 254),
      places: form.places === undefined ? '1' : firstValue(form.places).slice(0, 2),
      accessNeeds: cleanText(firstValue(form.accessNeeds), true).slice(0, 2000),
      wantsReminder: firstValue(form.wantsReminder) === 'yes',
    };
    const closed = closedReason(c, event, now);
    if (closed) return renderEvent(c, event, { values, closedText: closed }, 409);
    const parsed = v.safeParse(rsvpSchema(t), form);
    if (!parsed.success)
      return renderEvent(c, event, { values, errors: fieldErrors(parsed.issues) }, 400);

    // What a stranger does with an address never stops its owner RSVPing from their own client.
    const limit = await hitAddressLimits(db, RSVP_LIMITS, {
      address: await c.get('keyedHash')(`email:${parsed.output.email}`),
      client: await c.get('clientKey')(),
    });
    if (!limit.allowed) {
      const minutes = Math.ceil(limit.retryAfterSeconds / 60);
      return renderEvent(
        c,
        event,
        { values, errors: { email: format(t.events.rsvpTooMany, { minutes }) } },
        429,
      );
    }

    const input = {
      ...parsed.output,
      wantsReminder: values.wantsReminder,
      locale: c.get('locale'),
      siteOrigin: siteOrigin(c),
    };
    const outcome = await takeRsvp(db, event.id, input, now);
    // The event was cancelled or started between the check above and the write.
    if (!outcome) return renderEvent(c, event, { values, closedText: t.events.rsvpClosed }, 409);

    // Whoever typed an address that has an RSVP gets the answer a new RSVP would have had; the
    // owner, at that address, gets a link to their RSVP. The answer below is the same for both.
    const mail =
      outcome.kind === 'new'
        ? await eventMail.rsvp(
            event,
            { ...input, places: outcome.places, status: outcome.status },
            rsvpLink(siteOrigin(c), outcome.token),
          )
        : await eventMail.alreadyHasRsvp(
            event,
            outcome.owner,
            rsvpLink(siteOrigin(c), outcome.recoveryToken),
          );
    await sendAll(c.get('mailer'), [mail], c.get('log'));
    if (!isHtmx(c))
      return c.redirect(
        `/events/${event.slug}?${new URLSearchParams({ rsvp: outcome.status })}#rsvp-heading`,
        303,
      );
    const done = [
      outcome.status === 'confirmed' ? t.events.rsvpConfirmed : t.events.rsvpWaitlisted,
    ];
    return renderEvent(c, (await getEvent(db, event.id)) ?? event, { done });
  })

  .get('/rsvps/:token{[a-z2-7]{32}}', async function rsvp_get(c) {
    const token = c.req.param('token');
    return renderMyRsvp(c, token, await getRsvpByToken(c.get('db'), token));
  })

  .post('/rsvps/:token{[a-z2-7]{32}}/change', async function rsvp_change_post(c) {
    const t = c.get('t');
    const db = c.get('db');
    const token = c.req.param('token');
    const form = await readForm(c.req);
    const parsed = v.safeParse(v.omit(rsvpSchema(t), ['email']), form);
    if (!parsed.success) {
      const values = {
        name: cleanText(firstValue(form.name)).slice(0, 200),
        places: typeof form.places === 'string' ? form.places.slice(0, 2) : '1',
        accessNeeds: cleanText(firstValue(form.accessNeeds), true).slice(0, 2000),
        wantsReminder: form.wantsReminder === 'yes',
      };
      return renderMyRsvp(
        c,
        token,
        await getRsvpByToken(db, token),
        { values, errors: fieldErrors(parsed.issues) },
        400,
      );
    }
    const changed = await changeRsvp(db, token, {
      ...parsed.output,
      wantsReminder: form.wantsReminder === 'yes',
    });
    // An unknown link, a cancelled RSVP or an event that no longer takes RSVPs: the page says which.
    if (!changed) return c.redirect(rsvpPath(token), 303);
    const event = await getEvent(db, changed.eventId);
    if (event && changed.promoted.length > 0) {
      await sendAll(
        c.get('mailer'),
        await Promise.all(
          changed.promoted.map((person) =>
            eventMail.promoted(event, person, rsvpLink(siteOrigin(c), person.token)),
          ),
        ),
        c.get('log'),
      );
    }
    // Fewer places asked while waiting may give this person a place, and with it a new link.
    const own = changed.promoted.find((person) => person.email === changed.email);
    return c.redirect(
      own
        ? noticeUrl(rsvpNotices, rsvpPath(own.token), 'updated')
        : noticeUrl(
            rsvpNotices,
            rsvpPath(token),
            changed.keptEarlierPlaces ? 'keptPlaces' : 'updated',
          ),
      303,
    );
  })

  .post('/rsvps/:token{[a-z2-7]{32}}/cancellation', async function rsvp_cancellation_post(c) {
    const db = c.get('db');
    const token = c.req.param('token');
    const result = await cancelRsvp(db, token);
    // Nothing cancelled: say "cancelled" only if it already was (a second press), never for a
    // link that opens nothing.
    if (!result) {
      const found = await getRsvpByToken(db, token);
      if (found?.rsvp.status !== 'cancelled') return renderMyRsvp(c, token, null);
    }
    if (result && result.promoted.length > 0) {
      const event = await getEvent(db, result.eventId);
      const origin = siteOrigin(c);
      if (event) {
        await sendAll(
          c.get('mailer'),
          await Promise.all(
            result.promoted.map((person) =>
              eventMail.promoted(event, person, rsvpLink(origin, person.token)),
            ),
          ),
          c.get('log'),
        );
      }
    }
    return c.redirect(noticeUrl(rsvpNotices, rsvpPath(token), 'cancelled'), 303);
  });
