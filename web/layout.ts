import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { nonceAttribute } from './components/html-attributes';
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

const head = (shell: Shell, title: string, shareCard: ShareCardContent | undefined) => {
  // prettier-ignore
  const feeds = (shell.feeds ?? []).map((feed) => html`<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.href}"/>`);
  // prettier-ignore
  const htmx = shell.htmx ? html`<meta name="htmx-config" content="${HTMX_CONFIG}"/><script src="${assetPath('load-htmx.js')}" data-htmx="${assetPath('htmx.js')}"${nonceAttribute(shell.nonce)} defer=""></script>` : '';
  // prettier-ignore
  return html`<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><meta name="color-scheme" content="light dark"/><meta name="referrer" content="no-referrer"/><meta name="robots" content="noarchive"/><title>${`${title} · ${shell.siteName}`}</title>${shareCard ? ShareCard({ card: shareCard, siteName: shell.siteName }) : ''}<link rel="icon" href="${assetPath('icon.svg')}" type="image/svg+xml"/><link rel="stylesheet" href="${assetPath('site.css')}"/>${feeds}<script src="${assetPath('quick-exit.js')}"${nonceAttribute(shell.nonce)} defer=""></script>${htmx}</head>`;
};

/**
 * The page every route renders into: quick exit first, then skip link, header, main, footer.
 * Written as html templates (as are its parts: quick exit, language switch, navigation, share
 * card), not JSX: every page pays for the layout, and hono's JSX cost about 40 µs of CPU for it
 * against about 10 for the templates, which escape every value they are given all the same.
 * `children` is the page's own HTML, already drawn (worker/http/render.tsx).
 */
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
  children: HtmlEscapedString | string;
}) => {
  const t = shell.t.shell;
  const account = shell.signedIn
    ? html`<a class="site-account" href="/account">${t.myAccount}</a>`
    : html`<a class="site-account" href="/sign-in">${t.signIn}</a>`;
  // prettier-ignore
  return html`<html lang="${shell.locale}" dir="${shell.t.meta.dir}">${head(shell, title, shareCard)}<body>${QuickExit({ shell })}<a class="skip-link" href="#main">${t.skipToContent}</a><header class="site-header"><div class="site-header-inner"><a class="site-name" href="/">${shell.siteName}</a><div class="header-tools">${account}${LanguageSwitch({ shell })}</div></div>${SiteNav({ shell })}</header><main id="main" tabindex="-1">${children}</main><footer class="site-footer"><p>${t.footerNote}</p><nav aria-label="${t.footerNav}"><ul><li><a href="/privacy">${t.footerPrivacy}</a></li><li><a href="/safety">${t.footerSafety}</a></li></ul></nav></footer></body></html>`;
};
