// Lists give every row its address on every request (an event's, from its title): the same few
// titles again and again, and the normalisation and four passes cost a few microseconds each.
// A slug depends on the name and the fallback alone, so each is kept once made (at most 2,000).
const made = new Map<string, string>();

/**
 * A readable address from a name: lower-case ASCII words joined by hyphens, at most 60
 * characters; `fallback` when nothing readable is left (a name in another script, say).
 */
export const slugify = (name: string, fallback: string): string => {
  const key = `${fallback}\n${name}`;
  let slug = made.get(key);
  if (slug === undefined) {
    slug =
      name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, '') || fallback;
    if (made.size >= 2000) made.clear();
    made.set(key, slug);
  }
  return slug;
};
