import * as v from 'valibot';
import { cleanText, firstValue } from './fields';

/** A form field as one string (firstValue): missing, repeated or file fields never fail as a type. */
const field = v.pipe(v.optional(v.unknown(), ''), v.transform(firstValue));

/** Required single-line text of at most `max` characters; messages come from the catalog. */
export const requiredLine = (max: number, messages: { required: string; tooLong: string }) =>
  v.pipe(
    field,
    v.transform((value) => cleanText(value)),
    v.nonEmpty(messages.required),
    v.maxLength(max, messages.tooLong),
  );

/** Required multi-line text of at most `max` characters. */
export const requiredText = (max: number, messages: { required: string; tooLong: string }) =>
  v.pipe(
    field,
    v.transform((value) => cleanText(value, true)),
    v.nonEmpty(messages.required),
    v.maxLength(max, messages.tooLong),
  );

/** An email address, trimmed and lower-cased. */
export const emailAddress = (message: string) =>
  v.pipe(
    field,
    v.transform((value) => cleanText(value).toLowerCase()),
    v.nonEmpty(message),
    v.maxLength(254, message),
    v.email(message),
  );

/** Field errors from a failed parse: the first message for each field. */
export const fieldErrors = (issues: v.BaseIssue<unknown>[]): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return errors;
};

/**
 * A form's fields as `readForm` gives them: a field sent once is its value, a field sent more
 * than once (a group of checkboxes, a multiple select) the list of its values in order. Read a
 * field with `firstValue` or `allValues` (./fields.ts), never directly.
 */
export type FormFields = Record<string, string | File | (string | File)[]>;

/**
 * The fields of an `application/x-www-form-urlencoded` body, as hono's `parseBody({ all: true })`
 * gives them: a repeated name collects every value, and a name ending in `[]` is always a list.
 */
export const urlencodedFields = (body: string): FormFields => {
  const form: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const before = form[key];
    if (Array.isArray(before)) before.push(value);
    else form[key] = before !== undefined ? [before, value] : key.endsWith('[]') ? [value] : value;
  }
  return form;
};

/**
 * Reads a urlencoded or multipart form, every value of a repeated field kept (see FormFields); a
 * malformed body reads as empty. The one reader of request bodies: `parseBody()` without
 * `{ all: true }` keeps only the last value of a field, which once dropped all but one of the
 * boxes a person ticked. A urlencoded body (what every form here sends) is parsed from its text:
 * `parseBody()` would make a web `Response` of it to call `formData()`, which on Node cost more
 * than the rest of reading the request.
 */
export const readForm = async (request: {
  header: (name: string) => string | undefined;
  text: () => Promise<string>;
  parseBody: (options: { all: true }) => Promise<Record<string, unknown>>;
}): Promise<FormFields> => {
  try {
    const mediaType = request.header('content-type')?.split(';')[0]!.trim().toLowerCase();
    return mediaType === 'application/x-www-form-urlencoded'
      ? urlencodedFields(await request.text())
      : ((await request.parseBody({ all: true })) as FormFields);
  } catch {
    return {};
  }
};
