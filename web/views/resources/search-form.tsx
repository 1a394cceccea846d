import type { ResourceSearch, SearchOptions } from '../../../db/resources/types';
import type { Catalog, Locale } from '../../i18n';
import { format } from '../../i18n';
import { FLAG_FILTERS, QUERY_FILTERS, RADII_KM } from './search-filters';
import { searchUrl } from './search-url';
import { categoryName, languageOptionLabel } from './format';
import { compareLabels } from '../../components/intl';

interface Props {
  t: Catalog;
  locale: Locale;
  search: ResourceSearch;
  options: SearchOptions;
}

/** htmx: replace the results region with the server's, morphing it so the live count is announced. */
const live = {
  'hx-get': '/resources',
  'hx-target': '#results',
  'hx-swap': 'outerMorph',
  'hx-push-url': 'true',
  'hx-indicator': '#search-indicator',
};

const Checkbox = ({
  name,
  label,
  checked,
}: {
  name: string;
  label: string;
  checked: boolean | undefined;
}) => (
  <label class="check">
    <input type="checkbox" name={name} value="1" checked={!!checked} /> {label}
  </label>
);

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
 */
export const ResourceSearchForm = ({ t, locale, search, options }: Props) => {
  const r = t.resources;
  const { languages, categories } = optionLists(options, locale);
  return (
    <form
      id="resource-search"
      class="resource-search"
      method="get"
      action="/resources"
      role="search"
      hx-trigger="submit, change"
      hx-sync="this:replace"
      {...live}
    >
      <div class="field">
        <label for="q">{r.searchLabel}</label>
        <p id="q-hint" class="hint">
          {r.searchHint}
        </p>
        <input
          type="search"
          id="q"
          name="q"
          value={search.text ?? ''}
          maxlength={200}
          autocomplete="off"
          aria-describedby="q-hint"
          hx-trigger="input changed delay:500ms"
          hx-include="closest form"
          hx-sync="closest form:replace"
          {...live}
        />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="category">{r[QUERY_FILTERS.category.label]}</label>
          <select id="category" name={QUERY_FILTERS.category.keys[0]}>
            <option value="">{r.anyCategory}</option>
            {categories.map((c) => (
              <option value={c.code} selected={search.category === c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="language">{r[QUERY_FILTERS.language.label]}</label>
          <select id="language" name={QUERY_FILTERS.language.keys[0]}>
            <option value="">{r.anyLanguage}</option>
            {languages.map((l) => (
              <option value={l.code} selected={search.language === l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="city">{r[QUERY_FILTERS.city.label]}</label>
          <select id="city" name={QUERY_FILTERS.city.keys[0]}>
            <option value="">{r.anyCity}</option>
            {options.cities.map((city) => (
              <option value={city} selected={search.city === city}>
                {city}
              </option>
            ))}
            <option value="online" selected={search.city === 'online'}>
              {r.onlineOnly}
            </option>
          </select>
        </div>
      </div>
      <fieldset class="only">
        <legend>{r.onlyLegend}</legend>
        {FLAG_FILTERS.map((name) => (
          <Checkbox
            name={QUERY_FILTERS[name].keys[0]}
            label={r[QUERY_FILTERS[name].label]}
            checked={search[name]}
          />
        ))}
      </fieldset>
      {/* Shown by resource-search.js when the browser can locate; without it, only when already in use. */}
      <fieldset id="near-me" class="near-me" hidden={!search.near}>
        <legend>{r[QUERY_FILTERS.near.label]}</legend>
        <p id="near-me-hint" class="hint">
          {r.nearMeHint}
        </p>
        <button
          type="button"
          class="button"
          data-near-me=""
          data-working={r.nearMeWorking}
          data-denied={r.nearMeDenied}
          data-active={r.nearMeActive}
          aria-describedby="near-me-hint"
        >
          {r.nearMe}
        </button>
        <p id="near-me-status" class="near-me-status" role="status">
          {search.near ? r.nearMeActive : ''}
        </p>
        {search.near && (
          <>
            <input type="hidden" name="lat" value={search.near.latitude.toFixed(2)} />
            <input type="hidden" name="lon" value={search.near.longitude.toFixed(2)} />
            <p>
              <a
                href={searchUrl(search, {
                  near: undefined,
                  page: 1,
                  sort: search.sort === 'distance' ? 'relevance' : search.sort,
                })}
              >
                {r.nearMeStop}
              </a>
            </p>
          </>
        )}
      </fieldset>
      {/* Kept folded on a small screen so the results start sooner; open when in use. */}
      <details class="more-filters" open={!!search.near || search.sort !== 'relevance'}>
        <summary>{r.moreFilters}</summary>
        <div class="field">
          <label for="within">{r.distanceLabel}</label>
          <select id="within" name="within">
            <option value="">{r.anyDistance}</option>
            {RADII_KM.map((km) => (
              <option value={String(km)} selected={search.near?.radiusKm === km}>
                {format(r.withinKm, { km })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="sort">{r.sortLabel}</label>
          <select id="sort" name="sort">
            <option value="relevance" selected={search.sort === 'relevance'}>
              {r.sortRelevance}
            </option>
            <option value="distance" selected={search.sort === 'distance'}>
              {r.sortDistance}
            </option>
            <option value="verified" selected={search.sort === 'verified'}>
              {r.sortVerified}
            </option>
          </select>
        </div>
      </details>
      <div class="actions">
        <button type="submit" class="button primary">
          {r.submit}
        </button>
        <a href="/resources">{r.clearAll}</a>
        <span id="search-indicator" class="htmx-indicator">
          {r.searching}
        </span>
      </div>
    </form>
  );
};
