import type { Catalog } from '../i18n';

/**
 * "Previous page" and "Next page" of a list, as plain links with `rel` (the query string is
 * the state), so paging works without JavaScript, a page can be shared, and Back returns to
 * it. `label` names the navigation for a screen reader ("Pages of stories"). Nothing is drawn
 * when the list fits on one page.
 */
export const PageLinks = (props: {
  t: Catalog;
  label: string;
  previousHref: string | null;
  nextHref: string | null;
}) => {
  if (!props.previousHref && !props.nextHref) return null;
  return (
    <nav class="pagination" aria-label={props.label}>
      {props.previousHref ? (
        <a href={props.previousHref} rel="prev">
          {props.t.paging.previous}
        </a>
      ) : null}
      {props.nextHref ? (
        <a href={props.nextHref} rel="next">
          {props.t.paging.next}
        </a>
      ) : null}
    </nav>
  );
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
