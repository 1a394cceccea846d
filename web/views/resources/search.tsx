import type { ResourceSearch, ResourceSearchResult, SearchOptions } from '../../../db/resources-types';
import { ResourceResults } from '../../components/resource-results';
import { ResourceSearchForm } from '../../components/resource-search-form';
import type { Catalog, Locale } from '../../i18n';
import { assetPath } from '../../static/generated/assets';

interface Props {
  t: Catalog;
  locale: Locale;
  search: ResourceSearch;
  options: SearchOptions;
  result: ResourceSearchResult;
  /** The CSP nonce of this response, for the page's own script. */
  nonce: string | undefined;
}

/** /resources: the search form and its results, in one screen on a phone. */
export const ResourceSearchPage = ({ t, locale, search, options, result, nonce }: Props) => (
  <>
    <h1>{t.resources.title}</h1>
    <p class="lead">{t.resources.intro}</p>
    <ResourceSearchForm t={t} locale={locale} search={search} options={options} />
    <ResourceResults t={t} locale={locale} search={search} result={result} categories={options.categories} />
    <script src={assetPath('resource-search.js')} nonce={nonce} defer></script>
  </>
);
