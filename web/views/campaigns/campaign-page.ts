import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Campaign, CampaignStatus } from '../../../db/campaigns/campaigns';
import type { PublicSigner } from '../../../db/campaigns/signatures';
import type { CampaignUpdate } from '../../../db/campaigns/updates';
import { CallPanel } from './call-panel';
import { CampaignProgress } from './progress';
import { textInAttributes } from '../../components/content-language';
import { Notice } from '../../components/form';
import { SignaturePanel, type SignaturePanelState } from './signature-panel';
import { formatDate } from '../../components/format';
import { format, type Catalog, type Locale } from '../../i18n';

export interface CampaignPageProps {
  t: Catalog;
  locale: Locale;
  campaign: Campaign;
  count: number;
  goal: number;
  signers: PublicSigner[];
  updates: CampaignUpdate[];
  shareUrl: string;
  open: boolean;
  /** What the public is told the state is: closed once the end date has passed. */
  shownStatus: CampaignStatus;
  panel: SignaturePanelState;
  notice?: string | undefined;
  callMessage?: string | undefined;
  /**
   * Seams for the events and stories areas: linked upcoming events and consented stories are
   * drawn by those areas and passed in here, so this page needs no knowledge of them.
   */
  related?: Child;
  /** The Atom feed of this campaign's updates, in the reader's language. */
  updatesFeedHref: string;
}

/**
 * One campaign: the ask, who decides, progress, what happens next, the action, news, signers,
 * sharing. An `html` template, as its progress bar and sign panel; the parts other areas draw
 * (`related`) and the call panel may be JSX, drawn where they stand.
 */
export const CampaignPage = (props: CampaignPageProps) => {
  const { t, campaign } = props;
  // The organizer's words carry their own language; the page's words the reader's.
  const written = textInAttributes(campaign.contentLanguage);
  const date = (value: string) => formatDate(new Date(`${value}T00:00:00Z`), props.locale);
  const mailto = `mailto:?subject=${encodeURIComponent(t.campaigns.shareEmailSubject)}&body=${encodeURIComponent(`${campaign.title}\n${props.shareUrl}`)}`;
  const call = campaign.kind === 'call';
  // prettier-ignore
  const state =
    campaign.status === 'delivered'
      ? html`<section class="notice" aria-labelledby="delivery-heading"><h2 id="delivery-heading">${t.campaigns.deliveryHeading}</h2>${campaign.deliveredOn ? html`<p>${format(t.campaigns.deliveredNotice, { date: date(campaign.deliveredOn) })}</p>` : ''}${campaign.deliveryNote ? html`<p class="pre-line"${written}>${campaign.deliveryNote}</p>` : ''}</section>`
      : props.shownStatus === 'closed'
        ? html`<p class="notice">${t.campaigns.closedNotice}</p>`
        : campaign.endsOn
          ? html`<p>${format(t.campaigns.endsOn, { date: date(campaign.endsOn) })}</p>`
          : '';
  const progress = call
    ? ''
    : CampaignProgress({
        t,
        count: props.count,
        goal: props.goal,
        firstGoal: campaign.goal,
        locale: props.locale,
      });
  // prettier-ignore
  const nextSteps = campaign.nextSteps ? html`<section aria-labelledby="next-heading"><h2 id="next-heading">${t.campaigns.nextStepsHeading}</h2><p class="pre-line"${written}>${campaign.nextSteps}</p></section>` : '';
  const action = call
    ? CallPanel({
        t,
        campaignId: campaign.id,
        script: campaign.letterText,
        scriptLanguage: campaign.contentLanguage,
        phone: campaign.targetPhone,
        count: campaign.callCount,
        open: props.open,
        message: props.callMessage,
      })
    : SignaturePanel({
        t,
        campaignId: campaign.id,
        isLetter: campaign.kind === 'letter',
        suggestedLetter: campaign.letterText,
        state: props.open ? props.panel : { kind: 'closed' },
      });
  // prettier-ignore
  const updates = props.updates.length > 0 ? html`<section aria-labelledby="updates-heading"><h2 id="updates-heading">${t.campaigns.updatesHeading}</h2>${props.updates.map((update) => html`<div class="update" id="update-${update.id}"><p class="meta">${formatDate(update.createdAt, props.locale)}</p><p class="pre-line"${written}>${update.body}</p></div>`)}</section>` : '';
  const signerText = (signer: PublicSigner) =>
    signer.city
      ? format(t.campaigns.signerFrom, { name: signer.name, city: signer.city })
      : signer.name;
  // prettier-ignore
  const signers = call ? '' : html`<section aria-labelledby="signers-heading"><h2 id="signers-heading">${t.campaigns.signersHeading}</h2>${props.signers.length === 0 ? html`<p>${t.campaigns.noPublicSigners}</p>` : html`<ul class="signers">${props.signers.map((signer) => html`<li>${signerText(signer)}</li>`)}</ul>`}</section>`;
  // prettier-ignore
  const share = html`<section aria-labelledby="share-heading"><h2 id="share-heading">${t.campaigns.shareHeading}</h2><label for="share-url">${t.campaigns.shareText}</label><input id="share-url" type="text" readonly="" value="${props.shareUrl}" class="share-url"/><p><a href="${mailto}">${t.campaigns.shareEmail}</a></p><p><a href="${props.updatesFeedHref}" type="application/atom+xml">${t.feeds.updatesLink}</a></p></section>`;
  // prettier-ignore
  return html`<article class="campaign"><p class="meta">${t.campaigns.kindNames[campaign.kind]} · ${t.campaigns.statusNames[props.shownStatus]}</p><h1${written}>${campaign.title}</h1>${Notice({ text: props.notice })}<p class="lead"${written}>${campaign.ask}</p><p>${format(t.campaigns.target, { name: campaign.targetName, role: campaign.targetRole })}</p>${state}${progress}${nextSteps}${action}<section aria-labelledby="about-heading"><h2 id="about-heading">${t.campaigns.aboutHeading}</h2><p class="pre-line"${written}>${campaign.body}</p></section>${props.related ?? ''}${updates}${signers}${share}</article>`;
};
