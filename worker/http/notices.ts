import type { Context } from 'hono';
import type { Catalog } from '../../web/i18n';
import type { AppEnv } from '../env';

/**
 * The confirmations a page may show after a redirect, by their `?done=` key: each says its text
 * from the reader's catalog. `Detail` is what some texts need besides (e.g. a version number).
 * Declare a map with `satisfies Notices` so `t` is typed and the keys stay literal.
 */
export type Notices<Detail = undefined> = Record<string, (t: Catalog, detail: Detail) => string>;

/** The key `?done=` names on this request, if it is one of these notices'; anything else, undefined. */
export const doneKey = <E extends AppEnv, N extends Notices<never>>(
  c: Context<E>,
  notices: N,
): (keyof N & string) | undefined => {
  const done = c.req.query('done');
  return done !== undefined && Object.hasOwn(notices, done) ? done : undefined;
};

/** The notice `?done=` names on this request, in the reader's language; none for a missing or unknown key. */
export function readNotice<E extends AppEnv, Detail>(
  c: Context<E>,
  notices: Notices<Detail>,
  detail: Detail,
): string | undefined;
export function readNotice<E extends AppEnv>(c: Context<E>, notices: Notices): string | undefined;
export function readNotice<E extends AppEnv>(
  c: Context<E>,
  notices: Notices<never>,
  detail?: unknown,
): string | undefined {
  const key = doneKey(c, notices);
  return key === undefined ? undefined : notices[key]!(c.get('t'), detail as never);
}

/**
 * The address to redirect to after an action, naming one of the notices its page declares
 * (a key it does not declare is a type error). `query` adds what a notice's text needs; `hash`
 * brings the person back to the part of the page that answered.
 */
export const noticeUrl = <N extends Notices<never>>(
  notices: N,
  path: string,
  key: keyof N & string,
  extra: { query?: Record<string, string | number>; hash?: string } = {},
): string => {
  const query = new URLSearchParams({ done: key });
  for (const [name, value] of Object.entries(extra.query ?? {})) query.set(name, String(value));
  return `${path}?${query}${extra.hash ? `#${extra.hash}` : ''}`;
};
