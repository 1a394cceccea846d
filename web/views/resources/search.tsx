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

/** /resources: the search form and its results, in one screen on a phone. */
export const ResourceSearchPage = ({ t, locale, search, options, result, nonce }: Props) => (
  <>
    <h1>{t.resources.title}</h1>
    <p class="lead">{t.resources.intro}</p>
    {/* On a phone the filters fill the first screen: one tap (or Tab, Enter) goes past them. */}
    {isAsking(search) ? (
      <p>
        <a href="#results">{t.resources.goToResults}</a>
      </p>
    ) : null}
    <ResourceSearchForm t={t} locale={locale} search={search} options={options} />
    <ResourceResults
      t={t}
      locale={locale}
      search={search}
      result={result}
      categories={options.categories}
    />
    <script src={assetPath('resource-search.js')} nonce={nonce} defer></script>
  </>
);
