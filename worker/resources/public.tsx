import { Hono, type Context } from 'hono';
import { can } from '../../db/permissions';
import { hitRateLimit } from '../../db/core/rate-limit';
import { getResource } from '../../db/resources/detail';
import { listSearchOptions, searchOptionsAndZones } from '../../db/resources/options';
import { fileResourceReport } from '../../db/resources/reports';
import { searchResources } from '../../db/resources/search/search';
import type { ResourceDetail } from '../../db/resources/types';
import { ReportForm, type ReportFormState } from '../../web/views/resources/report-form';
import { ResourceResults } from '../../web/views/resources/results';
import { searchUrl } from '../../web/views/resources/search-url';
import { ResourcePage } from '../../web/views/resources/detail';
import { ResourceSearchPage } from '../../web/views/resources/search';
import type { AppEnv } from '../env';
import { localToolsAllowed } from '../http/local-tools';
import { renderPage } from '../http/render';
import { isHtmx } from '../http/htmx';
import { readForm } from '../http/validation';
import { MAX_CONTACT_CHARS, MAX_PROBLEM_CHARS, readReportForm, readResourceSearch } from './input';

/** Reports one client may send in an hour: enough for honest use, too few to flood moderators. */
export const REPORT_LIMIT = { name: 'resource-report', max: 5, windowSeconds: 3600 };

const LIMITS = { problem: MAX_PROBLEM_CHARS, contact: MAX_CONTACT_CHARS };
const EMPTY_REPORT: ReportFormState = { values: { problem: '', contact: '' }, errors: {} };

/** Ids are HSDS UUIDs or slugs; anything else is not a resource, and costs no query. */
const resourceKey = (c: Context<AppEnv>) => {
  const key = c.req.param('id') ?? '';
  return /^[A-Za-z0-9-]{1,100}$/.test(key) ? key : null;
};

/** The resource page, or the report section alone for htmx, with the report form's state. */
const renderResource = async (
  c: Context<AppEnv>,
  resource: ResourceDetail,
  report: ReportFormState,
  status = 200,
) => {
  const t = c.get('t');
  if (isHtmx(c) && c.req.method === 'POST') {
    return c.html(
      ReportForm({
        t,
        slug: resource.slug,
        state: report,
        maxProblem: LIMITS.problem,
        maxContact: LIMITS.contact,
      }),
      status as 200,
    );
  }
  const options = await listSearchOptions(c.get('db'));
  return renderPage(c, {
    title: t.resources.detailTitle,
    section: 'findHelp',
    status,
    // Only active services are found (`getResource`); the card says nothing of their places.
    shareCard: {
      title: resource.name,
      summary: resource.description ?? resource.organizationName,
      path: `/resources/${resource.slug}`,
      language: resource.contentLanguage,
    },
    body: ResourcePage({
      t,
      locale: c.get('locale'),
      resource,
      categories: options.categories,
      report,
      limits: LIMITS,
      editHref: can(c.get('user'), 'resources:moderate')
        ? `/moderation/resources/${resource.id}/edit`
        : undefined,
    }),
  });
};

/** The resource directory: search, one resource, and reports of a problem with one. */
export const resourceRoutes = new Hono<AppEnv>()
  .get('/resources', async function resources_get(c) {
    const t = c.get('t');
    const locale = c.get('locale');
    const db = c.get('db');
    const query = c.req.query();
    const search = readResourceSearch(query);
    // A position finer than about 1 km is replaced at once by the rounded one, so it stays in no
    // history, link or page (the language switch, for one, echoes the current address).
    if (
      search.near &&
      (query.lat !== search.near.latitude.toFixed(2) ||
        query.lon !== search.near.longitude.toFixed(2))
    ) {
      return c.redirect(searchUrl(search), 302);
    }
    const started = performance.now();
    // The options come with the zones the search needs: one check that neither changed.
    const { options, zones } = await searchOptionsAndZones(db);
    const result = await searchResources(db, search, new Date(), { zones });
    // How long the database took, for `npm run bench:search:d1`; local runs only, since a
    // timing helps someone tune a slow query against a public site.
    if (localToolsAllowed(c))
      c.header('Server-Timing', `db;dur=${(performance.now() - started).toFixed(1)}`);
    // The same URL answers with a whole page or, for htmx, the results alone: caches must tell them apart.
    c.header('Vary', 'HX-Request', { append: true });
    if (isHtmx(c)) {
      return c.html(ResourceResults({ t, locale, search, result, categories: options.categories }));
    }
    return renderPage(c, {
      title: t.resources.title,
      section: 'findHelp',
      body: ResourceSearchPage({
        t,
        locale,
        search,
        options,
        result,
        nonce: c.get('secureHeadersNonce'),
      }),
    });
  })
  .get('/resources/:id', async function resource_get(c) {
    const key = resourceKey(c);
    const resource = key ? await getResource(c.get('db'), key, new Date()) : null;
    if (!resource) return c.notFound();
    return renderResource(c, resource, { ...EMPTY_REPORT, sent: c.req.query('report') === 'sent' });
  })
  .post('/resources/:id/reports', async function resource_reports_post(c) {
    const key = resourceKey(c);
    if (!key) return c.notFound();
    const db = c.get('db');
    const now = new Date();
    const resource = await getResource(db, key, now);
    if (!resource) return c.notFound();
    const form = readReportForm(await readForm(c.req));
    if (!form.ok)
      return renderResource(c, resource, { values: form.values, errors: form.errors }, 422);
    const limit = await hitRateLimit(db, REPORT_LIMIT, await c.get('clientKey')(), now);
    if (!limit.allowed) {
      c.header('Retry-After', String(limit.retryAfterSeconds));
      const minutes = Math.max(1, Math.ceil(limit.retryAfterSeconds / 60));
      return renderResource(
        c,
        resource,
        {
          values: { problem: form.problem, contact: form.contact ?? '' },
          errors: {},
          limitedMinutes: minutes,
        },
        429,
      );
    }
    await fileResourceReport(
      db,
      { serviceId: resource.id, problem: form.problem, contact: form.contact },
      now,
    );
    if (isHtmx(c)) return renderResource(c, resource, { ...EMPTY_REPORT, sent: true });
    // Post/redirect/get: reloading the thank-you page sends nothing twice.
    return c.redirect(`/resources/${encodeURIComponent(resource.slug)}?report=sent#report`, 303);
  });
