/**
 * What the soak's people do, one visit at a time: browse, search the directory, sign a campaign
 * and confirm it from their email, RSVP to an event and open its link, sign in by code and out
 * again, or work on their organizer pages (signed in as a demo organizer, staying signed in).
 * Every request says which answers it expects; anything else is an error of the soak.
 */
import type { MailReader } from './soak-mail';
import type { Answer, Visitor } from './soak-visitor';
import { seededRandom } from '../support/seeded-random';

/** Pages and choices found on the running site before the traffic starts. */
export interface SiteMap {
  resources: string[];
  events: string[];
  rsvpEvents: string[];
  campaigns: string[];
  signCampaigns: string[];
  stories: string[];
  categories: string[];
  languages: string[];
  cities: string[];
  assets: string[];
}

export interface FlowContext {
  visitor: Visitor;
  site: SiteMap;
  mail: MailReader;
  /** A new address no one has used, for this run. */
  freshEmail: () => string;
  /** For an organizer's visit: the pages of their own campaigns and events. */
  organizerPages?: string[];
}

let random = Math.random;
/** The soak is seeded, so a run can be repeated. */
export const seedRandom = (seed: number) => {
  random = seededRandom(seed);
};
/** A number in [0, 1), from the seeded sequence. */
export const roll = () => random();
export const chance = (p: number) => random() < p;
export const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const WORDS = [
  'housing',
  'legal',
  'counselling',
  'shelter',
  'doctor',
  'food',
  'interpreter',
  'emergency',
  'night',
  'work',
  'logement',
  'juridique',
  'écoute',
  'santé',
  'urgence',
  'aide',
  'immigration',
  'childcare',
  'helpline',
  'nothing-matches-this',
];

const PAGES = ['/support', '/safety', '/privacy'];

/** A few pages of the site, as someone looks around. */
export const browse = async ({ visitor, site }: FlowContext) => {
  await visitor.get('/');
  if (chance(0.3)) for (const asset of site.assets) await visitor.get(asset);
  for (let i = between(2, 5); i > 0; i--) {
    const roll = random();
    if (roll < 0.12) await visitor.get('/resources');
    else if (roll < 0.27) await visitor.get(`/resources/${pick(site.resources)}`);
    else if (roll < 0.37) await visitor.get(chance(0.3) ? '/events?view=month' : '/events');
    else if (roll < 0.5) await visitor.get(`/events/${pick(site.events)}`);
    else if (roll < 0.52) await visitor.get(`/events/${pick(site.events)}.ics`);
    else if (roll < 0.6) await visitor.get('/campaigns');
    else if (roll < 0.7) await visitor.get(`/campaigns/${pick(site.campaigns)}`);
    else if (roll < 0.77) await visitor.get('/stories');
    else if (roll < 0.85) await visitor.get(`/stories/${pick(site.stories)}`);
    else if (roll < 0.98) await visitor.get(pick(PAGES));
    // An old link to a place that no longer exists: a plain 404, expected.
    else await visitor.get('/resources/a-place-that-closed', [404]);
  }
};

const searchQuery = (site: SiteMap) => {
  const query = new URLSearchParams();
  if (chance(0.7)) query.set('q', pick(WORDS));
  if (chance(0.3)) query.set('category', pick(site.categories));
  if (chance(0.2)) query.set('language', pick(site.languages));
  if (chance(0.3)) query.set('city', pick(site.cities));
  for (const flag of ['open', 'free', 'walkin', 'trauma', 'survivor'])
    if (chance(0.1)) query.set(flag, '1');
  if (chance(0.1)) {
    query.set('lat', (48.85 + random() / 10).toFixed(2));
    query.set('lon', (2.35 + random() / 10).toFixed(2));
    query.set('within', pick(['5', '10', '25']));
  }
  if (chance(0.1)) query.set('sort', pick(['relevance', 'distance', 'verified']));
  if (chance(0.1)) query.set('page', '2');
  return query;
};

/** The directory: a search, refined a few times (live, with htmx, or by the form), then a result. */
export const search = async ({ visitor, site }: FlowContext) => {
  await visitor.get('/resources');
  let last: Answer | undefined;
  for (let i = between(1, 4); i > 0; i--) {
    const path = `/resources?${searchQuery(site)}`;
    last = chance(0.5)
      ? await visitor.get(path, [200], { 'hx-request': 'true' })
      : await visitor.get(path);
  }
  const found = [...(last?.body.matchAll(/href="\/resources\/([A-Za-z0-9-]+)"/g) ?? [])];
  if (found.length > 0 && chance(0.6)) await visitor.get(`/resources/${pick(found)[1]}`);
};

/** Signs a campaign (now and then with a typo first), then confirms from the email. */
export const sign = async ({ visitor, site, mail, freshEmail }: FlowContext) => {
  if (chance(0.5)) await visitor.get('/campaigns');
  const id = pick(site.signCampaigns);
  await visitor.get(`/campaigns/${id}`);
  const email = freshEmail();
  const form = {
    firstName: pick(['Sam', 'Alex', 'Noor', 'Inès', 'Jo']),
    lastName: chance(0.5) ? 'Example' : '',
    email,
    city: chance(0.5) ? pick(['Lyon', 'Leeds', 'Nantes']) : '',
    message: chance(0.3) ? 'Please act on this.' : '',
    display: pick(['full', 'initials', 'hidden']),
    ...(chance(0.3) ? { wantsUpdates: 'yes' } : {}),
  };
  if (chance(0.05))
    await visitor.post(`/campaigns/${id}/signatures`, { ...form, email: 'not-an-address' }, [400]);
  const link = mail.expect(email, /\/campaigns\/signatures\/[a-z0-9]+\/confirmation/);
  await visitor.follow(await visitor.post(`/campaigns/${id}/signatures`, form));
  const path = await link;
  await visitor.get(path);
  await visitor.follow(await visitor.post(path, {}));
};

/** RSVPs to an event, and sometimes opens the private link the email brings. */
export const rsvp = async ({ visitor, site, mail, freshEmail }: FlowContext) => {
  if (chance(0.5)) await visitor.get('/events');
  const id = pick(site.rsvpEvents);
  await visitor.get(`/events/${id}`);
  const email = freshEmail();
  const opensLink = chance(0.5);
  const link = opensLink ? mail.expect(email, /\/rsvps\/[a-z2-7]{32}/) : undefined;
  const answer = await visitor.post(`/events/${id}/rsvp`, {
    name: pick(['Sam', 'Alex', 'Noor', 'Inès', 'Jo']),
    email,
    places: String(between(1, 2)),
    accessNeeds: chance(0.2) ? 'Step-free access, please.' : '',
    ...(chance(0.5) ? { wantsReminder: 'yes' } : {}),
  });
  await visitor.follow(answer);
  if (link) await visitor.get(await link);
};

/** Signs in with a new address by emailed code (a wrong code first now and then), then out. */
export const signIn = async ({ visitor, mail, freshEmail }: FlowContext) => {
  await visitor.get('/sign-in');
  const email = freshEmail();
  const code = mail.expect(email, /\b\d{8}\b/);
  await visitor.follow(await visitor.post('/sign-in', { email, next: '/account' }));
  const typed = await code;
  if (chance(0.1))
    await visitor.post(
      '/sign-in/code',
      { code: typed === '00000000' ? '11111111' : '00000000' },
      [400],
    );
  await visitor.follow(await visitor.post('/sign-in/code', { code: typed, next: '/account' }));
  if (chance(0.7)) await visitor.follow(await visitor.post('/sign-out', {}));
};

/** Signs a person in through the real pages; the session then stays in the visitor's cookies. */
export const signInAs = async ({ visitor, mail }: FlowContext, email: string) => {
  const code = mail.expect(email, /\b\d{8}\b/);
  await visitor.follow(await visitor.post('/sign-in', { email, next: '/organize' }));
  await visitor.follow(
    await visitor.post('/sign-in/code', { code: await code, next: '/organize' }),
  );
};

/** An organizer, already signed in, looks over their campaigns and events. */
export const organize = async ({ visitor, organizerPages = [] }: FlowContext) => {
  await visitor.get('/organize');
  for (let i = between(1, 4); i > 0 && organizerPages.length > 0; i--)
    await visitor.get(pick(organizerPages));
};

export const FLOWS = { browse, search, sign, rsvp, signIn, organize } as const;
export type FlowName = keyof typeof FLOWS;
