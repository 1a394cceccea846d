import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { EmbedLayout } from '../../web/embed-layout';
import { Layout } from '../../web/layout';
import type { FeedLink, NavSection, Shell } from '../../web/shell';
import type { AppEnv } from '../env';

/** The shell of a page, from what the middleware put on the context. */
export const shellFor = <E extends AppEnv>(c: Context<E>, section?: NavSection): Shell => {
  const url = new URL(c.req.url);
  return {
    locale: c.get('locale'),
    t: c.get('t'),
    siteName: c.get('config').siteName,
    quickExitUrl: c.get('config').quickExitUrl,
    nonce: c.get('secureHeadersNonce'),
    currentUrl: url.pathname + url.search,
    signedIn: !!c.get('user'),
    ...(section ? { section } : {}),
  };
};

/** Renders a full HTML page: the layout around one view. */
export const renderPage = <E extends AppEnv>(
  c: Context<E>,
  page: {
    title: string;
    body: Child;
    section?: NavSection;
    status?: number;
    /** Atom feeds that follow this page (`<link rel="alternate">` in its head). */
    feeds?: readonly FeedLink[];
  },
) =>
  c.html(
    <>
      {raw('<!doctype html>')}
      <Layout
        shell={{ ...shellFor(c, page.section), ...(page.feeds ? { feeds: page.feeds } : {}) }}
        title={page.title}
      >
        {page.body}
      </Layout>
    </>,
    (page.status ?? 200) as 200,
  );

/** Renders a partner embed (a page other sites may frame; see http/embeds.ts): the embed layout around one view. */
export const renderEmbed = <E extends AppEnv>(
  c: Context<E>,
  page: { title: string; body: Child; status?: number },
) =>
  c.html(
    <>
      {raw('<!doctype html>')}
      <EmbedLayout shell={shellFor(c)} title={page.title}>
        {page.body}
      </EmbedLayout>
    </>,
    (page.status ?? 200) as 200,
  );
