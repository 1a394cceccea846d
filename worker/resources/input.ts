import * as v from 'valibot';
import { MAX_COUNTED } from '../../db/resources/search/search';
import { MAX_QUERY_CHARS } from '../../db/resources/search/text-query';
import { RESOURCE_SORTS, type ResourceSearch } from '../../db/resources/types';
import type { ReportErrorKey } from '../../web/views/resources/report-form';
import { RADII_KM } from '../../web/views/resources/search-url';
import { cleanText, firstValue } from '../http/fields';

/** Results per page: a phone screen or two. */
export const PAGE_SIZE = 10;
// Counts stop at MAX_COUNTED, so no page lies beyond this one; a larger number would only make
// the search walk further for a page nobody can reach.
const MAX_PAGE = Math.ceil(MAX_COUNTED / PAGE_SIZE);
export const MAX_PROBLEM_CHARS = 2000;
export const MAX_CONTACT_CHARS = 200;

const optional = <T extends v.GenericSchema<string, unknown>>(schema: T) => v.fallback(v.optional(schema), undefined);
const flag = v.fallback(v.optional(v.pipe(v.string(), v.transform((s) => s === '1' || s === 'on' || s === 'true'))), false);
// Rounded again here, whatever the browser sent: about 1 km is all this site ever uses.
const coordinate = (limit: number) =>
  optional(v.pipe(v.string(), v.transform(Number), v.number(), v.minValue(-limit), v.maxValue(limit), v.transform((n) => Math.round(n * 100) / 100)));

const SearchQuery = v.object({
  q: optional(v.pipe(v.string(), v.transform((s) => cleanText(s).slice(0, MAX_QUERY_CHARS).trim()))),
  category: optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/))),
  language: optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/))),
  city: optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  lat: coordinate(90),
  lon: coordinate(180),
  within: optional(v.pipe(v.string(), v.transform(Number), v.picklist(RADII_KM))),
  open: flag,
  free: flag,
  walkin: flag,
  trauma: flag,
  survivor: flag,
  sort: v.fallback(v.picklist(RESOURCE_SORTS), 'relevance'),
  page: v.fallback(v.pipe(v.string(), v.transform(Number), v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PAGE)), 1),
});

/**
 * Reads a search from the query string. Never fails: a value that makes no sense (a shared
 * URL with a typo, or a hostile one) is dropped and the rest of the search still runs.
 */
export const readResourceSearch = (query: Record<string, string>): ResourceSearch => {
  const input = v.parse(SearchQuery, query);
  return {
    text: input.q || undefined,
    category: input.category,
    language: input.language,
    city: input.city,
    near:
      input.lat !== undefined && input.lon !== undefined
        ? { latitude: input.lat, longitude: input.lon, ...(input.within ? { radiusKm: input.within } : {}) }
        : undefined,
    openNow: input.open,
    free: input.free,
    walkIn: input.walkin,
    traumaInformed: input.trauma,
    survivorLed: input.survivor,
    sort: input.sort,
    page: input.page,
    pageSize: PAGE_SIZE,
  };
};

/** The problem is written over several lines; the contact is one line. */
const cleanProblem = (value: string) => cleanText(value, true);

/** Error keys name catalog strings (t.resources[key]), so the view can say them in any language. */
const ReportForm = v.object({
  problem: v.pipe(v.string(), v.transform(cleanProblem), v.nonEmpty('problemRequired'), v.maxLength(MAX_PROBLEM_CHARS, 'problemTooLong')),
  contact: v.pipe(v.string(), v.transform((value) => cleanText(value)), v.maxLength(MAX_CONTACT_CHARS, 'contactTooLong')),
});

export interface ReportValues {
  problem: string;
  contact: string;
}
export type ReadReport =
  | { ok: true; problem: string; contact: string | null }
  | { ok: false; values: ReportValues; errors: { problem?: ReportErrorKey; contact?: ReportErrorKey } };

/** Reads the report form; a field sent twice, or sent as a file, counts as its text or as empty. */
export const readReportForm = (body: Record<string, unknown>): ReadReport => {
  const values = { problem: firstValue(body.problem), contact: firstValue(body.contact) };
  const result = v.safeParse(ReportForm, values);
  if (result.success) return { ok: true, problem: result.output.problem, contact: result.output.contact || null };
  const nested = v.flatten<typeof ReportForm>(result.issues).nested ?? {};
  return {
    ok: false,
    values: { problem: cleanProblem(values.problem), contact: cleanText(values.contact) },
    errors: { problem: nested.problem?.[0] as ReportErrorKey | undefined, contact: nested.contact?.[0] as ReportErrorKey | undefined },
  };
};
