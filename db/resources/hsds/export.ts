import type { Database } from '../../core/database';
import * as shape from './shape';
import * as t from '../../schema';

/** One table of the HSDS tabular package: its CSV file, its HSDS columns in order, its rows. */
export interface HsdsTable {
  name: string;
  path: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

const columns = (list: string) => list.split(',');

/**
 * The whole directory as the HSDS 3.0 tabular package (one table per CSV file, with HSDS's own
 * file names and columns). Rows go through the same shaping as the API, so a confidential
 * location has neither coordinates, name nor transit notes, and its addresses are left out.
 * Reports and platform-only columns are not part of HSDS and are never exported.
 */
export const exportHsdsTables = async (db: Database): Promise<HsdsTable[]> => {
  const [
    organizations,
    services,
    locations,
    links,
    addresses,
    phones,
    schedules,
    languages,
    access,
    costs,
    documents,
    areas,
    taxonomies,
    terms,
    attributes,
  ] = await db.batch([
    db.select().from(t.organizations).orderBy(t.organizations.id),
    db.select().from(t.services).orderBy(t.services.id),
    db.select().from(t.locations).orderBy(t.locations.id),
    db.select().from(t.serviceAtLocation).orderBy(t.serviceAtLocation.id),
    db.select().from(t.addresses).orderBy(t.addresses.id),
    db.select().from(t.phones).orderBy(t.phones.id),
    db.select().from(t.schedules).orderBy(t.schedules.id),
    db.select().from(t.languages).orderBy(t.languages.id),
    db.select().from(t.accessibility).orderBy(t.accessibility.id),
    db.select().from(t.costOptions).orderBy(t.costOptions.id),
    db.select().from(t.requiredDocuments).orderBy(t.requiredDocuments.id),
    db.select().from(t.serviceAreas).orderBy(t.serviceAreas.id),
    db.select().from(t.taxonomies).orderBy(t.taxonomies.id),
    db.select().from(t.taxonomyTerms).orderBy(t.taxonomyTerms.id),
    db.select().from(t.attributes).orderBy(t.attributes.id),
  ]);
  const confidential = new Set(locations.filter((l) => l.confidentialLocation).map((l) => l.id));
  const table = (name: string, list: string, rows: Record<string, unknown>[]): HsdsTable => ({
    name,
    path: `${name}.csv`,
    columns: columns(list),
    rows,
  });
  return [
    table(
      'organizations',
      'id,name,alternate_name,description,email,website,tax_status,tax_id,year_incorporated,legal_status,logo,uri,parent_organization_id',
      organizations.map(shape.hsdsOrganization),
    ),
    table(
      'services',
      'id,organization_id,program_id,name,alternate_name,description,url,email,status,interpretation_services,application_process,fees_description,wait_time,fees,accreditations,eligibility_description,minimum_age,maximum_age,assured_date,assurer_email,licenses,alert,last_modified',
      services.map(shape.hsdsService),
    ),
    table(
      'locations',
      'id,location_type,url,organization_id,name,alternate_name,description,transportation,latitude,longitude,external_identifier,external_identifier_type',
      locations.map(shape.hsdsLocation),
    ),
    table(
      'service_at_location',
      'id,service_id,location_id,description',
      links.map(shape.hsdsServiceAtLocation),
    ),
    table(
      'addresses',
      'id,location_id,attention,address_1,address_2,city,region,state_province,postal_code,country,address_type',
      addresses.filter((a) => !confidential.has(a.locationId)).map(shape.hsdsAddress),
    ),
    table(
      'phones',
      'id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description',
      phones.map(shape.hsdsPhone),
    ),
    table(
      'schedules',
      'id,service_id,location_id,service_at_location_id,valid_from,valid_to,dtstart,timezone,until,count,wkst,freq,interval,byday,byweekno,bymonthday,byyearday,description,opens_at,closes_at,schedule_link,attending_type,notes',
      schedules.map(shape.hsdsSchedule),
    ),
    table(
      'languages',
      'id,service_id,location_id,phone_id,name,code,note',
      languages.map(shape.hsdsLanguage),
    ),
    table(
      'accessibility',
      'id,location_id,description,details,url',
      access.map(shape.hsdsAccessibility),
    ),
    table(
      'cost_options',
      'id,service_id,valid_from,valid_to,option,currency,amount,amount_description',
      costs.map(shape.hsdsCostOption),
    ),
    table(
      'required_documents',
      'id,service_id,document,uri',
      documents.map(shape.hsdsRequiredDocument),
    ),
    table(
      'service_areas',
      'id,service_id,name,description,extent,extent_type,uri',
      areas.map(shape.hsdsServiceArea),
    ),
    table('taxonomies', 'id,name,description,uri,version', taxonomies.map(shape.hsdsTaxonomy)),
    table(
      'taxonomy_terms',
      'id,code,name,description,parent_id,taxonomy,language,taxonomy_id,term_uri',
      terms.map((term) => shape.hsdsTaxonomyTerm(term)),
    ),
    table(
      'attributes',
      'id,link_id,taxonomy_term_id,link_type,link_entity,value',
      attributes.map((a) => shape.hsdsAttribute(a)),
    ),
  ];
};
