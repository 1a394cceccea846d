import type { Campaign, CampaignSummary } from '../../../db/campaigns/campaigns';
import type { DayCount } from '../../../db/campaigns/stats';
import type { CampaignUpdate } from '../../../db/campaigns/updates';
import { ContentLanguageField } from '../../components/content-language';
import {
  ErrorSummary,
  Notice,
  TextArea,
  TextField,
  type FieldErrors,
  FormKeyField,
} from '../../components/form';
import { CampaignEnding } from './ending';
import { SignatureChart } from './signature-chart';
import { formatDate } from '../../components/format';
import { EmbedSnippet } from '../../components/embed-snippet';
import { format, type Catalog, type Locale } from '../../i18n';

/** What the campaign form shows: the organizer's own words, as typed. */
export interface CampaignFormValues {
  kind: string;
  title: string;
  ask: string;
  body: string;
  targetName: string;
  targetRole: string;
  letterText: string;
  targetPhone: string;
  nextSteps: string;
  goal: string;
  endsOn: string;
  language: string;
  /** A new campaign's form key: pressing "Save" twice makes one draft. */
  formKey?: string;
}

export const campaignFormValues = (campaign: Campaign): CampaignFormValues => ({
  ...campaign,
  goal: String(campaign.goal),
  endsOn: campaign.endsOn ?? '',
  language: campaign.contentLanguage,
});

/** /organize/campaigns: the organizer's own campaigns. */
export const OwnCampaignsPage = ({
  t,
  campaigns,
  notice,
}: {
  t: Catalog;
  campaigns: CampaignSummary[];
  notice?: string | undefined;
}) => (
  <>
    <h1>{t.campaigns.organizeTitle}</h1>
    <Notice text={notice} />
    <p class="lead">{t.campaigns.organizeIntro}</p>
    <p>
      <a class="button button-primary" href="/organize/campaigns/new">
        {t.campaigns.newCampaign}
      </a>
    </p>
    {campaigns.length === 0 ? (
      <p>{t.campaigns.noOwnCampaigns}</p>
    ) : (
      <ul class="card-list">
        {campaigns.map((campaign) => (
          <li class="card">
            <h2>
              <a href={`/organize/campaigns/${campaign.id}`}>{campaign.title}</a>
            </h2>
            <p class="meta">
              {t.campaigns.kindNames[campaign.kind]} · {t.campaigns.statusNames[campaign.status]} ·{' '}
              {campaign.kind === 'call'
                ? format(t.campaigns.countCalls, { count: campaign.callCount })
                : format(t.campaigns.countSigned, { count: campaign.signatures })}
            </p>
          </li>
        ))}
      </ul>
    )}
  </>
);

const KINDS = [
  { value: 'petition', label: (t: Catalog) => t.campaigns.kindPetition },
  { value: 'letter', label: (t: Catalog) => t.campaigns.kindLetter },
  { value: 'call', label: (t: Catalog) => t.campaigns.kindCall },
] as const;

/** The campaign's text: new, or a draft being edited. */
export const CampaignForm = (props: {
  t: Catalog;
  locale: Locale;
  action: string;
  values?: CampaignFormValues | undefined;
  errors?: FieldErrors | undefined;
  readability?: string | undefined;
}) => {
  const { t } = props;
  const values = props.values;
  const errors = props.errors ?? {};
  const kind = values?.kind || 'petition';
  return (
    <>
      <ErrorSummary errors={errors} title={t.forms.errorSummaryTitle} />
      <form method="post" action={props.action} novalidate>
        <FormKeyField value={values?.formKey} />
        <fieldset class={errors.kind ? 'field field-error' : 'field'} id="field-kind">
          <legend>{t.campaigns.kindLegend}</legend>
          {KINDS.map((option) => (
            <div class="choice">
              <input
                type="radio"
                id={`kind-${option.value}`}
                name="kind"
                value={option.value}
                checked={kind === option.value}
              />
              <label for={`kind-${option.value}`}>{option.label(t)}</label>
            </div>
          ))}
        </fieldset>
        <ContentLanguageField
          t={t}
          label={t.campaigns.languageLabel}
          value={values?.language ?? props.locale}
          error={errors.language}
        />
        <TextField
          name="title"
          label={t.campaigns.titleLabel}
          value={values?.title}
          error={errors.title}
          maxLength={140}
          required
        />
        <TextField
          name="ask"
          label={t.campaigns.askLabel}
          value={values?.ask}
          error={errors.ask}
          maxLength={300}
          required
        />
        <TextArea
          name="body"
          label={t.campaigns.bodyLabel}
          hint={
            props.readability
              ? `${t.campaigns.bodyHint} ${props.readability}`
              : t.campaigns.bodyHint
          }
          value={values?.body}
          error={errors.body}
          maxLength={10000}
          rows={8}
          required
        />
        <TextField
          name="targetName"
          label={t.campaigns.targetNameLabel}
          value={values?.targetName}
          error={errors.targetName}
          maxLength={140}
          required
        />
        <TextField
          name="targetRole"
          label={t.campaigns.targetRoleLabel}
          hint={t.campaigns.targetRoleHint}
          value={values?.targetRole}
          error={errors.targetRole}
          maxLength={140}
          required
        />
        <TextArea
          name="letterText"
          label={t.campaigns.letterTextLabel}
          hint={t.campaigns.letterTextHint}
          optionalLabel={t.forms.optional}
          value={values?.letterText}
          error={errors.letterText}
          maxLength={8000}
          rows={8}
        />
        <TextField
          name="targetPhone"
          label={t.campaigns.targetPhoneLabel}
          hint={t.campaigns.targetPhoneHint}
          optionalLabel={t.forms.optional}
          value={values?.targetPhone}
          error={errors.targetPhone}
          maxLength={30}
          autocomplete="off"
        />
        <TextArea
          name="nextSteps"
          label={t.campaigns.nextStepsLabel}
          hint={t.campaigns.nextStepsHint}
          optionalLabel={t.forms.optional}
          value={values?.nextSteps}
          error={errors.nextSteps}
          maxLength={2000}
          rows={3}
        />
        <TextField
          name="goal"
          label={t.campaigns.goalLabel}
          value={values?.goal ?? '100'}
          error={errors.goal}
          inputmode="numeric"
          maxLength={10}
          required
        />
        <TextField
          name="endsOn"
          label={t.campaigns.endsOnLabel}
          hint="YYYY-MM-DD"
          optionalLabel={t.forms.optional}
          value={values?.endsOn}
          error={errors.endsOn}
          maxLength={10}
        />
        <button type="submit" class="button-primary">
          {t.campaigns.saveDraft}
        </button>
      </form>
    </>
  );
};

export const NewCampaignPage = (props: {
  t: Catalog;
  locale: Locale;
  values: CampaignFormValues;
  errors?: FieldErrors;
}) => (
  <>
    <h1>{props.t.campaigns.newTitle}</h1>
    <CampaignForm
      t={props.t}
      locale={props.locale}
      action="/organize/campaigns"
      values={props.values}
      errors={props.errors}
    />
  </>
);

export interface ManageCampaignProps {
  t: Catalog;
  locale: Locale;
  campaign: Campaign;
  /** What the campaign's state allows (db/campaigns/rules.ts): shown to the public, closed, delivered. */
  isPublic: boolean;
  closable: boolean;
  deliverable: boolean;
  count: number;
  days: DayCount[];
  cities: { city: string; count: number }[];
  updates: CampaignUpdate[];
  notice?: string | undefined;
  /** Errors of whichever form failed, and what was typed there. */
  errors?: FieldErrors;
  values?: CampaignFormValues;
  typed?: Record<string, string>;
  readability?: string | undefined;
  /** The site's address and name, for the embed code (absolute: it goes on another site). */
  origin: string;
  siteName: string;
  /** Every language's strings, for the embed code's frame titles. */
  catalogs: Readonly<Record<Locale, Catalog>>;
}

/** One campaign, for its organizer: its state and the next step, its text, news, and signatures. */
export const ManageCampaignPage = (props: ManageCampaignProps) => {
  const { t, campaign } = props;
  const errors = props.errors ?? {};
  const base = `/organize/campaigns/${campaign.id}`;
  const { isPublic } = props;
  return (
    <>
      <h1>{campaign.title}</h1>
      <Notice text={props.notice} />
      <p class="meta">
        {format(t.campaigns.statusLabel, { status: t.campaigns.statusNames[campaign.status] })}
      </p>
      {isPublic ? (
        <p>
          <a href={`/campaigns/${campaign.id}`}>{t.campaigns.viewPublic}</a>
        </p>
      ) : null}

      {campaign.status === 'draft' ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t.campaigns.editTitle}</h2>
          <CampaignForm
            t={t}
            locale={props.locale}
            action={base}
            values={props.values}
            errors={props.values ? errors : undefined}
            readability={props.readability}
          />
          <form method="post" action={`${base}/submission`} class="actions">
            <button type="submit" class="button-primary">
              {t.campaigns.submit}
            </button>
          </form>
        </section>
      ) : (
        <section aria-labelledby="next-form-heading">
          <h2 id="next-form-heading">{t.campaigns.nextStepsHeading}</h2>
          {props.values ? null : (
            <ErrorSummary
              errors={errors.nextSteps ? { nextSteps: errors.nextSteps } : {}}
              title={t.forms.errorSummaryTitle}
            />
          )}
          <form method="post" action={`${base}/next-steps`} novalidate>
            <TextArea
              name="nextSteps"
              label={t.campaigns.nextStepsLabel}
              hint={t.campaigns.nextStepsHint}
              value={props.typed?.nextSteps ?? campaign.nextSteps}
              error={errors.nextSteps}
              maxLength={2000}
              rows={3}
            />
            <button type="submit">{t.campaigns.saveNextSteps}</button>
          </form>
        </section>
      )}

      {isPublic ? (
        <section aria-labelledby="post-update-heading">
          <h2 id="post-update-heading">{t.campaigns.postUpdateHeading}</h2>
          {errors.update ? (
            <ErrorSummary errors={{ update: errors.update }} title={t.forms.errorSummaryTitle} />
          ) : null}
          <form method="post" action={`${base}/updates`} novalidate>
            <TextArea
              name="update"
              label={t.campaigns.updateLabel}
              hint={t.campaigns.updateHint}
              value={props.typed?.update}
              error={errors.update}
              maxLength={5000}
              rows={4}
              required
            />
            <button type="submit">{t.campaigns.postUpdate}</button>
          </form>
          {props.updates.map((update) => (
            <div class="update">
              <p class="meta">{formatDate(update.createdAt, props.locale)}</p>
              <p class="pre-line">{update.body}</p>
            </div>
          ))}
        </section>
      ) : null}

      {isPublic ? (
        <EmbedSnippet
          t={t}
          catalogs={props.catalogs}
          id="campaign-embed"
          intro={t.embeds.snippetCampaignIntro}
          src={`${props.origin}/embed/campaigns/${campaign.id}`}
          frameTitle={(their) =>
            format(their.embeds.campaignFrameTitle, {
              site: props.siteName,
              title: campaign.title,
            })
          }
          height={campaign.kind === 'call' ? 360 : 900}
        />
      ) : (
        <p>{t.embeds.snippetNotYet}</p>
      )}

      <CampaignEnding
        t={t}
        action={base}
        closable={props.closable}
        deliverable={props.deliverable}
        errors={errors}
        typed={props.typed}
      />

      {isPublic ? (
        <section aria-labelledby="dashboard-heading">
          <h2 id="dashboard-heading">{t.campaigns.dashboardHeading}</h2>
          <p>
            {campaign.kind === 'call'
              ? format(t.campaigns.countCalls, { count: campaign.callCount })
              : format(t.campaigns.countSigned, { count: props.count })}
          </p>
          <SignatureChart t={t} days={props.days} locale={props.locale} />
          {props.cities.length > 0 ? (
            <>
              <h3>{t.campaigns.byCityHeading}</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.campaigns.cityColumn}</th>
                    <th scope="col">{t.campaigns.countColumn}</th>
                  </tr>
                </thead>
                <tbody>
                  {props.cities.map((row) => (
                    <tr>
                      <th scope="row">{row.city || t.campaigns.cityUnknown}</th>
                      <td>{row.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          <p>
            <a href={`${base}/signatures.csv`} download>
              {t.campaigns.exportLink}
            </a>
          </p>
          <p class="hint">{t.campaigns.exportHint}</p>
        </section>
      ) : null}
    </>
  );
};
