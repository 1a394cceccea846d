import { textIn } from '../../components/content-language';
import { format, type Catalog } from '../../i18n';

/** The "call" action: the script, a tel: link, and an "I called" button that only counts. */
export const CallPanel = (props: {
  t: Catalog;
  campaignId: string;
  script: string;
  scriptLanguage: string;
  phone: string;
  count: number;
  open: boolean;
  message?: string | undefined;
}) => {
  const { t } = props;
  const tel = props.phone.replace(/[^\d+]/g, '');
  return (
    <section id="call" class="sign-panel" aria-labelledby="call-heading">
      <h2 id="call-heading">{t.campaigns.callHeading}</h2>
      <p>{t.campaigns.callIntro}</p>
      <p class="call-number">
        <a href={`tel:${tel}`}>{format(t.campaigns.callNumber, { number: props.phone })}</a>
      </p>
      <h3>{t.campaigns.callScriptHeading}</h3>
      <p class="pre-line" {...textIn(props.scriptLanguage)}>
        {props.script}
      </p>
      {props.message ? (
        <p role="status" class="notice">
          {props.message}
        </p>
      ) : null}
      <p>{format(t.campaigns.callCount, { count: props.count })}</p>
      {props.open ? (
        <form
          method="post"
          action={`/campaigns/${props.campaignId}/calls`}
          hx-post={`/campaigns/${props.campaignId}/calls`}
          hx-target="#call"
          hx-swap="outerHTML"
        >
          <button type="submit" class="button-primary">
            {t.campaigns.callButton}
          </button>
        </form>
      ) : null}
    </section>
  );
};
