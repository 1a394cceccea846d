/**
 * The one place that decides which pages other sites may put in a frame: the partner embeds
 * under `/embed/` (upcoming events; one campaign's sign panel). The security headers let only
 * these be framed, and the session is neither read nor written for them, so they set no cookie.
 * Every other page keeps `frame-ancestors 'none'`.
 */
export const EMBED_PREFIX = '/embed/';

export const isEmbedPath = (path: string): boolean => path.startsWith(EMBED_PREFIX);
