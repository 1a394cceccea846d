import * as v from 'valibot';
import { charterParts, type CharterDraft, type HelpKind } from '../../db/circles/charter';
import type { CircleSettings } from '../../db/circles/circles';
import { CIRCLE_LIMITS } from '../../db/circles/rules';
import { circleCheckInPaces, circleHelpKinds } from '../../db/schema';
import type { CharterFields } from '../../web/views/circles/charter';
import type { CircleSettingsFields } from '../../web/views/circles/settings';
import { format, isLocale, type Catalog, type Locale } from '../../web/i18n';
import { submittedFormKey } from '../../db/core/form-submissions';
import { isTimeZone, zonedInstant } from '../events/form';
import { allValues, cleanText, firstValue } from '../http/fields';
import { emailAddress, fieldErrors, requiredLine } from '../http/validation';

type Errors = Record<string, string>;
type Parsed<T, Values> = { ok: T; values: Values } | { errors: Errors; values: Values };

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const minuteOf = (time: string): number | null => {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};
const timeOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** The settings form's values for a circle as stored. */
export const settingsFieldsOf = (settings: CircleSettings): CircleSettingsFields => ({
  label: settings.label,
  timeZone: settings.timeZone,
  quietStart: timeOf(settings.quietStartMinute),
  quietEnd: timeOf(settings.quietEndMinute),
  memberListVisible: settings.memberListVisible,
  ownerToldOfGaps: settings.ownerToldOfGaps,
  placeRevealHours: String(settings.placeRevealHours),
});

/** A new circle's form: quiet hours 21:00–08:00, places shown 24 hours before. */
export const newSettingsFields = (timeZone: string, formKey: string): CircleSettingsFields => ({
  ...settingsFieldsOf({
    label: '',
    timeZone,
    quietStartMinute: 21 * 60,
    quietEndMinute: 8 * 60,
    memberListVisible: false,
    ownerToldOfGaps: false,
    placeRevealHours: 24,
  }),
  formKey,
});

/** Reads the settings form; every problem named in plain words, what was typed kept. */
export const parseSettings = (
  form: Record<string, unknown>,
  t: Catalog,
): Parsed<CircleSettings, CircleSettingsFields> => {
  const e = t.circles.errors;
  const values: CircleSettingsFields = {
    label: firstValue(form.label).slice(0, CIRCLE_LIMITS.label * 2),
    timeZone: cleanText(firstValue(form.timeZone)).slice(0, 64),
    quietStart: cleanText(firstValue(form.quietStart)).slice(0, 10),
    quietEnd: cleanText(firstValue(form.quietEnd)).slice(0, 10),
    memberListVisible: firstValue(form.memberListVisible) === '1',
    ownerToldOfGaps: firstValue(form.ownerToldOfGaps) === '1',
    placeRevealHours: cleanText(firstValue(form.placeRevealHours)).slice(0, 10),
    formKey: submittedFormKey(form.formKey),
  };
  const errors: Errors = {};
  const label = v.safeParse(
    requiredLine(CIRCLE_LIMITS.label, {
      required: e.labelRequired,
      tooLong: format(e.labelTooLong, { max: CIRCLE_LIMITS.label }),
    }),
    form.label,
  );
  if (!label.success) errors.label = label.issues[0].message;
  if (!isTimeZone(values.timeZone)) errors.timeZone = e.timeZone;
  const quietStart = minuteOf(values.quietStart);
  const quietEnd = minuteOf(values.quietEnd);
  if (quietStart === null) errors.quietStart = e.quietTime;
  if (quietEnd === null) errors.quietEnd = e.quietTime;
  const hours = /^\d{1,2}$/.test(values.placeRevealHours) ? Number(values.placeRevealHours) : NaN;
  if (!(hours >= 1 && hours <= 72)) errors.placeRevealHours = e.revealHours;
  if (Object.keys(errors).length > 0 || !label.success) return { errors, values };
  return {
    ok: {
      label: label.output,
      timeZone: values.timeZone,
      quietStartMinute: quietStart!,
      quietEndMinute: quietEnd!,
      memberListVisible: values.memberListVisible,
      ownerToldOfGaps: values.ownerToldOfGaps,
      placeRevealHours: hours,
    },
    values,
  };
};

/** An optional date ("2026-05-31") in the circle's zone, in the future: its start, or null when empty. */
export const parseFutureDate = (
  text: string,
  timeZone: string,
  now: Date,
): { date: Date | null } | { error: true } => {
  if (text === '') return { date: null };
  const date = zonedInstant(text, '00:00', timeZone);
  return date && date > now ? { date } : { error: true };
};

/** The charter form's values as typed. */
export const charterFieldsOf = (draft: CharterDraft | null): CharterFields => ({
  helpKinds: draft?.helpKinds ?? [],
  helpText: draft?.helpText ?? '',
  checkInChannel: draft?.checkInChannel ?? 'site',
  checkInPace: draft?.checkInPace ?? 'never',
  topicsToAvoid: draft?.topicsToAvoid ?? '',
  spaceMeaning: draft?.spaceMeaning ?? '',
  accompaniment: draft?.accompaniment ?? '',
  anythingElse: draft?.anythingElse ?? '',
});

const textPartNames = charterParts.filter(
  (
    part,
  ): part is Exclude<
    (typeof charterParts)[number],
    'helpKinds' | 'checkInChannel' | 'checkInPace'
  > => part !== 'helpKinds' && part !== 'checkInChannel' && part !== 'checkInPace',
);

/** Reads the charter form: plain text only, each part at most CIRCLE_LIMITS.charterText. */
export const parseCharter = (
  form: Record<string, unknown>,
  t: Catalog,
): Parsed<CharterDraft, CharterFields> => {
  const e = t.circles.errors;
  const max = CIRCLE_LIMITS.charterText;
  const values: CharterFields = {
    helpKinds: allValues(form.helpKinds).slice(0, 20),
    checkInChannel: firstValue(form.checkInChannel).slice(0, 10),
    checkInPace: firstValue(form.checkInPace).slice(0, 20),
    ...(Object.fromEntries(
      textPartNames.map((part) => [
        part,
        cleanText(firstValue(form[part]), true).slice(0, max + 500),
      ]),
    ) as Pick<CharterFields, (typeof textPartNames)[number]>),
  };
  const schema = v.object({
    helpKinds: v.array(v.picklist(circleHelpKinds, e.helpKinds)),
    checkInChannel: v.picklist(['site', 'email'] as const, e.channel),
    checkInPace: v.picklist(circleCheckInPaces, e.pace),
    ...Object.fromEntries(
      textPartNames.map((part) => [
        part,
        v.pipe(v.string(), v.maxLength(max, format(e.textTooLong, { max }))),
      ]),
    ),
  });
  const parsed = v.safeParse(schema, values);
  if (!parsed.success) return { errors: fieldErrors(parsed.issues), values };
  const output = parsed.output as CharterDraft;
  return {
    ok: { ...output, helpKinds: [...new Set(output.helpKinds)] as HelpKind[] },
    values,
  };
};

/** A display name for a circle: one line, required, at most CIRCLE_LIMITS.displayName. */
export const parseDisplayName = (
  value: unknown,
  t: Catalog,
): { name: string } | { error: string } => {
  const parsed = v.safeParse(
    requiredLine(CIRCLE_LIMITS.displayName, {
      required: t.circles.errors.displayNameRequired,
      tooLong: format(t.circles.errors.displayNameTooLong, { max: CIRCLE_LIMITS.displayName }),
    }),
    value,
  );
  return parsed.success ? { name: parsed.output } : { error: parsed.issues[0].message };
};

/** The invitation form: one address, an optional note. */
export const parseInvitation = (
  form: Record<string, unknown>,
  t: Catalog,
  /** The owner's own language: what a form without the field (an older page) means. */
  ownLocale: Locale,
): Parsed<
  { email: string; personalNote: string; language: Locale },
  { email: string; personalNote: string; language: string }
> => {
  const max = CIRCLE_LIMITS.personalNote;
  const values = {
    email: cleanText(firstValue(form.email)).slice(0, 300),
    personalNote: cleanText(firstValue(form.personalNote), true).slice(0, max + 500),
    language: firstValue(form.language).trim() || ownLocale,
  };
  const errors: Errors = {};
  const email = v.safeParse(emailAddress(t.circles.errors.email), form.email);
  if (!email.success) errors.email = email.issues[0].message;
  if (values.personalNote.length > max)
    errors.personalNote = format(t.circles.errors.textTooLong, { max });
  if (!isLocale(values.language)) errors.language = t.forms.contentLanguageInvalid;
  if (!email.success || !isLocale(values.language) || Object.keys(errors).length > 0)
    return { errors, values };
  return {
    ok: { email: email.output, personalNote: values.personalNote, language: values.language },
    values,
  };
};
