/**
 * The shape of the demo directory: compact records that db/demo/resources.ts expands into HSDS
 * rows. Everything in the demo data is invented: cities, organizations, addresses. Phone
 * numbers use 555-0100 to 555-0199, the range North America keeps for fiction.
 */
export type CategoryCode =
  | 'emergency-shelter'
  | 'housing'
  | 'legal-help'
  | 'immigration'
  | 'counselling'
  | 'medical-care'
  | 'crisis-lines'
  | 'transport'
  | 'food'
  | 'money-benefits'
  | 'work-school'
  | 'peer-support';

export interface DemoCity {
  name: string;
  province: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  postalPrefix: string;
}

/** Three invented cities: two share a time zone, one is three hours behind. Havrebourg is bilingual. */
export const DEMO_CITIES = {
  havrebourg: {
    name: 'Havrebourg',
    province: 'Northmarch',
    timeZone: 'America/Toronto',
    latitude: 46.112,
    longitude: -75.873,
    postalPrefix: 'H9Z',
  },
  quillhaven: {
    name: 'Quillhaven',
    province: 'Northmarch',
    timeZone: 'America/Toronto',
    latitude: 45.204,
    longitude: -77.418,
    postalPrefix: 'Q9X',
  },
  marrowby: {
    name: 'Marrowby',
    province: 'Westfold',
    timeZone: 'America/Vancouver',
    latitude: 50.377,
    longitude: -121.906,
    postalPrefix: 'M9Y',
  },
} as const satisfies Record<string, DemoCity>;

export type DemoCityKey = keyof typeof DEMO_CITIES;

export interface DemoPhone {
  number: string;
  /** HSDS phone type: voice, text, … */
  type?: 'voice' | 'text';
  description?: string;
}

export interface DemoService {
  slug: string;
  name: string;
  alternateName?: string;
  description: string;
  categories: CategoryCode[];
  /** A city key, or 'online' for a service with only a virtual location (in the given zone). */
  city: DemoCityKey | 'online';
  /** For online services: whose hours the schedule follows. */
  timeZone?: string;
  /** Street address; leave out for online services. */
  street?: string;
  /** Offset from the city centre in km (east, north), so "near me" has something to sort. */
  offsetKm?: [number, number];
  confidential?: boolean;
  transportation?: string;
  /** ISO 639-1 codes of languages spoken. */
  languages: string[];
  /** "24/7", or e.g. "MO,TU,WE,TH,FR 09:00-17:00; SA 10:00-14:00"; "20:00-08:00" runs past midnight. */
  hours: string;
  /** Free, or what it costs. */
  cost: 'free' | { amount?: number; option: string; description?: string };
  walkIn?: boolean;
  traumaInformed?: boolean;
  survivorLed?: boolean;
  /** Days before seeding that a moderator last confirmed it; absent = never verified. */
  verifiedDaysAgo?: number;
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  documents?: string[];
  applicationProcess?: string;
  phones: DemoPhone[];
  accessibility?: string[];
  url?: string;
  /** Language of the free text when not English. */
  contentLanguage?: 'fr';
}

export interface DemoOrganization {
  key: string;
  name: string;
  alternateName?: string;
  description: string;
  contentLanguage?: 'fr';
  services: DemoService[];
}
