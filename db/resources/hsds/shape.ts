/**
 * Rows of the directory as HSDS 3.0 JSON objects. Platform columns stay out; empty values are
 * left out rather than sent as null (HSDS types them as strings and numbers). A confidential
 * location keeps only its id, type and time-free facts: no address, coordinates, name or
 * transit notes ever reach the API or an export.
 */
import type * as t from '../../schema';

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
type Json = Record<string, unknown>;

/** Drops null and undefined fields. */
export const compact = (object: Json): Json =>
  Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  );

const isoDate = (date: Date | null) => (date ? date.toISOString() : null);
/** HSDS times are "HH:MM:SS"; the platform also stores "HH:MM". */
const withSeconds = (time: string | null) =>
  time && /^\d\d:\d\d$/.test(time) ? `${time}:00` : time;

export const hsdsOrganization = (o: Row<typeof t.organizations>): Json =>
  compact({
    id: o.id,
    name: o.name,
    alternate_name: o.alternateName,
    description: o.description ?? '',
    email: o.email,
    website: o.website,
    tax_status: o.taxStatus,
    tax_id: o.taxId,
    year_incorporated: o.yearIncorporated,
    legal_status: o.legalStatus,
    logo: o.logo,
    uri: o.uri,
    parent_organization_id: o.parentOrganizationId,
  });

export const hsdsService = (s: Row<typeof t.services>): Json =>
  compact({
    id: s.id,
    organization_id: s.organizationId,
    program_id: s.programId,
    name: s.name,
    alternate_name: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    interpretation_services: s.interpretationServices,
    application_process: s.applicationProcess,
    fees_description: s.feesDescription,
    wait_time: s.waitTime,
    fees: s.fees,
    accreditations: s.accreditations,
    eligibility_description: s.eligibilityDescription,
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    assured_date: s.assuredDate,
    assurer_email: s.assurerEmail,
    licenses: s.licenses,
    alert: s.alert,
    last_modified: isoDate(s.lastModified),
  });

export const hsdsLocation = (l: Row<typeof t.locations>): Json =>
  l.confidentialLocation
    ? compact({
        id: l.id,
        location_type: l.locationType,
        organization_id: l.organizationId,
        description: l.description,
      })
    : compact({
        id: l.id,
        location_type: l.locationType,
        url: l.url,
        organization_id: l.organizationId,
        name: l.name,
        alternate_name: l.alternateName,
        description: l.description,
        transportation: l.transportation,
        latitude: l.latitude,
        longitude: l.longitude,
        external_identifier: l.externalIdentifier,
        external_identifier_type: l.externalIdentifierType,
      });

export const hsdsAddress = (a: Row<typeof t.addresses>): Json =>
  compact({
    id: a.id,
    location_id: a.locationId,
    attention: a.attention,
    address_1: a.address1,
    address_2: a.address2,
    city: a.city,
    region: a.region,
    state_province: a.stateProvince,
    postal_code: a.postalCode,
    country: a.country,
    address_type: a.addressType,
  });

export const hsdsServiceAtLocation = (s: Row<typeof t.serviceAtLocation>): Json =>
  compact({
    id: s.id,
    service_id: s.serviceId,
    location_id: s.locationId,
    description: s.description,
  });

export const hsdsPhone = (p: Row<typeof t.phones>): Json =>
  compact({
    id: p.id,
    location_id: p.locationId,
    service_id: p.serviceId,
    organization_id: p.organizationId,
    contact_id: p.contactId,
    service_at_location_id: p.serviceAtLocationId,
    number: p.number,
    extension: p.extension,
    type: p.type,
    description: p.description,
  });

export const hsdsSchedule = (s: Row<typeof t.schedules>): Json =>
  compact({
    id: s.id,
    service_id: s.serviceId,
    location_id: s.locationId,
    service_at_location_id: s.serviceAtLocationId,
    valid_from: s.validFrom,
    valid_to: s.validTo,
    dtstart: s.dtstart,
    timezone: s.timezone,
    until: s.until,
    count: s.count,
    wkst: s.wkst,
    freq: s.freq,
    interval: s.interval,
    byday: s.byday || null,
    byweekno: s.byweekno,
    bymonthday: s.bymonthday,
    byyearday: s.byyearday,
    description: s.description,
    opens_at: withSeconds(s.opensAt),
    closes_at: withSeconds(s.closesAt),
    schedule_link: s.scheduleLink,
    attending_type: s.attendingType,
    notes: s.notes,
  });

export const hsdsLanguage = (l: Row<typeof t.languages>): Json =>
  compact({
    id: l.id,
    service_id: l.serviceId,
    location_id: l.locationId,
    phone_id: l.phoneId,
    name: l.name,
    code: l.code,
    note: l.note,
  });

export const hsdsAccessibility = (a: Row<typeof t.accessibility>): Json =>
  compact({
    id: a.id,
    location_id: a.locationId,
    description: a.description,
    details: a.details,
    url: a.url,
  });

export const hsdsCostOption = (c: Row<typeof t.costOptions>): Json =>
  compact({
    id: c.id,
    service_id: c.serviceId,
    valid_from: c.validFrom,
    valid_to: c.validTo,
    option: c.option,
    currency: c.currency,
    amount: c.amount,
    amount_description: c.amountDescription,
  });

export const hsdsRequiredDocument = (d: Row<typeof t.requiredDocuments>): Json =>
  compact({ id: d.id, service_id: d.serviceId, document: d.document, uri: d.uri });

export const hsdsServiceArea = (a: Row<typeof t.serviceAreas>): Json =>
  compact({
    id: a.id,
    service_id: a.serviceId,
    name: a.name,
    description: a.description,
    extent: a.extent,
    extent_type: a.extentType,
    uri: a.uri,
  });

export const hsdsTaxonomy = (x: Row<typeof t.taxonomies>): Json =>
  compact({ id: x.id, name: x.name, description: x.description, uri: x.uri, version: x.version });

export const hsdsTaxonomyTerm = (
  x: Row<typeof t.taxonomyTerms>,
  taxonomy?: Row<typeof t.taxonomies>,
): Json =>
  compact({
    id: x.id,
    code: x.code,
    name: x.name,
    description: x.description,
    parent_id: x.parentId,
    taxonomy: x.taxonomy,
    taxonomy_detail: taxonomy ? hsdsTaxonomy(taxonomy) : null,
    language: x.language,
    taxonomy_id: x.taxonomyId,
    term_uri: x.termUri,
  });

export const hsdsAttribute = (a: Row<typeof t.attributes>, term?: Json): Json =>
  compact({
    id: a.id,
    link_id: a.linkId,
    taxonomy_term_id: a.taxonomyTermId,
    link_type: a.linkType,
    link_entity: a.linkEntity,
    value: a.value,
    taxonomy_term: term,
  });
