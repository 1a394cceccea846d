/** What the resource directory's db functions take and give; views import these types only. */

export const RESOURCE_SORTS = ['relevance', 'distance', 'verified'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];

/**
 * What a search may be narrowed by. Each filter is defined once in two halves that the import
 * rule keeps apart: its query-string form (key, reading, writing, label) in
 * web/views/resources/search-filters.ts, and its SQL in db/resources/search/filter-definitions.ts.
 * Both tables are typed by this list, so a filter added here without either half is a type error.
 */
export interface ResourceSearchFilters {
  /** A taxonomy term code, e.g. "legal-help". */
  category?: string;
  /** An ISO 639 code, e.g. "fr". */
  language?: string;
  /** A city name, or "online" for services with no physical place. */
  city?: string;
  /** Rounded coordinates of the person (about 1 km), and an optional radius. */
  near?: { latitude: number; longitude: number; radiusKm?: number };
  openNow?: boolean;
  free?: boolean;
  walkIn?: boolean;
  traumaInformed?: boolean;
  survivorLed?: boolean;
}
export type ResourceSearchFilter = keyof ResourceSearchFilters;
/** The filters tested service by service. `near` is not one: each search path bounds distance its own way. */
export type ServiceFilter = Exclude<ResourceSearchFilter, 'near'>;

/** A search, already validated: every field optional except sort and paging. */
export interface ResourceSearch extends ResourceSearchFilters {
  text?: string;
  sort: ResourceSort;
  page: number;
  pageSize: number;
}

export interface ResourceSummary {
  id: string;
  slug: string;
  name: string;
  contentLanguage: string;
  organizationName: string;
  organizationLanguage: string;
  categories: string[];
  /** The city of its first physical place; null when online only. */
  city: string | null;
  openNow: boolean;
  languages: string[];
  /** Every cost option is 0. */
  free: boolean;
  /** When not free: the lowest price, if any option has one, and the first option's words. */
  lowestCost: { amount: number; currency: string } | null;
  costOption: string | null;
  verifiedAt: Date | null;
  distanceKm: number | null;
}

export interface ResourceSearchResult {
  items: ResourceSummary[];
  /** How many matched, up to a cap (see `more`). */
  total: number;
  /** More matched than were counted. */
  more: boolean;
  page: number;
  pageCount: number;
}

export interface CategoryOption {
  code: string;
  /** Name by language: { en: 'Housing', fr: 'Logement' }. */
  names: Record<string, string>;
}

export interface SearchOptions {
  categories: CategoryOption[];
  languages: string[];
  cities: string[];
}

export interface ResourceHours {
  weekday: string;
  opensAt: string;
  closesAt: string;
}

export interface ResourcePlace {
  online: boolean;
  confidential: boolean;
  name: string | null;
  /** Null when confidential: the street address never leaves the database. */
  address: {
    street: string;
    street2: string | null;
    city: string;
    province: string;
    postalCode: string;
  } | null;
  /** The city alone, shown even for a confidential place. */
  city: string | null;
  transportation: string | null;
  accessibility: string[];
  timeZone: string;
  /** Today's weekday code at the place (MO…SU), to highlight today's hours. */
  today: string;
  hours: ResourceHours[];
}

export interface ResourceDetail {
  id: string;
  slug: string;
  name: string;
  alternateName: string | null;
  description: string | null;
  contentLanguage: string;
  organizationName: string;
  organizationLanguage: string;
  url: string | null;
  email: string | null;
  categories: string[];
  eligibility: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  applicationProcess: string | null;
  documents: string[];
  phones: { number: string; type: string | null; description: string | null }[];
  places: ResourcePlace[];
  languages: string[];
  costs: {
    option: string | null;
    amount: number | null;
    currency: string | null;
    description: string | null;
  }[];
  free: boolean;
  openNow: boolean;
  walkIn: boolean;
  traumaInformed: boolean;
  survivorLed: boolean;
  verifiedAt: Date | null;
  verifiedByRole: string | null;
}
