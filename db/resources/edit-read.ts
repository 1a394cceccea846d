import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import type { Database } from '../core/database';
import type {
  EditableResource,
  PhoneType,
  PlaceRecord,
  ResourceDayHours,
  ResourcePlace,
} from './edit-types';
import { PHONE_TYPES } from './edit-types';
import { WEEKDAYS, ruleHasDay } from './hours';
import * as t from '../schema';
import { loadServiceRows, type ServiceRows } from './service-rows';

/** Organizations to pick from in the form, by name. */
export const listOrganizationChoices = async (
  db: Database,
): Promise<{ id: string; name: string }[]> =>
  db
    .select({ id: t.organizations.id, name: t.organizations.name })
    .from(t.organizations)
    .orderBy(asc(t.organizations.name))
    .all();

/** The zone most places in the directory use: the form's default for a new one. */
export const usualTimeZone = async (db: Database): Promise<string> => {
  const row = await db
    .select({ zone: t.locations.timeZone, n: count() })
    .from(t.locations)
    .where(ne(t.locations.timeZone, 'UTC'))
    .groupBy(t.locations.timeZone)
    .orderBy(desc(count()))
    .limit(1)
    .get();
  return row?.zone ?? 'UTC';
};

/** Every opening of each day, Monday first, then by opening time (an imported rule may repeat one). */
const dayHours = (
  rules: { byday: string | null; opensAt: string | null; closesAt: string | null }[],
): ResourceDayHours[] =>
  WEEKDAYS.flatMap((day) => {
    const openings = rules
      .filter((rule) => rule.opensAt && rule.closesAt && ruleHasDay(rule.byday, day))
      .map((rule) => ({
        day,
        opensAt: rule.opensAt!.slice(0, 5),
        closesAt: rule.closesAt!.slice(0, 5),
      }))
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt) || a.closesAt.localeCompare(b.closesAt));
    return openings.filter(
      (o, i) =>
        i === 0 ||
        o.opensAt !== openings[i - 1]!.opensAt ||
        o.closesAt !== openings[i - 1]!.closesAt,
    );
  });

type Place = ServiceRows['places'][number];

/** One place as the form shows it: the address, the position, and this service's hours there. */
const placeInput = (rows: ServiceRows, place: Place | null): ResourcePlace => {
  const location = place?.location ?? null;
  const address = place?.address ?? null;
  return {
    street: address?.address1 ?? '',
    city: address?.city ?? '',
    postalCode: address?.postalCode ?? '',
    region: address?.stateProvince ?? '',
    country: address?.country ?? '',
    latitude: location?.latitude ?? null,
    longitude: location?.longitude ?? null,
    timeZone: location?.timeZone ?? 'UTC',
    transportation: location?.transportation ?? '',
    confidential: location?.confidentialLocation ?? false,
    hours: location ? dayHours(rows.schedules.filter((s) => s.locationId === location.id)) : [],
  };
};

/** The place's records, and how many other services share it. */
const placeRecord = async (db: Database, serviceId: string, place: Place): Promise<PlaceRecord> => {
  const sharing = await db
    .select({ n: count() })
    .from(t.serviceAtLocation)
    .where(
      and(
        eq(t.serviceAtLocation.locationId, place.location.id),
        ne(t.serviceAtLocation.serviceId, serviceId),
      ),
    )
    .get();
  return {
    locationId: place.location.id,
    serviceAtLocationId: place.sal.id,
    addressId: place.address?.id ?? null,
    sharedPlaceCount: sharing?.n ?? 0,
  };
};

/**
 * One service (any status, by id or slug) as its edit form shows it; null when there is none.
 * Read by `loadServiceRows`, the reader the public page shares. Every place is in it: the first
 * spread in the input, the others in `otherPlaces`.
 */
export const getEditableResource = async (
  db: Database,
  idOrSlug: string,
): Promise<EditableResource | null> => {
  const rows = await loadServiceRows(db, idOrSlug, { activeOnly: false });
  if (!rows) return null;
  const { service, costs } = rows;
  const id = service.id;
  const [first, ...others] = rows.places;
  const records = await Promise.all(rows.places.map((place) => placeRecord(db, id, place)));
  const free = costs.length > 0 && costs.every((cost) => cost.amount === 0);
  return {
    id,
    slug: service.slug,
    locationId: records[0]?.locationId ?? null,
    serviceAtLocationId: records[0]?.serviceAtLocationId ?? null,
    addressId: records[0]?.addressId ?? null,
    sharedPlaceCount: records[0]?.sharedPlaceCount ?? 0,
    otherPlaceRecords: records.slice(1),
    input: {
      organizationId: service.organizationId,
      organizationName: rows.organization?.name ?? '',
      name: service.name,
      description: service.description ?? '',
      contentLanguage: service.contentLanguage,
      eligibility: service.eligibilityDescription ?? '',
      documents: rows.documents,
      free,
      costDescription: free
        ? ''
        : (service.feesDescription ?? costs[0]?.amountDescription ?? costs[0]?.option ?? ''),
      categories: [...rows.categories].sort(),
      languages: [...rows.languages].sort(),
      ...placeInput(rows, first ?? null),
      otherPlaces: others.map((place) => placeInput(rows, place)),
      phones: rows.phones.map((p) => ({
        number: p.number,
        type: (PHONE_TYPES as readonly string[]).includes(p.type ?? '')
          ? (p.type as PhoneType)
          : 'voice',
      })),
      walkIn: service.walkIn,
      traumaInformed: service.traumaInformed,
      survivorLed: service.survivorLed,
      url: service.url ?? '',
      email: service.email ?? '',
    },
  };
};
