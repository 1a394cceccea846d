import type { CurrentUser, Role } from './roles';

/**
 * What each role may do: the one place that decides. Routes ask `can(user, action)`; nothing
 * else checks roles. Object-level rules (whose event, whose story) take the thing as well.
 */
export type Action =
  | 'account:use'
  | 'organizer:apply'
  | 'organize:use'
  | 'stories:write'
  | 'moderation:use'
  | 'organizers:review'
  | 'roles:manage'
  | 'campaigns:manage'
  | 'campaigns:review';

const rules: Record<Action, (roles: ReadonlySet<Role>) => boolean> = {
  'account:use': () => true,
  'organizer:apply': (roles) => !roles.has('organizer'),
  'organize:use': (roles) => roles.has('organizer'),
  'stories:write': (roles) => roles.has('storyteller'),
  'moderation:use': (roles) => roles.has('moderator') || roles.has('admin'),
  'organizers:review': (roles) => roles.has('moderator') || roles.has('admin'),
  'roles:manage': (roles) => roles.has('admin'),
  // Which campaigns: only their own (managesCampaign in db/campaigns.ts, checked per campaign).
  'campaigns:manage': (roles) => roles.has('organizer'),
  'campaigns:review': (roles) => roles.has('moderator') || roles.has('admin'),
};

/** True when this person (or a visitor, when null) may take this action. */
export const can = (user: CurrentUser | null, action: Action): boolean =>
  user !== null && rules[action](new Set(user.roles));
