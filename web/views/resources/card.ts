import type { CategoryOption, ResourceSummary } from '../../../db/resources/types';
import type { Catalog, Locale } from '../../i18n';
import { format } from '../../i18n';
import { categoryName, formatDate, formatMoney, languageName, roundKm } from './format';
import { compareLabels } from '../../components/intl';

interface Props {
  t: Catalog;
  locale: Locale;
  resource: ResourceSummary;
  categories: readonly CategoryOption[];
}

/** The cost in a few words: free, from the lowest price, or what the service says. */
export const costLabel = (
  t: Catalog,
  locale: Locale,
  resource: Pick<ResourceSummary, 'free' | 'lowestCost' | 'costOption'>,
) =>
  resource.free
    ? t.resources.costFree
    : resource.lowestCost
      ? format(t.resources.costFrom, {
          amount: formatMoney(resource.lowestCost.amount, resource.lowestCost.currency, locale),
        })
      : (resource.costOption ?? '');

/** One search result: what a person needs to decide whether to open it. */
export const ResourceCard = ({ t, locale, resource, categories }: Props) => {
  const r = t.resources;
  const where = resource.city
    ? resource.distanceKm === null
      ? resource.city
      : `${resource.city}, ${format(r.distanceAway, { km: roundKm(resource.distanceKm) })}`
    : r.online;
  return (
    <li class="resource-card">
      <h3>
        <a
          href={`/resources/${resource.slug}`}
          lang={resource.contentLanguage === locale ? undefined : resource.contentLanguage}
        >
          {resource.name}
        </a>
      </h3>
      <p
        class="resource-org"
        lang={resource.organizationLanguage === locale ? undefined : resource.organizationLanguage}
      >
        {resource.organizationName}
      </p>
      <p class={resource.openNow ? 'badge badge-open' : 'badge badge-closed'}>
        {resource.openNow ? r.openNowBadge : r.closedNowBadge}
      </p>
      <dl class="facts">
        <div>
          <dt>{r.factKind}</dt>
          <dd>
            {resource.categories.map((code) => categoryName(code, categories, locale)).join(', ')}
          </dd>
        </div>
        <div>
          <dt>{r.factWhere}</dt>
          <dd>{where}</dd>
        </div>
        <div>
          <dt>{r.factLanguages}</dt>
          <dd>
            {resource.languages
              .map((code) => languageName(code, locale))
              .sort(compareLabels(locale))
              .join(', ')}
          </dd>
        </div>
        <div>
          <dt>{r.factCost}</dt>
          <dd>{costLabel(t, locale, resource)}</dd>
        </div>
        <div>
          <dt>{r.factChecked}</dt>
          <dd>{resource.verifiedAt ? formatDate(resource.verifiedAt, locale) : r.notVerified}</dd>
        </div>
      </dl>
    </li>
  );
};
