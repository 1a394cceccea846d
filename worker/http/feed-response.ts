import type { Context } from 'hono';
import { hashToken } from '../../db/core/random';
import type { AppEnv } from '../env';

/**
 * Answers a feed (iCalendar, Atom). Feed readers and calendar apps poll often: the ETag (a hash
 * of what the feed is made of, given as `version`, and the language) lets an unchanged feed
 * answer 304 without generating anything; `no-cache` makes them ask each time rather than keep
 * a stale copy.
 */
export const feedResponse = async (
  c: Context<AppEnv>,
  feed: {
    version: string;
    contentType: string;
    /** Called only when the feed changed: a 304 neither builds it nor loads its library. */
    build: () => string | Promise<string>;
    filename?: string;
  },
) => {
  const etag = `"${hashToken(`${c.get('locale')}|${feed.version}`).slice(0, 32)}"`;
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
  return c.body(await feed.build(), 200, {
    ...headers,
    'Content-Type': feed.contentType,
    ...(feed.filename ? { 'Content-Disposition': `inline; filename="${feed.filename}"` } : {}),
  });
};

/** The media type of every Atom feed of the site. */
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
