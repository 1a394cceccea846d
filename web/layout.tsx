import type { Child } from 'hono/jsx';
import { LanguageSwitch } from './components/language-switch';
import { QuickExit } from './components/quick-exit';
import { ShareCard, type ShareCardContent } from './components/share-card';
import { SiteNav } from './components/site-nav';
import type { Shell } from './shell';
import { assetPath } from './static/generated/assets';

/**
 * htmx settings: requests to this site only, no history snapshots kept in the browser (htmx 4
 * re-fetches on Back instead), no inline styles injected (indicator styles live in site.css).
 */
const HTMX_CONFIG = JSON.stringify({
  mode: 'same-origin',
  history: true,
  includeIndicatorCSS: false,
  implicitInheritance: false,
});

/** The page every route renders into: quick exit first, then skip link, header, main, footer. */
export const Layout = ({
  shell,
  title,
  shareCard,
  children,
}: {
  shell: Shell;
  title: string;
  /** Open Graph tags, on public event, campaign and resource pages only. */
  shareCard?: ShareCardContent | undefined;
  children: Child;
}) => (
  <html lang={shell.locale} dir={shell.t.meta.dir}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noarchive" />
      <title>{`${title} · ${shell.siteName}`}</title>
      {shareCard ? <ShareCard card={shareCard} siteName={shell.siteName} /> : null}
      <link rel="icon" href={assetPath('icon.svg')} type="image/svg+xml" />
      <link rel="stylesheet" href={assetPath('site.css')} />
      {(shell.feeds ?? []).map((feed) => (
        <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
      ))}
      <script src={assetPath('quick-exit.js')} nonce={shell.nonce} defer></script>
      {shell.htmx && (
        <>
          <meta name="htmx-config" content={HTMX_CONFIG} />
          <script src={assetPath('htmx.js')} nonce={shell.nonce} defer></script>
        </>
      )}
    </head>
    <body>
      <QuickExit shell={shell} />
      <a class="skip-link" href="#main">
        {shell.t.shell.skipToContent}
      </a>
      <header class="site-header">
        <div class="site-header-inner">
          <a class="site-name" href="/">
            {shell.siteName}
          </a>
          <div class="header-tools">
            <a class="site-account" href={shell.signedIn ? '/account' : '/sign-in'}>
              {shell.signedIn ? shell.t.shell.myAccount : shell.t.shell.signIn}
            </a>
            <LanguageSwitch shell={shell} />
          </div>
        </div>
        <SiteNav shell={shell} />
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p>{shell.t.shell.footerNote}</p>
        <nav aria-label={shell.t.shell.footerNav}>
          <ul>
            <li>
              <a href="/privacy">{shell.t.shell.footerPrivacy}</a>
            </li>
            <li>
              <a href="/safety">{shell.t.shell.footerSafety}</a>
            </li>
          </ul>
        </nav>
      </footer>
    </body>
  </html>
);
