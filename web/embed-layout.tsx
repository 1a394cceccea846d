import type { Child } from 'hono/jsx';
import { QuickExit } from './components/quick-exit';
import type { Shell } from './shell';
import { assetPath } from './static/generated/assets';

/**
 * The page of a partner embed, framed by another site: quick exit (leaving the whole tab), then
 * the content. No header, menu, language switch or htmx: nothing that needs a cookie or more
 * room. `<base target="_blank">` opens every link in a new top-level tab, so a visitor never
 * browses this site inside someone else's page; forms say `target="_self"` to answer in the frame.
 * Everything comes from this site: its stylesheet and the quick-exit script.
 */
export const EmbedLayout = ({
  shell,
  title,
  children,
}: {
  shell: Shell;
  title: string;
  children: Child;
}) => (
  <html lang={shell.locale} dir={shell.t.meta.dir}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light dark" />
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex" />
      <base target="_blank" />
      <title>{`${title} · ${shell.siteName}`}</title>
      <link rel="stylesheet" href={assetPath('site.css')} />
      <script src={assetPath('quick-exit.js')} nonce={shell.nonce} defer></script>
    </head>
    <body class="embed">
      <QuickExit shell={shell} framed />
      <main id="main">{children}</main>
    </body>
  </html>
);
