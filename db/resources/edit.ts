/**
 * Moderators' writes to the directory: a whole resource created, or saved after an edit, in one
 * db.batch() (D1 has no interactive transactions) with its change-log row, so a save is all or
 * nothing. Never touches verified_at / verified_by_role: only db/resources/verify.ts does.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../core/database';
import {
  ResourceChangedMeanwhile,
  resourceChangeRow,
  resourceVersion,
  type ChangeActor,
} from './changes';
import {
  OPENINGS_PER_DAY,
  type EditableResource,
  type PlaceRecord,
  type ResourceDayHours,
  type ResourceField,
  type ResourceInput,
  type ResourcePlace,
} from './edit-types';
import { WEEKDAYS } from './hours';
import { serviceSlug } from './slug';
import * as t from '../schema';
import { createOnce } from '../core/form-submissions';

const englishLanguageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** HSDS stores a language's name beside its code; a code Intl refuses (say, an imported `pt_BR`) keeps the code. */
const englishLanguageName = (code: string): string => {
  try {
    return englishLanguageNames.of(code) ?? code;
  } catch {
    return code;
  }
};

/** What each logged field is made of, compared as JSON. */
const FIELD_PARTS: Record<ResourceField, (input: ResourceInput) => unknown> = {
  organization: (i) => i.organizationId ?? `new:${i.organizationName}`,
  name: (i) => i.name,
  description: (i) => i.description,
  contentLanguage: (i) => i.contentLanguage,
  eligibility: (i) => i.eligibility,
  documents: (i) => i.documents,
  cost: (i) => [i.free, i.free ? '' : i.costDescription],
  categories: (i) => [...i.categories].sort(),
  languages: (i) => [...i.languages].sort(),
  street: (i) => i.street,
  city: (i) => i.city,
  postalCode: (i) => i.postalCode,
  region: (i) => i.region,
  country: (i) => i.country,
  latitude: (i) => i.latitude,
  longitude: (i) => i.longitude,
  timeZone: (i) => i.timeZone,
  transportation: (i) => i.transportation,
  confidential: (i) => i.confidential,
  phones: (i) => i.phones,
  hours: (i) => i.hours,
  otherPlaces: (i) => i.otherPlaces ?? [],
  walkIn: (i) => i.walkIn,
  traumaInformed: (i) => i.traumaInformed,
  survivorLed: (i) => i.survivorLed,
  url: (i) => i.url,
  email: (i) => i.email,
};
export const RESOURCE_FIELDS = Object.keys(FIELD_PARTS) as ResourceField[];

/** The names of the fields that differ: what the change log records. */
export const changedResourceFields = (
  before: ResourceInput,
  after: ResourceInput,
): ResourceField[] =>
  RESOURCE_FIELDS.filter(
    (field) =>
      JSON.stringify(FIELD_PARTS[field](before)) !== JSON.stringify(FIELD_PARTS[field](after)),
  );

/** A resource with nothing filled in: what a new one is compared with. */
export const EMPTY_RESOURCE: ResourceInput = {
  organizationId: '',
  organizationName: '',
  name: '',
  description: '',
  contentLanguage: 'en',
  eligibility: '',
  documents: [],
  free: false,
  costDescription: '',
  categories: [],
  languages: [],
  street: '',
  city: '',
  postalCode: '',
  region: '',
  country: '',
  latitude: null,
  longitude: null,
  timeZone: '',
  transportation: '',
  confidential: false,
  phones: [],
  hours: [],
  otherPlaces: [],
  walkIn: false,
  traumaInformed: false,
  survivorLed: false,
  url: '',
  email: '',
};

const orNull = (value: string) => (value === '' ? null : value);
/** A place's own fields, which every service there shares (its hours are each service's own). */
const PLACE_FIELDS = [
  'street',
  'city',
  'postalCode',
  'region',
  'country',
  'latitude',
  'longitude',
  'timeZone',
  'transportation',
  'confidential',
] as const satisfies readonly (keyof ResourcePlace & ResourceField)[];

/** The first place, spread in a resource's input. */
const firstPlace = (input: ResourceInput): ResourcePlace =>
  ({
    ...Object.fromEntries(PLACE_FIELDS.map((field) => [field, input[field]])),
    hours: input.hours,
  }) as ResourcePlace;

/** The service's own columns (never the verification ones). */
const serviceColumns = (input: ResourceInput, organizationId: string, now: Date) => ({
  organizationId,
  name: input.name,
  description: orNull(input.description),
  contentLanguage: input.contentLanguage,
  eligibilityDescription: orNull(input.eligibility),
  feesDescription: input.free ? null : orNull(input.costDescription),
  url: orNull(input.url),
  email: orNull(input.email),
  walkIn: input.walkIn,
  traumaInformed: input.traumaInformed,
  survivorLed: input.survivorLed,
  lastModified: now,
});

const locationColumns = (input: ResourcePlace) => ({
  locationType: input.street ? 'physical' : 'virtual',
  latitude: input.latitude,
  longitude: input.longitude,
  timeZone: input.timeZone,
  transportation: orNull(input.transportation),
  confidentialLocation: input.confidential,
});

const addressColumns = (input: ResourcePlace) => ({
  address1: input.street,
  city: input.city,
  postalCode: input.postalCode,
  stateProvince: input.region,
  country: input.country,
  addressType: 'physical',
});

/** Days with the same opening become one weekly rule, as HSDS writes them ("MO,TU,WE 09:00-17:00"). */
const weeklyRules = (input: ResourcePlace) => {
  const rules = new Map<string, string[]>();
  for (const opening of input.hours) {
    const times = `${opening.opensAt}-${opening.closesAt}`;
    rules.set(times, [...(rules.get(times) ?? []), opening.day]);
  }
  return [...rules].map(([times, days]) => ({
    byday: days.join(','),
    opensAt: times.slice(0, 5),
    closesAt: times.slice(6),
  }));
};

/**
 * The form shows OPENINGS_PER_DAY openings a day; an imported place may have more. A day whose
 * shown openings come back as they were keeps the ones the form could not show, so saving
 * another field never drops them; a day edited in the form gets what was typed.
 */
const withUnshownOpenings = <P extends ResourcePlace>(current: ResourcePlace, typed: P): P => {
  const same = (a: ResourceDayHours[], b: ResourceDayHours[]) =>
    JSON.stringify(a) === JSON.stringify(b);
  const hours = WEEKDAYS.flatMap((day) => {
    const before = current.hours.filter((h) => h.day === day);
    const after = typed.hours.filter((h) => h.day === day);
    return before.length > OPENINGS_PER_DAY && same(before.slice(0, OPENINGS_PER_DAY), after)
      ? before
      : after;
  });
  return { ...typed, hours };
};

/** The typed resource with every saved place's unshown openings kept; absent other places are the saved ones. */
const withAllUnshownOpenings = (current: ResourceInput, typed: ResourceInput): ResourceInput => {
  const saved = current.otherPlaces ?? [];
  return {
    ...withUnshownOpenings(firstPlace(current), typed),
    otherPlaces: (typed.otherPlaces ?? saved).map((place, i) => {
      const before = saved[i];
      return place && before ? withUnshownOpenings(before, place) : place;
    }),
  };
};

interface Ids {
  serviceId: string;
  /** The first place's: the one phones are tied to. */
  locationId: string;
}

/** The rows of the lists a service owns, for the sections given: deleted, then written again. */
const listRows = (
  db: Database,
  input: ResourceInput,
  ids: Ids,
  sections: ReadonlySet<ResourceField>,
  termIds: Map<string, string>,
): BatchItem<'sqlite'>[] => {
  const { serviceId, locationId } = ids;
  const rows: BatchItem<'sqlite'>[] = [];
  if (sections.has('phones')) {
    rows.push(db.delete(t.phones).where(eq(t.phones.serviceId, serviceId)));
    for (const phone of input.phones)
      rows.push(
        db.insert(t.phones).values({
          id: crypto.randomUUID(),
          serviceId,
          locationId,
          number: phone.number,
          type: phone.type,
        }),
      );
  }
  if (sections.has('languages')) {
    rows.push(db.delete(t.languages).where(eq(t.languages.serviceId, serviceId)));
    for (const code of input.languages)
      rows.push(
        db
          .insert(t.languages)
          .values({ id: crypto.randomUUID(), serviceId, code, name: englishLanguageName(code) }),
      );
  }
  if (sections.has('cost')) {
    rows.push(db.delete(t.costOptions).where(eq(t.costOptions.serviceId, serviceId)));
    if (input.free)
      rows.push(
        db
          .insert(t.costOptions)
          .values({ id: crypto.randomUUID(), serviceId, option: 'Free', amount: 0 }),
      );
    else if (input.costDescription) {
      rows.push(
        db.insert(t.costOptions).values({
          id: crypto.randomUUID(),
          serviceId,
          option: input.costDescription,
          amountDescription: input.costDescription,
        }),
      );
    }
  }
  if (sections.has('documents')) {
    rows.push(db.delete(t.requiredDocuments).where(eq(t.requiredDocuments.serviceId, serviceId)));
    for (const document of input.documents)
      rows.push(
        db.insert(t.requiredDocuments).values({ id: crypto.randomUUID(), serviceId, document }),
      );
  }
  if (sections.has('categories')) {
    rows.push(db.delete(t.attributes).where(eq(t.attributes.linkId, serviceId)));
    for (const code of input.categories) {
      const termId = termIds.get(code);
      if (termId)
        rows.push(
          db.insert(t.attributes).values({
            id: crypto.randomUUID(),
            linkId: serviceId,
            taxonomyTermId: termId,
            linkType: 'service',
            linkEntity: 'service',
          }),
        );
    }
  }
  return rows;
};

/** This service's hours at a place: deleted, then written again. */
const hoursRows = (
  db: Database,
  serviceId: string,
  place: ResourcePlace,
  record: { locationId: string; serviceAtLocationId: string },
): BatchItem<'sqlite'>[] => [
  db
    .delete(t.schedules)
    .where(
      and(eq(t.schedules.serviceId, serviceId), eq(t.schedules.locationId, record.locationId)),
    ),
  ...weeklyRules(place).map((rule) =>
    db.insert(t.schedules).values({
      id: crypto.randomUUID(),
      serviceId,
      locationId: record.locationId,
      serviceAtLocationId: record.serviceAtLocationId,
      freq: 'WEEKLY',
      wkst: 'MO',
      ...rule,
    }),
  ),
];

/** A new place of the service: its location, the link, its address and this service's hours there. */
const newPlaceRows = (
  db: Database,
  serviceId: string,
  organizationId: string,
  place: ResourcePlace,
): { locationId: string; rows: BatchItem<'sqlite'>[] } => {
  const record = { locationId: crypto.randomUUID(), serviceAtLocationId: crypto.randomUUID() };
  const rows: BatchItem<'sqlite'>[] = [
    db
      .insert(t.locations)
      .values({ id: record.locationId, organizationId, ...locationColumns(place) }),
    db
      .insert(t.serviceAtLocation)
      .values({ id: record.serviceAtLocationId, serviceId, locationId: record.locationId }),
  ];
  if (place.street)
    rows.push(
      db.insert(t.addresses).values({
        id: crypto.randomUUID(),
        locationId: record.locationId,
        ...addressColumns(place),
      }),
    );
  if (place.hours.length > 0) rows.push(...hoursRows(db, serviceId, place, record).slice(1));
  return { locationId: record.locationId, rows };
};

/**
 * A saved place edited: only what changed is written. The place is every service's there, so
 * each other one gets a log row naming the place's fields that changed.
 */
const savedPlaceRows = async (
  db: Database,
  serviceId: string,
  record: PlaceRecord,
  before: ResourcePlace,
  after: ResourcePlace,
  actor: ChangeActor,
  now: Date,
): Promise<BatchItem<'sqlite'>[]> => {
  const rows: BatchItem<'sqlite'>[] = [];
  const { locationId } = record;
  const placeFields = PLACE_FIELDS.filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (placeFields.length > 0) {
    rows.push(
      db.update(t.locations).set(locationColumns(after)).where(eq(t.locations.id, locationId)),
    );
    const others = await db
      .selectDistinct({ serviceId: t.serviceAtLocation.serviceId })
      .from(t.serviceAtLocation)
      .where(
        and(
          eq(t.serviceAtLocation.locationId, locationId),
          ne(t.serviceAtLocation.serviceId, serviceId),
        ),
      )
      .all();
    for (const other of others)
      rows.push(resourceChangeRow(db, other.serviceId, actor, 'edited', placeFields, now));
    if (!after.street)
      rows.push(db.delete(t.addresses).where(eq(t.addresses.locationId, locationId)));
    else if (record.addressId)
      rows.push(
        db
          .update(t.addresses)
          .set(addressColumns(after))
          .where(eq(t.addresses.id, record.addressId)),
      );
    else
      rows.push(
        db
          .insert(t.addresses)
          .values({ id: crypto.randomUUID(), locationId, ...addressColumns(after) }),
      );
  }
  if (JSON.stringify(before.hours) !== JSON.stringify(after.hours))
    rows.push(...hoursRows(db, serviceId, after, record));
  return rows;
};

/**
 * A place removed from the service: the link and this service's hours there go. The place itself
 * stays with its organization, for any other service there (and its history).
 */
const removedPlaceRows = (
  db: Database,
  serviceId: string,
  record: PlaceRecord,
): BatchItem<'sqlite'>[] => [
  db
    .delete(t.schedules)
    .where(
      and(eq(t.schedules.serviceId, serviceId), eq(t.schedules.locationId, record.locationId)),
    ),
  db.delete(t.serviceAtLocation).where(eq(t.serviceAtLocation.id, record.serviceAtLocationId)),
];

/** The rows of the places after the first: each saved one edited or removed, then the new ones. */
const otherPlacesRows = async (
  db: Database,
  current: EditableResource,
  input: ResourceInput,
  organizationId: string,
  actor: ChangeActor,
  now: Date,
): Promise<BatchItem<'sqlite'>[]> => {
  const saved = current.input.otherPlaces ?? [];
  const rows: BatchItem<'sqlite'>[] = [];
  for (const [i, place] of (input.otherPlaces ?? saved).entries()) {
    const record = current.otherPlaceRecords[i];
    const before = saved[i];
    if (!record || !before) {
      if (place) rows.push(...newPlaceRows(db, current.id, organizationId, place).rows);
    } else if (place === null) rows.push(...removedPlaceRows(db, current.id, record));
    else rows.push(...(await savedPlaceRows(db, current.id, record, before, place, actor, now)));
  }
  return rows;
};

const termIdsFor = async (db: Database, codes: string[]): Promise<Map<string, string>> =>
  codes.length === 0
    ? new Map()
    : new Map(
        (
          await db
            .select({ id: t.taxonomyTerms.id, code: t.taxonomyTerms.code })
            .from(t.taxonomyTerms)
            .where(inArray(t.taxonomyTerms.code, codes))
            .all()
        ).map((row) => [row.code!, row.id]),
      );

/** A "new" organization that already exists by that exact name is that one: no twin is made. */
const withKnownOrganization = async (
  db: Database,
  input: ResourceInput,
): Promise<ResourceInput> => {
  if (input.organizationId) return input;
  const known = await db
    .select({ id: t.organizations.id })
    .from(t.organizations)
    .where(eq(t.organizations.name, input.organizationName))
    .get();
  return known ? { ...input, organizationId: known.id } : input;
};

/** A new organization's row when the form named one, and the id the service points to. */
const organizationFor = (
  db: Database,
  input: ResourceInput,
): { id: string; rows: BatchItem<'sqlite'>[] } => {
  if (input.organizationId) return { id: input.organizationId, rows: [] };
  const id = crypto.randomUUID();
  return {
    id,
    rows: [
      db
        .insert(t.organizations)
        .values({ id, name: input.organizationName, contentLanguage: input.contentLanguage }),
    ],
  };
};

const runBatch = async (db: Database, rows: BatchItem<'sqlite'>[]) => {
  const [first, ...rest] = rows;
  await db.batch([first!, ...rest]);
};

/** A readable address for a new service, unique like the import makes them. */
const freeSlug = async (db: Database, name: string, id: string): Promise<string> => {
  const slug = serviceSlug(name);
  const taken = await db
    .select({ id: t.services.id })
    .from(t.services)
    .where(eq(t.services.slug, slug))
    .get();
  return taken ? `${slug}-${id.slice(0, 8)}` : slug;
};

/** Creates a resource: organization (if new), service, its places, and everything it lists. Returns its id and slug. */
export const createResource = async (
  db: Database,
  typed: ResourceInput,
  actor: ChangeActor,
  now: Date,
  formKey: string | null = null,
): Promise<{ id: string; slug: string }> => {
  const known = await withKnownOrganization(db, typed);
  // A new resource has no saved place to remove.
  const input = { ...known, otherPlaces: (known.otherPlaces ?? []).filter((p) => p !== null) };
  const serviceId = crypto.randomUUID();
  const slug = await freeSlug(db, input.name, serviceId);
  const organization = organizationFor(db, input);
  const fields = changedResourceFields(EMPTY_RESOURCE, input);
  const placed = newPlaceRows(db, serviceId, organization.id, firstPlace(input));
  const ids: Ids = { serviceId, locationId: placed.locationId };
  const rows: BatchItem<'sqlite'>[] = [
    ...organization.rows,
    db.insert(t.services).values({
      id: ids.serviceId,
      slug,
      status: 'active',
      ...serviceColumns(input, organization.id, now),
    }),
    ...placed.rows,
    ...input.otherPlaces.flatMap(
      (place) => newPlaceRows(db, serviceId, organization.id, place).rows,
    ),
  ];
  rows.push(...listRows(db, input, ids, new Set(fields), await termIdsFor(db, input.categories)));
  rows.push(resourceChangeRow(db, ids.serviceId, actor, 'created', fields, now));
  // A second press of "Save" with the same form key answers with the first press's resource.
  const [first, ...rest] = rows;
  const made = await createOnce(
    db,
    actor.userId ? { userId: actor.userId, kind: 'resource', key: formKey } : undefined,
    ids.serviceId,
    [first!, ...rest],
    now,
  );
  if (made.created) return { id: ids.serviceId, slug };
  const earlier = await db
    .select({ slug: t.services.slug })
    .from(t.services)
    .where(eq(t.services.id, made.id))
    .get();
  return { id: made.id, slug: earlier?.slug ?? made.id };
};

/**
 * Saves an edit: only what changed is written (lists the form does not show in full, such as a
 * phone's description, survive when untouched). Returns the names of the changed fields; none
 * changed writes nothing, not even a log row. With `version` (resourceVersion when the edit
 * began), a save made by someone else in the meantime makes it throw ResourceChangedMeanwhile
 * and write nothing: the check is part of the save's batch.
 */
export const updateResource = async (
  db: Database,
  current: EditableResource,
  typed: ResourceInput,
  actor: ChangeActor,
  now: Date,
  version?: string,
): Promise<ResourceField[]> => {
  const input = withAllUnshownOpenings(current.input, await withKnownOrganization(db, typed));
  const fields = changedResourceFields(current.input, input);
  if (fields.length === 0) return fields;
  const changed = new Set(fields);
  const organization = organizationFor(db, input);
  // The log row goes first: at a version, it is the check that stops the batch.
  const rows: BatchItem<'sqlite'>[] = [
    resourceChangeRow(db, current.id, actor, 'edited', fields, now, version),
    ...organization.rows,
    db
      .update(t.services)
      .set(serviceColumns(input, organization.id, now))
      .where(eq(t.services.id, current.id)),
  ];
  let locationId = current.locationId;
  if (!locationId || !current.serviceAtLocationId) {
    const first = newPlaceRows(db, current.id, organization.id, firstPlace(input));
    locationId = first.locationId;
    rows.push(...first.rows);
  } else
    rows.push(
      ...(await savedPlaceRows(
        db,
        current.id,
        {
          locationId,
          serviceAtLocationId: current.serviceAtLocationId,
          addressId: current.addressId,
          sharedPlaceCount: current.sharedPlaceCount,
        },
        firstPlace(current.input),
        firstPlace(input),
        actor,
        now,
      )),
    );
  if (changed.has('otherPlaces'))
    rows.push(...(await otherPlacesRows(db, current, input, organization.id, actor, now)));
  rows.push(
    ...listRows(
      db,
      input,
      { serviceId: current.id, locationId },
      changed,
      await termIdsFor(db, input.categories),
    ),
  );
  try {
    await runBatch(db, rows);
  } catch (error) {
    if (version !== undefined && (await resourceVersion(db, current.id)) !== version)
      throw new ResourceChangedMeanwhile();
    throw error;
  }
  return fields;
};
