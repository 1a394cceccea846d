import * as v from 'valibot';
import { MAX_COUNTED } from '../../db/resources/search/search';
import { MAX_QUERY_CHARS } from '../../db/resources/search/text-query';
import { RESOURCE_SORTS, type ResourceSearch } from '../../db/resources/types';
import type { ReportErrorKey } from '../../web/views/resources/report-form';
import { readSearchFilters, type SearchQuery } from '../../web/views/resources/search-filters';
import { cleanText, firstValue } from '../http/fields';

/** Results per page: a phone screen or two. */
export const PAGE_SIZE = 10;
// Counts stop at MAX_COUNTED, so no page lies beyond this one; a larger number would only make
// the search walk further for a page nobody can reach.
const MAX_PAGE = Math.ceil(MAX_COUNTED / PAGE_SIZE);
export const MAX_PROBLEM_CHARS = 2000;
export const MAX_CONTACT_CHARS = 200;

const SearchTextAndPage = v.object({
  q: v.fallback(
    v.optional(
      v.pipe(
        v.string(),
        v.transform((s) => cleanText(s).slice(0, MAX_QUERY_CHARS).trim()),
      ),
    ),
    undefined,
  ),
  sort: v.fallback(v.picklist(RESOURCE_SORTS), 'relevance'),
  page: v.fallback(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.number(),
      v.integer(),
      v.minValue(1),
      v.maxValue(MAX_PAGE),
    ),
    1,
  ),
});

/**
 * Reads a search from the query string: the words, the order and the page here, each filter as
 * its definition reads it (web/views/resources/search-filters.ts). Never fails: a value that makes
 * no sense (a shared URL with a typo, or a hostile one) is dropped and the rest of the search still runs.
 */
export const readResourceSearch = (query: SearchQuery): ResourceSearch => {
  const input = v.parse(SearchTextAndPage, query);
  return {
    text: input.q || undefined,
    ...readSearchFilters(query),
    sort: input.sort,
    page: input.page,
    pageSize: PAGE_SIZE,
  };
};

/** The problem is written over several lines; the contact is one line. */
const cleanProblem = (value: string) => cleanText(value, true);

/** Error keys name catalog strings (t.resources[key]), so the view can say them in any language. */
const ReportForm = v.object({
  problem: v.pipe(
    v.string(),
    v.transform(cleanProblem),
    v.nonEmpty('problemRequired'),
    v.maxLength(MAX_PROBLEM_CHARS, 'problemTooLong'),
  ),
  contact: v.pipe(
    v.string(),
    v.transform((value) => cleanText(value)),
    v.maxLength(MAX_CONTACT_CHARS, 'contactTooLong'),
  ),
});

export interface ReportValues {
  problem: string;
  contact: string;
}
export type ReadReport =
  | { ok: true; problem: string; contact: string | null }
  | {
      ok: false;
      values: ReportValues;
      errors: { problem?: ReportErrorKey; contact?: ReportErrorKey };
    };

/** Reads the report form; a field sent twice, or sent as a file, counts as its text or as empty. */
export const readReportForm = (body: Record<string, unknown>): ReadReport => {
  const values = { problem: firstValue(body.problem), contact: firstValue(body.contact) };
  const result = v.safeParse(ReportForm, values);
  if (result.success)
    return { ok: true, problem: result.output.problem, contact: result.output.contact || null };
  const nested = v.flatten<typeof ReportForm>(result.issues).nested ?? {};
  return {
    ok: false,
    values: { problem: cleanProblem(values.problem), contact: cleanText(values.contact) },
    errors: {
      problem: nested.problem?.[0] as ReportErrorKey | undefined,
      contact: nested.contact?.[0] as ReportErrorKey | undefined,
    },
  };
};
