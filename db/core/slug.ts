/**
 * A readable address from a name: lower-case ASCII words joined by hyphens, at most 60
 * characters; `fallback` when nothing readable is left (a name in another script, say).
 */
export const slugify = (name: string, fallback: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || fallback;
