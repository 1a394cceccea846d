import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { encodeBase64 } from '@oslojs/encoding';
import { randomBytes } from '../../db/core/random';
import { isEmbedPath } from '../http/embeds';

/**
 * The CSP nonce of this response, as hono's own NONCE makes it (128 bits, base64, kept as
 * `secureHeadersNonce` for the page's scripts), but from the app's pool of random bytes.
 */
const nonce = (c: Context) => {
  let value: string | undefined = c.get('secureHeadersNonce');
  if (!value) c.set('secureHeadersNonce', (value = encodeBase64(randomBytes(16))));
  return `'nonce-${value}'`;
};

/** The headers of every page, minus framing: the two policies below differ only there. */
const policy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", nonce],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
};
const common = {
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  referrerPolicy: 'no-referrer',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: {
    // Geolocation is asked for only on a click in the resource search, by this site alone.
    geolocation: ['self'],
    camera: [],
    microphone: [],
    payment: [],
    usb: [],
    browsingTopics: [],
  },
};

/** Every page but the embeds: no site may frame it (clickjacking), in CSP and for old browsers. */
const unframeable = secureHeaders({
  ...common,
  contentSecurityPolicy: { ...policy, frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
});

/**
 * The partner embeds: any site may frame them (`frame-ancestors *`, no X-Frame-Options). Any,
 * rather than `https:` alone: whatever the partner page's scheme, the frame itself comes from
 * this site, and a partner on plain http (a small association's site) is still a partner.
 * Framing gives a clickjacker nothing: the embeds carry no session and set no cookie, and a
 * signature counts only once its owner confirms it from their mailbox.
 */
const frameable = secureHeaders({
  ...common,
  contentSecurityPolicy: { ...policy, frameAncestors: ['*'] },
  xFrameOptions: false,
});

/**
 * Security headers for every response. Scripts run only from this site and only with the
 * per-request nonce; nothing is loaded from another origin; no page can be framed but the
 * embeds (`isEmbedPath`, the one place that says which).
 */
export const securityHeaders = (): MiddlewareHandler =>
  async function securityHeaders(c, next) {
    return (isEmbedPath(c.req.path) ? frameable : unframeable)(c, next);
  };
