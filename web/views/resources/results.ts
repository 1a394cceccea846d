import { html } from 'hono/html';
import type {
  CategoryOption,
  ResourceSearch,
  ResourceSearchResult,
} from '../../../db/resources/types';
import type { Catalog, Locale } from '../../i18n';
import { format } from '../../i18n';
import { searchUrl } from './search-url';
import { Pagination } from '../../components/pagination';
import { ResourceCard } from './card';
import { formatNumber } from '../../components/intl';

interface Props {
  t: Catalog;
  locale: Locale;
  search: ResourceSearch;
  result: ResourceSearchResult;
  categories: readonly CategoryOption[];
}

/**
 * The results region: the page includes it, and an htmx search gets it alone. Its count is a
 * status region that stays in place when htmx morphs the results, so screen readers hear the
 * new count after each change. An `html` template, as the cards in it.
 */
export const ResourceResults = ({ t, locale, search, result, categories }: Props) => {
  const r = t.resources;
  const count = result.more
    ? format(r.resultCountMore, { count: formatNumber(result.total, locale) })
    : result.total === 1
      ? r.resultCountOne
      : format(r.resultCountOther, { count: result.total });
  // prettier-ignore
  const list = result.items.length > 0 ? html`<ol class="resource-list">${result.items.map((resource) => ResourceCard({ t, locale, resource, categories }))}</ol>` : '';
  const pages = Pagination({
    t,
    page: result.page,
    pageCount: result.pageCount,
    hrefFor: (page) => searchUrl(search, { page }),
  });
  // prettier-ignore
  return html`<section id="results" class="results" aria-labelledby="results-heading"><h2 id="results-heading">${r.resultsHeading}</h2><p id="result-count" class="result-count" role="status">${result.total === 0 ? r.noResults : count}</p>${list}${pages}</section>`;
};
