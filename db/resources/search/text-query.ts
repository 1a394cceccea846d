/**
 * Turns what a person typed into a safe FTS5 query. Input is treated as words, never as FTS5
 * syntax: quotes, `*`, `NEAR`, `AND`, column filters such as `name:` are just text. Length and
 * term count are capped so a hostile query costs no more than an ordinary one.
 */
export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 8;
const MAX_TERM_CHARS = 40;

/** The full-text columns that hold a service's names: its own, its other name, its organization's. */
const NAME_COLUMNS = '{name alternate_name organization}';

/**
 * The words of a query, lower-cased, deduplicated and capped. A word is a letter or digit and the
 * letters, digits and combining marks after it: the vowel signs of Hindi or Thai belong to their
 * word (as they do for the index's tokenizer), instead of cutting it into single letters.
 */
export const queryTerms = (text: string): string[] => {
  const words =
    text
      .slice(0, MAX_QUERY_CHARS * 2)
      .normalize('NFKC')
      .slice(0, MAX_QUERY_CHARS)
      .toLowerCase()
      .match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
  return [...new Set(words.map((word) => word.slice(0, MAX_TERM_CHARS)))].slice(0, MAX_QUERY_TERMS);
};

/**
 * Every term quoted (so nothing in it is syntax); the last one also matches as a prefix
 * ("counsel" finds "counselling") once it has two letters, which the index's prefix tables
 * answer quickly.
 */
const phrases = (terms: string[]): string[] =>
  terms.map((term, i) => {
    const quoted = `"${term.replaceAll('"', '""')}"`;
    return i === terms.length - 1 && term.length >= 2 ? `${quoted} *` : quoted;
  });

/** An FTS5 MATCH expression requiring every word, in any column. Null when no word is left. */
export const toMatchQuery = (text: string): string | null => {
  const terms = queryTerms(text);
  return terms.length === 0 ? null : phrases(terms).join(' ');
};

/** What a search by words matches. */
export interface TextMatch {
  /** For services_fts: the results. */
  all: string;
  /** For services_names_fts: the results with every word in a name, which rank first. */
  names: string;
  /** Whether `all` looks in the names only, so every result is a name hit. */
  namesOnly: boolean;
}

/**
 * The MATCH expressions of a search by words: every word anywhere, and every word in a name (the
 * service's, its other name or its organization's), which ranks first. Words of one character each
 * ("a", "à", "5") appear in nearly every description, so ranking every such hit would cost a whole
 * scan of the directory for no useful order: they are looked for in names only. Null when no word
 * is left.
 */
export const toTextMatch = (text: string): TextMatch | null => {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  const words = phrases(terms);
  // One character: one letter or digit, whatever marks it carries.
  const namesOnly = terms.every((term) => [...term.replace(/\p{M}/gu, '')].length === 1);
  return {
    all: namesOnly
      ? words.map((phrase) => `${NAME_COLUMNS} : ${phrase}`).join(' ')
      : words.join(' '),
    names: words.join(' '),
    namesOnly,
  };
};
