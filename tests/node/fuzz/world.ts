import { and, eq, sql } from 'drizzle-orm';
import { applyToOrganize } from '../../../db/accounts/organizer-applications';
import { ROLES, type Role } from '../../../db/accounts/roles';
import { createSession } from '../../../db/accounts/sessions';
import { findOrCreateUser, getUser, grantRole } from '../../../db/accounts/users';
import {
  createCampaign,
  submitCampaign,
  type CampaignInput,
} from '../../../db/campaigns/campaigns';
import { unsubscribeToken } from '../../../db/campaigns/links';
import { signCampaign } from '../../../db/campaigns/signatures';
import { markCharterRead, saveCharter } from '../../../db/circles/charter';
import { sendCheckIn } from '../../../db/circles/check-ins';
import { createCircle } from '../../../db/circles/circles';
import { acceptInvitation, createInvitation } from '../../../db/circles/invitations';
import { setCoordinator } from '../../../db/circles/members';
import { postNeeds } from '../../../db/circles/needs';
import { addOwnerNote, listOwnerNotes } from '../../../db/circles/notes';
import { findMySignUp, signUpForNeed } from '../../../db/circles/signups';
import { seedDemoData } from '../../../db/demo/seed';
import { createEvent, getEvent, submitEvent } from '../../../db/events/events';
import { takeRsvp } from '../../../db/events/rsvps';
import { fileResourceReport } from '../../../db/resources/reports';
import {
  campaigns,
  campaignSignatures,
  circleMembers,
  circles,
  events,
  organizations,
  serviceAtLocation,
  services,
  taxonomies,
  taxonomyTerms,
} from '../../../db/schema';
import {
  approveStoryVersion,
  createStory,
  publishStoryApproval,
  submitStory,
} from '../../../db/stories/stories';
import type { TestApp } from '../../support/app';
import { campaignInput, publishedCampaign } from '../../support/campaigns';
import type { EventInput } from '../../../db/events/events';
import { eventInput } from '../../support/events';

/** Who sends a request: nobody signed in, or a fresh account holding one role. */
export type Account = 'anonymous' | 'person' | Role;

/** Where the route's account stands in a circle (its site account is a plain 'person'). */
export type CirclePlace = 'owner' | 'coordinator' | 'member';

/** A circle and the records in it that routes name in their paths. */
export interface CircleFixture {
  id: string;
  /** The route's account as a member (coordinator or member), null when it owns the circle. */
  myMember: string | null;
  /** Another member, who has read the charter and signed up for `need`. */
  member: string;
  /** An invitation still waiting. */
  invitation: string;
  /** A need in two hours, two helpers wanted, one taken by `member`: one more may sign up. */
  need: string;
  /** A need the route's account signed up for (a member), else the same as `need`. */
  myNeed: string;
  /** The route's account's sign-up for `myNeed`, null when it owns the circle. */
  mySignUp: string | null;
  /** One of the owner's notes. */
  note: string;
  /** A check-in `member` sent to the owner, unread. */
  checkIn: string;
}

/** The account a route's requests are sent as (null: nobody signed in). */
export interface Me {
  id: string | null;
}

const storyDraft = {
  title: 'A winter',
  body: 'The first winter was the hardest.',
  shownName: 'Mira',
  language: 'en' as const,
  contentNotes: [],
  contentNoteText: '',
};

/**
 * Where the fuzzer gets valid path ids: the demo data (seeded once, read-only in spirit) and
 * factories that make a fresh record, owned by the route's own account where it needs one, so
 * that what one route's requests change never decides what another route sees.
 */
export class World {
  private counter = 0;
  constructor(readonly t: TestApp) {}

  static async build(t: TestApp): Promise<World> {
    await seedDemoData(t.db);
    return new World(t);
  }

  private unique = (what: string) => `fuzz-${what}-${++this.counter}@example.org`;

  /** A fresh account with this role (none for "person"); null for "anonymous". */
  async account(kind: Account): Promise<Me> {
    if (kind === 'anonymous') return { id: null };
    const user = await findOrCreateUser(this.t.db, this.unique(kind));
    if (kind !== 'person') await grantRole(this.t.db, user.id, kind);
    return { id: user.id };
  }

  /** A session cookie for the account, new for each request (a request may sign it out). */
  async cookie(me: Me): Promise<string | null> {
    if (!me.id) return null;
    const user = await getUser(this.t.db, me.id);
    if (!user) return null;
    return `session=${(await createSession(this.t.db, user)).token}`;
  }

  /** Gives an account every role (to see every queue and list). */
  async grantEveryRole(me: Me) {
    for (const role of ROLES) await grantRole(this.t.db, me.id!, role);
  }

  /** Whether the account still exists (a request may delete it). */
  async alive(me: Me): Promise<boolean> {
    return !me.id || (await getUser(this.t.db, me.id)) !== null;
  }

  private async owner(me: Me | null, role: Role = 'organizer'): Promise<string> {
    return me?.id ?? (await this.account(role)).id!;
  }

  // Resources: the demo directory.
  private async first(table: typeof services | typeof organizations | typeof taxonomies) {
    return (await this.t.db.select({ id: table.id }).from(table).limit(1).get())!.id;
  }
  resource = async () => this.first(services);
  organization = async () => this.first(organizations);
  taxonomy = async () => this.first(taxonomies);
  taxonomyTerm = async () =>
    (await this.t.db.select({ id: taxonomyTerms.id }).from(taxonomyTerms).limit(1).get())!.id;
  serviceAtLocation = async () =>
    (await this.t.db.select({ id: serviceAtLocation.id }).from(serviceAtLocation).limit(1).get())!
      .id;
  /** The readable address of an active resource, as a need links to it. */
  resourcePath = async () =>
    `/resources/${(await this.t.db.select({ slug: services.slug }).from(services).where(eq(services.status, 'active')).limit(1).get())!.slug}`;
  report = async () => {
    const serviceId = await this.resource();
    await fileResourceReport(
      this.t.db,
      { serviceId, problem: `Closed ${++this.counter}`, contact: null },
      new Date(),
    );
    return (
      await this.t.db.get<{ id: string }>(
        sql`select id from resource_reports order by created_at desc, rowid desc limit 1`,
      )
    ).id;
  };

  // Campaigns.
  publishedCampaign = async (me: Me | null = null, over: Partial<CampaignInput> = {}) => {
    if (!me?.id) return publishedCampaign(this.t, over);
    const id = await createCampaign(this.t.db, me.id, campaignInput(over));
    await submitCampaign(this.t.db, id, me.id);
    await this.t.db
      .update(campaigns)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(campaigns.id, id));
    return id;
  };
  draftCampaign = async (me: Me | null = null) =>
    createCampaign(this.t.db, await this.owner(me), campaignInput());
  submittedCampaign = async () => {
    const owner = await this.owner(null);
    const id = await createCampaign(this.t.db, owner, campaignInput());
    await submitCampaign(this.t.db, id, owner);
    return id;
  };
  /** A published campaign whose organizer deleted their account. */
  ownerlessCampaign = async () => {
    const id = await publishedCampaign(this.t);
    await this.t.db.update(campaigns).set({ ownerId: null }).where(eq(campaigns.id, id));
    return id;
  };
  /** A published campaign (goal 2) ana@example.org signed already: the sign form's addresses meet her. */
  campaignWithSigner = async () => {
    const campaignId = await publishedCampaign(this.t);
    await this.sign(campaignId, 'ana@example.org');
    return campaignId;
  };
  /** The links emailed to a new signer. */
  signature = async () => this.sign(await publishedCampaign(this.t), this.unique('signer'));
  private sign = async (campaignId: string, email: string) => {
    const outcome = await signCampaign(this.t.db, campaignId, {
      email,
      firstName: 'Ana',
      lastName: '',
      city: '',
      message: '',
      display: 'full',
      wantsUpdates: true,
      shareEmail: false,
      locale: 'en',
    });
    if (outcome.kind !== 'new') throw new Error('expected a new signature');
    const row = (await this.t.db
      .select({ id: campaignSignatures.id })
      .from(campaignSignatures)
      .where(eq(campaignSignatures.email, email))
      .get())!;
    return {
      confirm: outcome.confirmToken,
      manage: outcome.manageToken,
      unsubscribe: await unsubscribeToken(this.t.db, row.id),
    };
  };

  // Events.
  draftEvent = async (me: Me | null = null, over: Partial<EventInput> = {}) =>
    createEvent(this.t.db, await this.owner(me), eventInput(over));
  publishedEvent = async (me: Me | null = null, over: Partial<EventInput> = {}) => {
    const id = await this.draftEvent(me, over);
    await this.t.db.update(events).set({ status: 'published' }).where(eq(events.id, id));
    return id;
  };
  /** The readable address of an event (its slug), as the public pages link to it. */
  slugOf = async (eventId: string) => (await getEvent(this.t.db, eventId))!.slug;
  submittedEvent = async () => {
    const owner = await this.owner(null);
    const id = await createEvent(this.t.db, owner, eventInput());
    await submitEvent(this.t.db, id, owner);
    return id;
  };
  /** An event with two places, one taken by ana@example.org: the RSVP form's addresses meet her, a full event and its waitlist. */
  eventWithGuest = async () => {
    const id = await this.publishedEvent(null, { capacity: 2 });
    await this.rsvpTo(id, 'ana@example.org');
    return id;
  };
  private rsvpTo = async (eventId: string, email: string) => {
    const outcome = await takeRsvp(this.t.db, eventId, {
      name: 'Ana',
      email,
      places: 1,
      accessNeeds: '',
      wantsReminder: true,
      locale: 'en',
      siteOrigin: 'http://localhost',
    });
    if (outcome?.kind !== 'new') throw new Error('expected a new RSVP');
    return outcome.token;
  };
  rsvpToken = async () => this.rsvpTo(await this.eventWithGuest(), this.unique('guest'));
  organizerId = async () => this.owner(null);

  // Accounts.
  application = async () =>
    (
      await applyToOrganize(this.t.db, await this.owner(null, 'storyteller'), {
        organizationName: 'Night kitchen',
        reason: 'We run events.',
      })
    ).id;

  // Care circles: made through db/circles, as the routes make them.
  /**
   * A fresh circle in Paris time, its member list shown and its owner told of gaps (so pages
   * show all they can), with a charter, another member, a waiting invitation, a need and a note;
   * the route's account is its owner, or a member (or coordinator) who has read the charter.
   */
  circle = async (me: Me, place: CirclePlace = 'owner'): Promise<CircleFixture> => {
    const db = this.t.db;
    const ownerId = place === 'owner' ? me.id! : (await this.account('person')).id!;
    const id = await createCircle(db, ownerId, {
      label: 'My people',
      timeZone: 'Europe/Paris',
      quietStartMinute: 21 * 60,
      quietEndMinute: 8 * 60,
      memberListVisible: true,
      ownerToldOfGaps: true,
      placeRevealHours: 24,
    });
    await saveCharter(db, id, {
      helpKinds: ['ride', 'meal'],
      helpText: 'Rides help most.',
      checkInChannel: 'site',
      checkInPace: 'weekly',
      topicsToAvoid: 'Work.',
      spaceMeaning: '',
      accompaniment: '',
      anythingElse: '',
    });
    const member = await this.join(id, ownerId, await this.account('person'), 'Sam');
    const myMember = place === 'owner' ? null : await this.join(id, ownerId, me, 'Mira');
    if (place === 'coordinator') await setCoordinator(db, id, myMember!, true);
    const invitation = (
      await createInvitation(db, id, ownerId, {
        email: this.unique('invited'),
        personalNote: '',
        language: 'en',
      })
    ).id;
    const need = await this.need(id, ownerId, 2);
    await signUpForNeed(db, id, need, member);
    let myNeed = need;
    let mySignUp: string | null = null;
    if (myMember) {
      myNeed = await this.need(id, ownerId, 1);
      await signUpForNeed(db, id, myNeed, myMember);
      mySignUp = (await findMySignUp(db, id, myNeed, myMember))!.id;
    }
    await addOwnerNote(db, id, 'Sam drives on Tuesdays.');
    const note = (await listOwnerNotes(db, id))[0]!.id;
    const row = (await db.select().from(circles).where(eq(circles.id, id)).get())!;
    const sent = await sendCheckIn(db, row, member, 'All good this week.');
    if (!sent.sent) throw new Error(`the fixture's check-in was not sent: ${sent.because}`);
    return { id, myMember, member, invitation, need, myNeed, mySignUp, note, checkIn: sent.id };
  };
  /** An invitation to a fresh circle, sent to the account's own address: the token its link carries. */
  circleInvitation = async (me: Me) => {
    const ownerId = (await this.account('person')).id!;
    const id = await createCircle(this.t.db, ownerId, {
      label: 'My people',
      timeZone: 'UTC',
      quietStartMinute: 0,
      quietEndMinute: 0,
      memberListVisible: false,
      ownerToldOfGaps: false,
      placeRevealHours: 24,
    });
    const email = (await getUser(this.t.db, me.id!))!.email;
    return (
      await createInvitation(this.t.db, id, ownerId, {
        email,
        personalNote: 'Welcome.',
        language: 'en',
      })
    ).token;
  };
  /** Invites an account and accepts as it, having read the charter: its member id. */
  private join = async (circleId: string, ownerId: string, who: Me, name: string) => {
    const db = this.t.db;
    const user = (await getUser(db, who.id!))!;
    const { token } = await createInvitation(db, circleId, ownerId, {
      email: user.email,
      personalNote: '',
      language: 'en',
    });
    if (!(await acceptInvitation(db, token, user, name))) throw new Error('expected to join');
    const { memberId } = (await db
      .select({ memberId: circleMembers.id })
      .from(circleMembers)
      .where(and(eq(circleMembers.circleId, circleId), eq(circleMembers.userId, user.id)))
      .get())!;
    await markCharterRead(db, circleId, memberId, 1);
    return memberId;
  };
  /** A ride in two hours (its place already shown to helpers), posted by the owner. */
  private need = async (circleId: string, ownerId: string, helpersWanted: number) => {
    const startsAt = new Date(Date.now() + 2 * 3600_000);
    const [id] = await postNeeds(
      this.t.db,
      circleId,
      { userId: ownerId, role: 'owner' },
      {
        kind: 'ride',
        title: 'Ride to the clinic',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
        anyTime: false,
        helpersWanted,
        place: '12 Secret Lane',
        resourceId: null,
        note: 'Bring a book.',
      },
    );
    return id!;
  };

  // Stories.
  story = async (me: Me | null = null) =>
    createStory(this.t.db, await this.owner(me, 'storyteller'), storyDraft);
  /** A story its author submitted and approved (version 1, on its own page): a moderator can publish it. */
  approvedStory = async (me: Me | null = null) => {
    const authorId = await this.owner(me, 'storyteller');
    const id = await createStory(this.t.db, authorId, storyDraft);
    await submitStory(this.t.db, id, authorId);
    await approveStoryVersion(this.t.db, {
      storyId: id,
      authorId,
      versionNumber: 1,
      consent: { ownPage: true, campaignIds: [], eventQuotes: false, months: 12 },
      siteOrigin: 'http://localhost',
    });
    return id;
  };
  /** A story of the route's account, published on its own page. */
  ownPublishedStory = async (me: Me) => {
    const id = await this.approvedStory(me);
    await publishStoryApproval(this.t.db, id, await this.approvalOf(id));
    return id;
  };
  /** A story the demo data published. */
  publishedStory = async () =>
    (
      await this.t.db.get<{ id: string }>(
        sql`select id from stories where published_at is not null limit 1`,
      )
    ).id;
  /** The newest approval of a story, for the publication form. */
  approvalOf = async (storyId: string) =>
    (
      await this.t.db.get<{ id: string } | undefined>(
        sql`select id from story_approvals where story_id = ${storyId} order by rowid desc limit 1`,
      )
    )?.id ?? '';
}
