import { format, type Catalog } from '../i18n';

/**
 * Previous / "page 2 of 5" / next, as plain links (the query string is the state), so paging
 * works without JavaScript and a page can be shared. Nothing is drawn for a single page.
 */
export const Pagination = (props: {
  t: Catalog;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) => {
  const r = props.t.resources;
  if (props.pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={r.pagination}>
      {props.page > 1 && (
        <a href={props.hrefFor(Math.min(props.page - 1, props.pageCount))} rel="prev">
          {r.previousPage}
        </a>
      )}
      <span>{format(r.pageOf, { page: props.page, pages: props.pageCount })}</span>
      {props.page < props.pageCount && (
        <a href={props.hrefFor(props.page + 1)} rel="next">
          {r.nextPage}
        </a>
      )}
    </nav>
  );
};
