import * as v from 'valibot';
import { cleanText, firstValue } from './fields';

/** A form field as one string (firstValue): missing, repeated or file fields never fail as a type. */
const field = v.pipe(v.optional(v.unknown(), ''), v.transform(firstValue));

/** Required single-line text of at most `max` characters; messages come from the catalog. */
export const requiredLine = (max: number, messages: { required: string; tooLong: string }) =>
  v.pipe(field, v.transform((value) => cleanText(value)), v.nonEmpty(messages.required), v.maxLength(max, messages.tooLong));

/** Required multi-line text of at most `max` characters. */
export const requiredText = (max: number, messages: { required: string; tooLong: string }) =>
  v.pipe(field, v.transform((value) => cleanText(value, true)), v.nonEmpty(messages.required), v.maxLength(max, messages.tooLong));

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
 * The fields of an `application/x-www-form-urlencoded` body, as hono's `parseBody()` gives
 * them: the last of a repeated name wins, except names ending in `[]`, which collect every value.
 */
export const urlencodedFields = (body: string): Record<string, string | string[]> => {
  const form: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    if (!key.endsWith('[]')) form[key] = value;
    else (form[key] = Array.isArray(form[key]) ? form[key] : []).push(value);
  }
  return form;
};

/**
 * Reads a urlencoded or multipart form; a malformed body reads as empty. A urlencoded body (what
 * every form here sends) is parsed from its text: `parseBody()` would make a web `Response` of
 * it to call `formData()`, which on Node cost more than the rest of reading the request.
 */
export const readForm = async (request: { header: (name: string) => string | undefined; text: () => Promise<string>; parseBody: () => Promise<Record<string, unknown>> }) => {
  try {
    const mediaType = request.header('content-type')?.split(';')[0]!.trim().toLowerCase();
    return mediaType === 'application/x-www-form-urlencoded' ? urlencodedFields(await request.text()) : await request.parseBody();
  } catch {
    return {};
  }
};
