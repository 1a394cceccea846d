import { TZDate } from '@date-fns/tz';
import * as v from 'valibot';
import { isContentLanguage, type ContentLanguage } from '../../db/core/content-languages';
import { submittedFormKey } from '../../db/core/form-submissions';
import { newToken } from '../../db/core/random';
import {
  ACCESS_FEATURES,
  EVENT_CATEGORIES,
  EVENT_LANGUAGES,
  type EventInput,
  type EventRow,
  type Recurrence,
} from '../../db/events/events';
import type { Catalog } from '../../web/i18n';
import { format } from '../../web/i18n';
import type { EventFormValues } from '../../web/views/events/event-form';
import { isAllDay, lastDayOf } from '../../web/views/events/format';
import { allValues, cleanText, firstValue } from '../http/fields';

export type { EventFormValues };

export const REMINDER_HOURS = [2, 24, 48] as const;
export const LIMITS = { title: 120, description: 5000, line: 200, text: 1000, url: 500 } as const;

/** Reads the raw form (from `readForm`) into strings, cleaned but not judged. */
export const readEventForm = (form: Record<string, unknown>): EventFormValues => ({
  title: cleanText(firstValue(form.title)),
  description: cleanText(firstValue(form.description), true),
  category: firstValue(form.category),
  format: firstValue(form.format),
  city: cleanText(firstValue(form.city)),
  address: cleanText(firstValue(form.address), true),
  directions: cleanText(firstValue(form.directions), true),
  access: allValues(form.access).filter((item) =>
    (ACCESS_FEATURES as readonly string[]).includes(item),
  ),
  accessNotes: cleanText(firstValue(form.accessNotes), true),
  onlineUrl: cleanText(firstValue(form.onlineUrl)),
  languages: allValues(form.languages).filter((item) =>
    (EVENT_LANGUAGES as readonly string[]).includes(item),
  ),
  cost: cleanText(firstValue(form.cost)),
  capacity: cleanText(firstValue(form.capacity)),
  timeZone: cleanText(firstValue(form.timeZone)),
  allDay: firstValue(form.allDay) === '1',
  startDate: cleanText(firstValue(form.startDate)),
  startTime: cleanText(firstValue(form.startTime)),
  endDate: cleanText(firstValue(form.endDate)),
  endTime: cleanText(firstValue(form.endTime)),
  reminderHours: firstValue(form.reminderHours),
  repeat: firstValue(form.repeat),
  repeatUntil: cleanText(firstValue(form.repeatUntil)),
  campaign: cleanText(firstValue(form.campaign)).slice(0, 64),
  language: firstValue(form.language).slice(0, 10),
  formKey: submittedFormKey(form.formKey),
});

/** Whether the runtime knows this IANA time zone. */
export const isTimeZone = (zone: string): boolean => {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Time zones offered in the form: the runtime's list, or a short one where it has none. */
export const timeZoneChoices = (): string[] => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  );
  // The runtime's list names canonical zones only and may leave out UTC, the forms' default:
  // a select without it would quietly submit its first zone instead.
  return supported && supported.length > 0
    ? supported.includes('UTC')
      ? supported
      : ['UTC', ...supported]
    : ['UTC', 'Europe/London', 'Europe/Paris', 'America/Montreal', 'America/New_York'];
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock date and time in a zone, as an instant; null if the date does not exist. */
export const zonedInstant = (date: string, time: string, zone: string): Date | null => {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || year < 2000 || year > 2100)
    return null;
  return new Date(new TZDate(year, month - 1, day, Number(t[1]), Number(t[2]), 0, zone).getTime());
};

/** The day after a YYYY-MM-DD day ('' for anything else, which `zonedInstant` refuses). */
const nextDay = (date: string): string => {
  const d = DATE.exec(date);
  if (!d) return '';
  const day = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  // 2030-02-30 is no day: its "next day" must not be 2030-03-02.
  if (day.toISOString().slice(0, 10) !== date) return '';
  return new Date(day.getTime() + 86400_000).toISOString().slice(0, 10);
};

/** The form's values for an existing event, in its own time zone. */
export const eventFormValues = (event: EventRow): EventFormValues => {
  const local = (date: Date) => {
    const z = new TZDate(date.getTime(), event.timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
      time: `${pad(z.getHours())}:${pad(z.getMinutes())}`,
    };
  };
  const start = local(event.startsAt);
  const end = local(event.endsAt);
  const allDay = isAllDay(event);
  const lastDay = lastDayOf(event);
  return {
    title: event.title,
    description: event.description,
    category: event.category,
    format: event.format,
    city: event.city,
    address: event.address,
    directions: event.directions,
    access: ACCESS_FEATURES.filter((feature) => event[feature]),
    accessNotes: event.accessNotes,
    onlineUrl: event.onlineUrl,
    languages: event.languages ? event.languages.split(',') : [],
    cost: event.cost,
    capacity: event.capacity === null ? '' : String(event.capacity),
    timeZone: event.timeZone,
    allDay,
    startDate: start.date,
    startTime: allDay ? '' : start.time,
    // An all-day event's end date is its last day, as the form asks for it.
    endDate: allDay
      ? lastDay === start.date
        ? ''
        : lastDay
      : end.date === start.date
        ? ''
        : end.date,
    endTime: allDay ? '' : end.time,
    reminderHours: String(event.reminderHours),
    repeat: 'none',
    repeatUntil: '',
    campaign: event.campaignId ?? '',
    language: event.contentLanguage,
    formKey: '',
  };
};

export const emptyEventForm = (timeZone: string, language: string): EventFormValues => ({
  title: '',
  description: '',
  category: 'workshop',
  format: 'in_person',
  city: '',
  address: '',
  directions: '',
  access: [],
  accessNotes: '',
  onlineUrl: '',
  languages: [],
  cost: '',
  capacity: '',
  timeZone,
  allDay: false,
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  reminderHours: '24',
  repeat: 'none',
  repeatUntil: '',
  campaign: '',
  language,
  formKey: newToken(),
});

type Parsed =
  | { ok: true; input: EventInput; recurrence: Recurrence | null }
  | { ok: false; errors: Record<string, string> };

/**
 * Judges the form: every field at once, so the person sees all there is to fix. Times are read
 * as wall-clock times in the chosen zone. `allowRepeat` is false when editing one occurrence.
 * `campaignIds` are the campaigns this organizer may link to, read on the server: any other id
 * sent is refused, whatever the form offered.
 */
export const parseEventForm = (
  values: EventFormValues,
  t: Catalog,
  now: Date,
  allowRepeat: boolean,
  campaignIds: readonly string[] = [],
): Parsed => {
  const e = t.events;
  const errors: Record<string, string> = {};
  const tooLong = (max: number) => format(e.errTooLong, { max });
  const check = (name: keyof EventFormValues, ok: boolean, message: string) => {
    if (!ok && !errors[name]) errors[name] = message;
  };
  check('title', values.title.length > 0, e.errTitle);
  check('title', values.title.length <= LIMITS.title, tooLong(LIMITS.title));
  check('description', values.description.length > 0, e.errDescription);
  check(
    'description',
    values.description.length <= LIMITS.description,
    tooLong(LIMITS.description),
  );
  check('category', (EVENT_CATEGORIES as readonly string[]).includes(values.category), e.errChoice);
  check('format', values.format === 'in_person' || values.format === 'online', e.errChoice);
  const inPerson = values.format === 'in_person';
  if (inPerson) {
    check('city', values.city.length > 0, e.errCity);
    check('address', values.address.length > 0, e.errAddress);
  } else if (values.format === 'online') {
    check(
      'onlineUrl',
      v.safeParse(v.pipe(v.string(), v.url(), v.startsWith('https://')), values.onlineUrl).success,
      e.errOnlineUrl,
    );
  }
  for (const name of ['city', 'cost'] as const)
    check(name, values[name].length <= LIMITS.line, tooLong(LIMITS.line));
  for (const name of ['address', 'directions', 'accessNotes'] as const)
    check(name, values[name].length <= LIMITS.text, tooLong(LIMITS.text));
  check('onlineUrl', values.onlineUrl.length <= LIMITS.url, tooLong(LIMITS.url));
  const capacity =
    values.capacity === ''
      ? null
      : /^\d{1,6}$/.test(values.capacity)
        ? Number(values.capacity)
        : NaN;
  check(
    'capacity',
    capacity === null || (Number.isInteger(capacity) && capacity >= 1 && capacity <= 100_000),
    e.errCapacity,
  );
  check('timeZone', isTimeZone(values.timeZone), e.errTimeZone);
  const reminderHours = Number(values.reminderHours);
  check(
    'reminderHours',
    (REMINDER_HOURS as readonly number[]).includes(reminderHours),
    e.errChoice,
  );
  // All day: midnight to midnight on the event's wall clock, the end date being the last day;
  // the times typed, if any, are ignored.
  const allDay = values.allDay;
  check('startDate', DATE.test(values.startDate), e.errDate);
  if (!allDay) check('startTime', TIME.test(values.startTime), e.errTime);
  check('endDate', values.endDate === '' || DATE.test(values.endDate), e.errDate);
  if (!allDay) check('endTime', TIME.test(values.endTime), e.errTime);
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (!errors.timeZone && !errors.startDate && !errors.startTime) {
    startsAt = zonedInstant(values.startDate, allDay ? '00:00' : values.startTime, values.timeZone);
    check('startDate', startsAt !== null, e.errDate);
    // An all-day event may still be made on its day, until that day ends.
    const notPast = allDay
      ? zonedInstant(nextDay(values.startDate), '00:00', values.timeZone)
      : startsAt;
    if (startsAt) check('startDate', !!notPast && notPast > now, e.errInPast);
  }
  if (startsAt && !errors.endDate && !errors.endTime) {
    const endDate = values.endDate || values.startDate;
    endsAt = allDay
      ? zonedInstant(nextDay(endDate), '00:00', values.timeZone)
      : zonedInstant(endDate, values.endTime, values.timeZone);
    check('endDate', endsAt !== null, e.errDate);
    if (endsAt) check(allDay ? 'endDate' : 'endTime', endsAt > startsAt, e.errEndBeforeStart);
  }
  let recurrence: Recurrence | null = null;
  if (allowRepeat && values.repeat !== 'none' && values.repeat !== '') {
    check('repeat', values.repeat === 'week' || values.repeat === 'month', e.errChoice);
    const until = zonedInstant(
      values.repeatUntil,
      '23:59',
      isTimeZone(values.timeZone) ? values.timeZone : 'UTC',
    );
    check('repeatUntil', until !== null && (!startsAt || until > startsAt), e.errRepeatUntil);
    if (until && (values.repeat === 'week' || values.repeat === 'month'))
      recurrence = { every: values.repeat, until };
  }
  check('campaign', values.campaign === '' || campaignIds.includes(values.campaign), e.errCampaign);
  check('language', isContentLanguage(values.language), t.forms.contentLanguageInvalid);
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { ok: false, errors };
  const has = (feature: string) => values.access.includes(feature);
  return {
    ok: true,
    recurrence,
    input: {
      title: values.title,
      description: values.description,
      category: values.category as EventInput['category'],
      format: values.format as EventInput['format'],
      city: values.city,
      address: inPerson ? values.address : '',
      directions: inPerson ? values.directions : '',
      stepFree: has('stepFree'),
      seating: has('seating'),
      interpretation: has('interpretation'),
      quietRoom: has('quietRoom'),
      childcare: has('childcare'),
      accessNotes: values.accessNotes,
      onlineUrl: inPerson ? '' : values.onlineUrl,
      languages: values.languages.join(','),
      cost: values.cost,
      capacity,
      timeZone: values.timeZone,
      startsAt,
      endsAt,
      reminderHours,
      contentLanguage: values.language as ContentLanguage,
      campaignId: values.campaign || null,
    },
  };
};
