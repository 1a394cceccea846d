import { ContentLanguageField } from '../../components/content-language';
import {
  CheckboxField,
  Checkboxes,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type FieldErrors,
  FormKeyField,
} from '../../components/form';
import { format, type Catalog } from '../../i18n';

/** The event form as typed: what a failed save shows back. Every value is a string. */
export interface EventFormValues {
  title: string;
  description: string;
  category: string;
  format: string;
  city: string;
  address: string;
  directions: string;
  access: string[];
  accessNotes: string;
  onlineUrl: string;
  languages: string[];
  cost: string;
  capacity: string;
  timeZone: string;
  /** Midnight to midnight: the times are left out (web/views/events/format.ts isAllDay). */
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  reminderHours: string;
  repeat: string;
  repeatUntil: string;
  /** The id of the campaign the event is part of, or empty. */
  campaign: string;
  /** The language the organizer writes in. */
  language: string;
  /** A new event's form key: pressing "Save" twice makes one event. */
  formKey: string;
}

const ACCESS = ['stepFree', 'seating', 'interpretation', 'quietRoom', 'childcare'] as const;
const CATEGORIES = ['workshop', 'training', 'vigil', 'meeting', 'fundraiser', 'other'] as const;
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'pt', 'uk', 'ro', 'zh', 'sw', 'bsl', 'lsf'] as const;

/**
 * Create or edit an event. Without JavaScript every field is shown; the in-person and online
 * fields are grouped and labelled so an organizer fills the ones that apply.
 */
export const EventFormPage = (props: {
  t: Catalog;
  mode: 'new' | 'edit';
  action: string;
  values: EventFormValues;
  errors?: FieldErrors;
  timeZones: string[];
  /** The organizer's own public campaigns the event may be part of. */
  campaigns: { id: string; title: string }[];
  readability?: string | undefined;
}) => {
  const { t, values } = props;
  const e = t.events;
  const err = props.errors ?? {};
  const opt = t.forms.optional;
  return (
    <>
      <h1>{props.mode === 'new' ? e.newTitle : e.editTitle}</h1>
      <ErrorSummary errors={err} title={t.forms.errorSummaryTitle} />
      <form method="post" action={props.action} novalidate>
        <FormKeyField value={values.formKey} />
        <ContentLanguageField
          t={t}
          label={e.fieldLanguage}
          value={values.language}
          error={err.language}
        />
        <TextField
          name="title"
          label={e.fieldTitle}
          value={values.title}
          error={err.title}
          maxLength={120}
          required
        />
        <TextArea
          name="description"
          label={e.fieldDescription}
          hint={e.fieldDescriptionHint}
          value={values.description}
          error={err.description}
          maxLength={5000}
          rows={8}
          required
        />
        {props.readability ? (
          <p class="hint" role="status">
            {props.readability}
          </p>
        ) : null}
        <SelectField
          name="category"
          label={e.fieldCategory}
          value={values.category}
          error={err.category}
          options={CATEGORIES.map((c): [string, string] => [c, e.categories[c]])}
        />
        {props.campaigns.length > 0 || err.campaign ? (
          <SelectField
            name="campaign"
            label={e.fieldCampaign}
            hint={e.fieldCampaignHint}
            value={values.campaign}
            error={err.campaign}
            options={[
              ['', e.campaignNone],
              ...props.campaigns.map((campaign): [string, string] => [campaign.id, campaign.title]),
            ]}
          />
        ) : null}
        <SelectField
          name="format"
          label={e.fieldFormat}
          value={values.format}
          error={err.format}
          options={[
            ['in_person', e.formatInPerson],
            ['online', e.formatOnline],
          ]}
        />
        <fieldset class="field">
          <legend>{e.formatInPerson}</legend>
          <TextField
            name="city"
            label={e.fieldCity}
            value={values.city}
            error={err.city}
            maxLength={200}
          />
          <TextArea
            name="address"
            label={e.fieldAddress}
            hint={e.fieldAddressHint}
            value={values.address}
            error={err.address}
            maxLength={1000}
            rows={3}
          />
          <TextArea
            name="directions"
            label={e.fieldDirections}
            optionalLabel={opt}
            value={values.directions}
            error={err.directions}
            maxLength={1000}
            rows={3}
          />
        </fieldset>
        <fieldset class="field">
          <legend>{e.formatOnline}</legend>
          <TextField
            name="onlineUrl"
            label={e.fieldOnlineUrl}
            hint={e.fieldOnlineUrlHint}
            value={values.onlineUrl}
            error={err.onlineUrl}
            maxLength={500}
          />
        </fieldset>
        <Checkboxes
          name="access"
          legend={e.fieldAccess}
          values={values.access}
          options={ACCESS.map((a): [string, string] => [a, e.accessFeatures[a]])}
        />
        <TextArea
          name="accessNotes"
          label={e.fieldAccessNotes}
          optionalLabel={opt}
          value={values.accessNotes}
          error={err.accessNotes}
          maxLength={1000}
          rows={3}
        />
        <Checkboxes
          name="languages"
          legend={e.fieldLanguages}
          values={values.languages}
          options={LANGUAGES.map((l): [string, string] => [l, e.languageNames[l]])}
        />
        <TextField
          name="cost"
          label={e.fieldCost}
          hint={e.fieldCostHint}
          optionalLabel={opt}
          value={values.cost}
          error={err.cost}
          maxLength={200}
        />
        <TextField
          name="capacity"
          label={e.fieldCapacity}
          hint={e.fieldCapacityHint}
          optionalLabel={opt}
          value={values.capacity}
          error={err.capacity}
          inputmode="numeric"
          maxLength={6}
        />
        <SelectField
          name="timeZone"
          label={e.fieldTimeZone}
          value={values.timeZone}
          error={err.timeZone}
          options={props.timeZones.map((z): [string, string] => [z, z.replace(/_/g, ' ')])}
        />
        <CheckboxField
          name="allDay"
          label={e.fieldAllDay}
          hint={e.fieldAllDayHint}
          checked={values.allDay}
        />
        <TextField
          name="startDate"
          label={e.fieldStartDate}
          hint={e.dateHint}
          value={values.startDate}
          error={err.startDate}
          maxLength={10}
          required
        />
        <TextField
          name="startTime"
          label={e.fieldStartTime}
          hint={e.timeHint}
          value={values.startTime}
          error={err.startTime}
          maxLength={5}
        />
        <TextField
          name="endDate"
          label={e.fieldEndDate}
          hint={e.fieldEndDateHint}
          optionalLabel={opt}
          value={values.endDate}
          error={err.endDate}
          maxLength={10}
        />
        <TextField
          name="endTime"
          label={e.fieldEndTime}
          hint={e.timeHint}
          value={values.endTime}
          error={err.endTime}
          maxLength={5}
        />
        <SelectField
          name="reminderHours"
          label={e.fieldReminder}
          value={values.reminderHours}
          error={err.reminderHours}
          options={['2', '24', '48'].map((h): [string, string] => [
            h,
            format(e.reminderHours, { hours: h }),
          ])}
        />
        {props.mode === 'new' ? (
          <fieldset class="field">
            <legend>{e.fieldRepeat}</legend>
            <SelectField
              name="repeat"
              label={e.fieldRepeat}
              hint={e.repeatHint}
              value={values.repeat}
              error={err.repeat}
              options={[
                ['none', e.repeatNone],
                ['week', e.repeatWeek],
                ['month', e.repeatMonth],
              ]}
            />
            <TextField
              name="repeatUntil"
              label={e.fieldRepeatUntil}
              hint={e.dateHint}
              optionalLabel={opt}
              value={values.repeatUntil}
              error={err.repeatUntil}
              maxLength={10}
            />
          </fieldset>
        ) : null}
        <button type="submit" class="button-primary">
          {e.saveDraft}
        </button>
      </form>
    </>
  );
};
