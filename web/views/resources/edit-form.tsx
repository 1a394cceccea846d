import type { ResourceChange } from '../../../db/resources/changes';
import type { PhoneType, ResourceInput } from '../../../db/resources/edit-types';
import type { Weekday } from '../../../db/resources/hours';
import type { CategoryOption } from '../../../db/resources/types';
import {
  CheckboxField,
  Checkboxes,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
  type FieldErrors,
  FormKeyField,
} from '../../components/form';
import { ResourceHistory } from './history';
import { format, labelledValues, type Catalog, type Locale } from '../../i18n';
import { categoryName, languageOptionLabel } from './format';

/** Phone rows the form shows. */
export const PHONE_ROWS = 3;

/**
 * The resource form as typed: what a failed save shows back. The same fields as the input it
 * becomes, but as typed: text where the input has numbers, lists or nulls.
 */
export type ResourceFormValues = Omit<
  ResourceInput,
  'organizationId' | 'documents' | 'latitude' | 'longitude' | 'phones' | 'hours' | 'otherPlaces'
> & {
  /** A new resource's form key: pressing "Save" twice adds one resource. */
  formKey?: string;
  /** The version the edit started from (db/resources/changes.ts `resourceVersion`). */
  version?: string;
  /** An existing organization's id, or empty for a new one. */
  organizationId: string;
  /** One per line. */
  documents: string;
  latitude: string;
  longitude: string;
  phones: { number: string; type: string }[];
  /** The form's openings a day (db/resources/edit-types.ts OPENINGS_PER_DAY), as typed; empty times where a day has fewer. */
  hours: Record<Weekday, FormOpening[]>;
  /** The fieldsets after the first place's, as typed: saved places first, then new ones. */
  otherPlaces?: FormPlace[];
};

/** One place's fieldset as typed. */
export type FormPlace = Pick<
  ResourceFormValues,
  | 'street'
  | 'city'
  | 'postalCode'
  | 'region'
  | 'country'
  | 'latitude'
  | 'longitude'
  | 'timeZone'
  | 'transportation'
  | 'confidential'
  | 'hours'
> & {
  /** "Remove this place" ticked (offered on a saved place after the first). */
  remove: boolean;
};

/** A place field's name: the first place's plain (`street`, `opensMO`), then `place2-street`, `place2-opensMO`… */
export const placeField = (place: number, name: string) =>
  place === 0 ? name : `place${place + 1}-${name}`;

/** A fieldset left as it was shown empty: a new place nobody filled in (its zone and box are defaults). */
export const isBlankPlace = (place: FormPlace) =>
  [
    place.street,
    place.city,
    place.postalCode,
    place.region,
    place.country,
    place.latitude,
    place.longitude,
    place.transportation,
  ].every((value) => value === '') &&
  Object.values(place.hours).every((day) => day.every((o) => o.opens === '' && o.closes === ''));

/** An empty fieldset for a new place, in the zone given. */
export const blankPlace = (timeZone: string): FormPlace => ({
  street: '',
  city: '',
  postalCode: '',
  region: '',
  country: '',
  latitude: '',
  longitude: '',
  timeZone,
  transportation: '',
  confidential: false,
  remove: false,
  hours: Object.fromEntries(
    (['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const).map((day) => [
      day,
      [
        { opens: '', closes: '' },
        { opens: '', closes: '' },
      ],
    ]),
  ) as FormPlace['hours'],
});

export interface FormOpening {
  opens: string;
  closes: string;
}

/** The names of a day's opening fields: `opensMO` for its first opening, `opensMO2` for the second. */
export const openingField = (kind: 'opens' | 'closes', day: Weekday, slot: number) =>
  `${kind}${day}${slot === 0 ? '' : slot + 1}`;

/**
 * One time of the hours table. Its column header labels it on a wide screen; on a narrow one the
 * table becomes a list of days and the cell shows its own short label (web/static/site.css).
 */
const TimeInput = (props: {
  name: string;
  label: string;
  columnLabel: string;
  value: string;
  error?: string | undefined;
}) => (
  <td class={props.error ? 'field-error' : undefined}>
    <label class="cell-label" for={`field-${props.name}`}>
      {props.columnLabel}
    </label>
    {props.error ? (
      <p class="error-message" id={`error-${props.name}`}>
        {props.error}
      </p>
    ) : null}
    <input
      type="text"
      size={5}
      maxlength={5}
      autocomplete="off"
      inputmode="numeric"
      id={`field-${props.name}`}
      name={props.name}
      value={props.value}
      aria-label={props.label}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={props.error ? `error-${props.name}` : undefined}
    />
  </td>
);

/** The fieldsets of every place of the form: the first place's fields are spread in the values. */
const formPlaces = (values: ResourceFormValues): FormPlace[] => [
  {
    street: values.street,
    city: values.city,
    postalCode: values.postalCode,
    region: values.region,
    country: values.country,
    latitude: values.latitude,
    longitude: values.longitude,
    timeZone: values.timeZone,
    transportation: values.transportation,
    confidential: values.confidential,
    hours: values.hours,
    remove: false,
  },
  ...(values.otherPlaces ?? []),
];

/** One place: its address, position, zone, directions and this service's hours there; a saved place after the first can be removed. */
const PlaceFieldset = (props: {
  t: Catalog;
  index: number;
  place: FormPlace;
  errors: FieldErrors;
  saved: boolean;
  placeCount: number;
  sharedPlaceCount: number;
  timeZones: string[];
  openingsPerDay: number;
}) => {
  const { t, place } = props;
  const e = t.resourceEdit;
  const err = props.errors;
  const opt = t.forms.optional;
  const name = (field: string) => placeField(props.index, field);
  const isNew = props.index > 0 && !props.saved;
  const legend = isNew
    ? e.newPlaceLegend
    : props.placeCount > 2 || props.index > 0
      ? format(e.placeNumberLegend, { n: props.index + 1 })
      : e.placeLegend;
  // The hours table's words for a day's first opening, then for every later one.
  const timeWords = {
    opens: [
      { label: e.opensLabel, column: e.opensColumn },
      { label: e.opensAgainLabel, column: e.opensAgainColumn },
    ],
    closes: [
      { label: e.closesLabel, column: e.closesColumn },
      { label: e.closesAgainLabel, column: e.closesAgainColumn },
    ],
  } as const;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p class="hint">{isNew ? e.newPlaceHint : e.placeHint}</p>
      {props.sharedPlaceCount ? (
        <p class="notice">{format(e.sharedPlace, { count: props.sharedPlaceCount })}</p>
      ) : null}
      {props.saved && props.index > 0 ? (
        <CheckboxField
          name={name('remove')}
          label={e.removePlaceLabel}
          hint={e.removePlaceHint}
          checked={place.remove}
        />
      ) : null}
      <TextField
        name={name('street')}
        label={e.streetLabel}
        optionalLabel={opt}
        value={place.street}
        error={err[name('street')]}
        maxLength={200}
        autocomplete="off"
      />
      <TextField
        name={name('city')}
        label={e.cityLabel}
        value={place.city}
        error={err[name('city')]}
        maxLength={200}
        autocomplete="off"
      />
      <TextField
        name={name('postalCode')}
        label={e.postalCodeLabel}
        optionalLabel={opt}
        value={place.postalCode}
        error={err[name('postalCode')]}
        maxLength={20}
        autocomplete="off"
      />
      <TextField
        name={name('region')}
        label={e.regionLabel}
        optionalLabel={opt}
        value={place.region}
        error={err[name('region')]}
        maxLength={200}
        autocomplete="off"
      />
      <TextField
        name={name('country')}
        label={e.countryLabel}
        hint={e.countryHint}
        value={place.country}
        error={err[name('country')]}
        maxLength={2}
        autocomplete="off"
      />
      <TextField
        name={name('latitude')}
        label={e.latitudeLabel}
        hint={e.positionHint}
        optionalLabel={opt}
        value={place.latitude}
        error={err[name('latitude')]}
        maxLength={16}
      />
      <TextField
        name={name('longitude')}
        label={e.longitudeLabel}
        optionalLabel={opt}
        value={place.longitude}
        error={err[name('longitude')]}
        maxLength={16}
      />
      <SelectField
        name={name('timeZone')}
        label={e.timeZoneLabel}
        hint={e.timeZoneHint}
        value={place.timeZone}
        error={err[name('timeZone')]}
        options={props.timeZones.map((z): [string, string] => [z, z.replace(/_/g, ' ')])}
      />
      <TextArea
        name={name('transportation')}
        label={e.transportationLabel}
        hint={e.transportationHint}
        optionalLabel={opt}
        value={place.transportation}
        error={err[name('transportation')]}
        maxLength={1000}
        rows={3}
      />
      <CheckboxField
        name={name('confidential')}
        label={e.confidentialLabel}
        hint={e.confidentialHint}
        checked={place.confidential}
      />
      <fieldset>
        <legend>{e.hoursLegend}</legend>
        <p class="hint">{e.hoursHint}</p>
        <table class="opening-hours-form">
          <thead>
            <tr>
              <th scope="col">{e.dayColumn}</th>
              <th scope="col">{e.opensColumn}</th>
              <th scope="col">{e.closesColumn}</th>
              <th scope="col">{e.opensAgainColumn}</th>
              <th scope="col">{e.closesAgainColumn}</th>
            </tr>
          </thead>
          <tbody>
            {labelledValues<Weekday>(t.resources.days).map((day) => {
              const dayName = t.resources.days[day];
              return (
                <tr>
                  <th scope="row">{dayName}</th>
                  {place.hours[day].slice(0, props.openingsPerDay).flatMap((opening, slot) =>
                    (['opens', 'closes'] as const).map((kind) => (
                      <TimeInput
                        name={name(openingField(kind, day, slot))}
                        label={format(timeWords[kind][slot === 0 ? 0 : 1].label, {
                          day: dayName,
                        })}
                        columnLabel={timeWords[kind][slot === 0 ? 0 : 1].column}
                        value={opening[kind]}
                        error={err[name(openingField(kind, day, slot))]}
                      />
                    )),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
    </fieldset>
  );
};

/** Add or edit one resource: organization, service, one place, phones, hours and flags; on edit, the change log below. */
export const ResourceFormPage = (props: {
  t: Catalog;
  locale: Locale;
  mode: 'new' | 'edit';
  action: string;
  values: ResourceFormValues;
  errors?: FieldErrors;
  organizations: { id: string; name: string }[];
  categories: CategoryOption[];
  languages: string[];
  timeZones: string[];
  /** How many openings a day the hours table shows (db/resources/edit-types.ts OPENINGS_PER_DAY). */
  openingsPerDay: number;
  notice?: string | undefined;
  publicHref?: string;
  /** For each saved place, first to last: how many other services share it. */
  placeSharing?: number[];
  history?: ResourceChange[];
}) => {
  const { t, values, locale } = props;
  const e = t.resourceEdit;
  const err = props.errors ?? {};
  const opt = t.forms.optional;
  const summaryTitle =
    Object.keys(err).length > 1
      ? format(t.forms.errorSummaryTitleMany, { count: Object.keys(err).length })
      : t.forms.errorSummaryTitle;
  const savedPlaces = props.placeSharing?.length ?? 0;
  const [firstPlace, ...shownOthers] = formPlaces(values);
  const lastShown = shownOthers.length > 0 ? shownOthers[shownOthers.length - 1]! : undefined;
  // One empty fieldset to add a place, unless the last one already is an empty new one.
  const hasNewFieldset =
    lastShown !== undefined && shownOthers.length + 1 > savedPlaces && isBlankPlace(lastShown);
  const places = [
    firstPlace!,
    ...shownOthers,
    ...(hasNewFieldset ? [] : [blankPlace(values.timeZone)]),
  ];
  return (
    <>
      <p>
        <a href="/moderation/resources">{e.backToModeration}</a>
        {props.publicHref ? (
          <>
            {' · '}
            <a href={props.publicHref}>{e.viewPublic}</a>
          </>
        ) : null}
      </p>
      <h1>{props.mode === 'new' ? e.newTitle : e.editTitle}</h1>
      <Notice text={props.notice} />
      <ErrorSummary errors={err} title={summaryTitle} />
      <p>{e.intro}</p>
      {props.mode === 'edit' ? <p class="hint">{e.verifiedKept}</p> : null}
      <form method="post" action={props.action} novalidate>
        <FormKeyField value={props.values.formKey} />
        {props.values.version !== undefined ? (
          <input type="hidden" name="version" value={props.values.version} />
        ) : null}
        <fieldset>
          <legend>{e.organizationLegend}</legend>
          <SelectField
            name="organizationId"
            label={e.organizationLabel}
            value={values.organizationId}
            error={err.organizationId}
            options={[
              ['', e.organizationNew],
              ...props.organizations.map((o): [string, string] => [o.id, o.name]),
            ]}
          />
          <TextField
            name="organizationName"
            label={e.organizationNameLabel}
            hint={e.organizationNameHint}
            optionalLabel={opt}
            value={values.organizationName}
            error={err.organizationName}
            maxLength={200}
          />
        </fieldset>

        <fieldset>
          <legend>{e.serviceLegend}</legend>
          <TextField
            name="name"
            label={e.nameLabel}
            value={values.name}
            error={err.name}
            maxLength={200}
            required
          />
          <TextArea
            name="description"
            label={e.descriptionLabel}
            hint={e.descriptionHint}
            value={values.description}
            error={err.description}
            maxLength={5000}
            rows={6}
            required
          />
          <SelectField
            name="contentLanguage"
            label={e.contentLanguageLabel}
            value={values.contentLanguage}
            error={err.contentLanguage}
            options={[...new Set(['en', 'fr', values.contentLanguage])]
              .filter(Boolean)
              .map((code): [string, string] => [code, languageOptionLabel(code, locale)])}
          />
          <TextArea
            name="eligibility"
            label={e.eligibilityLabel}
            hint={e.eligibilityHint}
            optionalLabel={opt}
            value={values.eligibility}
            error={err.eligibility}
            maxLength={2000}
            rows={3}
          />
          <TextArea
            name="documents"
            label={e.documentsLabel}
            hint={e.documentsHint}
            optionalLabel={opt}
            value={values.documents}
            error={err.documents}
            rows={3}
          />
        </fieldset>

        <fieldset>
          <legend>{e.costLegend}</legend>
          <CheckboxField name="free" label={e.freeLabel} checked={values.free} />
          <TextField
            name="costDescription"
            label={e.costDescriptionLabel}
            optionalLabel={opt}
            value={values.costDescription}
            error={err.costDescription}
            maxLength={200}
          />
        </fieldset>

        <Checkboxes
          name="categories"
          legend={e.categoriesLegend}
          values={values.categories}
          error={err.categories}
          options={props.categories.map((c): [string, string] => [
            c.code,
            categoryName(c.code, props.categories, locale),
          ])}
        />
        <Checkboxes
          name="languages"
          legend={e.languagesLegend}
          values={values.languages}
          error={err.languages}
          options={props.languages.map((code): [string, string] => [
            code,
            languageOptionLabel(code, locale),
          ])}
        />

        {places.map((place, index) => (
          <PlaceFieldset
            t={t}
            index={index}
            place={place}
            errors={err}
            saved={index < savedPlaces}
            placeCount={places.length}
            sharedPlaceCount={props.placeSharing?.[index] ?? 0}
            timeZones={props.timeZones}
            openingsPerDay={props.openingsPerDay}
          />
        ))}

        <fieldset>
          <legend>{e.phonesLegend}</legend>
          {values.phones.map((phone, i) => (
            <div class="field-row">
              <TextField
                name={`phone${i + 1}`}
                label={format(e.phoneLabel, { n: i + 1 })}
                optionalLabel={opt}
                value={phone.number}
                error={err[`phone${i + 1}`]}
                maxLength={30}
                autocomplete="off"
              />
              <SelectField
                name={`phone${i + 1}Type`}
                label={format(e.phoneTypeLabel, { n: i + 1 })}
                value={phone.type}
                error={err[`phone${i + 1}Type`]}
                options={labelledValues<PhoneType>(e.phoneTypes).map((type): [string, string] => [
                  type,
                  e.phoneTypes[type],
                ])}
              />
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>{e.featuresLegend}</legend>
          <CheckboxField name="walkIn" label={t.resources.walkIn} checked={values.walkIn} />
          <CheckboxField
            name="traumaInformed"
            label={t.resources.traumaInformed}
            checked={values.traumaInformed}
          />
          <CheckboxField
            name="survivorLed"
            label={t.resources.survivorLed}
            checked={values.survivorLed}
          />
        </fieldset>

        <fieldset>
          <legend>{e.contactLegend}</legend>
          <TextField
            name="url"
            label={e.urlLabel}
            hint={e.urlHint}
            optionalLabel={opt}
            value={values.url}
            error={err.url}
            maxLength={500}
            autocomplete="off"
          />
          <TextField
            name="email"
            type="email"
            label={e.emailLabel}
            optionalLabel={opt}
            value={values.email}
            error={err.email}
            maxLength={254}
            autocomplete="off"
          />
        </fieldset>

        <button type="submit" class="button-primary">
          {props.mode === 'new' ? e.create : e.save}
        </button>
      </form>
      {props.history ? <ResourceHistory t={t} locale={locale} changes={props.history} /> : null}
    </>
  );
};
