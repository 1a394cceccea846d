import { html } from 'hono/html';
import { format, type Catalog } from '../i18n';

/**
 * Previous / "page 2 of 5" / next, as plain links (the query string is the state), so paging
 * works without JavaScript and a page can be shared. Nothing is drawn for a single page. An
 * `html` template, as the search results it closes.
 */
export const Pagination = (props: {
  t: Catalog;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) => {
  const r = props.t.resources;
  if (props.pageCount <= 1) return '';
  // prettier-ignore
  const previous = props.page > 1 ? html`<a href="${props.hrefFor(Math.min(props.page - 1, props.pageCount))}" rel="prev">${r.previousPage}</a>` : '';
  // prettier-ignore
  const next = props.page < props.pageCount ? html`<a href="${props.hrefFor(props.page + 1)}" rel="next">${r.nextPage}</a>` : '';
  // prettier-ignore
  return html`<nav class="pagination" aria-label="${r.pagination}">${previous}<span>${format(r.pageOf, { page: props.page, pages: props.pageCount })}</span>${next}</nav>`;
};
