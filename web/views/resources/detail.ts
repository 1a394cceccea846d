import { html } from 'hono/html';
import type { CategoryOption, ResourceDetail, ResourcePlace } from '../../../db/resources/types';
import { costLabel } from './card';
import { OpeningHours } from './opening-hours';
import { ReportForm, type ReportFormState } from './report-form';
import type { Catalog, Locale } from '../../i18n';
import { format } from '../../i18n';
import { categoryName, formatDate, formatMoney, languageName, zoneName } from './format';

interface Props {
  t: Catalog;
  locale: Locale;
  resource: ResourceDetail;
  categories: readonly CategoryOption[];
  report: ReportFormState;
  limits: { problem: number; contact: number };
  /** For moderators only: where to edit this resource. */
  editHref?: string | undefined;
}

/** `lang` for text in another language than the page's (WCAG 3.1.2), else nothing. */
const langIf = (language: string, locale: Locale) =>
  language === locale ? '' : html` lang="${language}"`;

/** A phone number as a link: digits and a leading + only. */
const telHref = (scheme: 'tel' | 'sms', number: string) =>
  `${scheme}:${number.replace(/[^\d+]/g, '')}`;

const agesText = (t: Catalog, min: number | null, max: number | null) =>
  min !== null && max !== null
    ? format(t.resources.agesBetween, { min, max })
    : min !== null
      ? format(t.resources.agesFrom, { min })
      : max !== null
        ? format(t.resources.agesUpTo, { max })
        : null;

const verifiedText = (t: Catalog, locale: Locale, resource: ResourceDetail) => {
  if (!resource.verifiedAt) return t.resources.notVerifiedLong;
  const date = formatDate(resource.verifiedAt, locale);
  const template =
    resource.verifiedByRole === 'moderator'
      ? t.resources.verifiedByModerator
      : resource.verifiedByRole === 'admin'
        ? t.resources.verifiedByAdmin
        : t.resources.verifiedOn;
  return format(template, { date });
};

// Templates are kept on one line, as JSX writes elements: no whitespace between them.
// prettier-ignore
const list = (items: readonly string[], lang: ReturnType<typeof langIf> = '') => html`<ul${lang}>${items.map((item) => html`<li>${item}</li>`)}</ul>`;

/** Where a place is (or that it is online or confidential), how to get there, and its hours. */
const place = (t: Catalog, locale: Locale, place: ResourcePlace, index: number) => {
  const r = t.resources;
  const a = place.address;
  // prettier-ignore
  const where = place.online
    ? html`<p>${r.placeOnline}</p>`
    : html`<h3>${r.addressHeading}</h3>${a
        ? html`<address>${place.name ? html`${place.name}<br/>` : ''}${a.street}<br/>${a.street2 ? html`${a.street2}<br/>` : ''}${a.city}, ${a.province} ${a.postalCode}</address>`
        : html`<p>${place.city ? html`${place.city}. ` : ''}<strong>${r.confidentialAddress}</strong></p>`}${place.transportation ? html`<h3>${r.transitHeading}</h3><p>${place.transportation}</p>` : ''}`;
  const hours = place.hours.length
    ? OpeningHours({
        t,
        locale,
        hours: place.hours,
        today: place.today,
        zone: zoneName(place.timeZone, locale),
        labelledBy: `hours-${index}`,
      })
    : html`<p>${r.noHours}</p>`;
  // prettier-ignore
  return html`<div class="place">${where}<h3 id="hours-${index}">${r.hoursHeading}</h3>${hours}</div>`;
};

/**
 * /resources/:id — one service: what, for whom, how to reach it, when, and how fresh this is.
 * Written as an `html` template rather than JSX (hono's JSX was about a tenth of the page's
 * time); the template escapes every value it is given all the same.
 */
export const ResourcePage = ({
  t,
  locale,
  resource,
  categories,
  report,
  limits,
  editHref,
}: Props) => {
  const r = t.resources;
  const ages = agesText(t, resource.minimumAge, resource.maximumAge);
  const features = [
    resource.walkIn && r.walkIn,
    resource.traumaInformed && r.traumaInformed,
    resource.survivorLed && r.survivorLed,
  ].filter((f): f is string => !!f);
  const accessibility = [...new Set(resource.places.flatMap((p) => p.accessibility))];
  const contentLang = langIf(resource.contentLanguage, locale);
  const edit = editHref
    ? html` · <a href="${editHref}">${t.resourceEdit.editThisResource}</a>`
    : '';
  const badge = resource.openNow ? 'badge badge-open' : 'badge badge-closed';
  const categoryNames = resource.categories
    .map((code) => categoryName(code, categories, locale))
    .join(', ');
  // prettier-ignore
  const offers = html`<h2>${r.offersHeading}</h2><p class="categories">${categoryNames}</p>${resource.description ? html`<p${contentLang}>${resource.description}</p>` : ''}${features.length > 0 ? html`<h3>${r.featuresHeading}</h3>${list(features)}` : ''}`;
  // prettier-ignore
  const who = html`<h2>${r.whoHeading}</h2>${resource.eligibility ? html`<p${contentLang}>${resource.eligibility}</p>` : ''}${ages ? html`<p>${ages}</p>` : ''}${!resource.eligibility && !ages ? html`<p>${r.whoAnyone}</p>` : ''}<h3>${r.documentsHeading}</h3>${resource.documents.length ? list(resource.documents, contentLang) : html`<p>${r.noDocuments}</p>`}${resource.applicationProcess ? html`<h3>${r.startHeading}</h3><p${contentLang}>${resource.applicationProcess}</p>` : ''}`;
  const phones = resource.phones.map((phone) => {
    const href = telHref(phone.type === 'text' ? 'sms' : 'tel', phone.number);
    const label = format(phone.type === 'text' ? r.text : r.call, { number: phone.number });
    // prettier-ignore
    return html`<li><a class="button" href="${href}">${label}</a>${phone.description ? html`<span${contentLang}> ${phone.description}</span>` : ''}</li>`;
  });
  const website =
    resource.url && /^https?:\/\//.test(resource.url)
      ? html`<p><a href="${resource.url}" rel="noreferrer noopener">${r.website}</a></p>`
      : '';
  // prettier-ignore
  const reach = html`<h2>${r.reachHeading}</h2>${phones.length > 0 ? html`<ul class="phones">${phones}</ul>` : ''}${website}${resource.places.map((p, index) => place(t, locale, p, index))}`;
  const costs = resource.costs.map(
    (cost) =>
      [
        cost.option,
        cost.amount ? formatMoney(cost.amount, cost.currency ?? 'CAD', locale) : null,
        cost.description,
      ]
        .filter(Boolean)
        .join(' · ') || costLabel(t, locale, { free: false, lowestCost: null, costOption: null }),
  );
  const languageNames = resource.languages.map((code) => languageName(code, locale)).join(', ');
  // prettier-ignore
  const rest = html`<h2>${r.languagesHeading}</h2><p>${languageNames}</p><h2>${r.costHeading}</h2>${resource.free ? html`<p>${r.costFree}</p>` : list(costs, contentLang)}<h2>${r.accessibilityHeading}</h2>${accessibility.length ? list(accessibility, contentLang) : html`<p>${r.noAccessibility}</p>`}`;
  const reportForm = ReportForm({
    t,
    slug: resource.slug,
    state: report,
    maxProblem: limits.problem,
    maxContact: limits.contact,
  });
  // prettier-ignore
  return html`<article class="resource"><p><a href="/resources">${r.backToSearch}</a>${edit}</p><h1${contentLang}>${resource.name}</h1><p class="resource-org">${r.runBy} <span${langIf(resource.organizationLanguage, locale)}>${resource.organizationName}</span></p><p class="${badge}">${resource.openNow ? r.openNowBadge : r.closedNowBadge}</p><p class="verified">${verifiedText(t, locale, resource)}</p>${offers}${who}${reach}${rest}${reportForm}</article>`;
};
