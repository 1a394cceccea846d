/**
 * Turns what a person typed into a safe FTS5 query. Input is treated as words, never as FTS5
 * syntax: quotes, `*`, `NEAR`, `AND`, column filters such as `name:` are just text. Length and
 * term count are capped so a hostile query costs no more than an ordinary one.
 */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 8;
const MAX_TERM_CHARS = 40;

/** The words of a query, lower-cased, deduplicated and capped. */
export const queryTerms = (text: string): string[] => {
  const words = text.slice(0, MAX_QUERY_CHARS * 2).normalize('NFKC').slice(0, MAX_QUERY_CHARS).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_TERM_CHARS)))].slice(0, MAX_QUERY_TERMS);
};

/**
 * An FTS5 MATCH expression: every term quoted (so nothing in it is syntax), all required; the
 * last one also matches as a prefix ("counsel" finds "counselling") once it has two letters,
 * which the index's prefix tables answer quickly. Null when no word is left.
 */
export const toMatchQuery = (text: string): string | null => {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  return terms
    .map((term, i) => {
      const quoted = `"${term.replaceAll('"', '""')}"`;
      return i === terms.length - 1 && term.length >= 2 ? `${quoted} *` : quoted;
    })
    .join(' ');
};
