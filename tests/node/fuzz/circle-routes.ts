import type { FuzzEntry } from './routes';
import type { CircleFixture, CirclePlace, Me, World } from './world';

/**
 * The care circles' entries of the fuzz table (see routes.ts). Every /circles route is sent by a
 * signed-in 'person'; their place in the circle (owner, coordinator or member) comes from the
 * fixture `params` makes for each request (World.circle), in a circle of its own.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** The day `days` from today (a need may be posted at most 400 days ahead, so no fixed dates). */
const day = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const C = '{[a-z2-7]{26}}';
const ICS = '{[a-z2-7]{26}\\.ics}';

const settingsFields = {
  label: ['My people', 'Ana’s circle'],
  timeZone: ['Europe/Paris', 'America/Toronto', 'Pacific/Kiritimati', 'UTC'],
  quietStart: ['21:00', '00:00', '9:05'],
  quietEnd: ['08:00', '23:59', '21:00'],
  memberListVisible: '1',
  ownerToldOfGaps: '1',
  placeRevealHours: ['24', '1', '72'],
};
const charterFields = {
  helpKinds: ['ride', 'meal', 'supplies', 'other'],
  helpText: 'Rides help most.',
  checkInChannel: ['site', 'email'],
  checkInPace: ['never', 'weekly', 'fortnightly', 'monthly'],
  topicsToAvoid: ['', 'Work.'],
  spaceMeaning: 'I need quiet.',
  accompaniment: '',
  anythingElse: '',
};
const needFields = {
  kind: ['ride', 'supplies', 'meal', 'other'],
  title: ['Ride to the clinic', 'Groceries'],
  timing: ['at', 'during'],
  // In Paris: the clocks go forward on the last Sunday of March (02:30 is lost), back in October.
  date: [day(1), day(30), day(399)],
  startTime: ['18:30', '00:00', '02:30', '23:00'],
  endTime: ['20:00', '23:59', '03:30'],
  untilDate: ['', day(3), day(60)],
  helpersWanted: ['1', '2', '20'],
  place: ['', '12 Secret Lane'],
  // A directory resource's address (from the World): params gives it.
  resource: '',
  note: ['', 'Bring a book.'],
  repeat: ['1', '4', '12'],
};
const circleNotice = { done: ['saved', 'space', 'spaceEnded', 'joined', 'closed', 'left'] };
const needNotice = {
  done: ['posted', 'series', 'saved', 'signedUp', 'full', 'paused', 'signUpCancelled'],
  weeks: ['4', '12'],
};

type Params = NonNullable<FuzzEntry['params']>;
/** A fresh circle with the route's account in `place`, and the ids `pick` names in the path. */
const inCircle =
  (place: CirclePlace, pick: (c: CircleFixture) => Record<string, string> = () => ({})): Params =>
  async (w: World, me: Me) => {
    const circle = await w.circle(me, place);
    return { id: circle.id, ...pick(circle) };
  };
const needPage = (c: CircleFixture) => `/circles/${c.id}/needs/${c.need}`;

export const CIRCLE_ROUTES: Record<string, FuzzEntry> = {
  'GET /circles': { as: 'person', query: circleNotice },
  'GET /circles/new': { as: 'person' },
  'POST /circles': {
    as: 'person',
    fields: { ...settingsFields, formKey: 'abcdefghijklmnopqrstuvwxyz234567' },
  },
  [`GET /circles/:id${C}`]: {
    as: 'person',
    query: { ...needNotice, done: [...needNotice.done, ...circleNotice.done] },
    params: inCircle('owner'),
  },
  [`GET /circles/:id${C}/settings`]: {
    as: 'person',
    query: circleNotice,
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/settings`]: {
    as: 'person',
    fields: settingsFields,
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/settings/space`]: {
    as: 'person',
    fields: { until: ['', day(1), day(30)], practicalHelpGoesOn: '1' },
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/settings/space-end`]: { as: 'person', params: inCircle('owner') },
  [`POST /circles/:id${C}/closing`]: {
    as: 'person',
    fields: { confirm: '1' },
    params: inCircle('owner'),
  },

  // The charter: a member reads it (and is told what changed), the owner writes it.
  [`GET /circles/:id${C}/charter`]: {
    as: 'person',
    query: { done: ['saved', 'read', 'signUpFirst'], next: '' },
    params: inCircle('member', (c) => ({ next: needPage(c) })),
  },
  [`POST /circles/:id${C}/charter/read`]: {
    as: 'person',
    fields: { version: ['1', '2'], next: '' },
    params: inCircle('member', (c) => ({ next: needPage(c) })),
  },
  [`GET /circles/:id${C}/charter/edit`]: { as: 'person', params: inCircle('owner') },
  [`POST /circles/:id${C}/charter`]: {
    as: 'person',
    fields: charterFields,
    params: inCircle('owner'),
  },

  // Invitations: the owner sends and revokes; the invited account accepts.
  'GET /circles/invitations/:token{[a-z2-7]{32}}': {
    as: 'person',
    params: async (w, me) => ({ token: await w.circleInvitation(me) }),
  },
  'POST /circles/invitations/:token{[a-z2-7]{32}}': {
    as: 'person',
    fields: { displayName: ['Mira', 'Ana-Lucía'] },
    params: async (w, me) => ({ token: await w.circleInvitation(me) }),
  },
  [`GET /circles/:id${C}/invitations`]: {
    as: 'person',
    query: { done: ['sent', 'revoked'] },
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/invitations`]: {
    as: 'person',
    fields: {
      email: ['friend@example.org', 'Friend+x@Example.ORG'],
      personalNote: ['', 'See you soon.'],
    },
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/invitations/:invitation${C}/revocation`]: {
    as: 'person',
    params: inCircle('owner', (c) => ({ invitation: c.invitation })),
  },

  // Members: the owner's list and choices; a member's own place.
  [`GET /circles/:id${C}/members`]: {
    as: 'person',
    query: { done: ['removed', 'changed'] },
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/members/:member${C}/removal`]: {
    as: 'person',
    params: inCircle('owner', (c) => ({ member: c.member })),
  },
  [`POST /circles/:id${C}/members/:member${C}/coordinator`]: {
    as: 'person',
    fields: { coordinator: ['yes', 'no'] },
    params: inCircle('owner', (c) => ({ member: c.member })),
  },
  [`GET /circles/:id${C}/me`]: {
    as: 'person',
    query: { done: 'saved' },
    params: inCircle('member'),
  },
  [`POST /circles/:id${C}/me`]: {
    as: 'person',
    fields: {
      displayName: ['Mira', 'Ana-Lucía'],
      offer: ['', 'Rides on weekends.'],
      stepBackUntil: ['', day(1), day(30)],
    },
    params: inCircle('member'),
  },
  [`POST /circles/:id${C}/me/leave`]: { as: 'person', params: inCircle('member') },

  // Needs: a coordinator posts and changes them, members sign up.
  [`GET /circles/:id${C}/needs/new`]: { as: 'person', params: inCircle('coordinator') },
  [`POST /circles/:id${C}/needs`]: {
    as: 'person',
    fields: needFields,
    params: async (w, me) => ({
      ...(await inCircle('coordinator')(w, me)),
      resource: await w.resourcePath(),
    }),
  },
  [`GET /circles/:id${C}/needs/:need${C}`]: {
    as: 'person',
    query: needNotice,
    params: inCircle('coordinator', (c) => ({ need: c.need })),
  },
  [`GET /circles/:id${C}/needs/:need${C}/edit`]: {
    as: 'person',
    params: inCircle('coordinator', (c) => ({ need: c.need })),
  },
  [`POST /circles/:id${C}/needs/:need${C}`]: {
    as: 'person',
    fields: needFields,
    params: async (w, me) => ({
      ...(await inCircle('owner', (c) => ({ need: c.need }))(w, me)),
      resource: await w.resourcePath(),
    }),
  },
  [`POST /circles/:id${C}/needs/:need${C}/cancellation`]: {
    as: 'person',
    params: inCircle('coordinator', (c) => ({ need: c.need })),
  },
  [`POST /circles/:id${C}/needs/:need${C}/sign-up`]: {
    as: 'person',
    params: inCircle('member', (c) => ({ need: c.need })),
  },
  [`POST /circles/:id${C}/needs/:need${C}/sign-up/cancellation`]: {
    as: 'person',
    params: inCircle('member', (c) => ({ need: c.myNeed })),
  },
  [`GET /circles/:id${C}/needs/:need${C}/sign-ups/:file${ICS}`]: {
    as: 'person',
    params: inCircle('member', (c) => ({ need: c.myNeed, file: `${c.mySignUp}.ics` })),
  },

  // The owner's own: notes and history.
  [`GET /circles/:id${C}/notes`]: {
    as: 'person',
    query: { done: ['added', 'deleted'] },
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/notes`]: {
    as: 'person',
    fields: { body: ['Sam drives on Tuesdays.', 'Call back.\nAfter six.'] },
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/notes/:note${C}/deletion`]: {
    as: 'person',
    params: inCircle('owner', (c) => ({ note: c.note })),
  },
  [`GET /circles/:id${C}/history`]: { as: 'person', params: inCircle('owner') },
  [`POST /circles/:id${C}/check-ins`]: {
    as: 'person',
    fields: { body: ['All good this week.', 'Line one.\nLine two.'] },
    params: inCircle('member'),
  },
  [`GET /circles/:id${C}/inbox`]: {
    as: 'person',
    query: { done: 'read' },
    params: inCircle('owner'),
  },
  [`POST /circles/:id${C}/inbox/:message${C}/read`]: {
    as: 'person',
    params: inCircle('owner', (c) => ({ message: c.checkIn })),
  },
};
