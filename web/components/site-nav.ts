import { html } from 'hono/html';
import type { NavSection, Shell } from '../shell';

interface NavLink {
  section: NavSection;
  href: string;
  label: (t: Shell['t']) => string;
  /** Shown only to signed-in people (their own private spaces). */
  signedInOnly?: boolean;
}

const links: NavLink[] = [
  { section: 'findHelp', href: '/resources', label: (t) => t.shell.navFindHelp },
  { section: 'events', href: '/events', label: (t) => t.shell.navEvents },
  { section: 'takeAction', href: '/campaigns', label: (t) => t.shell.navTakeAction },
  { section: 'stories', href: '/stories', label: (t) => t.shell.navStories },
  { section: 'support', href: '/support', label: (t) => t.shell.navSupport },
  { section: 'circles', href: '/circles', label: (t) => t.shell.navCircles, signedInOnly: true },
];

/**
 * The main navigation; the current section is marked for assistive technology too. An html
 * template, as the layout (layout.ts).
 */
export const SiteNav = ({ shell }: { shell: Shell }) => {
  const items = links
    .filter((link) => shell.signedIn || !link.signedInOnly)
    .map((link) => {
      const current = shell.section === link.section ? html` aria-current="page"` : '';
      // prettier-ignore
      return html`<li><a href="${link.href}"${current}>${link.label(shell.t)}</a></li>`;
    });
  // prettier-ignore
  return html`<nav class="site-nav" aria-label="${shell.t.shell.mainNav}"><ul>${items}</ul></nav>`;
};
