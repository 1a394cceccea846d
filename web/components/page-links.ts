import { html } from 'hono/html';
import type { Catalog } from '../i18n';

/**
 * "Previous page" and "Next page" of a list, as plain links with `rel` (the query string is
 * the state), so paging works without JavaScript, a page can be shared, and Back returns to
 * it. `label` names the navigation for a screen reader ("Pages of stories"). Nothing is drawn
 * when the list fits on one page. An `html` template (the events list, drawn as one, closes with it).
 */
export const PageLinks = (props: {
  t: Catalog;
  label: string;
  previousHref: string | null;
  nextHref: string | null;
}) => {
  if (!props.previousHref && !props.nextHref) return null;
  // prettier-ignore
  const previous = props.previousHref ? html`<a href="${props.previousHref}" rel="prev">${props.t.paging.previous}</a>` : '';
  // prettier-ignore
  const next = props.nextHref ? html`<a href="${props.nextHref}" rel="next">${props.t.paging.next}</a>` : '';
  return html`<nav class="pagination" aria-label="${props.label}">${previous}${next}</nav>`;
};

/** The address of a neighbouring page: the list's own query (filters kept) and its cursor (`after` or `before`). */
export const pageHref = (
  path: string,
  keep: Record<string, string>,
  cursor: Record<string, string>,
): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(keep)) if (value) params.set(name, value);
  for (const [name, value] of Object.entries(cursor)) params.set(name, value);
  return `${path}?${params.toString()}`;
};

/** A list's cursor in the query string: `after`, or `eventsAfter` for the list "events" among several on one page. */
export const cursorName = (prefix: string, end: 'after' | 'before'): string =>
  prefix ? `${prefix}${end[0]!.toUpperCase()}${end.slice(1)}` : end;

/** The addresses of a list's neighbouring pages (null where there is none). */
export interface PageHrefs {
  previousHref: string | null;
  nextHref: string | null;
}

/** Where a list stands and its neighbours' cursors: what a keyset page (db/core/keyset.ts) answers. */
export interface ListPlace {
  place: { after?: string | undefined; before?: string | undefined };
  after: string | null;
  before: string | null;
}

/**
 * The Previous/Next addresses of each list on a page that has several (the moderation
 * queues), by the list's prefix. Each list's cursor goes by its own names, and a link keeps
 * every other list where it stands, so paging one queue never sends the others back to their
 * first page. The address ends with `#prefix`: the list's heading carries that id, so the
 * reader lands on the list they paged, with or without JavaScript.
 */
export const listPageHrefs = <Prefix extends string>(
  path: string,
  lists: Record<Prefix, ListPlace>,
): Record<Prefix, PageHrefs> => {
  const entries = Object.entries(lists) as [Prefix, ListPlace][];
  const hrefs = {} as Record<Prefix, PageHrefs>;
  for (const [prefix, list] of entries) {
    const keep: Record<string, string> = {};
    for (const [other, { place }] of entries) {
      if (other === prefix) continue;
      if (place.after) keep[cursorName(other, 'after')] = place.after;
      if (place.before) keep[cursorName(other, 'before')] = place.before;
    }
    const href = (end: 'after' | 'before', cursor: string | null) =>
      cursor ? `${pageHref(path, keep, { [cursorName(prefix, end)]: cursor })}#${prefix}` : null;
    hrefs[prefix] = {
      previousHref: href('before', list.before),
      nextHref: href('after', list.after),
    };
  }
  return hrefs;
};
