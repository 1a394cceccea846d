import { html } from 'hono/html';
import { format, type Catalog } from '../../i18n';
import { formatNumber } from '../../components/intl';

/**
 * Progress toward the goal: a real <progress> named for assistive technology, with the same
 * numbers in text beside it. When the first goal is passed, the page says the goal rose. An
 * `html` template, as the campaign page around it.
 */
export const CampaignProgress = (props: {
  t: Catalog;
  count: number;
  goal: number;
  firstGoal: number;
  locale: 'en' | 'fr';
  /** What the ids start with: a list of campaigns draws one progress bar per card. */
  idPrefix?: string;
}) => {
  const { t } = props;
  const bar = `${props.idPrefix ?? 'campaign'}-progress-bar`;
  const text = `${props.idPrefix ?? 'campaign'}-progress-text`;
  const n = (value: number) => formatNumber(value, props.locale);
  // prettier-ignore
  const raised = props.goal > props.firstGoal ? html`<p>${format(t.campaigns.goalRaised, { goal: n(props.firstGoal), next: n(props.goal) })}</p>` : '';
  // prettier-ignore
  return html`<div class="campaign-progress"><label for="${bar}" class="progress-label">${t.campaigns.progressLabel}</label><progress id="${bar}" max="${props.goal}" value="${props.count}" aria-describedby="${text}"></progress><p class="progress-text" id="${text}">${format(t.campaigns.progressText, { count: n(props.count), goal: n(props.goal) })}</p>${raised}</div>`;
};
