import * as v from 'valibot';
import {
  CONSENT_MONTHS,
  CONTENT_NOTES,
  STORY_LANGUAGES,
  STORY_LIMITS,
  type Consent,
  type ContentNote,
  type StoryDraft,
  type StoryLanguage,
} from '../../db/stories/stories';
import { format, type Catalog } from '../../web/i18n';
import { fieldErrors, requiredLine, requiredText } from '../http/validation';
import { allValues, cleanText, firstValue } from '../http/fields';
import { submittedFormKey } from '../../db/core/form-submissions';

/** What the story form sends back when it is shown again: exactly what the person typed. */
export interface StoryFormValues {
  title: string;
  body: string;
  shownName: string;
  language: string;
  contentNotes: string[];
  contentNoteText: string;
  formKey: string;
}

/** The form's fields as typed, cut to a sane length so a huge post is not echoed back whole. */
export const storyFormValues = (form: Record<string, unknown>): StoryFormValues => ({
  title: firstValue(form.title).slice(0, STORY_LIMITS.title * 2),
  body: firstValue(form.body).slice(0, STORY_LIMITS.body + 1000),
  shownName: firstValue(form.shownName).slice(0, STORY_LIMITS.shownName * 2),
  language: firstValue(form.language).slice(0, 10),
  contentNotes: allValues(form.contentNotes).slice(0, 10),
  contentNoteText: firstValue(form.contentNoteText).slice(0, STORY_LIMITS.contentNoteText * 2),
  formKey: submittedFormKey(form.formKey),
});

const optionalLine = (max: number, tooLong: string) =>
  v.pipe(
    v.string(),
    v.transform((value) => cleanText(value)),
    v.maxLength(max, tooLong),
  );

/**
 * Parses a story form: plain text only (control characters and direction overrides removed;
 * nothing is ever rendered as HTML, so markup stays text). Returns the draft or field errors.
 */
export const parseStoryForm = (
  form: Record<string, unknown>,
  t: Catalog,
):
  | { draft: StoryDraft; values: StoryFormValues }
  | { errors: Record<string, string>; values: StoryFormValues } => {
  const values = storyFormValues(form);
  const e = t.stories.errors;
  const schema = v.object({
    title: requiredLine(STORY_LIMITS.title, {
      required: e.titleRequired,
      tooLong: format(e.titleTooLong, { max: STORY_LIMITS.title }),
    }),
    body: requiredText(STORY_LIMITS.body, {
      required: e.bodyRequired,
      tooLong: format(e.bodyTooLong, { max: STORY_LIMITS.body }),
    }),
    shownName: optionalLine(
      STORY_LIMITS.shownName,
      format(e.shownNameTooLong, { max: STORY_LIMITS.shownName }),
    ),
    language: v.picklist(STORY_LANGUAGES, e.languageInvalid),
    contentNotes: v.array(v.picklist(CONTENT_NOTES, e.notesInvalid)),
    contentNoteText: optionalLine(
      STORY_LIMITS.contentNoteText,
      format(e.noteTextTooLong, { max: STORY_LIMITS.contentNoteText }),
    ),
  });
  // The raw (uncut) title and body are validated, so an over-long text is refused, not cut.
  const parsed = v.safeParse(schema, {
    ...values,
    title: firstValue(form.title),
    body: firstValue(form.body),
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.issues), values };
  const draft = parsed.output;
  return {
    values,
    draft: {
      ...draft,
      language: draft.language as StoryLanguage,
      contentNotes: [...new Set(draft.contentNotes as ContentNote[])],
    },
  };
};

/** What the approval form sends back when it is shown again. */
export interface ConsentFormValues {
  ownPage: boolean;
  campaignIds: string[];
  eventQuotes: boolean;
  months: number;
}

/** Parses the approval form against the campaigns that may be chosen. */
export const parseConsentForm = (
  form: Record<string, unknown>,
  campaignIds: readonly string[],
  t: Catalog,
):
  | { consent: Consent; versionNumber: number }
  | { errors: Record<string, string>; values: ConsentFormValues } => {
  const e = t.stories.errors;
  const months = Number(firstValue(form.months));
  const versionNumber = Number(firstValue(form.version));
  const chosen = [...new Set(allValues(form.campaignIds))];
  const values: ConsentFormValues = {
    ownPage: firstValue(form.ownPage) === 'yes',
    campaignIds: chosen.filter((id) => campaignIds.includes(id)),
    eventQuotes: firstValue(form.eventQuotes) === 'yes',
    months: (CONSENT_MONTHS as readonly number[]).includes(months) ? months : 12,
  };
  const errors: Record<string, string> = {};
  if (!Number.isSafeInteger(versionNumber) || versionNumber < 1) errors.version = e.versionInvalid;
  if (!(CONSENT_MONTHS as readonly number[]).includes(months)) errors.months = e.monthsInvalid;
  if (chosen.some((id) => !campaignIds.includes(id))) errors.campaignIds = e.campaignInvalid;
  if (!values.ownPage && values.campaignIds.length === 0 && !values.eventQuotes)
    errors.ownPage = e.scopeRequired;
  if (Object.keys(errors).length > 0) return { errors, values };
  return {
    versionNumber,
    consent: {
      ownPage: values.ownPage,
      campaignIds: values.campaignIds,
      eventQuotes: values.eventQuotes,
      months,
    },
  };
};
