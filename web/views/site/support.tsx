import type { Catalog } from '../../i18n';
import { ProseSections } from './prose';

/** How to support someone: the guide for networks of care. */
export const SupportPage = ({ t }: { t: Catalog }) => (
  <article class="prose">
    <h1>{t.support.title}</h1>
    <p class="lead">{t.support.intro}</p>
    <ProseSections sections={t.support.sections} />
    <p>
      <a href="/resources">{t.support.findHelpLink}</a>
    </p>
  </article>
);
