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

/** The main navigation; the current section is marked for assistive technology too. */
export const SiteNav = ({ shell }: { shell: Shell }) => (
  <nav class="site-nav" aria-label={shell.t.shell.mainNav}>
    <ul>
      {links
        .filter((link) => shell.signedIn || !link.signedInOnly)
        .map((link) => (
          <li>
            <a href={link.href} aria-current={shell.section === link.section ? 'page' : undefined}>
              {link.label(shell.t)}
            </a>
          </li>
        ))}
    </ul>
  </nav>
);
