import { assetPath } from '../../../web/static/generated/assets';
import { CIRCLE_ROUTES } from './circle-routes';
import type { Account, Me, World } from './world';

/**
 * The fuzz table: one entry for every route of the app (every method but ALL, which is only
 * middleware), keyed exactly as the router lists it (`METHOD path`, the path with its regexes, as
 * in `app.routes`). `fuzz.test.ts` fails for a route of the router with no entry here, and for an
 * entry whose route is gone.
 *
 * Adding a route's entry is a few lines:
 *
 *   'POST /organize/events/:id{[a-z0-9]+}/message': {
 *     as: 'organizer',                               // who sends it (see Account in world.ts)
 *     fields: { message: 'Bring a coat.' },          // each field it reads, with a valid value
 *     params: async (w, me) => ({ id: await w.publishedEvent(me) }), // a valid id per path param
 *   },
 *
 * - `as`: 'anonymous', 'person' (signed in, no role), or a role: 'storyteller', 'organizer',
 *   'moderator', 'admin'. Each route gets a fresh account of that kind.
 * - `fields` (a form) and `query` (the query string): every name the route reads, with a value it
 *   accepts. The fuzzer sends the valid value, a hostile one, nothing, or several, field by field,
 *   so requests get past validation as well as fail it. A list of valid values (edge cases that
 *   must work) is sampled from. Check boxes take one valid value.
 * - `params`: a valid value for each path parameter, from the World's fixtures (add a factory to
 *   world.ts for a new kind of record; pass `me` so the record belongs to the route's account).
 *   A parameter whose regex is a list of words (`:decision{approval|decline}`) needs no entry.
 *   The fuzzer also sends hostile ids in place of valid ones. A care circle's routes
 *   (circle-routes.ts) are sent by a 'person' whose place in the circle (owner, coordinator,
 *   member) comes from the circle `params` makes (World.circle). A name `params` gives that is not a
 *   path parameter is the valid value of the field of that name (one that depends on the record).
 */
/** A valid value, or several (edge cases the route must take: a time lost to daylight saving). */
export type Sample = string | readonly string[];

export interface FuzzEntry {
  as: Account;
  fields?: Record<string, Sample>;
  query?: Record<string, Sample>;
  params?: (w: World, me: Me) => Promise<Record<string, string>>;
}

const notice = { done: 'saved' };

const signInFields = { email: 'someone@example.org', next: '/account' };
const storyFields = {
  title: 'Finding my way',
  body: 'The first winter was the hardest.',
  shownName: 'Mira',
  language: ['en', 'fr'],
  contentNotes: ['violence', 'other', 'self-harm'],
  contentNoteText: ['', 'Forced work'],
  formKey: 'abcdefghijklmnopqrstuvwxyz234567',
};
const consentFields = {
  version: '1',
  ownPage: ['yes', ''],
  campaignIds: ['demo-safe-housing', 'demo-letter-helpline', ''],
  eventQuotes: ['yes', ''],
  months: ['6', '12', '36'],
};
const campaignFields = {
  kind: ['petition', 'letter', 'call'],
  title: 'Open the night shelter',
  ask: 'Open the night shelter all year.',
  body: 'People need a safe place at night.',
  targetName: 'Robin Example',
  targetRole: 'Mayor',
  letterText: ['', 'Dear Mayor, please open the shelter.'],
  targetPhone: ['', '+33 1 23 45 67 89'],
  nextSteps: '',
  goal: ['100', '1', '1000000'],
  endsOn: ['2030-01-31', '', '2026-01-01'],
  language: 'en',
  formKey: 'abcdefghijklmnopqrstuvwxyz234567',
};
const signFields = {
  firstName: 'Ana',
  lastName: 'Example',
  email: ['ana@example.org', 'Ana+x@Example.ORG', 'bo@example.org'],
  city: 'Lyon',
  message: 'Yes.',
  display: ['full', 'initials', 'hidden'],
  wantsUpdates: 'yes',
  shareEmail: 'yes',
  website: '',
};
const deliveryFields = {
  deliveryNote: 'Handed to the mayor.',
  deliveredOn: ['2026-03-12', '2030-01-01', '2000-01-01'],
};
const eventFields = {
  title: 'Evening workshop',
  description: 'We meet to learn.',
  category: ['workshop', 'vigil', 'training'],
  format: ['in_person', 'online'],
  city: 'Lyon',
  address: '3 place Test',
  directions: '',
  access: 'stepFree',
  accessNotes: '',
  onlineUrl: 'https://meet.example.org/x',
  languages: 'fr',
  cost: '',
  // The clocks go forward on 2030-03-31 and back on 2030-10-27 in Paris: 02:30 is lost, then twice.
  timeZone: ['Europe/Paris', 'America/Toronto', 'Pacific/Kiritimati', 'UTC'],
  startDate: ['2030-06-15', '2030-03-31', '2030-10-27', '2030-02-28', '2030-12-31'],
  startTime: ['18:30', '02:30', '00:00', '23:59'],
  endDate: ['', '2030-06-16', '2031-01-01'],
  endTime: ['20:00', '01:00', '02:30'],
  reminderHours: ['24', '2', '0'],
  repeat: ['none', 'weekly', 'monthly'],
  repeatUntil: ['', '2030-12-31', '2035-01-01'],
  capacity: ['10', '', '1'],
  campaign: 'demo-safe-housing',
  language: 'en',
  formKey: 'abcdefghijklmnopqrstuvwxyz234567',
};
const rsvpFields = {
  name: 'Ana',
  email: ['ana@example.org', 'Ana@Example.org', 'bo@example.org'],
  places: ['1', '2', '9'],
  accessNeeds: '',
  wantsReminder: 'yes',
};
const resourceFields = {
  organizationId: '',
  organizationName: 'Lanternwick Collective',
  name: 'Lanternwick night kitchen',
  description: 'A hot meal and a quiet place to sit.',
  contentLanguage: 'en',
  eligibility: 'Anyone.',
  documents: 'Nothing',
  free: '1',
  costDescription: '',
  categories: 'food',
  languages: 'en',
  street: '14 Lantern Lane',
  city: 'Quillhaven',
  postalCode: 'Q9X 1L4',
  region: 'Northmarch',
  country: 'CA',
  latitude: ['45.21', '-90', '90', ''],
  longitude: ['-77.42', '180', '-180', ''],
  timeZone: ['America/Toronto', 'Europe/Paris', 'UTC'],
  transportation: 'Bus 4.',
  confidential: '1',
  walkIn: '1',
  traumaInformed: '1',
  survivorLed: '1',
  email: 'hello@example.org',
  url: 'https://example.org',
  phone1: '+1 613 555 0142',
  phone1Type: 'voice',
  opensMO: ['20:00', '00:00', ''],
  closesMO: ['02:00', '24:00', '20:00', ''],
  opensTU2: '08:00',
  closesTU2: '09:00',
  // A second place (saved, or new on a service with one) and its box to remove it.
  'place2-street': ['2 Ferry Road', ''],
  'place2-city': 'Marrowdale',
  'place2-country': 'CA',
  'place2-latitude': ['45.3', ''],
  'place2-longitude': ['-77.5', ''],
  'place2-timeZone': ['America/Toronto', 'UTC'],
  'place2-confidential': '1',
  'place2-remove': ['1', ''],
  'place2-opensWE': ['10:00', ''],
  'place2-closesWE': ['17:00', ''],
  version: '1',
  formKey: 'abcdefghijklmnopqrstuvwxyz234567',
};
const resourceSearch = {
  q: ['food', 'legal help', 'café'],
  sort: ['relevance', 'distance', 'verified'],
  page: ['1', '2', '100'],
  category: 'food',
  language: 'en',
  city: 'Quillhaven',
  lat: '45.21',
  lon: '-77.42',
  within: ['2', '10', '50'],
  open: '1',
  free: '1',
  walkin: '1',
  trauma: '1',
  survivor: '1',
};
const hsdsList = {
  page: '1',
  per_page: '10',
  search: 'food',
  taxonomy_term_id: 'x',
  taxonomy_id: 'x',
  organization_id: 'x',
  parent_id: 'x',
  top_only: 'true',
  modified_after: '2026-01-01T00:00:00Z',
};
const eventFilters = {
  view: ['month', 'list'],
  format: ['online', 'in_person'],
  city: 'Lyon',
  language: 'fr',
  category: 'workshop',
  from: ['2030-01-01', '2030-12-31'],
  to: ['2030-12-31', '2030-01-01'],
  month: ['2030-06', '2030-02', '1970-01', '9999-12'],
};

/**
 * A list's keyset cursors (db/core/keyset.ts): the key's values joined by dots; with a prefix
 * for one of several lists on a page (`eventsAfter`, cursorName in web/components/page-links.ts).
 */
const cursors = (key: Sample, prefix = ''): Record<string, Sample> =>
  prefix ? { [`${prefix}After`]: key, [`${prefix}Before`]: key } : { after: key, before: key };
const timeAndId = ['1900000000.aaaaaaaaaaaaaaaaaaaaaaaa', '0.a', '1.2.3'];
/** A feed or an embed's language (`?lang=`). */
const lang = { lang: ['en', 'fr'] };

type Params = FuzzEntry['params'];
const campaign: Params = async (w) => ({ id: await w.publishedCampaign() });
const ownCampaign: Params = async (w, me) => ({ id: await w.publishedCampaign(me) });
const ownDraftCampaign: Params = async (w, me) => ({ id: await w.draftCampaign(me) });
const event: Params = async (w) => ({ id: await w.slugOf(await w.publishedEvent()) });
const ownEvent: Params = async (w, me) => ({ id: await w.publishedEvent(me) });
const ownDraftEvent: Params = async (w, me) => ({ id: await w.draftEvent(me) });
const rsvp: Params = async (w) => ({ token: await w.rsvpToken() });
const ownStory: Params = async (w, me) => ({ id: await w.story(me), number: '1' });
const approvedStory: Params = async (w) => ({ id: await w.approvedStory(), number: '1' });
const resource: Params = async (w) => ({ id: await w.resource() });
const signature =
  (link: 'confirm' | 'manage' | 'unsubscribe'): Params =>
  async (w) => ({ token: (await w.signature())[link] });

export const FUZZ_ROUTES: Record<string, FuzzEntry> = {
  // Site.
  'GET /static/:file': {
    as: 'anonymous',
    params: async () => ({ file: assetPath('site.css').slice('/static/'.length) }),
  },
  'GET /healthz': { as: 'anonymous' },
  'GET /': { as: 'anonymous' },
  'GET /support': { as: 'anonymous' },
  'GET /safety': { as: 'anonymous' },
  'GET /privacy': { as: 'anonymous' },
  'POST /language': { as: 'anonymous', fields: { lang: 'fr', next: '/events' } },
  'GET /dev/outbox.json': { as: 'anonymous' },
  'GET /dev/outbox': { as: 'anonymous' },

  // Accounts.
  'GET /sign-in': { as: 'anonymous', query: { next: '/account', 'signed-out': '1' } },
  'POST /sign-in': { as: 'anonymous', fields: signInFields },
  'GET /sign-in/code': { as: 'anonymous', query: { next: '/account' } },
  'POST /sign-in/code': { as: 'anonymous', fields: { code: '12345678', next: '/account' } },
  'POST /sign-out': { as: 'person' },
  'POST /sign-out/everywhere': { as: 'person' },
  'GET /account': { as: 'person', query: notice },
  'POST /account/storyteller': { as: 'person', fields: { enabled: 'yes' } },
  'GET /account/organizer': { as: 'person', query: notice },
  'POST /account/organizer': {
    as: 'person',
    fields: { organizationName: 'Night kitchen', reason: 'We run events.' },
  },
  'GET /account/data.json': { as: 'organizer' },
  'GET /account/delete': { as: 'organizer' },
  'POST /account/delete': { as: 'organizer' },
  'GET /moderation': {
    as: 'moderator',
    query: {
      ...notice,
      ...cursors(timeAndId, 'applications'),
      ...cursors(timeAndId, 'campaigns'),
      ...cursors(timeAndId, 'ownerless'),
      ...cursors(timeAndId, 'events'),
    },
  },
  'POST /moderation/organizer-applications/:id/:decision{approval|decline}': {
    as: 'moderator',
    params: async (w) => ({ id: await w.application() }),
  },
  'GET /moderation/people': { as: 'admin', query: notice },
  'POST /moderation/people': {
    as: 'admin',
    fields: { email: 'organizer@example.org', role: 'storyteller', change: 'grant' },
  },
  'GET /organize': { as: 'organizer' },

  // Resources.
  'GET /resources': { as: 'anonymous', query: resourceSearch },
  'GET /resources/:id': { as: 'anonymous', query: { report: 'sent' }, params: resource },
  'POST /resources/:id/reports': {
    as: 'anonymous',
    fields: { problem: 'The phone number is wrong.', contact: 'ana@example.org' },
    params: resource,
  },
  'GET /moderation/resources': {
    as: 'moderator',
    query: { ...notice, ...cursors(timeAndId, 'reports'), ...cursors(timeAndId, 'checks') },
  },
  'POST /moderation/resources/:id/verification': { as: 'moderator', params: resource },
  'POST /moderation/resources/reports/:id/:outcome{resolution|dismissal}': {
    as: 'moderator',
    params: async (w) => ({ id: await w.report() }),
  },
  'GET /moderation/resources/new': { as: 'moderator' },
  'POST /moderation/resources': { as: 'moderator', fields: resourceFields },
  'GET /moderation/resources/:id/edit': { as: 'moderator', query: notice, params: resource },
  'POST /moderation/resources/:id': { as: 'moderator', fields: resourceFields, params: resource },
  'GET /api/hsds': { as: 'anonymous' },
  'GET /api/hsds/services': { as: 'anonymous', query: hsdsList },
  'GET /api/hsds/services/:id': { as: 'anonymous', params: resource },
  'GET /api/hsds/organizations': { as: 'anonymous', query: hsdsList },
  'GET /api/hsds/organizations/:id': {
    as: 'anonymous',
    params: async (w) => ({ id: await w.organization() }),
  },
  'GET /api/hsds/service_at_locations': { as: 'anonymous', query: hsdsList },
  'GET /api/hsds/service_at_locations/:id': {
    as: 'anonymous',
    params: async (w) => ({ id: await w.serviceAtLocation() }),
  },
  'GET /api/hsds/taxonomies': { as: 'anonymous', query: hsdsList },
  'GET /api/hsds/taxonomies/:id': {
    as: 'anonymous',
    params: async (w) => ({ id: await w.taxonomy() }),
  },
  'GET /api/hsds/taxonomy_terms': { as: 'anonymous', query: hsdsList },
  'GET /api/hsds/taxonomy_terms/:id': {
    as: 'anonymous',
    params: async (w) => ({ id: await w.taxonomyTerm() }),
  },

  // Events.
  'GET /events': { as: 'anonymous', query: { ...eventFilters, ...cursors(timeAndId) } },
  'GET /events.atom': { as: 'anonymous', query: { ...eventFilters, ...lang } },
  'GET /embed/events': { as: 'anonymous', query: { ...eventFilters, ...lang } },
  'GET /events.ics': { as: 'anonymous', query: eventFilters },
  'GET /events/:file{[a-z0-9-]+\\.ics}': {
    as: 'anonymous',
    params: async (w) => ({ file: `${await w.slugOf(await w.publishedEvent())}.ics` }),
  },
  'GET /events/:id{[a-z0-9-]+}': {
    as: 'anonymous',
    query: { rsvp: ['confirmed', 'waitlisted'] },
    params: event,
  },
  'POST /events/:id{[a-z0-9-]+}/rsvp': {
    as: 'anonymous',
    fields: rsvpFields,
    params: async (w) => ({ id: await w.slugOf(await w.eventWithGuest()) }),
  },
  'GET /rsvps/:token{[a-z2-7]{32}}': { as: 'anonymous', query: notice, params: rsvp },
  'POST /rsvps/:token{[a-z2-7]{32}}/change': { as: 'anonymous', fields: rsvpFields, params: rsvp },
  'POST /rsvps/:token{[a-z2-7]{32}}/cancellation': { as: 'anonymous', params: rsvp },
  'GET /organize/:organizer{[a-z0-9]+}/events.ics': {
    as: 'anonymous',
    params: async (w) => ({ organizer: await w.organizerId() }),
  },
  'GET /organize/events': { as: 'organizer', query: { ...notice, count: '3' } },
  'GET /organize/events/new': { as: 'organizer' },
  'POST /organize/events': { as: 'organizer', fields: eventFields },
  'GET /organize/events/:id{[a-z0-9]+}': {
    as: 'organizer',
    query: { ...notice, count: '3' },
    params: ownEvent,
  },
  'GET /organize/events/:id{[a-z0-9]+}/edit': { as: 'organizer', params: ownDraftEvent },
  'POST /organize/events/:id{[a-z0-9]+}': {
    as: 'organizer',
    fields: eventFields,
    params: ownDraftEvent,
  },
  'POST /organize/events/:id{[a-z0-9]+}/submission': { as: 'organizer', params: ownDraftEvent },
  'POST /organize/events/:id{[a-z0-9]+}/cancellation': {
    as: 'organizer',
    fields: { message: 'The room flooded.' },
    params: ownEvent,
  },
  'GET /organize/events/:id{[a-z0-9]+}/rsvps.csv': { as: 'organizer', params: ownEvent },
  'POST /organize/events/:id{[a-z0-9]+}/message': {
    as: 'organizer',
    fields: { message: 'Bring a coat.' },
    params: ownEvent,
  },
  'POST /moderation/events/:id{[a-z0-9]+}/:decision{approval|decline}': {
    as: 'moderator',
    params: async (w) => ({ id: await w.submittedEvent() }),
  },
  'POST /moderation/organizers/:userId{[a-z0-9]+}/trust': {
    as: 'moderator',
    params: async (w) => ({ userId: await w.organizerId() }),
  },

  // Stories.
  'GET /stories': { as: 'anonymous', query: cursors(timeAndId) },
  'GET /stories/:id': { as: 'anonymous', params: async (w) => ({ id: await w.publishedStory() }) },
  'GET /my-stories': { as: 'storyteller', query: notice },
  'GET /my-stories/new': { as: 'storyteller' },
  'POST /my-stories': { as: 'storyteller', fields: storyFields },
  'GET /my-stories/:id': { as: 'storyteller', query: notice, params: ownStory },
  'GET /my-stories/:id/edit': { as: 'storyteller', params: ownStory },
  'POST /my-stories/:id/versions': { as: 'storyteller', fields: storyFields, params: ownStory },
  'GET /my-stories/:id/versions/:number{[0-9]+}': { as: 'storyteller', params: ownStory },
  'POST /my-stories/:id/submission': { as: 'storyteller', params: ownStory },
  'POST /my-stories/:id/approval': { as: 'storyteller', fields: consentFields, params: ownStory },
  'POST /my-stories/:id/withdrawal': {
    as: 'storyteller',
    fields: { deleteVersions: 'yes' },
    params: ownStory,
  },
  'POST /my-stories/:id/versions-deletion': { as: 'storyteller', params: ownStory },
  'POST /my-stories/:id/published-version-removal': {
    as: 'storyteller',
    params: async (w, me) => ({ id: await w.ownPublishedStory(me) }),
  },
  'GET /moderation/stories': { as: 'moderator', query: { ...notice, ...cursors(timeAndId) } },
  'GET /moderation/stories/:id': { as: 'moderator', query: notice, params: approvedStory },
  'GET /moderation/stories/:id/versions/:number{[0-9]+}': {
    as: 'moderator',
    params: approvedStory,
  },
  'POST /moderation/stories/:id/versions': {
    as: 'moderator',
    fields: storyFields,
    params: approvedStory,
  },
  'POST /moderation/stories/:id/publication': {
    as: 'moderator',
    fields: { approval: '' },
    // A valid approval depends on the story: `params` may give a field's valid value too.
    params: async (w) => {
      const id = await w.approvedStory();
      return { id, approval: await w.approvalOf(id) };
    },
  },

  // Campaigns.
  'GET /campaigns/signatures/:token/confirmation': {
    as: 'anonymous',
    params: signature('confirm'),
  },
  'POST /campaigns/signatures/:token/confirmation': {
    as: 'anonymous',
    params: signature('confirm'),
  },
  'GET /campaigns/signatures/:token/withdrawal': { as: 'anonymous', params: signature('manage') },
  'POST /campaigns/signatures/:token/withdrawal': {
    as: 'anonymous',
    params: signature('manage'),
  },
  'GET /campaigns/subscriptions/:token/cancellation': {
    as: 'anonymous',
    params: signature('unsubscribe'),
  },
  'POST /campaigns/subscriptions/:token/cancellation': {
    as: 'anonymous',
    params: signature('unsubscribe'),
  },
  'GET /campaigns': {
    as: 'anonymous',
    query: { ...notice, ...cursors(['0.1900000000.aaaaaaaaaaaaaaaaaaaaaaaa', '1.0.a', '2']) },
  },
  'GET /campaigns.atom': { as: 'anonymous', query: lang },
  'GET /campaigns/:id/updates.atom': { as: 'anonymous', query: lang, params: campaign },
  'GET /embed/campaigns/:id': {
    as: 'anonymous',
    query: { ...lang, done: 'sent' },
    params: campaign,
  },
  'POST /embed/campaigns/:id/signatures': {
    as: 'anonymous',
    fields: signFields,
    query: lang,
    params: async (w) => ({ id: await w.campaignWithSigner() }),
  },
  'GET /campaigns/:id': { as: 'anonymous', query: notice, params: campaign },
  'POST /campaigns/:id/signatures': {
    as: 'anonymous',
    fields: signFields,
    params: async (w) => ({ id: await w.campaignWithSigner() }),
  },
  'POST /campaigns/:id/calls': {
    as: 'anonymous',
    params: async (w) => ({
      id: await w.publishedCampaign(null, {
        kind: 'call',
        targetPhone: '+33 1 23 45 67 89',
        letterText: 'Hello, I am calling about safe beds.',
      }),
    }),
  },
  'GET /organize/campaigns': { as: 'organizer', query: notice },
  'GET /organize/campaigns/new': { as: 'organizer' },
  'POST /organize/campaigns': { as: 'organizer', fields: campaignFields },
  'GET /organize/campaigns/:id': { as: 'organizer', query: notice, params: ownDraftCampaign },
  'POST /organize/campaigns/:id': {
    as: 'organizer',
    fields: campaignFields,
    params: ownDraftCampaign,
  },
  'POST /organize/campaigns/:id/submission': { as: 'organizer', params: ownDraftCampaign },
  'POST /organize/campaigns/:id/next-steps': {
    as: 'organizer',
    fields: { nextSteps: 'We deliver on 12 March.' },
    params: ownCampaign,
  },
  'POST /organize/campaigns/:id/updates': {
    as: 'organizer',
    fields: { update: 'We reached 100.' },
    params: ownCampaign,
  },
  'POST /organize/campaigns/:id/closure': { as: 'organizer', params: ownCampaign },
  'POST /organize/campaigns/:id/delivery': {
    as: 'organizer',
    fields: deliveryFields,
    params: ownCampaign,
  },
  'GET /organize/campaigns/:id/signatures.csv': { as: 'organizer', params: ownCampaign },
  'POST /moderation/campaigns/:id/:decision{approval|return}': {
    as: 'moderator',
    params: async (w) => ({ id: await w.submittedCampaign() }),
  },
  'GET /moderation/campaigns/:id': {
    as: 'moderator',
    query: notice,
    params: async (w) => ({ id: await w.ownerlessCampaign() }),
  },
  'POST /moderation/campaigns/:id/closure': {
    as: 'moderator',
    params: async (w) => ({ id: await w.ownerlessCampaign() }),
  },
  'POST /moderation/campaigns/:id/delivery': {
    as: 'moderator',
    fields: deliveryFields,
    params: async (w) => ({ id: await w.ownerlessCampaign() }),
  },

  // Care circles (circle-routes.ts).
  ...CIRCLE_ROUTES,
};
