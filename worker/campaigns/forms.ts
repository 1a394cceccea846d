import * as v from 'valibot';
import { CAMPAIGN_KINDS, type CampaignInput } from '../../db/campaigns/campaigns';
import { CONTENT_LANGUAGES } from '../../db/core/content-languages';
import { submittedFormKey } from '../../db/core/form-submissions';
import { newToken } from '../../db/core/random';
import { SIGNATURE_DISPLAYS, type SignatureInput } from '../../db/campaigns/signatures';
import { format, type Catalog } from '../../web/i18n';
import { emailAddress, fieldErrors, requiredLine, requiredText } from '../http/validation';
import { cleanText, firstValue } from '../http/fields';

/** Field lengths: generous for real people, far below what could clog a page or a CSV. */
export const SIGNATURE_FIELD_LENGTHS = { name: 80, city: 80, comment: 2000, letter: 8000 } as const;
export const CAMPAIGN_FIELD_LENGTHS = {
  title: 140,
  ask: 300,
  body: 10000,
  target: 140,
  letter: 8000,
  phone: 30,
  nextSteps: 2000,
  update: 5000,
  note: 2000,
} as const;

const ticked = (value: unknown): boolean => firstValue(value) === 'yes';

/** Optional text: cleaned, at most `max` characters. */
const optional = (max: number, t: Catalog, multiline = false) =>
  v.pipe(
    v.optional(v.unknown(), ''),
    v.transform((value) => cleanText(firstValue(value), multiline)),
    v.maxLength(max, format(t.campaigns.tooLong, { max })),
  );
const required = (max: number, t: Catalog, multiline = false) =>
  (multiline ? requiredText : requiredLine)(max, {
    required: t.campaigns.required,
    tooLong: format(t.campaigns.tooLong, { max }),
  });

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** The sign form: what the signer typed, kept to re-show it after an error. */
export const signatureValues = (form: Record<string, unknown>) => ({
  firstName: firstValue(form.firstName).slice(0, 200),
  lastName: firstValue(form.lastName).slice(0, 200),
  email: firstValue(form.email).slice(0, 254),
  city: firstValue(form.city).slice(0, 200),
  message: firstValue(form.message).slice(0, 10000),
  display: firstValue(form.display),
  wantsUpdates: ticked(form.wantsUpdates),
  shareEmail: ticked(form.shareEmail),
});
export type SignatureValues = ReturnType<typeof signatureValues>;

const signatureSchemaOf = (t: Catalog, isLetter: boolean) =>
  v.object({
    firstName: requiredLine(SIGNATURE_FIELD_LENGTHS.name, {
      required: t.campaigns.firstNameRequired,
      tooLong: format(t.campaigns.tooLong, { max: SIGNATURE_FIELD_LENGTHS.name }),
    }),
    lastName: optional(SIGNATURE_FIELD_LENGTHS.name, t),
    email: emailAddress(t.campaigns.emailInvalid),
    city: optional(SIGNATURE_FIELD_LENGTHS.city, t),
    message: optional(
      isLetter ? SIGNATURE_FIELD_LENGTHS.letter : SIGNATURE_FIELD_LENGTHS.comment,
      t,
      true,
    ),
    display: v.picklist(SIGNATURE_DISPLAYS, t.campaigns.displayRequired),
  });
/** The sign form's schema for one catalog (language) and kind, built once: it is the same every time. */
const signatureSchemas = new WeakMap<
  Catalog,
  { petition: ReturnType<typeof signatureSchemaOf>; letter: ReturnType<typeof signatureSchemaOf> }
>();
const signatureSchema = (t: Catalog, isLetter: boolean) => {
  let schemas = signatureSchemas.get(t);
  if (!schemas)
    signatureSchemas.set(
      t,
      (schemas = { petition: signatureSchemaOf(t, false), letter: signatureSchemaOf(t, true) }),
    );
  return isLetter ? schemas.letter : schemas.petition;
};

/** Reads a signature. Only these fields are read: `confirmed`, counts or anything else sent are ignored. */
export const parseSignature = (
  form: Record<string, unknown>,
  t: Catalog,
  isLetter: boolean,
  locale: 'en' | 'fr',
): FormResult<SignatureInput> => {
  const parsed = v.safeParse(signatureSchema(t, isLetter), {
    ...form,
    display: firstValue(form.display) || undefined,
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues) };
  return {
    ok: true,
    value: {
      ...parsed.output,
      wantsUpdates: ticked(form.wantsUpdates),
      shareEmail: ticked(form.shareEmail),
      locale,
    },
  };
};

export const campaignValues = (form: Record<string, unknown>) => ({
  kind: firstValue(form.kind),
  title: firstValue(form.title).slice(0, 1000),
  ask: firstValue(form.ask).slice(0, 1000),
  body: firstValue(form.body).slice(0, 20000),
  targetName: firstValue(form.targetName).slice(0, 1000),
  targetRole: firstValue(form.targetRole).slice(0, 1000),
  letterText: firstValue(form.letterText).slice(0, 20000),
  targetPhone: firstValue(form.targetPhone).slice(0, 100),
  nextSteps: firstValue(form.nextSteps).slice(0, 5000),
  goal: firstValue(form.goal).slice(0, 20),
  endsOn: firstValue(form.endsOn).slice(0, 20),
  language: firstValue(form.language).slice(0, 10),
  formKey: submittedFormKey(form.formKey),
});
export type CampaignValues = ReturnType<typeof campaignValues>;

/** A new campaign's form: a petition in the reader's language, with a fresh form key. */
export const newCampaignValues = (locale: string): CampaignValues => ({
  ...campaignValues({}),
  kind: 'petition',
  goal: '100',
  language: locale,
  formKey: newToken(),
});

const validDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Reads an organizer's campaign form. */
export const parseCampaign = (
  form: Record<string, unknown>,
  t: Catalog,
): FormResult<CampaignInput> => {
  const L = CAMPAIGN_FIELD_LENGTHS;
  const schema = v.object({
    kind: v.picklist(CAMPAIGN_KINDS, t.campaigns.required),
    title: required(L.title, t),
    ask: required(L.ask, t),
    body: required(L.body, t, true),
    targetName: required(L.target, t),
    targetRole: required(L.target, t),
    letterText: optional(L.letter, t, true),
    targetPhone: v.pipe(
      optional(L.phone, t),
      v.regex(/^[+]?[\d\s().-]*$/, t.campaigns.phoneInvalid),
    ),
    nextSteps: optional(L.nextSteps, t, true),
    goal: v.pipe(
      v.optional(v.unknown(), ''),
      v.transform((value) => firstValue(value).replace(/[\s,.\u202f\u00a0]/g, '')),
      v.regex(/^\d{1,8}$/, t.campaigns.goalInvalid),
      v.transform(Number),
      v.minValue(1, t.campaigns.goalInvalid),
      v.maxValue(10_000_000, t.campaigns.goalInvalid),
    ),
    endsOn: v.pipe(
      v.optional(v.unknown(), ''),
      v.transform((value) => firstValue(value).trim()),
      v.check((value) => value === '' || validDate(value), t.campaigns.endsOnInvalid),
    ),
    language: v.picklist(CONTENT_LANGUAGES, t.forms.contentLanguageInvalid),
  });
  const parsed = v.safeParse(schema, {
    ...form,
    kind: firstValue(form.kind) || undefined,
    language: firstValue(form.language) || undefined,
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues) };
  const { language, ...out } = parsed.output;
  const errors: Record<string, string> = {};
  if (out.kind === 'call' && !/\d/.test(out.targetPhone))
    errors.targetPhone = t.campaigns.phoneInvalid;
  if (out.kind !== 'petition' && !out.letterText) errors.letterText = t.campaigns.required;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { ...out, endsOn: out.endsOn || null, contentLanguage: language } };
};

/** One required multi-line text field (updates, next steps, delivery note). */
export const parseText = (value: unknown, max: number, t: Catalog): FormResult<string> => {
  const parsed = v.safeParse(required(max, t, true), value);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, errors: { text: parsed.issues[0].message } };
};

export const parseOptionalText = (value: unknown, max: number, t: Catalog): FormResult<string> => {
  const parsed = v.safeParse(optional(max, t, true), value);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, errors: { text: parsed.issues[0].message } };
};

export const parseDate = (value: unknown): string | null => {
  const s = firstValue(value).trim();
  return validDate(s) ? s : null;
};
