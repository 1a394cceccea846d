import type { Catalog } from '../../i18n';

/** The organizers' work area. Events and campaigns add their lists here. */
export const OrganizePage = ({ t }: { t: Catalog }) => (
  <>
    <h1>{t.organize.title}</h1>
    <p class="lead">{t.organize.intro}</p>
    <ul class="work-areas">
      <li>
        <a href="/organize/events">{t.events.organizeTitle}</a>
      </li>
      <li>
        <a href="/organize/campaigns">{t.campaigns.organizeLink}</a>
      </li>
    </ul>
  </>
);
