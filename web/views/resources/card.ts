import { html } from 'hono/html';
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

/** `lang` for text in another language than the page's (WCAG 3.1.2), else nothing. */
const langIf = (language: string, locale: Locale) =>
  language === locale ? '' : html` lang="${language}"`;

// Templates are kept on one line, as JSX writes elements: no whitespace between them.
// prettier-ignore
const fact = (term: string, value: string) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;

/**
 * One search result: what a person needs to decide whether to open it. Written as an `html`
 * template rather than JSX: a page draws ten of them, and hono's JSX costs about four times as
 * much a row (every element an object, every attribute a lookup); the template escapes every
 * value it is given all the same.
 */
export const ResourceCard = ({ t, locale, resource, categories }: Props) => {
  const r = t.resources;
  const where = resource.city
    ? resource.distanceKm === null
      ? resource.city
      : `${resource.city}, ${format(r.distanceAway, { km: roundKm(resource.distanceKm) })}`
    : r.online;
  const facts = [
    fact(
      r.factKind,
      resource.categories.map((code) => categoryName(code, categories, locale)).join(', '),
    ),
    fact(r.factWhere, where),
    fact(
      r.factLanguages,
      resource.languages
        .map((code) => languageName(code, locale))
        .sort(compareLabels(locale))
        .join(', '),
    ),
    fact(r.factCost, costLabel(t, locale, resource)),
    fact(
      r.factChecked,
      resource.verifiedAt ? formatDate(resource.verifiedAt, locale) : r.notVerified,
    ),
  ];
  const badge = resource.openNow ? 'badge badge-open' : 'badge badge-closed';
  // prettier-ignore
  return html`<li class="resource-card"><h3><a href="/resources/${resource.slug}"${langIf(resource.contentLanguage, locale)}>${resource.name}</a></h3><p class="resource-org"${langIf(resource.organizationLanguage, locale)}>${resource.organizationName}</p><p class="${badge}">${resource.openNow ? r.openNowBadge : r.closedNowBadge}</p><dl class="facts">${facts}</dl></li>`;
};
