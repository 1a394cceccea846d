import * as v from 'valibot';
import {
  OPENINGS_PER_DAY,
  PHONE_TYPES,
  type PhoneType,
  type ResourceDayHours,
  type ResourceInput,
  type ResourcePlace,
} from '../../db/resources/edit-types';
import { WEEKDAYS, type Weekday } from '../../db/resources/hours';
import { format, type Catalog } from '../../web/i18n';
import {
  PHONE_ROWS,
  isBlankPlace,
  openingField,
  placeField,
  type FormOpening,
  type FormPlace,
  type ResourceFormValues,
} from '../../web/views/resources/edit-form';
import { isTimeZone } from '../events/form';
import { allValues, cleanText, firstValue } from '../http/fields';
import { submittedFormKey } from '../../db/core/form-submissions';
import { newToken } from '../../db/core/random';

export type { ResourceFormValues };

export const RESOURCE_LIMITS = {
  name: 200,
  description: 5000,
  eligibility: 2000,
  document: 200,
  documents: 20,
  line: 200,
  postalCode: 20,
  transportation: 1000,
  url: 500,
  email: 254,
  phone: 30,
} as const;

/** Phones a resource may list; the form shows three empty rows at most. */
const MAX_PHONES = 10;

/** Places a service may have in the form: more fieldsets than that are not read. */
const MAX_PLACES = 30;

const ticked = (value: unknown) => firstValue(value) !== '';

/** Rows the form sent: the usual three, or more when a resource already had more phones. */
const phoneRowsSent = (form: Record<string, unknown>) => {
  let rows = PHONE_ROWS;
  while (rows < MAX_PHONES && `phone${rows + 1}` in form) rows++;
  return rows;
};

/** Every day's OPENINGS_PER_DAY openings, each made by `opening`. */
const formHours = (
  opening: (day: Weekday, slot: number) => FormOpening,
): ResourceFormValues['hours'] =>
  Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      Array.from({ length: OPENINGS_PER_DAY }, (_, slot) => opening(day, slot)),
    ]),
  ) as ResourceFormValues['hours'];

/** One place's fieldset (index 0: the first place's plain names), cleaned but not judged. */
const readPlace = (form: Record<string, unknown>, place: number): FormPlace => {
  const field = (name: string) => form[placeField(place, name)];
  return {
    street: cleanText(firstValue(field('street'))),
    city: cleanText(firstValue(field('city'))),
    postalCode: cleanText(firstValue(field('postalCode'))),
    region: cleanText(firstValue(field('region'))),
    country: cleanText(firstValue(field('country'))).toUpperCase(),
    latitude: cleanText(firstValue(field('latitude'))),
    longitude: cleanText(firstValue(field('longitude'))),
    timeZone: cleanText(firstValue(field('timeZone'))),
    transportation: cleanText(firstValue(field('transportation')), true),
    confidential: ticked(field('confidential')),
    hours: formHours((day, slot) => ({
      opens: cleanText(firstValue(field(openingField('opens', day, slot)))),
      closes: cleanText(firstValue(field(openingField('closes', day, slot)))),
    })),
    remove: ticked(field('remove')),
  };
};

/** The fieldsets after the first place's that were sent: place2-…, place3-…, up to the first missing one. */
const otherPlacesSent = (form: Record<string, unknown>): FormPlace[] => {
  const keys = Object.keys(form);
  const places: FormPlace[] = [];
  for (let place = 1; place < MAX_PLACES; place++) {
    const prefix = placeField(place, '');
    if (!keys.some((key) => key.startsWith(prefix))) break;
    places.push(readPlace(form, place));
  }
  return places;
};

/** Reads the raw form (from `readForm`) into strings, cleaned but not judged. */
export const readResourceForm = (form: Record<string, unknown>): ResourceFormValues => ({
  formKey: submittedFormKey(form.formKey),
  version: firstValue(form.version).slice(0, 64),
  organizationId: firstValue(form.organizationId).slice(0, 100),
  organizationName: cleanText(firstValue(form.organizationName)),
  name: cleanText(firstValue(form.name)),
  description: cleanText(firstValue(form.description), true),
  contentLanguage: firstValue(form.contentLanguage).slice(0, 35),
  eligibility: cleanText(firstValue(form.eligibility), true),
  documents: cleanText(firstValue(form.documents), true),
  free: ticked(form.free),
  costDescription: cleanText(firstValue(form.costDescription)),
  categories: allValues(form.categories).slice(0, 50),
  languages: allValues(form.languages).slice(0, 200),
  ...(({ remove: _, ...place }) => place)(readPlace(form, 0)),
  otherPlaces: otherPlacesSent(form),
  phones: Array.from({ length: phoneRowsSent(form) }, (_, i) => ({
    number: cleanText(firstValue(form[`phone${i + 1}`])),
    type: firstValue(form[`phone${i + 1}Type`]),
  })),
  walkIn: ticked(form.walkIn),
  traumaInformed: ticked(form.traumaInformed),
  survivorLed: ticked(form.survivorLed),
  url: cleanText(firstValue(form.url)),
  email: cleanText(firstValue(form.email)).toLowerCase(),
});

/** The form's values for a resource read from the database. */
/** One saved place as its fieldset shows it. */
const formPlace = (place: ResourcePlace): FormPlace => ({
  ...place,
  latitude: place.latitude === null ? '' : String(place.latitude),
  longitude: place.longitude === null ? '' : String(place.longitude),
  hours: formHours((day, slot) => {
    const opening = place.hours.filter((h) => h.day === day)[slot];
    return { opens: opening?.opensAt ?? '', closes: opening?.closesAt ?? '' };
  }),
  remove: false,
});

export const resourceFormValues = (input: ResourceInput): ResourceFormValues => ({
  ...input,
  ...(({ remove: _, ...place }) => place)(formPlace(input)),
  otherPlaces: (input.otherPlaces ?? []).flatMap((place) => (place ? [formPlace(place)] : [])),
  organizationId: input.organizationId ?? '',
  // The name field is only for a new organization.
  organizationName: input.organizationId ? '' : input.organizationName,
  documents: input.documents.join('\n'),
  phones: Array.from({ length: Math.max(PHONE_ROWS, input.phones.length) }, (_, i) => ({
    number: input.phones[i]?.number ?? '',
    type: input.phones[i]?.type ?? 'voice',
  })),
});

export const emptyResourceForm = (
  timeZone: string,
  contentLanguage: 'en' | 'fr',
): ResourceFormValues => ({
  formKey: newToken(),
  organizationId: '',
  organizationName: '',
  name: '',
  description: '',
  contentLanguage,
  eligibility: '',
  documents: '',
  free: false,
  costDescription: '',
  categories: [],
  languages: [],
  street: '',
  city: '',
  postalCode: '',
  region: '',
  country: '',
  latitude: '',
  longitude: '',
  timeZone,
  transportation: '',
  confidential: false,
  phones: Array.from({ length: PHONE_ROWS }, () => ({ number: '', type: 'voice' })),
  hours: formHours(() => ({ opens: '', closes: '' })),
  otherPlaces: [],
  walkIn: false,
  traumaInformed: false,
  survivorLed: false,
  url: '',
  email: '',
});

/** Text that would be markup if anything ever forgot to escape it: refused, so it never waits in the data. */
const MARKUP = /<\s*[a-z!/?]|\bhx-[a-z-]+\s*=|\bon[a-z]+\s*=\s*["']|javascript:/i;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const PHONE = /^\+?[0-9 ().-]{3,30}$/;

/** What the form offers, read on the server: any other value sent is refused. */
export interface ResourceChoices {
  organizationIds: readonly string[];
  categories: readonly string[];
  languages: readonly string[];
}

type Parsed = { ok: true; input: ResourceInput } | { ok: false; errors: Record<string, string> };

type Check = (name: string, ok: boolean, message: string) => void;
type Text = (name: string, value: string, max: number, required?: string) => void;

/** Judges one place's fieldset (index 0: the first place's plain names); errors go by its field names. */
const judgePlace = (
  place: Omit<FormPlace, 'remove'>,
  index: number,
  savedHours: ResourceDayHours[],
  check: Check,
  text: Text,
  e: Catalog['resourceEdit'],
): ResourcePlace => {
  const placeName = (field: string) => placeField(index, field);
  const L = RESOURCE_LIMITS;
  const physical = place.street !== '';
  text(placeName('street'), place.street, L.line);
  for (const field of ['city', 'country'] as const)
    if (physical) check(placeName(field), place[field].length > 0, e.errPlace);
  text(placeName('city'), place.city, L.line);
  text(placeName('postalCode'), place.postalCode, L.postalCode);
  text(placeName('region'), place.region, L.line);
  check(
    placeName('country'),
    place.country === '' || /^[A-Z]{2}$/.test(place.country),
    e.errCountry,
  );
  const coordinate = (field: 'latitude' | 'longitude', limit: number, message: string) => {
    if (place[field] === '') return null;
    const n =
      place[field].length <= 24 && /^[-+]?[0-9.]+(e[-+]?\d+)?$/i.test(place[field])
        ? Number(place[field])
        : NaN;
    check(placeName(field), Number.isFinite(n) && Math.abs(n) <= limit, message);
    return Number.isFinite(n) ? n : null;
  };
  const latitude = coordinate('latitude', 90, e.errLatitude);
  const longitude = coordinate('longitude', 180, e.errLongitude);
  check(
    placeName('latitude'),
    (place.latitude === '') === (place.longitude === ''),
    e.errBothCoordinates,
  );
  check(placeName('timeZone'), isTimeZone(place.timeZone), e.errTimeZone);
  text(placeName('transportation'), place.transportation, L.transportation);

  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const hours: ResourceDayHours[] = WEEKDAYS.flatMap((day) => {
    const openings = place.hours[day].flatMap(({ opens, closes }, slot) => {
      const [opensName, closesName] = [
        placeName(openingField('opens', day, slot)),
        placeName(openingField('closes', day, slot)),
      ];
      if (opens === '' && closes === '') return [];
      check(opensName, opens === '' || TIME.test(opens), e.errTime);
      check(closesName, closes === '' || TIME.test(closes), e.errTime);
      check(opens === '' ? opensName : closesName, opens !== '' && closes !== '', e.errBothTimes);
      const pad = (time: string) => time.padStart(5, '0');
      return TIME.test(opens) && TIME.test(closes)
        ? [{ day, opensAt: pad(opens), closesAt: pad(closes), opensName }]
        : [];
    });
    // Typed in either order, a day's openings are kept in time order; the earlier one must close
    // (the same day) before the later one opens.
    openings.sort((a, b) => a.opensAt.localeCompare(b.opensAt));
    const shown = savedHours.filter((h) => h.day === day).slice(0, OPENINGS_PER_DAY);
    const asShown =
      openings.length === shown.length &&
      openings.every(
        (o, i) => o.opensAt === shown[i]!.opensAt && o.closesAt === shown[i]!.closesAt,
      );
    if (!asShown)
      openings.forEach((later, i) => {
        const earlier = openings[i - 1];
        if (earlier)
          check(
            later.opensName,
            minutes(earlier.closesAt) > minutes(earlier.opensAt) &&
              minutes(later.opensAt) >= minutes(earlier.closesAt),
            e.errOpeningsOverlap,
          );
      });
    return openings.map(({ day: d, opensAt, closesAt }) => ({ day: d, opensAt, closesAt }));
  });

  return {
    street: place.street,
    city: place.city,
    postalCode: place.postalCode,
    region: place.region,
    country: place.country,
    latitude: latitude !== null && longitude !== null ? latitude : null,
    longitude: latitude !== null && longitude !== null ? longitude : null,
    timeZone: place.timeZone,
    transportation: place.transportation,
    confidential: place.confidential,
    hours,
  };
};

/** Judges the form: every field at once, so the person sees all there is to fix. */
export const parseResourceForm = (
  values: ResourceFormValues,
  t: Catalog,
  choices: ResourceChoices,
  /**
   * On edit, the resource saved now: its places line up with the fieldsets, and a day's hours
   * sent back as they were shown are not judged again (an import may have set what the form refuses).
   */
  saved?: ResourceInput,
): Parsed => {
  const e = t.resourceEdit;
  const errors: Record<string, string> = {};
  const check = (name: string, ok: boolean, message: string) => {
    if (!ok && !errors[name]) errors[name] = message;
  };
  const text = (name: string, value: string, max: number, required?: string) => {
    if (required) check(name, value.length > 0, required);
    check(name, value.length <= max, format(t.forms.tooLong, { max }));
    check(name, !MARKUP.test(value), e.errMarkup);
  };
  const L = RESOURCE_LIMITS;

  const newOrganization = values.organizationId === '';
  check(
    'organizationId',
    newOrganization || choices.organizationIds.includes(values.organizationId),
    e.errChoice,
  );
  if (newOrganization) {
    check('organizationName', values.organizationName.length > 0, e.errOrganization);
    text('organizationName', values.organizationName, L.name);
  }
  text('name', values.name, L.name, e.errName);
  text('description', values.description, L.description, e.errDescription);
  check(
    'contentLanguage',
    /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(values.contentLanguage),
    e.errChoice,
  );
  text('eligibility', values.eligibility, L.eligibility);
  const documents = values.documents
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  text('documents', values.documents, L.document * L.documents);
  check(
    'documents',
    documents.length <= L.documents,
    format(e.errTooManyDocuments, { max: L.documents }),
  );
  check(
    'documents',
    documents.every((d) => d.length <= L.document),
    format(t.forms.tooLong, { max: L.document }),
  );
  if (!values.free) text('costDescription', values.costDescription, L.line);
  check(
    'categories',
    values.categories.every((code) => choices.categories.includes(code)),
    e.errChoice,
  );
  check(
    'languages',
    values.languages.every((code) => choices.languages.includes(code)),
    e.errChoice,
  );

  const firstPlace = judgePlace(values, 0, saved?.hours ?? [], check, text, e);
  const savedOthers = saved?.otherPlaces ?? [];
  // A saved place lines up with its fieldset: removed, it is null; an empty new fieldset adds nothing.
  const otherPlaces = (values.otherPlaces ?? []).flatMap((place, i) => {
    const before = savedOthers[i];
    if (before !== undefined && place.remove) return [null];
    if (before === undefined && (place.remove || isBlankPlace(place))) return [];
    return [judgePlace(place, i + 1, before?.hours ?? [], check, text, e)];
  });
  // Fieldsets of saved places that did not come back leave those places as they are.
  for (const before of savedOthers.slice(otherPlaces.length)) otherPlaces.push(before);

  const phones = values.phones.flatMap((phone, i) => {
    if (phone.number === '') return [];
    check(
      `phone${i + 1}`,
      phone.number.length <= L.phone &&
        PHONE.test(phone.number) &&
        /\d{3}/.test(phone.number.replace(/\D/g, '')),
      e.errPhone,
    );
    check(
      `phone${i + 1}Type`,
      (PHONE_TYPES as readonly string[]).includes(phone.type),
      e.errChoice,
    );
    return [{ number: phone.number, type: phone.type as PhoneType }];
  });

  check('url', values.url.length <= L.url, format(t.forms.tooLong, { max: L.url }));
  check(
    'url',
    values.url === '' ||
      v.safeParse(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i)), values.url).success,
    e.errUrl,
  );
  check('url', !MARKUP.test(values.url), e.errMarkup);
  check(
    'email',
    values.email === '' ||
      (values.email.length <= L.email &&
        v.safeParse(v.pipe(v.string(), v.email()), values.email).success),
    e.errEmail,
  );

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      organizationId: newOrganization ? null : values.organizationId,
      organizationName: values.organizationName,
      name: values.name,
      description: values.description,
      contentLanguage: values.contentLanguage,
      eligibility: values.eligibility,
      documents,
      free: values.free,
      costDescription: values.free ? '' : values.costDescription,
      categories: [...new Set(values.categories)].sort(),
      languages: [...new Set(values.languages)].sort(),
      ...firstPlace,
      otherPlaces,
      phones,
      walkIn: values.walkIn,
      traumaInformed: values.traumaInformed,
      survivorLed: values.survivorLed,
      url: values.url,
      email: values.email,
    },
  };
};
