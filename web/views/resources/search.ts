import { html } from 'hono/html';
import type {
  ResourceSearch,
  ResourceSearchResult,
  SearchOptions,
} from '../../../db/resources/types';
import { ResourceResults } from './results';
import { hasSearchFilter } from './search-filters';
import { ResourceSearchForm } from './search-form';
import type { Catalog, Locale } from '../../i18n';
import { assetPath } from '../../static/generated/assets';
import { nonceAttribute } from '../../components/html-attributes';

interface Props {
  t: Catalog;
  locale: Locale;
  search: ResourceSearch;
  options: SearchOptions;
  result: ResourceSearchResult;
  /** The CSP nonce of this response, for the page's own script. */
  nonce: string | undefined;
}

/** Whether the person has asked for something: then the results, not the form, are what they came for. */
const isAsking = (search: ResourceSearch) =>
  !!search.text || hasSearchFilter(search) || search.page > 1;

/** /resources: the search form and its results, in one screen on a phone. An `html` template, as its parts. */
export const ResourceSearchPage = ({ t, locale, search, options, result, nonce }: Props) => {
  // On a phone the filters fill the first screen: one tap (or Tab, Enter) goes past them.
  const skip = isAsking(search)
    ? html`<p><a href="#results">${t.resources.goToResults}</a></p>`
    : '';
  const form = ResourceSearchForm({ t, locale, search, options });
  const results = ResourceResults({ t, locale, search, result, categories: options.categories });
  // prettier-ignore
  return html`<h1>${t.resources.title}</h1><p class="lead">${t.resources.intro}</p>${skip}${form}${results}<script src="${assetPath('resource-search.js')}"${nonceAttribute(nonce)} defer=""></script>`;
};
