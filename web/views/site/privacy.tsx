import { format, type Catalog } from '../../i18n';
import { ProseSections } from './prose';

/** Privacy: what is stored, for how long, and who sees it. */
export const PrivacyPage = ({
  t,
  retention,
  circles,
}: {
  t: Catalog;
  retention: { rsvpDays: number; campaignDays: number };
  /** The care circles' fixed periods (db/circles/rules.ts). */
  circles: { closedDays: number; placeDays: number };
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
    <h2>{t.circles.privacyHeading}</h2>
    {t.circles.privacyParagraphs.map((text) => (
      <p>{format(text, { days: circles.closedDays, placeDays: circles.placeDays })}</p>
    ))}
  </article>
);
