/**
 * A readable address from a name: lower-case ASCII words joined by hyphens. Its own module: the
 * resource editor (in the Worker) needs it, the HSDS import (a script, with its time-zone data)
 * too, and the Worker bundle should not carry the import to get it.
 */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'service';
