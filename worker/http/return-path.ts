/**
 * The path to return to after a form (language switch, sign-in): only ever a page of this
 * site. Parsed the way a browser would (which drops tabs and newlines and reads `\` as `/`),
 * so `/\t/evil.example` or `/\\evil.example` cannot lead elsewhere. Anything odd gives '/'.
 */
export const safeReturnPath = (value: unknown): string => {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return '/';
  // Control characters never belong in a path we send back in a Location header.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const base = 'http://this.site';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
};
