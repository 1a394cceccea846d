import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { Layout } from '../../web/layout';
import type { NavSection, Shell } from '../../web/shell';
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

/**
 * Renders a full HTML page: the layout around one view. The view is drawn first, so the shell
 * loads htmx (37 KB to fetch, parse and run before the page answers a tap) only on a page that
 * has an htmx enhancement; every page works without it.
 */
export const renderPage = async <E extends AppEnv>(
  c: Context<E>,
  page: { title: string; body: Child; section?: NavSection; status?: number },
) => {
  const body = await (<>{page.body}</>).toString();
  return c.html(
    <>
      {raw('<!doctype html>')}
      <Layout
        shell={{ ...shellFor(c, page.section), htmx: body.includes(' hx-') }}
        title={page.title}
      >
        {raw(body)}
      </Layout>
    </>,
    (page.status ?? 200) as 200,
  );
};
