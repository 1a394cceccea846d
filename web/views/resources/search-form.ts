import { html, raw } from 'hono/html';
import type { ResourceSearch, SearchOptions } from '../../../db/resources/types';
import type { Catalog, Locale } from '../../i18n';
import { format } from '../../i18n';
import { FLAG_FILTERS, QUERY_FILTERS, RADII_KM } from './search-filters';
import { searchUrl } from './search-url';
import { categoryName, languageOptionLabel } from './format';
import { compareLabels } from '../../components/intl';
import { booleanAttribute } from '../../components/html-attributes';

interface Props {
  t: Catalog;
  locale: Locale;
  search: ResourceSearch;
  options: SearchOptions;
}

// htmx: replace the results region with the server's, morphing it so the live count is announced.
const LIVE =
  'hx-get="/resources" hx-target="#results" hx-swap="outerMorph" hx-push-url="true" hx-indicator="#search-indicator"';

// Templates are kept on one line, as JSX writes elements: no whitespace between them.
// prettier-ignore
const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${booleanAttribute(selected, 'selected')}>${label}</option>`;

// prettier-ignore
const checkbox = (name: string, label: string, checked: boolean | undefined) => html`<label class="check"><input type="checkbox" name="${name}" value="1"${booleanAttribute(!!checked, 'checked')}/> ${label}</label>`;

/** The categories and languages of the filters, labelled and sorted for one language. */
interface OptionLists {
  languages: { code: string; label: string }[];
  categories: { code: string; label: string }[];
}

// Labelled and sorted once per set of options and language, not on every search: the options are
// one object per database until what they are read from changes (db/resources/options-cache.ts),
// and a change brings a new object, so a list kept for the old one is never shown again.
const kept = new WeakMap<SearchOptions, Map<Locale, OptionLists>>();

const optionLists = (options: SearchOptions, locale: Locale): OptionLists => {
  let byLocale = kept.get(options);
  if (!byLocale) kept.set(options, (byLocale = new Map()));
  let lists = byLocale.get(locale);
  if (!lists) {
    const compare = compareLabels(locale);
    lists = {
      languages: options.languages
        .map((code) => ({ code, label: languageOptionLabel(code, locale) }))
        .sort((a, b) => compare(a.label, b.label)),
      categories: options.categories
        .map((c) => ({ code: c.code, label: categoryName(c.code, options.categories, locale) }))
        .sort((a, b) => compare(a.label, b.label)),
    };
    byLocale.set(locale, lists);
  }
  return lists;
};

/**
 * The search form. A plain GET form (it works without JavaScript and its URL is the whole
 * state); with htmx, any change updates the results below, and typing does after a pause.
 * Written as an `html` template rather than JSX, as the result cards are: about a hundred
 * elements on every search page, each an object and its attributes lookups in hono's JSX; the
 * template escapes every value it is given all the same.
 */
export const ResourceSearchForm = ({ t, locale, search, options }: Props) => {
  const r = t.resources;
  const { languages, categories } = optionLists(options, locale);
  const near = search.near;
  // prettier-ignore
  const nearInUse = near ? html`<input type="hidden" name="lat" value="${near.latitude.toFixed(2)}"/><input type="hidden" name="lon" value="${near.longitude.toFixed(2)}"/><p><a href="${searchUrl(search, { near: undefined, page: 1, sort: search.sort === 'distance' ? 'relevance' : search.sort })}">${r.nearMeStop}</a></p>` : '';
  // Shown by resource-search.js when the browser can locate; without it, only when already in use.
  // prettier-ignore
  const nearMe = html`<fieldset id="near-me" class="near-me"${booleanAttribute(!near, 'hidden')}><legend>${r[QUERY_FILTERS.near.label]}</legend><p id="near-me-hint" class="hint">${r.nearMeHint}</p><button type="button" class="button" data-near-me="" data-working="${r.nearMeWorking}" data-denied="${r.nearMeDenied}" data-active="${r.nearMeActive}" aria-describedby="near-me-hint">${r.nearMe}</button><p id="near-me-status" class="near-me-status" role="status">${near ? r.nearMeActive : ''}</p>${nearInUse}</fieldset>`;
  // Kept folded on a small screen so the results start sooner; open when in use.
  // prettier-ignore
  const more = html`<details class="more-filters"${booleanAttribute(!!near || search.sort !== 'relevance', 'open')}><summary>${r.moreFilters}</summary><div class="field"><label for="within">${r.distanceLabel}</label><select id="within" name="within"><option value="">${r.anyDistance}</option>${RADII_KM.map((km) => option(String(km), format(r.withinKm, { km }), near?.radiusKm === km))}</select></div><div class="field"><label for="sort">${r.sortLabel}</label><select id="sort" name="sort">${option('relevance', r.sortRelevance, search.sort === 'relevance')}${option('distance', r.sortDistance, search.sort === 'distance')}${option('verified', r.sortVerified, search.sort === 'verified')}</select></div></details>`;
  const { category, language, city } = QUERY_FILTERS;
  // prettier-ignore
  const selects = html`<div class="field-row"><div class="field"><label for="category">${r[category.label]}</label><select id="category" name="${category.keys[0]}"><option value="">${r.anyCategory}</option>${categories.map((c) => option(c.code, c.label, search.category === c.code))}</select></div><div class="field"><label for="language">${r[language.label]}</label><select id="language" name="${language.keys[0]}"><option value="">${r.anyLanguage}</option>${languages.map((l) => option(l.code, l.label, search.language === l.code))}</select></div><div class="field"><label for="city">${r[city.label]}</label><select id="city" name="${city.keys[0]}"><option value="">${r.anyCity}</option>${options.cities.map((name) => option(name, name, search.city === name))}${option('online', r.onlineOnly, search.city === 'online')}</select></div></div>`;
  const flags = FLAG_FILTERS.map((name) =>
    checkbox(QUERY_FILTERS[name].keys[0], r[QUERY_FILTERS[name].label], search[name]),
  );
  // prettier-ignore
  return html`<form id="resource-search" class="resource-search" method="get" action="/resources" role="search" hx-trigger="submit, change" hx-sync="this:replace" ${raw(LIVE)}><div class="field"><label for="q">${r.searchLabel}</label><p id="q-hint" class="hint">${r.searchHint}</p><input type="search" id="q" name="q" value="${search.text ?? ''}" maxlength="200" autocomplete="off" aria-describedby="q-hint" hx-trigger="input changed delay:500ms" hx-include="closest form" hx-sync="closest form:replace" ${raw(LIVE)}/></div>${selects}<fieldset class="only"><legend>${r.onlyLegend}</legend>${flags}</fieldset>${nearMe}${more}<div class="actions"><button type="submit" class="button primary">${r.submit}</button><a href="/resources">${r.clearAll}</a><span id="search-indicator" class="htmx-indicator">${r.searching}</span></div></form>`;
};
