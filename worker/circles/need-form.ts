import * as v from 'valibot';
import type { HelpKind } from '../../db/circles/charter';
import type { NeedDraft, NeedRow } from '../../db/circles/needs';
import { NEED_LIMITS } from '../../db/circles/rules';
import { circleHelpKinds } from '../../db/schema';
import { format, type Catalog } from '../../web/i18n';
import type { NeedFields } from '../../web/views/circles/need-form';
import { dayIn } from '../../web/views/events/format';
import { zonedInstant } from '../events/form';
import { cleanText, firstValue } from '../http/fields';
import { requiredLine } from '../http/validation';

type Errors = Record<string, string>;

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The day after a YYYY-MM-DD day. */
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Links in what people write: an address with a scheme, "www.", or a name ending in a domain
 * (with a path, or a short domain a payment link uses). Money and supplies needs take words only.
 */
const LINK =
  /(?:[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/|\b[a-z0-9-]+\.(?:me|com|org|net|io|app|link|ly|gg|to|co|cash|pay)\b)/i;
const hasLink = (text: string): boolean => LINK.test(text);

/** A need page of this circle, as a path to return to; anything else (another circle's too) is null. */
export const needPathIn = (circleId: string, value: unknown): string | null =>
  typeof value === 'string' && new RegExp(`^/circles/${circleId}/needs/[a-z2-7]{26}$`).test(value)
    ? value
    : null;

/** An empty form: today, one helper, no repeat. */
export const emptyNeedFields = (): NeedFields => ({
  kind: '',
  title: '',
  timing: 'at',
  date: '',
  startTime: '',
  endTime: '',
  untilDate: '',
  helpersWanted: '1',
  place: '',
  resource: '',
  note: '',
  repeat: '1',
});

/** The form's values for a need as stored, in the circle's zone. */
export const needFieldsOf = (
  need: NeedRow,
  timeZone: string,
  resourceSlug: string | null,
): NeedFields => {
  const time = (date: Date) =>
    new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    }).format(date);
  return {
    kind: need.kind,
    title: need.title,
    timing: need.anyTime ? 'during' : 'at',
    date: dayIn(need.startsAt, timeZone),
    startTime: need.anyTime ? '' : time(need.startsAt),
    endTime: need.anyTime ? '' : time(need.endsAt),
    untilDate: need.anyTime ? dayIn(new Date(need.endsAt.getTime() - 1), timeZone) : '',
    helpersWanted: String(need.helpersWanted),
    place: need.place,
    resource: resourceSlug ? `/resources/${resourceSlug}` : '',
    note: need.note,
    repeat: '1',
  };
};

/** The directory resource a person pointed at: the id or slug in "/resources/<slug>", or the text itself. */
export const resourceReference = (text: string): string | null => {
  const match = /(?:^|\/resources\/)([a-z0-9][a-z0-9-]{0,99})\/?(?:[?#].*)?$/i.exec(text.trim());
  return match ? match[1]!.toLowerCase() : null;
};

export type ParsedNeed =
  | {
      ok: { draft: Omit<NeedDraft, 'resourceId'>; resource: string | null; weeks: number };
      values: NeedFields;
    }
  | { errors: Errors; values: NeedFields };

/**
 * Reads the need form in the circle's zone; every problem named in plain words, what was typed
 * kept. The resource is only read here (the route looks it up in the directory).
 */
export const parseNeed = (
  form: Record<string, unknown>,
  t: Catalog,
  timeZone: string,
  now: Date,
  options: { repeats: boolean },
): ParsedNeed => {
  const e = t.circleNeeds.errors;
  const text = (name: string, max: number, multiline = false) =>
    cleanText(firstValue(form[name]), multiline).slice(0, max + 500);
  const values: NeedFields = {
    kind: text('kind', 20),
    title: firstValue(form.title).slice(0, NEED_LIMITS.title * 2),
    timing: firstValue(form.timing) === 'during' ? 'during' : 'at',
    date: text('date', 10),
    startTime: text('startTime', 5),
    endTime: text('endTime', 5),
    untilDate: text('untilDate', 10),
    helpersWanted: text('helpersWanted', 3),
    place: text('place', NEED_LIMITS.place),
    resource: text('resource', 300),
    note: text('note', NEED_LIMITS.note, true),
    repeat: options.repeats ? text('repeat', 3) || '1' : '1',
  };
  const errors: Errors = {};
  const kind = v.safeParse(v.picklist(circleHelpKinds), values.kind);
  if (!kind.success) errors.kind = e.kind;
  const title = v.safeParse(
    requiredLine(NEED_LIMITS.title, {
      required: e.titleRequired,
      tooLong: format(e.titleTooLong, { max: NEED_LIMITS.title }),
    }),
    form.title,
  );
  if (!title.success) errors.title = title.issues[0].message;

  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  if (!DATE.test(values.date)) errors.date = e.date;
  else if (values.timing === 'at') {
    if (!TIME.test(values.startTime)) errors.startTime = e.time;
    if (!TIME.test(values.endTime)) errors.endTime = e.time;
    if (!errors.startTime && !errors.endTime) {
      startsAt = zonedInstant(values.date, values.startTime, timeZone);
      endsAt = zonedInstant(values.date, values.endTime, timeZone);
      if (!startsAt || !endsAt) errors.date = e.date;
      else if (endsAt <= startsAt) errors.endTime = e.endBeforeStart;
      else if (startsAt <= now) errors.date = e.inPast;
    }
  } else {
    const until = values.untilDate || values.date;
    if (!DATE.test(until)) errors.untilDate = e.date;
    else {
      startsAt = zonedInstant(values.date, '00:00', timeZone);
      endsAt = zonedInstant(nextDay(until), '00:00', timeZone);
      if (!startsAt || !endsAt) errors.date = e.date;
      else if (endsAt <= startsAt) errors.untilDate = e.endBeforeStart;
      else if (endsAt <= now) errors.date = e.inPast;
    }
  }
  if (
    startsAt &&
    !errors.date &&
    startsAt.getTime() > now.getTime() + NEED_LIMITS.aheadDays * DAY_MS
  )
    errors.date = e.tooFar;

  const helpers = /^\d{1,2}$/.test(values.helpersWanted) ? Number(values.helpersWanted) : NaN;
  if (!(helpers >= 1 && helpers <= NEED_LIMITS.helpers))
    errors.helpersWanted = format(e.helpers, { max: NEED_LIMITS.helpers });
  if (values.place.length > NEED_LIMITS.place)
    errors.place = format(e.textTooLong, { max: NEED_LIMITS.place });
  if (values.note.length > NEED_LIMITS.note)
    errors.note = format(e.textTooLong, { max: NEED_LIMITS.note });
  const resource = values.resource ? resourceReference(values.resource) : null;
  if (values.resource && !resource) errors.resource = e.resource;
  const weeks = /^\d{1,2}$/.test(values.repeat) ? Number(values.repeat) : NaN;
  if (!(weeks >= 1 && weeks <= NEED_LIMITS.weeks)) errors.repeat = e.repeat;
  // Money and supplies: words only, so nobody in the circle can slip in a payment link.
  if (values.kind === 'supplies')
    for (const name of ['title', 'place', 'note'] as const)
      if (!errors[name] && hasLink(values[name])) errors[name] = e.noLinks;

  if (Object.keys(errors).length > 0 || !kind.success || !title.success || !startsAt || !endsAt)
    return { errors, values };
  return {
    ok: {
      draft: {
        kind: kind.output as HelpKind,
        title: title.output,
        startsAt,
        endsAt,
        anyTime: values.timing === 'during',
        helpersWanted: helpers,
        place: values.place,
        note: values.note,
      },
      resource,
      weeks,
    },
    values,
  };
};
