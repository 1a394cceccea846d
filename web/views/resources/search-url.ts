import type { ResourceSearch } from '../../../db/resources/types';

/** Radii offered by the distance filter, in km. */
export const RADII_KM = [2, 5, 10, 25, 50] as const;

/**
 * The query string of a search: the whole state of /resources, so a URL can be shared, bookmarked
 * and opened without JavaScript. Only what differs from the defaults is written.
 */
export const searchParams = (search: ResourceSearch): URLSearchParams => {
  const params = new URLSearchParams();
  if (search.text) params.set('q', search.text);
  if (search.category) params.set('category', search.category);
  if (search.language) params.set('language', search.language);
  if (search.city) params.set('city', search.city);
  if (search.near) {
    params.set('lat', search.near.latitude.toFixed(2));
    params.set('lon', search.near.longitude.toFixed(2));
    if (search.near.radiusKm) params.set('within', String(search.near.radiusKm));
  }
  if (search.openNow) params.set('open', '1');
  if (search.free) params.set('free', '1');
  if (search.walkIn) params.set('walkin', '1');
  if (search.traumaInformed) params.set('trauma', '1');
  if (search.survivorLed) params.set('survivor', '1');
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
};

/** The address of a search, with some fields changed (e.g. another page). */
export const searchUrl = (search: ResourceSearch, changes: Partial<ResourceSearch> = {}): string => {
  const query = searchParams({ ...search, ...changes }).toString();
  return query ? `/resources?${query}` : '/resources';
};
