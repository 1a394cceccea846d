import { html, raw } from 'hono/html';

/** ` selected=""` (or ` checked=""`, ` open=""`, ` hidden=""`) when true, as JSX writes a true boolean attribute. */
export const booleanAttribute = (on: boolean, name: string) => (on ? raw(` ${name}=""`) : '');

/** ` nonce="…"` on a script tag, when the response has a CSP nonce. */
export const nonceAttribute = (nonce: string | undefined) => (nonce ? html` nonce="${nonce}"` : '');

/** ` name="value"`, or nothing when there is no value, as JSX writes an attribute left undefined. */
export const optionalAttribute = (name: string, value: string | number | undefined) =>
  value === undefined ? '' : html` ${name}="${value}"`;
