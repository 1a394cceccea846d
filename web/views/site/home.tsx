import type { Catalog } from '../../i18n';

const cards = (t: Catalog) => [
  { href: '/resources', title: t.home.findHelpTitle, text: t.home.findHelpText },
  { href: '/events', title: t.home.eventsTitle, text: t.home.eventsText },
  { href: '/campaigns', title: t.home.actionTitle, text: t.home.actionText },
  { href: '/stories', title: t.home.storiesTitle, text: t.home.storiesText },
  { href: '/support', title: t.home.supportTitle, text: t.home.supportText },
  { href: '/safety', title: t.home.safetyTitle, text: t.home.safetyText },
];

/** The home page: one door per thing a person may have come to do. */
export const HomePage = ({ t, showDemoNotice }: { t: Catalog; showDemoNotice: boolean }) => (
  <>
    <h1>{t.home.title}</h1>
    <p class="lead">{t.home.intro}</p>
    {showDemoNotice && <p class="notice">{t.home.demoNotice}</p>}
    <ul class="cards">
      {cards(t).map((card) => (
        <li class="card">
          <h2>
            <a href={card.href}>{card.title}</a>
          </h2>
          <p>{card.text}</p>
        </li>
      ))}
    </ul>
  </>
);
