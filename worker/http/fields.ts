/**
 * Reading a form's fields, as `readForm` gives them: a field is a
 * string, a File, or a list of them when sent more than once. A form here never takes a file
 * where it expects text, so a File reads as empty text, not as "[object File]".
 */

/** The first value of a field as text: a missing field, a File, or a list starting with a File read as ''. */
export const firstValue = (value: unknown): string => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
};

/** Every value of a field (a checkbox group, a multiple select) that is text: Files and empty values are dropped. */
export const allValues = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );

/**
 * Marks that change how text displays without being seen: directional marks, embeddings,
 * overrides and isolates (they can make "txt.exe" read as "exe.txt", or a name as someone
 * else's), the byte-order mark, and C1 control characters.
 */
const HIDDEN_MARKS = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Cleans free text from a form or a query: Unicode normalised (NFC); hidden marks removed;
 * control characters removed, except that multi-line text keeps its line breaks (as \n) and
 * tabs while a single line gets a space for a run of them; trimmed.
 */
export const cleanText = (value: string, multiline = false): string => {
  const visible = value.normalize('NFC').replace(HIDDEN_MARKS, '');
  const withoutControls = multiline
    ? visible.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    : visible.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return withoutControls.trim();
};
