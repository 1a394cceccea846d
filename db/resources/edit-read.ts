import { and, asc, count, desc, eq, ne, or } from 'drizzle-orm';
import type { Database } from '../core/database';
import type { EditableResource, PhoneType, ResourceDayHours } from './edit-types';
import { PHONE_TYPES } from './edit-types';
import { WEEKDAYS, ruleHasDay } from './hours';
import * as t from '../schema';

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

/**
 * One service (any status, by id or slug) as its edit form shows it; null when there is none.
 * Its first place is the one the form edits.
 */
export const getEditableResource = async (
  db: Database,
  idOrSlug: string,
): Promise<EditableResource | null> => {
  const service = await db
    .select()
    .from(t.services)
    .where(or(eq(t.services.id, idOrSlug), eq(t.services.slug, idOrSlug)))
    .get();
  if (!service) return null;
  const id = service.id;
  const [organization, terms, languages, phones, costs, documents, links] = await db.batch([
    db
      .select({ name: t.organizations.name })
      .from(t.organizations)
      .where(eq(t.organizations.id, service.organizationId)),
    db
      .select({ code: t.taxonomyTerms.code })
      .from(t.attributes)
      .innerJoin(t.taxonomyTerms, eq(t.taxonomyTerms.id, t.attributes.taxonomyTermId))
      .where(eq(t.attributes.linkId, id)),
    db
      .selectDistinct({ code: t.languages.code })
      .from(t.languages)
      .where(eq(t.languages.serviceId, id)),
    db.select().from(t.phones).where(eq(t.phones.serviceId, id)).orderBy(asc(t.phones.id)),
    db
      .select()
      .from(t.costOptions)
      .where(eq(t.costOptions.serviceId, id))
      .orderBy(asc(t.costOptions.id)),
    db
      .select()
      .from(t.requiredDocuments)
      .where(eq(t.requiredDocuments.serviceId, id))
      .orderBy(asc(t.requiredDocuments.id)),
    db
      .select()
      .from(t.serviceAtLocation)
      .where(eq(t.serviceAtLocation.serviceId, id))
      .orderBy(asc(t.serviceAtLocation.id))
      .limit(1),
  ]);
  const sal = links[0] ?? null;
  const [locationRows, addressRows, schedules, sharing] = sal
    ? await db.batch([
        db.select().from(t.locations).where(eq(t.locations.id, sal.locationId)),
        db
          .select()
          .from(t.addresses)
          .where(eq(t.addresses.locationId, sal.locationId))
          .orderBy(asc(t.addresses.id))
          .limit(1),
        db
          .select({
            byday: t.schedules.byday,
            opensAt: t.schedules.opensAt,
            closesAt: t.schedules.closesAt,
          })
          .from(t.schedules)
          .where(and(eq(t.schedules.serviceId, id), eq(t.schedules.locationId, sal.locationId))),
        db
          .select({ n: count() })
          .from(t.serviceAtLocation)
          .where(
            and(
              eq(t.serviceAtLocation.locationId, sal.locationId),
              ne(t.serviceAtLocation.serviceId, id),
            ),
          ),
      ])
    : [[], [], [], [{ n: 0 }]];
  const location = locationRows[0] ?? null;
  const address = addressRows[0] ?? null;
  const free = costs.length > 0 && costs.every((cost) => cost.amount === 0);
  return {
    id,
    slug: service.slug,
    locationId: location?.id ?? null,
    serviceAtLocationId: sal?.id ?? null,
    addressId: address?.id ?? null,
    sharedPlaceCount: sharing[0]?.n ?? 0,
    input: {
      organizationId: service.organizationId,
      organizationName: organization[0]?.name ?? '',
      name: service.name,
      description: service.description ?? '',
      contentLanguage: service.contentLanguage,
      eligibility: service.eligibilityDescription ?? '',
      documents: documents.map((d) => d.document ?? '').filter(Boolean),
      free,
      costDescription: free
        ? ''
        : (service.feesDescription ?? costs[0]?.amountDescription ?? costs[0]?.option ?? ''),
      categories: terms
        .map((term) => term.code ?? '')
        .filter(Boolean)
        .sort(),
      languages: languages
        .map((l) => l.code ?? '')
        .filter(Boolean)
        .sort(),
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
      phones: phones.map((p) => ({
        number: p.number,
        type: (PHONE_TYPES as readonly string[]).includes(p.type ?? '')
          ? (p.type as PhoneType)
          : 'voice',
      })),
      hours: dayHours(schedules),
      walkIn: service.walkIn,
      traumaInformed: service.traumaInformed,
      survivorLed: service.survivorLed,
      url: service.url ?? '',
      email: service.email ?? '',
    },
  };
};
