import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../core/database';
import { havrebourg } from './resources-havrebourg';
import { marrowby } from './resources-marrowby';
import { online } from './resources-online';
import { quillhaven } from './resources-quillhaven';
import { DEMO_CITIES, type DemoOrganization, type DemoService } from './resources-types';
import { parseWeeklyHours } from '../resources/hours';
import * as t from '../schema';
import type { Seeder } from './seed';

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  ...havrebourg,
  ...quillhaven,
  ...marrowby,
  ...online,
];

/** A stable UUID (version 8, name-based) for a demo record, so every seed makes the same ids. */
export const demoId = (name: string): string => {
  const hex = encodeHexLowerCase(sha256(new TextEncoder().encode(`hearth-demo:${name}`)))
    .slice(0, 32)
    .split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const KM_PER_DEGREE = 111.2;
const englishLanguageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The rows of one demo service and, the first time they are seen, its organization's location. */
const serviceRows = (
  db: Database,
  org: DemoOrganization,
  s: DemoService,
  termIds: Map<string, string>,
  seenLocations: Set<string>,
  now: Date,
): BatchItem<'sqlite'>[] => {
  const rows: BatchItem<'sqlite'>[] = [];
  const serviceId = demoId(`service:${s.slug}`);
  const isOnline = s.city === 'online';
  const city = isOnline ? undefined : DEMO_CITIES[s.city as keyof typeof DEMO_CITIES];
  const locationId = demoId(`location:${org.key}:${s.street ?? (isOnline ? s.timeZone : s.slug)}`);
  const salId = demoId(`sal:${s.slug}`);
  rows.push(
    db.insert(t.services).values({
      id: serviceId,
      organizationId: demoId(`org:${org.key}`),
      name: s.name,
      alternateName: s.alternateName ?? null,
      description: s.description,
      url: s.url ?? null,
      status: 'active',
      applicationProcess: s.applicationProcess ?? null,
      eligibilityDescription: s.eligibility ?? null,
      minimumAge: s.minimumAge ?? null,
      maximumAge: s.maximumAge ?? null,
      feesDescription: s.cost === 'free' ? null : (s.cost.description ?? null),
      lastModified: now,
      slug: s.slug,
      contentLanguage: s.contentLanguage ?? 'en',
      traumaInformed: s.traumaInformed ?? false,
      survivorLed: s.survivorLed ?? false,
      walkIn: s.walkIn ?? false,
      verifiedAt:
        s.verifiedDaysAgo === undefined
          ? null
          : new Date(now.getTime() - s.verifiedDaysAgo * 86_400_000),
      verifiedByRole: s.verifiedDaysAgo === undefined ? null : 'moderator',
    }),
  );
  if (!seenLocations.has(locationId)) {
    seenLocations.add(locationId);
    const [east, north] = s.confidential ? [0, 0] : (s.offsetKm ?? [0, 0]);
    rows.push(
      db.insert(t.locations).values({
        id: locationId,
        locationType: isOnline ? 'virtual' : 'physical',
        organizationId: demoId(`org:${org.key}`),
        name: isOnline ? null : org.name,
        transportation: s.transportation ?? null,
        // A confidential place keeps only its city's centre: even distances must not reveal it.
        latitude: city ? city.latitude + north / KM_PER_DEGREE : null,
        longitude: city
          ? city.longitude + east / (KM_PER_DEGREE * Math.cos((city.latitude * Math.PI) / 180))
          : null,
        confidentialLocation: s.confidential ?? false,
        timeZone: city?.timeZone ?? s.timeZone ?? 'UTC',
        url: s.url ?? null,
      }),
    );
    if (city) {
      rows.push(
        db.insert(t.addresses).values({
          id: demoId(`address:${locationId}`),
          locationId,
          // The street of a confidential demo place exists only so tests can prove it never leaks.
          address1: s.street ?? `${s.slug.length} Hidden Courtyard`,
          city: city.name,
          stateProvince: city.province,
          postalCode: `${city.postalPrefix} ${s.slug.length % 10}A${s.name.length % 10}`,
          country: 'CA',
          addressType: 'physical',
        }),
      );
    }
    for (const [i, text] of (s.accessibility ?? []).entries()) {
      rows.push(
        db
          .insert(t.accessibility)
          .values({ id: demoId(`access:${locationId}:${i}`), locationId, description: text }),
      );
    }
  }
  rows.push(db.insert(t.serviceAtLocation).values({ id: salId, serviceId, locationId }));
  for (const [i, phone] of s.phones.entries()) {
    rows.push(
      db.insert(t.phones).values({
        id: demoId(`phone:${s.slug}:${i}`),
        serviceId,
        locationId,
        number: phone.number,
        type: phone.type ?? 'voice',
        description: phone.description ?? null,
      }),
    );
  }
  for (const [i, rule] of parseWeeklyHours(s.hours).entries()) {
    rows.push(
      db.insert(t.schedules).values({
        id: demoId(`schedule:${s.slug}:${i}`),
        serviceId,
        locationId,
        serviceAtLocationId: salId,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: rule.byday,
        opensAt: rule.opensAt,
        closesAt: rule.closesAt,
      }),
    );
  }
  for (const code of s.languages) {
    rows.push(
      db.insert(t.languages).values({
        id: demoId(`language:${s.slug}:${code}`),
        serviceId,
        code,
        name: englishLanguageNames.of(code) ?? code,
      }),
    );
  }
  rows.push(
    db.insert(t.costOptions).values({
      id: demoId(`cost:${s.slug}`),
      serviceId,
      option: s.cost === 'free' ? 'Free' : s.cost.option,
      currency: 'CAD',
      amount: s.cost === 'free' ? 0 : (s.cost.amount ?? null),
      amountDescription: s.cost === 'free' ? null : (s.cost.description ?? null),
    }),
  );
  for (const [i, document] of (s.documents ?? []).entries()) {
    rows.push(
      db
        .insert(t.requiredDocuments)
        .values({ id: demoId(`document:${s.slug}:${i}`), serviceId, document }),
    );
  }
  for (const code of s.categories) {
    rows.push(
      db.insert(t.attributes).values({
        id: demoId(`attribute:${s.slug}:${code}`),
        linkId: serviceId,
        taxonomyTermId: termIds.get(code)!,
        linkType: 'service',
        linkEntity: 'service',
      }),
    );
  }
  return rows;
};

/** Adds the demo directory: organizations, services, places, hours, languages and costs. */
export const seedDemoResources = async (db: Database, now: Date): Promise<void> => {
  const terms = await db
    .select({ id: t.taxonomyTerms.id, code: t.taxonomyTerms.code })
    .from(t.taxonomyTerms)
    .all();
  const termIds = new Map(terms.map((term) => [term.code ?? '', term.id]));
  const seenLocations = new Set<string>();
  const rows: BatchItem<'sqlite'>[] = [];
  for (const org of DEMO_ORGANIZATIONS) {
    rows.push(
      db.insert(t.organizations).values({
        id: demoId(`org:${org.key}`),
        name: org.name,
        alternateName: org.alternateName ?? null,
        description: org.description,
        contentLanguage: org.contentLanguage ?? 'en',
      }),
    );
    // Locations first: services refer to them through service_at_location.
    for (const service of org.services)
      rows.push(...serviceRows(db, org, service, termIds, seenLocations, now));
  }
  // One statement per row, all in one batch: D1 caps bound parameters per statement, and a
  // batch is atomic on both drivers.
  const [first, ...rest] = rows;
  await db.batch([first!, ...rest]);
};

export const resourcesSeeder: Seeder = { area: 'resources', run: seedDemoResources };
