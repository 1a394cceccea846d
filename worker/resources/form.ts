import * as v from 'valibot';
import {
  OPENINGS_PER_DAY,
  PHONE_TYPES,
  type PhoneType,
  type ResourceDayHours,
  type ResourceInput,
} from '../../db/resources/edit-types';
import { WEEKDAYS, type Weekday } from '../../db/resources/hours';
import { format, type Catalog } from '../../web/i18n';
import {
  PHONE_ROWS,
  openingField,
  type FormOpening,
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
  street: cleanText(firstValue(form.street)),
  city: cleanText(firstValue(form.city)),
  postalCode: cleanText(firstValue(form.postalCode)),
  region: cleanText(firstValue(form.region)),
  country: cleanText(firstValue(form.country)).toUpperCase(),
  latitude: cleanText(firstValue(form.latitude)),
  longitude: cleanText(firstValue(form.longitude)),
  timeZone: cleanText(firstValue(form.timeZone)),
  transportation: cleanText(firstValue(form.transportation), true),
  confidential: ticked(form.confidential),
  phones: Array.from({ length: phoneRowsSent(form) }, (_, i) => ({
    number: cleanText(firstValue(form[`phone${i + 1}`])),
    type: firstValue(form[`phone${i + 1}Type`]),
  })),
  hours: formHours((day, slot) => ({
    opens: cleanText(firstValue(form[openingField('opens', day, slot)])),
    closes: cleanText(firstValue(form[openingField('closes', day, slot)])),
  })),
  walkIn: ticked(form.walkIn),
  traumaInformed: ticked(form.traumaInformed),
  survivorLed: ticked(form.survivorLed),
  url: cleanText(firstValue(form.url)),
  email: cleanText(firstValue(form.email)).toLowerCase(),
});

/** The form's values for a resource read from the database. */
export const resourceFormValues = (input: ResourceInput): ResourceFormValues => ({
  ...input,
  organizationId: input.organizationId ?? '',
  // The name field is only for a new organization.
  organizationName: input.organizationId ? '' : input.organizationName,
  documents: input.documents.join('\n'),
  latitude: input.latitude === null ? '' : String(input.latitude),
  longitude: input.longitude === null ? '' : String(input.longitude),
  phones: Array.from({ length: Math.max(PHONE_ROWS, input.phones.length) }, (_, i) => ({
    number: input.phones[i]?.number ?? '',
    type: input.phones[i]?.type ?? 'voice',
  })),
  hours: formHours((day, slot) => {
    const opening = input.hours.filter((h) => h.day === day)[slot];
    return { opens: opening?.opensAt ?? '', closes: opening?.closesAt ?? '' };
  }),
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

/** Judges the form: every field at once, so the person sees all there is to fix. */
export const parseResourceForm = (
  values: ResourceFormValues,
  t: Catalog,
  choices: ResourceChoices,
  /** On edit, the hours saved now: a day sent back as it was shown is not judged again (an import may have set what the form refuses). */
  savedHours: ResourceDayHours[] = [],
): Parsed => {
  const e = t.resourceEdit;
  const errors: Record<string, string> = {};
  const check = (name: string, ok: boolean, message: string) => {
    if (!ok && !errors[name]) errors[name] = message;
  };
  const text = (name: keyof ResourceFormValues, value: string, max: number, required?: string) => {
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

  const physical = values.street !== '';
  text('street', values.street, L.line);
  for (const name of ['city', 'country'] as const)
    if (physical) check(name, values[name].length > 0, e.errPlace);
  text('city', values.city, L.line);
  text('postalCode', values.postalCode, L.postalCode);
  text('region', values.region, L.line);
  check('country', values.country === '' || /^[A-Z]{2}$/.test(values.country), e.errCountry);
  const coordinate = (name: 'latitude' | 'longitude', limit: number, message: string) => {
    if (values[name] === '') return null;
    const n =
      values[name].length <= 24 && /^[-+]?[0-9.]+(e[-+]?\d+)?$/i.test(values[name])
        ? Number(values[name])
        : NaN;
    check(name, Number.isFinite(n) && Math.abs(n) <= limit, message);
    return Number.isFinite(n) ? n : null;
  };
  const latitude = coordinate('latitude', 90, e.errLatitude);
  const longitude = coordinate('longitude', 180, e.errLongitude);
  check('latitude', (values.latitude === '') === (values.longitude === ''), e.errBothCoordinates);
  check('timeZone', isTimeZone(values.timeZone), e.errTimeZone);
  text('transportation', values.transportation, L.transportation);

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

  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const hours: ResourceDayHours[] = WEEKDAYS.flatMap((day) => {
    const openings = values.hours[day].flatMap(({ opens, closes }, slot) => {
      const [opensName, closesName] = [
        openingField('opens', day, slot),
        openingField('closes', day, slot),
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
      street: values.street,
      city: values.city,
      postalCode: values.postalCode,
      region: values.region,
      country: values.country,
      latitude: latitude !== null && longitude !== null ? latitude : null,
      longitude: latitude !== null && longitude !== null ? longitude : null,
      timeZone: values.timeZone,
      transportation: values.transportation,
      confidential: values.confidential,
      phones,
      hours,
      walkIn: values.walkIn,
      traumaInformed: values.traumaInformed,
      survivorLed: values.survivorLed,
      url: values.url,
      email: values.email,
    },
  };
};
