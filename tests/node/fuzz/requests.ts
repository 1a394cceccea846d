import fc from 'fast-check';
import {
  badPercent,
  ENCODINGS,
  hostileValue,
  MARK,
  ORIGINS,
  strangeKey,
  type Encoding,
  type OriginProof,
} from './hostile';
import type { FuzzEntry, Sample } from './routes';

/** Stands for "the valid value" of a field or path parameter, known only once fixtures exist. */
export const VALID: unique symbol = Symbol('valid');
type Value = string | typeof VALID;

/** One request as fast-check generates (and shrinks) it, before the fixtures' ids are put in. */
export interface FuzzRequest {
  params: Record<string, Value>;
  /** Form fields (a body) or query keys (GET), in order; a name may repeat. */
  pairs: [string, Value][];
  /** Raw text added to the query string or the body, percent signs that decode to nothing. */
  raw: string;
  encoding: Encoding;
  origin: OriginProof;
  htmx: boolean;
  language: string;
  /** The session cookie: the account's own (VALID), none (''), or a made-up one. */
  session: Value;
}

/** A path parameter's name and its regex, for `:name{regex}` or `:name`. */
export const pathParams = (path: string): { name: string; regex: string | null }[] =>
  [...path.matchAll(/:(\w+)(?:\{((?:[^{}]|\{[^}]*\})+)\})?/g)].map((m) => ({
    name: m[1]!,
    regex: m[2] ?? null,
  }));

/** The words of a regex that is only a list of words (`approval|decline`), or null. */
const wordsOf = (regex: string | null) =>
  regex && /^[a-z-]+(\|[a-z-]+)*$/.test(regex) ? regex.split('|') : null;

/** A value in a URL, percent-encoded even when it is not well-formed UTF-16. */
export const encode = (value: string) =>
  // A lone surrogate becomes U+FFFD, as String.prototype.toWellFormed does.
  encodeURIComponent(
    value.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );

const hostileParam = fc.oneof(
  hostileValue('').map(encode),
  fc.tuple(hostileValue(''), badPercent).map(([v, bad]) => `${encode(v)}${bad}`),
);

/**
 * How hostile a request's fields are: "wild" requests make most fields hostile, missing or
 * repeated; "mild" ones keep most fields valid, so that a request gets past validation with one
 * or two hostile values and reaches the code behind it.
 */
const WEIGHTS = {
  wild: { missing: 1, one: 6, repeated: 1, valid: 3, hostile: 4, empty: 1 },
  mild: { missing: 0, one: 12, repeated: 1, valid: 24, hostile: 2, empty: 0 },
} as const;

const field = (
  name: string,
  sample: Sample,
  mood: keyof typeof WEIGHTS,
): fc.Arbitrary<[string, Value][]> => {
  const w = WEIGHTS[mood];
  const value = fc.oneof(
    {
      arbitrary:
        typeof sample === 'string' ? fc.constant<Value>(VALID) : fc.constantFrom(...sample),
      weight: w.valid,
    },
    {
      arbitrary: hostileValue(typeof sample === 'string' ? sample : sample[0]!),
      weight: w.hostile,
    },
    { arbitrary: fc.constant(''), weight: w.empty + 1 },
  );
  return fc.oneof(
    { arbitrary: fc.constant<[string, Value][]>([]), weight: w.missing },
    { arbitrary: value.map((v): [string, Value][] => [[name, v]]), weight: w.one },
    {
      arbitrary: fc
        .array(value, { minLength: 2, maxLength: 3 })
        .map((values) => values.map((v): [string, Value] => [name, v])),
      weight: w.repeated,
    },
  );
};

const fields = (named: [string, Sample][], mood: keyof typeof WEIGHTS) =>
  fc.tuple(...named.map(([name, valid]) => field(name, valid, mood)));

/** The requests to fuzz one route with. */
export const fuzzRequests = (path: string, entry: FuzzEntry): fc.Arbitrary<FuzzRequest> => {
  const params: Record<string, fc.Arbitrary<Value>> = {};
  for (const { name, regex } of pathParams(path)) {
    const words = wordsOf(regex);
    params[name] = fc.oneof(
      { arbitrary: words ? fc.constantFrom(...words) : fc.constant(VALID), weight: 8 },
      { arbitrary: hostileParam, weight: 1 },
    );
  }
  const named = Object.entries({ ...entry.query, ...entry.fields });
  return fc.record({
    params: fc.record(params),
    pairs: fc
      .tuple(
        fc.oneof(fields(named, 'mild'), fields(named, 'wild')),
        fc.array(fc.tuple(strangeKey, hostileValue('')), { maxLength: 2 }),
      )
      .map(([fields, extra]) => [...fields.flat(), ...extra]),
    raw: fc.oneof(
      { arbitrary: fc.constant(''), weight: 3 },
      fc.tuple(strangeKey, badPercent).map(([k, bad]) => `&${encode(k)}=${bad}`),
    ),
    encoding: fc.oneof(
      { arbitrary: fc.constant<Encoding>('urlencoded'), weight: 6 },
      fc.constantFrom(...ENCODINGS),
    ),
    origin: fc.oneof(
      { arbitrary: fc.constant<OriginProof>('same-origin'), weight: 6 },
      fc.constantFrom(...ORIGINS),
    ),
    htmx: fc.boolean(),
    session: fc.oneof(
      { arbitrary: fc.constant<Value>(VALID), weight: 8 },
      fc.constant(''),
      hostileValue('').map(encode),
    ),
    language: fc.constantFrom('en', 'fr', 'fr-CA,fr;q=0.9', '*', 'xx', 'fr;q=NaN', ''),
  });
};

/** The request as `app.request` takes it, with the fixtures' ids and this request's marker in. */
export const buildRequest = (
  method: string,
  path: string,
  req: FuzzRequest,
  valid: Record<string, string>,
  mark: string,
  headers: Record<string, string>,
): { url: string; init: RequestInit } => {
  const text = (name: string, value: Value) =>
    (value === VALID ? (valid[name] ?? '') : value).replaceAll(MARK, mark);
  const url = path.replace(/:(\w+)(?:\{((?:[^{}]|\{[^}]*\})+)\})?/g, (_, name: string) =>
    text(name, req.params[name] ?? VALID),
  );
  const pairs = req.pairs.map(([name, value]): [string, string] => [name, text(name, value)]);
  const all: Record<string, string> = { ...headers, 'Accept-Language': req.language };
  if (req.session !== VALID) {
    delete all.Cookie;
    if (req.session) all.Cookie = `session=${req.session.replaceAll(MARK, mark)}`;
  }
  if (req.htmx) all['HX-Request'] = 'true';
  if (req.origin === 'same-origin') all['Sec-Fetch-Site'] = 'same-origin';
  if (req.origin === 'origin-header') all.Origin = 'http://localhost';
  if (req.origin === 'cross-site') {
    all['Sec-Fetch-Site'] = 'cross-site';
    all.Origin = 'https://evil.example';
  }
  if (method === 'GET')
    return { url: `${url}?${new URLSearchParams(pairs)}${req.raw}`, init: { headers: all } };
  return { url, init: { method, ...withBody(all, pairs, req.raw, req.encoding) } };
};

/** A form's body and its Content-Type, encoded as `encoding` says. */
const withBody = (
  headers: Record<string, string>,
  pairs: [string, string][],
  raw: string,
  encoding: Encoding,
): { headers: Record<string, string>; body: BodyInit } => {
  const urlencoded = `${new URLSearchParams(pairs)}${raw}`;
  const typed = (type: string, body: BodyInit) => ({
    headers: { ...headers, 'Content-Type': type },
    body,
  });
  switch (encoding) {
    case 'urlencoded':
      return typed('application/x-www-form-urlencoded', urlencoded);
    case 'raw':
      // Unencoded: `&`, `=`, `%` and `+` in values break the structure, as a hand-made client would.
      return typed(
        'application/x-www-form-urlencoded',
        pairs.map(([k, v]) => `${k}=${v}`).join('&') + raw,
      );
    case 'multipart': {
      const form = new FormData();
      for (const [k, v] of pairs) form.append(k, v);
      return { headers, body: form };
    }
    case 'files': {
      // Every value a file: no form here takes one, and a file must never read as text.
      const form = new FormData();
      for (const [k, v] of pairs) form.append(k, new File([v], `${v.slice(0, 20)}.txt`));
      return { headers, body: form };
    }
    case 'json':
      return typed('application/json', JSON.stringify(Object.fromEntries(pairs)));
    case 'text':
      return typed('text/plain', urlencoded);
    case 'none':
      // Bytes, so that fetch adds no Content-Type of its own.
      return { headers, body: new TextEncoder().encode(urlencoded) };
    case 'no-boundary':
      return typed('multipart/form-data', urlencoded);
  }
};
