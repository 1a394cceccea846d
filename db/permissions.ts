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
  | 'stories:moderate'
  | 'moderation:use'
  | 'organizers:review'
  | 'roles:manage';

const rules: Record<Action, (roles: ReadonlySet<Role>) => boolean> = {
  'account:use': () => true,
  'organizer:apply': (roles) => !roles.has('organizer'),
  'organize:use': (roles) => roles.has('organizer'),
  'stories:write': (roles) => roles.has('storyteller'),
  'stories:moderate': (roles) => roles.has('moderator') || roles.has('admin'),
  'moderation:use': (roles) => roles.has('moderator') || roles.has('admin'),
  'organizers:review': (roles) => roles.has('moderator') || roles.has('admin'),
  'roles:manage': (roles) => roles.has('admin'),
};

/** True when this person (or a visitor, when null) may take this action. */
export const can = (user: CurrentUser | null, action: Action): boolean =>
  user !== null && rules[action](new Set(user.roles));
