/*
 * Resource directory: the core of Open Referral HSDS 3.0. Tables are named like HSDS's tabular
 * files (organizations.csv → `organizations`) and columns keep HSDS field names, so import and
 * export map one to one. Columns HSDS lacks are marked "platform". Ids are HSDS UUIDs (text).
 */

import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const boolean = (name: string) => integer(name, { mode: 'boolean' }).notNull().default(false);

export const organizations = sqliteTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  alternateName: text('alternate_name'),
  description: text('description'),
  email: text('email'),
  website: text('website'),
  taxStatus: text('tax_status'),
  taxId: text('tax_id'),
  yearIncorporated: integer('year_incorporated'),
  legalStatus: text('legal_status'),
  logo: text('logo'),
  uri: text('uri'),
  parentOrganizationId: text('parent_organization_id'),
  /** platform: BCP 47 language of the free text (name, description), for `lang` attributes. */
  contentLanguage: text('content_language').notNull().default('en'),
});

export const services = sqliteTable(
  'services',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: text('program_id'),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    url: text('url'),
    email: text('email'),
    /** HSDS: active, inactive, defunct, temporarily closed. Only active services are listed. */
    status: text('status').notNull().default('active'),
    interpretationServices: text('interpretation_services'),
    applicationProcess: text('application_process'),
    feesDescription: text('fees_description'),
    waitTime: text('wait_time'),
    fees: text('fees'),
    accreditations: text('accreditations'),
    eligibilityDescription: text('eligibility_description'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    assuredDate: text('assured_date'),
    assurerEmail: text('assurer_email'),
    licenses: text('licenses'),
    alert: text('alert'),
    lastModified: integer('last_modified', { mode: 'timestamp' }),
    /** platform: a readable address, /resources/<slug>. */
    slug: text('slug').notNull().unique(),
    /** platform: language of the free text. */
    contentLanguage: text('content_language').notNull().default('en'),
    /** platform: staff trained in trauma-informed care. */
    traumaInformed: boolean('trauma_informed'),
    /** platform: run or co-run by people with lived experience. */
    survivorLed: boolean('survivor_led'),
    /** platform: no appointment needed. */
    walkIn: boolean('walk_in'),
    /** platform: when a person last confirmed the record. Set only by verification, never by import or edit. */
    verifiedAt: integer('verified_at', { mode: 'timestamp' }),
    /** platform: the role of the person who confirmed it (e.g. "moderator"), never their name. */
    verifiedByRole: text('verified_by_role'),
  },
  (table) => [
    index('services_organization_idx').on(table.organizationId),
    index('services_verified_idx').on(table.verifiedAt),
    // The moderators' queue to check again, in keyset pages: never checked (0) first, then the oldest check.
    index('services_verify_queue_idx').on(sql`coalesce(${table.verifiedAt}, 0)`, table.id),
    // What a search checks of each candidate service, from the index alone.
    index('services_search_idx').on(table.id, table.status, table.organizationId, table.verifiedAt),
  ],
);

export const locations = sqliteTable(
  'locations',
  {
    id: text('id').primaryKey(),
    /** HSDS: physical, postal or virtual. A service whose locations are all virtual is online only. */
    locationType: text('location_type').notNull().default('physical'),
    url: text('url'),
    organizationId: text('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    name: text('name'),
    alternateName: text('alternate_name'),
    description: text('description'),
    transportation: text('transportation'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    externalIdentifier: text('external_identifier'),
    externalIdentifierType: text('external_identifier_type'),
    /** platform: the address is never shown, exported or served ("call for the address"). */
    confidentialLocation: boolean('confidential_location'),
    /** platform: IANA time zone of the place (HSDS only has a numeric offset per schedule). */
    timeZone: text('time_zone').notNull().default('UTC'),
    /**
     * platform: the position distances are measured from, kept by triggers (migration
     * 0014_search_position_triggers): a confidential place counts only by a ~10 km cell, so
     * distances cannot be used to find it. Plain columns, not generated ones, so an index holding
     * them answers a search near a point without reading the table.
     */
    searchLatitude: real('search_latitude'),
    searchLongitude: real('search_longitude'),
  },
  (table) => [
    index('locations_time_zone_idx').on(table.timeZone),
    index('locations_latitude_idx').on(table.latitude),
    // A box of places by position, and a place's zone and position by id, from the index alone.
    index('locations_search_position_idx').on(
      table.searchLatitude,
      table.searchLongitude,
      table.id,
    ),
    index('locations_search_by_id_idx').on(
      table.id,
      table.timeZone,
      table.searchLatitude,
      table.searchLongitude,
    ),
  ],
);

export const serviceAtLocation = sqliteTable(
  'service_at_location',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    description: text('description'),
  },
  // Both ways with both ids, so a search walks from services to places and back on indexes alone.
  (table) => [
    index('sal_service_idx').on(table.serviceId, table.locationId),
    index('sal_location_idx').on(table.locationId, table.serviceId),
  ],
);

export const addresses = sqliteTable(
  'addresses',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    attention: text('attention'),
    address1: text('address_1').notNull(),
    address2: text('address_2'),
    city: text('city').notNull(),
    region: text('region'),
    stateProvince: text('state_province').notNull(),
    postalCode: text('postal_code').notNull(),
    country: text('country').notNull(),
    /** HSDS: physical, postal or virtual. */
    addressType: text('address_type').notNull().default('physical'),
  },
  // Both ways with the other column: a filter checks a candidate, or lists its set, from an index alone.
  (table) => [
    index('addresses_location_idx').on(table.locationId, table.city),
    index('addresses_city_idx').on(table.city, table.locationId),
  ],
);

export const phones = sqliteTable(
  'phones',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').references(() => organizations.id, {
      onDelete: 'cascade',
    }),
    contactId: text('contact_id'),
    serviceAtLocationId: text('service_at_location_id'),
    number: text('number').notNull(),
    extension: integer('extension'),
    /** HSDS: text, voice, fax, cell, video, pager, textphone. */
    type: text('type'),
    description: text('description'),
  },
  (table) => [
    index('phones_service_idx').on(table.serviceId),
    index('phones_location_idx').on(table.locationId),
  ],
);

export const schedules = sqliteTable(
  'schedules',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    /** Always filled here (an import derives it from service_at_location): "open now" needs the place's time zone. */
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    serviceAtLocationId: text('service_at_location_id'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    dtstart: text('dtstart'),
    timezone: real('timezone'),
    until: text('until'),
    count: integer('count'),
    wkst: text('wkst'),
    freq: text('freq'),
    interval: integer('interval'),
    /** RFC 5545 days, e.g. "MO,TU,WE". Empty means every day. */
    byday: text('byday'),
    byweekno: text('byweekno'),
    bymonthday: text('bymonthday'),
    byyearday: text('byyearday'),
    description: text('description'),
    /** Local time "HH:MM" or "HH:MM:SS". closes_at before opens_at runs past midnight; equal means all day. */
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    scheduleLink: text('schedule_link'),
    attendingType: text('attending_type'),
    notes: text('notes'),
    /** platform: byday as bits (MO = 1 … SU = 64, every day = 127), kept by a trigger, for a fast "open now". */
    dayMask: integer('day_mask'),
    /** platform: opens_at and closes_at in minutes after midnight, kept by a trigger. */
    opensMinute: integer('opens_minute'),
    closesMinute: integer('closes_minute'),
  },
  (table) => [
    // Holds everything "open now" reads, so the test of one service never reads the table.
    index('schedules_service_idx').on(
      table.serviceId,
      table.locationId,
      table.dayMask,
      table.opensMinute,
      table.closesMinute,
      table.validFrom,
      table.validTo,
    ),
    index('schedules_location_idx').on(table.locationId),
  ],
);

export const languages = sqliteTable(
  'languages',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    locationId: text('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    phoneId: text('phone_id'),
    name: text('name'),
    /** ISO 639 code, e.g. "fr". */
    code: text('code'),
    note: text('note'),
  },
  // Both ways with the other column: a filter checks a candidate, or lists its set, from an index alone.
  (table) => [
    index('languages_service_idx').on(table.serviceId, table.code),
    index('languages_code_idx').on(table.code, table.serviceId),
  ],
);

export const accessibility = sqliteTable(
  'accessibility',
  {
    id: text('id').primaryKey(),
    locationId: text('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    description: text('description'),
    details: text('details'),
    url: text('url'),
  },
  (table) => [index('accessibility_location_idx').on(table.locationId)],
);

export const costOptions = sqliteTable(
  'cost_options',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    option: text('option'),
    currency: text('currency'),
    /** 0 means free. A service is free when every cost option is 0. */
    amount: real('amount'),
    amountDescription: text('amount_description'),
  },
  // With the amount, so the "free" filter checks a candidate from the index alone.
  (table) => [index('cost_options_service_idx').on(table.serviceId, table.amount)],
);

export const requiredDocuments = sqliteTable(
  'required_documents',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    document: text('document'),
    uri: text('uri'),
  },
  (table) => [index('required_documents_service_idx').on(table.serviceId)],
);

export const serviceAreas = sqliteTable(
  'service_areas',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text('name'),
    description: text('description'),
    extent: text('extent'),
    extentType: text('extent_type'),
    uri: text('uri'),
  },
  (table) => [index('service_areas_service_idx').on(table.serviceId)],
);

export const taxonomies = sqliteTable('taxonomies', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  uri: text('uri'),
  version: text('version'),
});

export const taxonomyTerms = sqliteTable(
  'taxonomy_terms',
  {
    id: text('id').primaryKey(),
    code: text('code'),
    name: text('name').notNull(),
    description: text('description').notNull(),
    parentId: text('parent_id'),
    taxonomy: text('taxonomy'),
    language: text('language'),
    taxonomyId: text('taxonomy_id').references(() => taxonomies.id, { onDelete: 'cascade' }),
    termUri: text('term_uri'),
  },
  (table) => [index('taxonomy_terms_code_idx').on(table.code)],
);

/** platform: a term's name in other languages (HSDS keeps one language per term). */
export const taxonomyTermTranslations = sqliteTable(
  'taxonomy_term_translations',
  {
    taxonomyTermId: text('taxonomy_term_id')
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    name: text('name').notNull(),
    description: text('description'),
  },
  (table) => [primaryKey({ columns: [table.taxonomyTermId, table.language] })],
);

/** HSDS attribute: links a taxonomy term to any record (here, mostly services: link_type "service"). */
export const attributes = sqliteTable(
  'attributes',
  {
    id: text('id').primaryKey(),
    linkId: text('link_id').notNull(),
    taxonomyTermId: text('taxonomy_term_id')
      .notNull()
      .references(() => taxonomyTerms.id, { onDelete: 'cascade' }),
    linkType: text('link_type'),
    linkEntity: text('link_entity'),
    value: text('value'),
  },
  // Both ways with the other column: a filter checks a candidate, or lists its set, from an index alone.
  (table) => [
    index('attributes_link_idx').on(table.linkId, table.taxonomyTermId),
    index('attributes_term_idx').on(table.taxonomyTermId, table.linkId),
  ],
);
