import type { Weekday } from './hours';

/** HSDS phone types a moderator may choose. */
export const PHONE_TYPES = ['voice', 'text', 'cell', 'fax', 'video', 'textphone'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export interface ResourcePhoneInput {
  number: string;
  type: PhoneType;
}

/** The openings a day may have in the moderators' form: most places close for lunch at most once. */
export const OPENINGS_PER_DAY = 2;

/** One opening of a day: "HH:MM" local times. Closing before opening runs past midnight; equal means all day. */
export interface ResourceDayHours {
  day: Weekday;
  opensAt: string;
  closesAt: string;
}

/** One place of a service as the form writes it: where it is, how to get there, and its hours there. */
export interface ResourcePlace {
  street: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  transportation: string;
  confidential: boolean;
  /** Open days only, Monday first, then by opening time (a day may open more than once); a day not listed is closed. */
  hours: ResourceDayHours[];
}

/**
 * A resource as the moderators' form writes it: one service, its organization and one place.
 * Already validated. Empty strings mean "not given"; a place without a street is online only.
 * Its first place is spread in it (street … hours); the others are in `otherPlaces`.
 */
export interface ResourceInput extends ResourcePlace {
  /** An existing organization, or null for a new one named `organizationName`. */
  organizationId: string | null;
  organizationName: string;
  name: string;
  description: string;
  /** BCP 47 language of the free text: en or fr from the form, or what an import set. */
  contentLanguage: string;
  eligibility: string;
  documents: string[];
  free: boolean;
  costDescription: string;
  /** Taxonomy term codes. */
  categories: string[];
  /** ISO 639 codes. */
  languages: string[];
  phones: ResourcePhoneInput[];
  /**
   * The places after the first, in the form's order. On a save: null where a saved place is
   * removed; past the saved ones, new places; absent, the other places are left as they are.
   */
  otherPlaces?: (ResourcePlace | null)[];
  walkIn: boolean;
  traumaInformed: boolean;
  survivorLed: boolean;
  url: string;
  email: string;
}

/** The names the change log records: the input's fields, with the organization as one. */
export type ResourceField =
  | Exclude<keyof ResourceInput, 'organizationId' | 'organizationName' | 'free' | 'costDescription'>
  | 'organization'
  | 'cost';

/** The records of one saved place of a service. */
export interface PlaceRecord {
  locationId: string;
  serviceAtLocationId: string;
  addressId: string | null;
  /** Other services that share this place: a change of address or hours zone applies to them too. */
  sharedPlaceCount: number;
}

/** A resource read back for its edit form, with the record ids the save needs. */
export interface EditableResource {
  id: string;
  slug: string;
  /** `otherPlaces` is always there, without nulls, in step with `otherPlaceRecords`. */
  input: ResourceInput;
  locationId: string | null;
  serviceAtLocationId: string | null;
  addressId: string | null;
  /** Other services that share the first place. */
  sharedPlaceCount: number;
  otherPlaceRecords: PlaceRecord[];
}
