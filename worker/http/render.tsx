import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import { EmbedLayout } from '../../web/embed-layout';
import { Layout } from '../../web/layout';
import { ErrorPage } from '../../web/views/site/error';
import type { ShareCardContent } from '../../web/components/share-card';
import type { FeedLink, NavSection, Shell } from '../../web/shell';
import type { AppEnv } from '../env';
import { siteOrigin } from './site-origin';

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

/** A share card as a route describes it: the page's path, made absolute on the site origin here. */
export type ShareCardOf = Omit<ShareCardContent, 'url'> & { path: string };

/** Whether a view is an `html` template's finished result: escaped text, nothing left to run. */
const isFinishedHtml = (body: Child): body is HtmlEscapedString =>
  body instanceof String &&
  (body as HtmlEscapedString).isEscaped &&
  !(body as HtmlEscapedString).callbacks;

/**
 * A view's HTML. A template's finished result is that HTML already, taken as it is; anything
 * else (JSX, or a template still waiting on a promise) is drawn by hono's JSX, as a fragment
 * around it would be: the same text either way.
 */
const drawn = (body: Child): string | Promise<string> =>
  isFinishedHtml(body) ? body.toString() : (<>{body}</>).toString();

/**
 * Renders a full HTML page: the layout around one view. The view is drawn first, so the shell
 * loads htmx (37 KB to fetch, parse and run before the page answers a tap) only on a page that
 * has an htmx enhancement; every page works without it. `shareCard` is for public pages only
 * (events, campaigns, resources): a route passes it only once it knows the page is public.
 */
export const renderPage = async <E extends AppEnv>(
  c: Context<E>,
  page: {
    title: string;
    body: Child;
    section?: NavSection;
    status?: number;
    shareCard?: ShareCardOf | undefined;
    /** Atom feeds that follow this page (`<link rel="alternate">` in its head). */
    feeds?: readonly FeedLink[];
  },
) => {
  const body = await drawn(page.body);
  const html = Layout({
    shell: {
      ...shellFor(c, page.section),
      htmx: body.includes(' hx-'),
      ...(page.feeds ? { feeds: page.feeds } : {}),
    },
    title: page.title,
    shareCard: page.shareCard && shareCardAt(c, page.shareCard),
    children: raw(body),
  });
  return c.html(`<!doctype html>${html}`, (page.status ?? 200) as 200);
};

/**
 * An error page in plain language: what happened and a way home, never a technical detail.
 * Every 4xx and 5xx page of the site is drawn here (a missing page is `c.notFound()`, which
 * comes back here through the app's notFound handler).
 */
export const renderErrorPage = <E extends AppEnv>(
  c: Context<E>,
  page: { status: number; title: string; text: string; section?: NavSection },
) =>
  renderPage(c, {
    title: page.title,
    status: page.status,
    ...(page.section ? { section: page.section } : {}),
    body: <ErrorPage title={page.title} text={page.text} homeLabel={c.get('t').errors.goHome} />,
  });

const shareCardAt = <E extends AppEnv>(
  c: Context<E>,
  { path, ...card }: ShareCardOf,
): ShareCardContent => ({ ...card, url: siteOrigin(c) + path });
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
