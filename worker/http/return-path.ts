/** The longest return path kept; a longer one is no page of this site. */
const MAX_RETURN_PATH = 2000;

/**
 * The path to return to after a form (language switch, sign-in, a guarded page): only ever a
 * page of this site, and the one place that decides it. Parsed against an origin of our own the
 * way a browser would (which drops tabs and newlines and reads `\` as `/`), so
 * `/\t/evil.example` or `/\\evil.example` cannot lead elsewhere. The normalised path, never the
 * raw string, is what comes back; anything odd gives '/'.
 */
export const safeReturnPath = (value: unknown): string => {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > MAX_RETURN_PATH)
    return '/';
  // Control characters never belong in a path we send back in a Location header.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const base = 'http://this.site';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    const path = url.pathname + url.search + url.hash;
    // Dot segments resolve away: `/.//evil.example` becomes `//evil.example`, which the browser
    // reads as another site. So the result is read once more, as the Location it will become.
    if (path.length > MAX_RETURN_PATH || new URL(path, base).origin !== base) return '/';
    return path;
  } catch {
    return '/';
  }
};
