import type { Database } from '../core/database';
import { WEEKDAYS, isRuleOpen, localTimeIn, ruleHasDay, type WeeklyRule } from './hours';
import type { ResourceDetail, ResourceHours, ResourcePlace } from './types';
import { loadServiceRows } from './service-rows';

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

/**
 * One active service with everything its page shows, by id or slug; null when there is none.
 * Read by `loadServiceRows`, the reader the edit form shares.
 * A confidential place comes back without its address, transit notes or name: they never
 * leave this function. `now` decides "open now" and "today" in each place's time zone.
 */
export const getResource = async (
  db: Database,
  idOrSlug: string,
  now: Date,
): Promise<ResourceDetail | null> => {
  const rows = await loadServiceRows(db, idOrSlug, { activeOnly: true });
  if (!rows) return null;
  const { service, organization, places, schedules, accessibility: access } = rows;

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
    id: service.id,
    slug: service.slug,
    name: service.name,
    alternateName: service.alternateName,
    description: service.description,
    contentLanguage: service.contentLanguage,
    organizationName: organization?.name ?? '',
    organizationLanguage: organization?.contentLanguage ?? 'en',
    url: service.url,
    email: service.email,
    categories: rows.categories,
    eligibility: service.eligibilityDescription,
    minimumAge: service.minimumAge,
    maximumAge: service.maximumAge,
    applicationProcess: service.applicationProcess,
    documents: rows.documents,
    phones: rows.phones.map((p) => ({
      number: p.number,
      type: p.type,
      description: p.description,
    })),
    places: resourcePlaces,
    languages: rows.languages,
    costs: rows.costs.map((c) => ({
      option: c.option,
      amount: c.amount,
      currency: c.currency,
      description: c.amountDescription,
    })),
    free: rows.costs.length > 0 && rows.costs.every((c) => c.amount === 0),
    openNow,
    walkIn: service.walkIn,
    traumaInformed: service.traumaInformed,
    survivorLed: service.survivorLed,
    verifiedAt: service.verifiedAt,
    verifiedByRole: service.verifiedByRole,
  };
};
