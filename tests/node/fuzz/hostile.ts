import fc from 'fast-check';

/**
 * The hostile values the fuzzer sends, as fast-check arbitraries. `MARK` in a value is replaced,
 * request by request, by a marker unique to that request, so markup that comes back unescaped is
 * found by looking for it (see `unescapedMarker`).
 */
export const MARK = 'MARK';

/** Markup meant to run or to be read by htmx if a page ever printed it unescaped. */
const MARKUP = [
  `<x-fuzz-${MARK}>`,
  `"><x-fuzz-${MARK} hx-get="${MARK}">`,
  `' hx-get="${MARK}" x='`,
  `<script>${MARK}</script>`,
  `<img src=x onerror=${MARK}>`,
  `</textarea><x-fuzz-${MARK}>`,
  `javascript:${MARK}`,
];

/** FTS5 query syntax and SQL, in lower case: an echo of them must never look like a leak. */
const QUERY_SYNTAX = [
  '"',
  '""',
  '*',
  'a*',
  'NEAR(',
  'NEAR(a b, -1)',
  'a OR',
  'AND NOT',
  '^a',
  'col:a',
  '{a b}:c',
  '(((',
  "'; drop table users; --",
  "' or '1'='1",
  '1; delete from campaigns',
  '%',
  '_',
  '\\',
];

/** Spreadsheet formula starts and prototype names. */
const FORMULAS_AND_NAMES = [
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1)',
  '=HYPERLINK("http://example.com")',
  '\t=1',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'valueOf',
];

/** Numbers no form expects. */
const NUMBERS = [
  '0',
  '-1',
  '-0',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '0x10',
  '9007199254740993',
  '99999999999999999999999',
  '1,000',
  ' 1 ',
];

/** Dates and times that do not exist or make no sense. */
const DATES = [
  '2026-02-30',
  '2026-13-01',
  '99999-01-01',
  '0000-00-00',
  '-2026-01-01',
  '2026-02-29',
  '1970-01-01',
  '2026-1-1',
  '25:61',
  '24:00',
  '2026-03-29T02:30',
  '2026-06-15T18:30:00Z',
];

/** Characters that change how text reads, or that no text field expects. */
const ODD_CHARACTERS = [
  '\u0000',
  '\u202eevil\u202c',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u2066x\u2069',
  '\r\n',
  '\u0007\u001b[31m',
  '\ud800',
  '\udfff',
  '\u0085',
  'é',
  'e\u0301',
  '👩🏽‍🦯',
  'ﷺ',
  'ǅ',
];

/** One long run of a character (to 100 KB): long enough to pass every length limit. */
const longText = fc
  .tuple(
    fc.constantFrom('a', 'é', '<', '\u202e', '"', ' ', '%', '\u0000', '👩🏽‍🦯'),
    fc.integer({ min: 1, max: 100_000 }),
  )
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

/** Numbers as a form sends them: any integer or float, written as JavaScript writes it. */
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String);

/** One hostile piece; markup most often, as it is what an escaping slip would show. */
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...MARKUP), weight: 5 },
  { arbitrary: fc.constantFrom(...QUERY_SYNTAX), weight: 3 },
  { arbitrary: fc.constantFrom(...FORMULAS_AND_NAMES), weight: 2 },
  { arbitrary: fc.constantFrom(...NUMBERS, ...DATES), weight: 3 },
  { arbitrary: fc.constantFrom(...ODD_CHARACTERS), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  { arbitrary: anyNumber, weight: 1 },
);

/** A hostile value: pieces glued together, sometimes around a valid value, sometimes very long. */
export const hostileValue = (valid: string): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: piece, weight: 6 },
    {
      arbitrary: fc.array(piece, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')),
      weight: 3,
    },
    { arbitrary: piece.map((p) => `${valid}${p}`), weight: 2 },
    { arbitrary: longText, weight: 1 },
  );

/** Names no route expects, sent beside its own fields. */
export const strangeKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'done',
    'next',
    'formKey',
    'a[]',
    '',
    '%',
    'x-fuzz',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** Percent signs that decode to nothing: half a sequence, not hex, half a UTF-8 character. */
export const badPercent = fc.constantFrom(
  '%',
  '%Z',
  '%ZZ',
  '%E0%A4%A',
  '%C3',
  '%ED%A0%80',
  '%00',
  '%%',
  '%u202e',
  '%2',
);

/** How a body is sent: as forms send it, raw, or as something no form sends. */
export const ENCODINGS = [
  'urlencoded',
  'files',
  'raw',
  'multipart',
  'json',
  'text',
  'none',
  'no-boundary',
] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How a request proves it came from this site: as a browser on the site does, or not at all. */
export const ORIGINS = ['same-origin', 'origin-header', 'missing', 'cross-site'] as const;
export type OriginProof = (typeof ORIGINS)[number];

/** Things a response must never show: a stack, SQL or a database error, a path on this machine. */
export const LEAKS: readonly RegExp[] = [
  /\n\s+at [\w$.<>]+ \(/,
  /\bat (async )?[\w$.<>]+ \(\S+:\d+:\d+\)/,
  /SQLITE_/,
  /LIBSQL/,
  /SELECT /,
  /INSERT INTO/,
  /no such (table|column|function)/i,
  /syntax error/i,
  /fts5:/i,
  /\/work\//,
  /node_modules/,
  /\.tsx?:\d/,
  /\[object Object\]/,
  /TypeError|RangeError|ReferenceError|URIError/,
];

/** The constant values, for a test that checks no echo of them can look like a leak. */
export const HOSTILE_CONSTANTS: readonly string[] = [
  ...MARKUP,
  ...QUERY_SYNTAX,
  ...FORMULAS_AND_NAMES,
  ...NUMBERS,
  ...DATES,
  ...ODD_CHARACTERS,
];

/** The marker of request `n`: unique, and what `STORED_MARKUP` finds. */
export const markOf = (n: number) => `fz${n}q${Math.floor(Math.random() * 1e6)}`;

/**
 * Markup any request carried, unescaped: this request's own, or an earlier one's that a page
 * shows from the database (a list, the outbox, a moderation queue).
 */
const UNESCAPED = [
  /<x-fuzz-fz\d+q\d+/,
  /hx-get="fz\d+q\d+"/,
  /<script>fz\d+q\d+/,
  /<img src=x onerror=fz\d+q\d+/,
  /href="javascript:fz\d+q\d+/,
];

/** The first unescaped marker in an HTML page, or null. */
export const unescapedMarker = (html: string): string | null => {
  for (const pattern of UNESCAPED) {
    const found = html.match(pattern);
    if (found) return found[0];
  }
  return null;
};
