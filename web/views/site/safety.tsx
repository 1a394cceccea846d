import type { Catalog } from '../../i18n';
import { ProseSections } from './prose';

/** Staying safe online: what quick exit does and does not do; history; shared devices. */
export const SafetyPage = ({ t }: { t: Catalog }) => (
  <article class="prose">
    <h1>{t.safety.title}</h1>
    <p class="lead">{t.safety.intro}</p>
    <ProseSections
      sections={[
        { heading: t.safety.quickExitHeading, paragraphs: t.safety.quickExitParagraphs },
        { heading: t.safety.historyHeading, paragraphs: t.safety.historyParagraphs },
        { heading: t.safety.devicesHeading, paragraphs: t.safety.devicesParagraphs },
        { heading: t.safety.emailHeading, paragraphs: t.safety.emailParagraphs },
      ]}
    />
  </article>
);
