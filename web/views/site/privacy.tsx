import { format, type Catalog } from '../../i18n';
import { ProseSections } from './prose';

/** Privacy: what is stored, for how long, and who sees it. */
export const PrivacyPage = ({
  t,
  retention,
}: {
  t: Catalog;
  retention: { rsvpDays: number; campaignDays: number };
}) => (
  <article class="prose">
    <h1>{t.privacy.title}</h1>
    <p class="lead">{t.privacy.intro}</p>
    <ProseSections sections={t.privacy.sections} />
    <ProseSections
      sections={[
        {
          heading: t.campaigns.privacyHeading,
          paragraphs: t.campaigns.privacyParagraphs.map((text) =>
            format(text, { days: retention.campaignDays }),
          ),
        },
      ]}
    />
    <h2>{t.events.privacyHeading}</h2>
    {t.events.privacyParagraphs.map((text) => (
      <p>{format(text, { days: retention.rsvpDays })}</p>
    ))}
  </article>
);
