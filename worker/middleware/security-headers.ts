import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { encodeBase64 } from '@oslojs/encoding';
import { randomBytes } from '../../db/core/random';

/**
 * The CSP nonce of this response, as hono's own NONCE makes it (128 bits, base64, kept as
 * `secureHeadersNonce` for the page's scripts), but from the app's pool of random bytes.
 */
const nonce = (c: Context) => {
  let value: string | undefined = c.get('secureHeadersNonce');
  if (!value) c.set('secureHeadersNonce', (value = encodeBase64(randomBytes(16))));
  return `'nonce-${value}'`;
};

/**
 * Security headers for every response. Scripts run only from this site and only with the
 * per-request nonce; nothing is loaded from another origin; no page can be framed.
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", nonce],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
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
  });
