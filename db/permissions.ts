import type { CurrentUser, Role } from './accounts/roles';
import type { CircleRole } from './circles/rules';
import { isPublicEvent } from './events/rules';

/**
 * What each role may do: the one place that decides. Routes and views ask
 * `can(user, action, thing)`; nothing else checks roles. Object-level rules take the thing
 * concerned (e.g. whose application it is).
 */
export type Action =
  | 'account:use'
  | 'storyteller:toggle'
  | 'organizer:apply'
  | 'organize:use'
  | 'stories:write'
  | 'stories:moderate'
  | 'moderation:use'
  | 'organizers:review'
  | 'roles:manage'
  | 'resources:moderate'
  | 'campaigns:manage'
  | 'campaigns:review'
  | 'events:organize'
  | 'events:moderate'
  | 'organizers:trust';

/** What an object-level rule needs to know about the thing acted on. */
export interface Thing {
  /** The account the thing belongs to (an application's applicant, a story's author…). */
  ownerId?: string;
}

type Rule = (roles: ReadonlySet<Role>, user: CurrentUser, thing: Thing | undefined) => boolean;

const rules: Record<Action, Rule> = {
  'account:use': () => true,
  'storyteller:toggle': () => true,
  'organizer:apply': (roles) => !roles.has('organizer'),
  'organize:use': (roles) => roles.has('organizer'),
  'stories:write': (roles) => roles.has('storyteller'),
  'stories:moderate': (roles) => roles.has('moderator') || roles.has('admin'),
  'moderation:use': (roles) => roles.has('moderator') || roles.has('admin'),
  // Nobody decides on their own request, whatever their roles.
  'organizers:review': (roles, user, thing) =>
    (roles.has('moderator') || roles.has('admin')) && thing?.ownerId !== user.id,
  'roles:manage': (roles) => roles.has('admin'),
  'resources:moderate': (roles) => roles.has('moderator') || roles.has('admin'),
  // Which campaigns: only their own (canManageCampaign below, checked per campaign).
  'campaigns:manage': (roles) => roles.has('organizer'),
  'campaigns:review': (roles) => roles.has('moderator') || roles.has('admin'),
  'events:organize': (roles) => roles.has('organizer'),
  'events:moderate': (roles) => roles.has('moderator') || roles.has('admin'),
  'organizers:trust': (roles) => roles.has('moderator') || roles.has('admin'),
};

/** True when this person (or a visitor, when null) may take this action, on this thing if given. */
export const can = (user: CurrentUser | null, action: Action, thing?: Thing): boolean =>
  user !== null && rules[action](new Set(user.roles), user, thing);

/* Object-level rules: each takes the thing concerned. A route asks one of these for that very
   thing, and answers a "no" like a thing that never existed (404), so guessing ids teaches nothing. */

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
  isPublicEvent(event) || canManageEvent(user, event) || can(user, 'events:moderate');

/** Whether this person may edit, submit, close or export this campaign: its own organizer only. */
export const canManageCampaign = (
  user: CurrentUser | null,
  campaign: { ownerId: string | null },
): boolean => can(user, 'campaigns:manage') && campaign.ownerId === user!.id;

/**
 * Whether this person may close or deliver this campaign: its own organizer, and a moderator once
 * the organizer has deleted their account (else no one could, and the signers' emails would wait
 * for a closing that never comes). Only that: editing, news to signers and the signers' list stay
 * the organizer's alone, so a moderator never exports signers' emails they did not collect.
 */
export const canEndCampaign = (
  user: CurrentUser | null,
  campaign: { ownerId: string | null },
): boolean =>
  canManageCampaign(user, campaign) || (campaign.ownerId === null && can(user, 'campaigns:review'));

/** A story as the object-level rules see it. */
interface OwnedStory {
  authorId: string | null;
  submittedAt: Date | null;
  withdrawnAt: Date | null;
}

/** Only the author may edit, approve, withdraw or read their drafts. Other roles change nothing. */
export const isStoryAuthor = (
  user: CurrentUser | null,
  story: Pick<OwnedStory, 'authorId'>,
): boolean => user !== null && story.authorId !== null && story.authorId === user.id;

/** Moderators see a story once its author submitted it, until it is withdrawn; never a draft. */
export const canModerateStory = (user: CurrentUser | null, story: OwnedStory): boolean =>
  can(user, 'stories:moderate') &&
  story.authorId !== null &&
  story.submittedAt !== null &&
  story.withdrawnAt === null;

/** Whether this person may delete their own account: the site must keep an admin, so the last one hands the role on first. */
export const canDeleteOwnAccount = (user: CurrentUser, adminCount: number): boolean =>
  !user.roles.includes('admin') || adminCount > 1;

/** Whether a moderator may mark this person as a trusted organizer: only someone who organizes. */
export const canBeTrustedOrganizer = (person: CurrentUser): boolean =>
  can(person, 'events:organize');

/* Care circles. Site roles give nothing here: moderators and admins are outsiders like anyone.
   A person's role in a circle comes from loadCircleAccess (db/circles/access.ts), once per request;
   a route asks canInCircle(role, action) and answers a "no" for reading like an unknown id (404). */

/** What can be done inside a circle. */
export type CircleAction =
  | 'circle:read'
  | 'circle:settings'
  | 'circle:close'
  | 'charter:read'
  | 'charter:edit'
  | 'members:manage'
  | 'members:list'
  | 'invitations:manage'
  | 'notes:use'
  | 'history:read'
  | 'needs:manage'
  | 'needs:sign-up'
  | 'sign-ups:see'
  | 'check-ins:send'
  | 'check-ins:read'
  | 'space:set'
  | 'membership:own';

const everyone: readonly CircleRole[] = ['owner', 'coordinator', 'member'];
const ownerOnly: readonly CircleRole[] = ['owner'];
const ownerAndCoordinator: readonly CircleRole[] = ['owner', 'coordinator'];
const membersOnly: readonly CircleRole[] = ['coordinator', 'member'];

const circleRules: Record<CircleAction, readonly CircleRole[]> = {
  'circle:read': everyone,
  'circle:settings': ownerOnly,
  'circle:close': ownerOnly,
  'charter:read': everyone,
  'charter:edit': ownerOnly,
  'members:manage': ownerOnly,
  // Members see each other only when the owner turns the list on (memberListVisibleTo below).
  'members:list': ownerOnly,
  'invitations:manage': ownerOnly,
  'notes:use': ownerOnly,
  'history:read': ownerOnly,
  // A coordinator posts and edits needs and sees who signed up; nothing else of the owner's.
  'needs:manage': ownerAndCoordinator,
  'needs:sign-up': membersOnly,
  'sign-ups:see': ownerAndCoordinator,
  'check-ins:send': membersOnly,
  'check-ins:read': ownerOnly,
  'space:set': ownerOnly,
  // Leaving, the offer, stepping back, the name shown: a member's own, never the owner's.
  'membership:own': membersOnly,
};

/** Whether this role in a circle allows this action. `none` allows nothing. */
export const canInCircle = (role: CircleRole, action: CircleAction): boolean =>
  circleRules[action].includes(role);

/** Whether this role sees the circle's member list: the owner always, members if the owner turned it on. */
export const canSeeMemberList = (
  role: CircleRole,
  circle: { memberListVisible: boolean },
): boolean =>
  canInCircle(role, 'members:list') ||
  (circle.memberListVisible && canInCircle(role, 'circle:read'));

/**
 * Whether this reader is shown the circle's gaps (late cancellations, needs unfilled close to
 * their time): a coordinator always; the owner only if they chose to be told.
 */
export const canSeeCircleGaps = (role: CircleRole, circle: { ownerToldOfGaps: boolean }): boolean =>
  role === 'coordinator' || (role === 'owner' && circle.ownerToldOfGaps);
