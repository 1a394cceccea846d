import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../core/database';
import { inBatch, preparedPerDatabase } from '../core/prepared';
import { WEEKDAYS, isRuleOpen, localTimeIn, ruleHasDay, type WeeklyRule } from './hours';
import type { ResourceDetail, ResourceHours, ResourcePlace } from './types';
import * as t from '../schema';

/** Every opening interval of the week, day by day (MO first), for one place. */
const weekOf = (rules: WeeklyRule[]): ResourceHours[] =>
  WEEKDAYS.flatMap((weekday) =>
    rules
      .filter((rule) => ruleHasDay(rule.byday, weekday))
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt))
      .map((rule) => ({
        weekday,
        opensAt: rule.opensAt.slice(0, 5),
        closesAt: rule.closesAt.slice(0, 5),
      })),
  );

// The page's reads by service, prepared once: drizzle built these nine statements anew on every
// request. (The places' reads below take a list of ids, whose length varies: built each time.)
// No query here joins tables whose columns share names: D1 returns rows by column name, and
// same-named columns (id, name, description…) would overwrite each other.
const idParam = () => sql.placeholder('id');
const serviceByIdOrSlug = preparedPerDatabase((db) =>
  db
    .select()
    .from(t.services)
    .where(
      and(
        or(
          eq(t.services.id, sql.placeholder('idOrSlug')),
          eq(t.services.slug, sql.placeholder('idOrSlug')),
        ),
        eq(t.services.status, 'active'),
      ),
    )
    .prepare(),
);
const organizationById = preparedPerDatabase((db) =>
  db.select().from(t.organizations).where(eq(t.organizations.id, idParam())).prepare(),
);
const categoriesOf = preparedPerDatabase((db) =>
  db
    .select({ code: t.taxonomyTerms.code })
    .from(t.attributes)
    .innerJoin(t.taxonomyTerms, eq(t.taxonomyTerms.id, t.attributes.taxonomyTermId))
    .where(eq(t.attributes.linkId, idParam()))
    // Stored order, as before the search indexes (0013, 0015) widened the ones these reads use.
    .orderBy(sql`${t.attributes}.rowid`)
    .prepare(),
);
const languagesOf = preparedPerDatabase((db) =>
  db
    .selectDistinct({ code: t.languages.code })
    .from(t.languages)
    .where(eq(t.languages.serviceId, idParam()))
    .orderBy(asc(t.languages.code))
    .prepare(),
);
const phonesOf = preparedPerDatabase((db) =>
  db
    .select()
    .from(t.phones)
    .where(eq(t.phones.serviceId, idParam()))
    .orderBy(asc(t.phones.id))
    .prepare(),
);
const costsOf = preparedPerDatabase((db) =>
  db
    .select()
    .from(t.costOptions)
    .where(eq(t.costOptions.serviceId, idParam()))
    .orderBy(asc(t.costOptions.id))
    .prepare(),
);
const documentsOf = preparedPerDatabase((db) =>
  db
    .select()
    .from(t.requiredDocuments)
    .where(eq(t.requiredDocuments.serviceId, idParam()))
    .orderBy(asc(t.requiredDocuments.id))
    .prepare(),
);
const linksOf = preparedPerDatabase((db) =>
  db
    .select()
    .from(t.serviceAtLocation)
    .where(eq(t.serviceAtLocation.serviceId, idParam()))
    .orderBy(asc(t.serviceAtLocation.id))
    .prepare(),
);
const schedulesOf = preparedPerDatabase((db) =>
  db
    .select()
    .from(t.schedules)
    .where(eq(t.schedules.serviceId, idParam()))
    .orderBy(sql`rowid`)
    .prepare(),
);

/**
 * One active service with everything its page shows, by id or slug; null when there is none.
 * A confidential place comes back without its address, transit notes or name: they never
 * leave this function. `now` decides "open now" and "today" in each place's time zone.
 */
export const getResource = async (
  db: Database,
  idOrSlug: string,
  now: Date,
): Promise<ResourceDetail | null> => {
  const service = await serviceByIdOrSlug(db).get({ idOrSlug });
  if (!service) return null;
  const id = service.id;

  const [organization, categories, languages, phones, costs, documents, links, schedules] =
    await db.batch([
      inBatch(organizationById(db), { id: service.organizationId }),
      inBatch(categoriesOf(db), { id }),
      inBatch(languagesOf(db), { id }),
      inBatch(phonesOf(db), { id }),
      inBatch(costsOf(db), { id }),
      inBatch(documentsOf(db), { id }),
      inBatch(linksOf(db), { id }),
      inBatch(schedulesOf(db), { id }),
    ]);

  const locationIds = [...new Set(links.map((link) => link.locationId))];
  const [locationRows, addressRows, access] = locationIds.length
    ? await db.batch([
        db.select().from(t.locations).where(inArray(t.locations.id, locationIds)),
        db
          .select()
          .from(t.addresses)
          .where(inArray(t.addresses.locationId, locationIds))
          .orderBy(asc(t.addresses.id)),
        db
          .select()
          .from(t.accessibility)
          .where(inArray(t.accessibility.locationId, locationIds))
          .orderBy(asc(t.accessibility.id)),
      ])
    : [[], [], []];
  const places = links.flatMap((sal) => {
    const location = locationRows.find((l) => l.id === sal.locationId);
    return location
      ? [{ sal, location, address: addressRows.find((a) => a.locationId === location.id) ?? null }]
      : [];
  });

  const seen = new Set<string>();
  let openNow = false;
  const resourcePlaces: ResourcePlace[] = [];
  for (const { location, address } of places) {
    if (seen.has(location.id)) continue;
    seen.add(location.id);
    const rules: WeeklyRule[] = schedules
      .filter((s) => s.opensAt && s.closesAt)
      .filter((s) => s.locationId === location.id)
      .map((s) => ({ byday: s.byday, opensAt: s.opensAt!, closesAt: s.closesAt! }));
    const at = localTimeIn(location.timeZone, now);
    if (rules.some((rule) => isRuleOpen(rule, at))) openNow = true;
    const confidential = location.confidentialLocation;
    const online = location.locationType === 'virtual';
    resourcePlaces.push({
      online,
      confidential,
      name: confidential || online ? null : location.name,
      address:
        confidential || !address
          ? null
          : {
              street: address.address1,
              street2: address.address2,
              city: address.city,
              province: address.stateProvince,
              postalCode: address.postalCode,
            },
      city: address?.city ?? null,
      transportation: confidential ? null : location.transportation,
      accessibility: access
        .filter((a) => a.locationId === location.id && a.description)
        .map((a) => a.description!),
      timeZone: location.timeZone,
      today: at.weekday,
      hours: weekOf(rules),
    });
  }

  return {
    id,
    slug: service.slug,
    name: service.name,
    alternateName: service.alternateName,
    description: service.description,
    contentLanguage: service.contentLanguage,
    organizationName: organization[0]?.name ?? '',
    organizationLanguage: organization[0]?.contentLanguage ?? 'en',
    url: service.url,
    email: service.email,
    categories: categories.map((c) => c.code ?? '').filter(Boolean),
    eligibility: service.eligibilityDescription,
    minimumAge: service.minimumAge,
    maximumAge: service.maximumAge,
    applicationProcess: service.applicationProcess,
    documents: documents.map((d) => d.document ?? '').filter(Boolean),
    phones: phones.map((p) => ({ number: p.number, type: p.type, description: p.description })),
    places: resourcePlaces,
    languages: languages.map((l) => l.code ?? '').filter(Boolean),
    costs: costs.map((c) => ({
      option: c.option,
      amount: c.amount,
      currency: c.currency,
      description: c.amountDescription,
    })),
    free: costs.length > 0 && costs.every((c) => c.amount === 0),
    openNow,
    walkIn: service.walkIn,
    traumaInformed: service.traumaInformed,
    survivorLed: service.survivorLed,
    verifiedAt: service.verifiedAt,
    verifiedByRole: service.verifiedByRole,
  };
};
