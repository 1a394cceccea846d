/**
 * HSDS 3.0 input turned into rows per HSDS table: CSV text of one table (csv-parse), or a JSON
 * document (a service, a list or Page of services, an organization with services, a
 * service_at_location, a taxonomy or a taxonomy term) flattened with its nested records, each
 * child given the id of the record it is nested in. No I/O here: the caller reads the files.
 */
import { parse } from 'csv-parse/sync';
import type { SourceRow } from './import';

type Json = Record<string, unknown>;

/** Rows of one CSV table. A record with the wrong number of fields is reported, not imported. */
export const csvRows = (
  file: string,
  content: string,
): { rows: SourceRow[]; problems: { file: string; line: number; reason: string }[] } => {
  const rows: SourceRow[] = [];
  const problems: { file: string; line: number; reason: string }[] = [];
  const records = parse(content, {
    columns: true,
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
  }) as {
    record: Record<string, string>;
    raw: string;
    info: { lines: number; error?: { message?: string; code?: string } };
  }[];
  for (const { record, raw, info } of records) {
    // info.lines is where the record ends; count back the line breaks inside it.
    const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
    const line = info.lines - (body.match(/\n/g)?.length ?? 0);
    if (info.error) {
      problems.push({
        file,
        line,
        reason: `wrong number of fields (${info.error.code ?? 'CSV error'})`,
      });
      continue;
    }
    rows.push({ file, line, values: record });
  }
  return { rows, problems };
};

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** Adds a row for a table, merging a record seen before under another parent (fills empty fields). */
class Collector {
  readonly tables = new Map<string, SourceRow[]>();
  private byId = new Map<string, SourceRow>();
  constructor(private readonly file: string) {}

  add(table: string, at: string, record: Json, links: Json = {}): void {
    const values: Json = {};
    for (const [key, value] of Object.entries(record))
      if (!isObject(value) && !Array.isArray(value)) values[key] = value;
    for (const [key, value] of Object.entries(links))
      if (values[key] === undefined || values[key] === null || values[key] === '')
        values[key] = value;
    const id = typeof values.id === 'string' ? values.id : '';
    const before = id ? this.byId.get(`${table}:${id}`) : undefined;
    if (before) {
      for (const [key, value] of Object.entries(values))
        if (
          before.values[key] === undefined ||
          before.values[key] === null ||
          before.values[key] === ''
        )
          before.values[key] = value;
      return;
    }
    const row: SourceRow = { file: this.file, line: null, at, values };
    if (id) this.byId.set(`${table}:${id}`, row);
    if (!this.tables.has(table)) this.tables.set(table, []);
    this.tables.get(table)!.push(row);
  }

  phones(at: string, phones: unknown, links: Json) {
    for (const [i, phone] of list(phones).entries()) {
      this.add('phones', `${at}/phones/${i}`, phone, links);
      this.languages(`${at}/phones/${i}`, phone.languages, {
        phone_id: phone.id,
        service_id: links.service_id,
        location_id: links.location_id,
      });
    }
  }
  languages(at: string, languages: unknown, links: Json) {
    for (const [i, language] of list(languages).entries())
      this.add('languages', `${at}/languages/${i}`, language, links);
  }
  schedules(at: string, schedules: unknown, links: Json) {
    for (const [i, schedule] of list(schedules).entries())
      this.add('schedules', `${at}/schedules/${i}`, schedule, links);
  }
  contacts(at: string, contacts: unknown, links: Json) {
    // Contacts are not stored; their phones are, with the contact's id.
    for (const [i, contact] of list(contacts).entries())
      this.phones(`${at}/contacts/${i}`, contact.phones, { ...links, contact_id: contact.id });
  }

  organization(at: string, o: Json) {
    this.add('organizations', at, o);
    const links = { organization_id: o.id };
    this.phones(at, o.phones, links);
    this.contacts(at, o.contacts, links);
    for (const [i, location] of list(o.locations).entries())
      this.location(`${at}/locations/${i}`, location, links);
    for (const [i, service] of list(o.services).entries())
      this.service(`${at}/services/${i}`, service, links);
  }

  location(at: string, l: Json, links: Json = {}) {
    this.add('locations', at, l, links);
    const own = { location_id: l.id };
    for (const [i, a] of list(l.addresses).entries())
      this.add('addresses', `${at}/addresses/${i}`, a, own);
    for (const [i, a] of list(l.accessibility).entries())
      this.add('accessibility', `${at}/accessibility/${i}`, a, own);
    this.languages(at, l.languages, own);
    this.phones(at, l.phones, own);
    this.contacts(at, l.contacts, own);
    this.schedules(at, l.schedules, own);
  }

  service(at: string, s: Json, links: Json = {}) {
    if (isObject(s.organization)) this.organization(`${at}/organization`, s.organization);
    this.add('services', at, s, {
      ...links,
      organization_id: isObject(s.organization) ? s.organization.id : links.organization_id,
    });
    const own = { service_id: s.id };
    this.phones(at, s.phones, own);
    this.contacts(at, s.contacts, own);
    this.schedules(at, s.schedules, own);
    this.languages(at, s.languages, own);
    for (const [name, table] of [
      ['service_areas', 'service_areas'],
      ['cost_options', 'cost_options'],
      ['required_documents', 'required_documents'],
    ] as const) {
      for (const [i, child] of list(s[name]).entries())
        this.add(table, `${at}/${name}/${i}`, child, own);
    }
    for (const [i, attribute] of list(s.attributes).entries()) {
      const term = isObject(attribute.taxonomy_term) ? attribute.taxonomy_term : undefined;
      if (term) this.term(`${at}/attributes/${i}/taxonomy_term`, term);
      this.add('attributes', `${at}/attributes/${i}`, attribute, {
        link_id: s.id,
        link_type: 'service',
        link_entity: 'service',
        taxonomy_term_id: term?.id,
      });
    }
    for (const [i, link] of list(s.service_at_locations).entries())
      this.serviceAtLocation(`${at}/service_at_locations/${i}`, link, { service_id: s.id });
  }

  serviceAtLocation(at: string, link: Json, links: Json = {}) {
    if (isObject(link.service)) this.service(`${at}/service`, link.service);
    if (isObject(link.location)) this.location(`${at}/location`, link.location);
    const own = {
      service_id: isObject(link.service) ? link.service.id : links.service_id,
      location_id: isObject(link.location) ? link.location.id : link.location_id,
    };
    this.add('service_at_location', at, link, own);
    const children = { ...own, service_at_location_id: link.id };
    this.phones(at, link.phones, children);
    this.contacts(at, link.contacts, children);
    this.schedules(at, link.schedules, children);
  }

  term(at: string, term: Json) {
    if (isObject(term.taxonomy_detail))
      this.add('taxonomies', `${at}/taxonomy_detail`, term.taxonomy_detail);
    this.add('taxonomy_terms', at, term, {
      taxonomy_id: isObject(term.taxonomy_detail) ? term.taxonomy_detail.id : undefined,
    });
  }

  /** Any supported document, told apart by its fields. */
  document(at: string, value: unknown): void {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) this.document(`${at}/${i}`, item);
      return;
    }
    if (!isObject(value)) return;
    if (Array.isArray(value.contents)) return this.document(`${at}/contents`, value.contents);
    if (
      Array.isArray(value.services) ||
      Array.isArray(value.locations) ||
      Array.isArray(value.organization_identifiers)
    )
      return this.organization(at, value);
    if (isObject(value.service) || isObject(value.location))
      return this.serviceAtLocation(at, value);
    if (
      'status' in value ||
      'organization' in value ||
      'organization_id' in value ||
      'service_at_locations' in value
    )
      return this.service(at, value);
    if (
      'taxonomy_detail' in value ||
      'term_uri' in value ||
      'code' in value ||
      'parent_id' in value
    )
      return this.term(at, value);
    if ('version' in value && !('website' in value)) return this.add('taxonomies', at, value);
    return this.organization(at, value);
  }
}

/** Rows per HSDS table of one JSON document; `at` of each row is a JSON pointer into it. */
export const jsonRows = (file: string, document: unknown): Map<string, SourceRow[]> => {
  const collector = new Collector(file);
  collector.document('', document);
  return collector.tables;
};
