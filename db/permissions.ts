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
  | 'events:organize'
  | 'events:moderate'
  | 'organizers:trust';

const rules: Record<Action, (roles: ReadonlySet<Role>) => boolean> = {
  'account:use': () => true,
  'organizer:apply': (roles) => !roles.has('organizer'),
  'organize:use': (roles) => roles.has('organizer'),
  'stories:write': (roles) => roles.has('storyteller'),
  'moderation:use': (roles) => roles.has('moderator') || roles.has('admin'),
  'organizers:review': (roles) => roles.has('moderator') || roles.has('admin'),
  'roles:manage': (roles) => roles.has('admin'),
  'events:organize': (roles) => roles.has('organizer'),
  'events:moderate': (roles) => roles.has('moderator') || roles.has('admin'),
  'organizers:trust': (roles) => roles.has('moderator') || roles.has('admin'),
};

/** True when this person (or a visitor, when null) may take this action. */
export const can = (user: CurrentUser | null, action: Action): boolean =>
  user !== null && rules[action](new Set(user.roles));

/** An event as the object-level rules see it. */
interface OwnedEvent {
  organizerId: string | null;
  status: 'draft' | 'submitted' | 'published' | 'cancelled';
}

/** Whether this person may edit, cancel, or see the RSVPs of this event: its own organizer only. */
export const canManageEvent = (user: CurrentUser | null, event: OwnedEvent): boolean =>
  can(user, 'events:organize') && event.organizerId === user!.id;

/**
 * Whether this person may see this event's page. Published and cancelled events are public; a
 * draft or submitted one only to its organizer and to moderators.
 */
export const canSeeEvent = (user: CurrentUser | null, event: OwnedEvent): boolean =>
  event.status === 'published' || event.status === 'cancelled' || canManageEvent(user, event) || can(user, 'events:moderate');
