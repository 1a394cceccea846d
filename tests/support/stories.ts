import { findOrCreateUser, grantRole } from '../../db/accounts/users';
import type { Role } from '../../db/accounts/roles';
import { signIn, type TestBrowser } from './browser';
import { areaLinks } from '../../worker/area-links';
import { makeTestApp, type TestApp } from './app';

/** A signed-in person holding these roles (granted before sign-in, as a role change ends sessions). */
export const personWith = async (
  t: TestApp,
  email: string,
  roles: Role[],
): Promise<TestBrowser> => {
  const user = await findOrCreateUser(t.db, email);
  for (const role of roles) await grantRole(t.db, user.id, role);
  return signIn(t, email);
};

export const storyFields = (overrides: Record<string, string> = {}) => ({
  title: 'Finding my way',
  body: 'The first winter was the hardest.\n\nThen a neighbour knocked on my door.',
  shownName: 'Mira',
  language: 'en',
  contentNotes: 'violence',
  contentNoteText: '',
  ...overrides,
});

/** The story id from a redirect to /my-stories/:id. */
export const storyIdFrom = (res: Response): string => {
  const match = res.headers.get('location')?.match(/^\/my-stories\/([a-z0-9]+)/);
  if (!match) throw new Error(`no story in ${res.status} ${res.headers.get('location')}`);
  return match[1]!;
};

/** Writes a story through the form and returns its id. */
export const writeStory = async (author: TestBrowser, overrides: Record<string, string> = {}) =>
  storyIdFrom(await author.post('/my-stories', storyFields(overrides)));

/** Approves a version through the form. */
export const approve = (
  author: TestBrowser,
  id: string,
  version: number,
  consent: Record<string, string> = { ownPage: 'yes', months: '12' },
) => author.post(`/my-stories/${id}/approval`, { version: String(version), ...consent });

/** The id of the approval a moderator can publish, read from the moderation page. */
export const publishableApproval = async (
  moderator: TestBrowser,
  id: string,
): Promise<string | null> =>
  (await (await moderator.get(`/moderation/stories/${id}`)).text()).match(
    /name="approval" value="([a-z0-9]+)"/,
  )?.[1] ?? null;

export const publish = async (moderator: TestBrowser, id: string) => {
  const approval = await publishableApproval(moderator, id);
  if (!approval) throw new Error('nothing to publish');
  return moderator.post(`/moderation/stories/${id}/publication`, { approval });
};

/** The campaigns a storyteller may pick in these tests, whatever campaigns exist. */
const campaignChoices = async () => [
  { id: 'camp-a', title: 'Campaign A' },
  { id: 'camp-b', title: 'Campaign B' },
];

/** The app, mailing to the outbox, with campaigns camp-a and camp-b to link a story to. */
export const makeStoriesApp = () =>
  makeTestApp({ APP_ENV: 'local' }, { ...areaLinks, storyCampaignOptions: campaignChoices });
