import type { Catalog } from '../../i18n';
import { ProseContents, ProseSections, type ProseSection } from './prose';

type GuideTheme = keyof Catalog['support']['themes'];

/**
 * The guide's themes in the order the page shows them, each with the id its heading carries
 * (the table of contents links to it). The themes follow the project's summary of what
 * survivors ask of their networks of care.
 */
export const GUIDE_THEMES: readonly { theme: GuideTheme; anchor: string }[] = [
  { theme: 'askAgain', anchor: 'ask-again' },
  { theme: 'listen', anchor: 'listen' },
  { theme: 'consent', anchor: 'consent' },
  { theme: 'theirChoices', anchor: 'their-choices' },
  { theme: 'space', anchor: 'space' },
  { theme: 'practical', anchor: 'practical-help' },
  { theme: 'confidentiality', anchor: 'confidentiality' },
  { theme: 'reliable', anchor: 'reliable' },
  { theme: 'noLabels', anchor: 'no-labels' },
  { theme: 'learn', anchor: 'learn' },
  { theme: 'plainWords', anchor: 'plain-words' },
  { theme: 'advocate', anchor: 'advocate' },
  { theme: 'yourself', anchor: 'yourself' },
];

/** The anchor of the closing section, on care circles. */
export const CIRCLES_ANCHOR = 'care-circles';

/**
 * How to support someone: the guide for networks of care. It ends on care circles, which only
 * the person supported starts: a supporter is told they may be invited, never offered to start one.
 */
export const SupportPage = ({ t }: { t: Catalog }) => {
  const sections: ProseSection[] = [
    ...GUIDE_THEMES.map(({ theme, anchor }) => ({
      ...t.support.themes[theme],
      anchor,
      link:
        theme === 'practical' ? { href: '/resources', text: t.support.findHelpLink } : undefined,
    })),
    {
      heading: t.support.circlesHeading,
      paragraphs: t.support.circlesParagraphs,
      anchor: CIRCLES_ANCHOR,
    },
  ];
  return (
    <article class="prose">
      <h1>{t.support.title}</h1>
      <p class="lead">{t.support.intro}</p>
      <ProseContents heading={t.support.contentsHeading} sections={sections} />
      <ProseSections sections={sections} />
    </article>
  );
};
