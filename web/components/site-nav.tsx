import type { NavSection, Shell } from '../shell';

const links: { section: NavSection; href: string; label: (t: Shell['t']) => string }[] = [
  { section: 'findHelp', href: '/resources', label: (t) => t.shell.navFindHelp },
  { section: 'events', href: '/events', label: (t) => t.shell.navEvents },
  { section: 'takeAction', href: '/campaigns', label: (t) => t.shell.navTakeAction },
  { section: 'stories', href: '/stories', label: (t) => t.shell.navStories },
  { section: 'support', href: '/support', label: (t) => t.shell.navSupport },
];

/** The main navigation; the current section is marked for assistive technology too. */
export const SiteNav = ({ shell }: { shell: Shell }) => (
  <nav class="site-nav" aria-label={shell.t.shell.mainNav}>
    <ul>
      {links.map((link) => (
        <li>
          <a href={link.href} aria-current={shell.section === link.section ? 'page' : undefined}>
            {link.label(shell.t)}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);
