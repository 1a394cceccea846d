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

/** `lang` for text in another language than the page's (WCAG 3.1.2). */
const langOf = (language: string, locale: Locale) => (language === locale ? undefined : language);

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

const Place = ({
  t,
  locale,
  place,
  index,
}: {
  t: Catalog;
  locale: Locale;
  place: ResourcePlace;
  index: number;
}) => {
  const r = t.resources;
  return (
    <div class="place">
      {place.online ? (
        <p>{r.placeOnline}</p>
      ) : (
        <>
          <h3>{r.addressHeading}</h3>
          {place.address ? (
            <address>
              {place.name && (
                <>
                  {place.name}
                  <br />
                </>
              )}
              {place.address.street}
              <br />
              {place.address.street2 && (
                <>
                  {place.address.street2}
                  <br />
                </>
              )}
              {place.address.city}, {place.address.province} {place.address.postalCode}
            </address>
          ) : (
            <p>
              {place.city && <>{place.city}. </>}
              <strong>{r.confidentialAddress}</strong>
            </p>
          )}
          {place.transportation && (
            <>
              <h3>{r.transitHeading}</h3>
              <p>{place.transportation}</p>
            </>
          )}
        </>
      )}
      <h3 id={`hours-${index}`}>{r.hoursHeading}</h3>
      {place.hours.length ? (
        <OpeningHours
          t={t}
          locale={locale}
          hours={place.hours}
          today={place.today}
          zone={zoneName(place.timeZone, locale)}
          labelledBy={`hours-${index}`}
        />
      ) : (
        <p>{r.noHours}</p>
      )}
    </div>
  );
};

/** /resources/:id — one service: what, for whom, how to reach it, when, and how fresh this is. */
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
  const contentLang = langOf(resource.contentLanguage, locale);
  return (
    <article class="resource">
      <p>
        <a href="/resources">{r.backToSearch}</a>
        {editHref ? (
          <>
            {' · '}
            <a href={editHref}>{t.resourceEdit.editThisResource}</a>
          </>
        ) : null}
      </p>
      <h1 lang={contentLang}>{resource.name}</h1>
      <p class="resource-org">
        {r.runBy}{' '}
        <span lang={langOf(resource.organizationLanguage, locale)}>
          {resource.organizationName}
        </span>
      </p>
      <p class={resource.openNow ? 'badge badge-open' : 'badge badge-closed'}>
        {resource.openNow ? r.openNowBadge : r.closedNowBadge}
      </p>
      <p class="verified">{verifiedText(t, locale, resource)}</p>

      <h2>{r.offersHeading}</h2>
      <p class="categories">
        {resource.categories.map((code) => categoryName(code, categories, locale)).join(', ')}
      </p>
      {resource.description && <p lang={contentLang}>{resource.description}</p>}
      {features.length > 0 && (
        <>
          <h3>{r.featuresHeading}</h3>
          <ul>
            {features.map((feature) => (
              <li>{feature}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{r.whoHeading}</h2>
      {resource.eligibility && <p lang={contentLang}>{resource.eligibility}</p>}
      {ages && <p>{ages}</p>}
      {!resource.eligibility && !ages && <p>{r.whoAnyone}</p>}
      <h3>{r.documentsHeading}</h3>
      {resource.documents.length ? (
        <ul lang={contentLang}>
          {resource.documents.map((document) => (
            <li>{document}</li>
          ))}
        </ul>
      ) : (
        <p>{r.noDocuments}</p>
      )}
      {resource.applicationProcess && (
        <>
          <h3>{r.startHeading}</h3>
          <p lang={contentLang}>{resource.applicationProcess}</p>
        </>
      )}

      <h2>{r.reachHeading}</h2>
      {resource.phones.length > 0 && (
        <ul class="phones">
          {resource.phones.map((phone) => (
            <li>
              <a class="button" href={telHref(phone.type === 'text' ? 'sms' : 'tel', phone.number)}>
                {format(phone.type === 'text' ? r.text : r.call, { number: phone.number })}
              </a>
              {phone.description && <span lang={contentLang}> {phone.description}</span>}
            </li>
          ))}
        </ul>
      )}
      {resource.url && /^https?:\/\//.test(resource.url) && (
        <p>
          <a href={resource.url} rel="noreferrer noopener">
            {r.website}
          </a>
        </p>
      )}
      {resource.places.map((place, index) => (
        <Place t={t} locale={locale} place={place} index={index} />
      ))}

      <h2>{r.languagesHeading}</h2>
      <p>{resource.languages.map((code) => languageName(code, locale)).join(', ')}</p>

      <h2>{r.costHeading}</h2>
      {resource.free ? (
        <p>{r.costFree}</p>
      ) : (
        <ul lang={contentLang}>
          {resource.costs.map((cost) => (
            <li>
              {[
                cost.option,
                cost.amount ? formatMoney(cost.amount, cost.currency ?? 'CAD', locale) : null,
                cost.description,
              ]
                .filter(Boolean)
                .join(' · ') ||
                costLabel(t, locale, { free: false, lowestCost: null, costOption: null })}
            </li>
          ))}
        </ul>
      )}

      <h2>{r.accessibilityHeading}</h2>
      {accessibility.length ? (
        <ul lang={contentLang}>
          {accessibility.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      ) : (
        <p>{r.noAccessibility}</p>
      )}

      <ReportForm
        t={t}
        slug={resource.slug}
        state={report}
        maxProblem={limits.problem}
        maxContact={limits.contact}
      />
    </article>
  );
};
