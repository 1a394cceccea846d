import type { ResourceSearch } from '../../../db/resources/types';
import { searchFilterEntries } from './search-filters';

/**
 * The query string of a search: the whole state of /resources, so a URL can be shared, bookmarked
 * and opened without JavaScript. Only what differs from the defaults is written: the words, each
 * filter set (search-filters.ts), the order and the page.
 */
export const searchParams = (search: ResourceSearch): URLSearchParams => {
  const params = new URLSearchParams();
  if (search.text) params.set('q', search.text);
  for (const [key, value] of searchFilterEntries(search)) params.set(key, value);
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
};

/** The address of a search, with some fields changed (e.g. another page). */
export const searchUrl = (
  search: ResourceSearch,
  changes: Partial<ResourceSearch> = {},
): string => {
  const query = searchParams({ ...search, ...changes }).toString();
  return query ? `/resources?${query}` : '/resources';
};
