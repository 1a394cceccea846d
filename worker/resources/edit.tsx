import { Hono } from 'hono';
import {
  ResourceChangedMeanwhile,
  changeActor,
  listResourceChanges,
  resourceVersion,
} from '../../db/resources/changes';
import { createResource, updateResource } from '../../db/resources/edit';
import {
  getEditableResource,
  listOrganizationChoices,
  usualTimeZone,
} from '../../db/resources/edit-read';
import { OPENINGS_PER_DAY, type EditableResource } from '../../db/resources/edit-types';
import { listSearchOptions } from '../../db/resources/options';
import { ResourceFormPage, type ResourceFormValues } from '../../web/views/resources/edit-form';
import type { AppEnv } from '../env';
import { isTimeZone, timeZoneChoices } from '../events/form';
import { requireAccess, type SignedInContext } from '../http/require-access';
import { noticeUrl, readNotice, type Notices } from '../http/notices';
import { renderPage } from '../http/render';
import { readForm } from '../http/validation';
import {
  emptyResourceForm,
  parseResourceForm,
  readResourceForm,
  resourceFormValues,
  type ResourceChoices,
} from './form';

/** Languages offered even before any service speaks them: those most asked for here. */
const COMMON_LANGUAGES = [
  'en',
  'fr',
  'es',
  'ar',
  'zh',
  'pt',
  'uk',
  'ru',
  'ro',
  'pl',
  'tl',
  'vi',
  'so',
  'ti',
  'am',
  'fa',
  'hi',
  'pa',
  'ur',
  'sw',
  'ht',
];

const choicesFor = async (c: SignedInContext) => {
  const db = c.get('db');
  const [organizations, options] = await Promise.all([
    listOrganizationChoices(db),
    listSearchOptions(db),
  ]);
  const languages = [...new Set([...COMMON_LANGUAGES, ...options.languages])];
  const allowed: ResourceChoices = {
    organizationIds: organizations.map((o) => o.id),
    categories: options.categories.map((cat) => cat.code),
    languages,
  };
  return { organizations, categories: options.categories, languages, allowed };
};

/** The runtime's zones, plus those the places already have (e.g. UTC, which the list leaves out). */
const zonesWith = (current: string[]) => {
  const zones = timeZoneChoices();
  const extra = [...new Set(current)].filter((zone) => isTimeZone(zone) && !zones.includes(zone));
  return [...extra, ...zones];
};

const resourceFor = (c: SignedInContext) => {
  const key = c.req.param('id') ?? '';
  return /^[A-Za-z0-9-]{1,100}$/.test(key)
    ? getEditableResource(c.get('db'), key)
    : Promise.resolve(null);
};

const notices = {
  created: (t) => t.resourceEdit.createdNotice,
  saved: (t) => t.resourceEdit.savedNotice,
  unchanged: (t) => t.resourceEdit.unchangedNotice,
} satisfies Notices;

const editPath = (resource: { id: string }) => `/moderation/resources/${resource.id}/edit`;

const formPage = async (
  c: SignedInContext,
  values: ResourceFormValues,
  extra: {
    resource?: EditableResource;
    errors?: Record<string, string>;
    choices?: Awaited<ReturnType<typeof choicesFor>>;
    status?: number;
    notice?: string;
  } = {},
) => {
  const t = c.get('t');
  const choices = extra.choices ?? (await choicesFor(c));
  const resource = extra.resource;
  return renderPage(c, {
    title: resource ? t.resourceEdit.editTitle : t.resourceEdit.newTitle,
    status: extra.status ?? (extra.errors ? 400 : 200),
    body: (
      <ResourceFormPage
        t={t}
        locale={c.get('locale')}
        mode={resource ? 'edit' : 'new'}
        action={resource ? `/moderation/resources/${resource.id}` : '/moderation/resources'}
        values={values}
        organizations={choices.organizations}
        categories={choices.categories}
        languages={choices.languages}
        timeZones={zonesWith([
          values.timeZone,
          ...(values.otherPlaces ?? []).map((place) => place.timeZone),
        ])}
        openingsPerDay={OPENINGS_PER_DAY}
        notice={extra.notice ?? readNotice(c, notices)}
        {...(extra.errors ? { errors: extra.errors } : {})}
        {...(resource
          ? {
              publicHref: `/resources/${resource.slug}`,
              placeSharing: [
                ...(resource.locationId ? [resource.sharedPlaceCount] : []),
                ...resource.otherPlaceRecords.map((record) => record.sharedPlaceCount),
              ],
              history: await listResourceChanges(c.get('db'), resource.id),
            }
          : {})}
      />
    ),
  });
};

/** Moderators add and edit resources; every save is logged by field name (db/resources/edit.ts). */
export const resourcesEditRoutes = new Hono<AppEnv>()
  .use('/moderation/resources', requireAccess('resources:moderate'))
  .use('/moderation/resources/*', requireAccess('resources:moderate'))

  .get('/moderation/resources/new', async function moderation_resources_new_get(c) {
    return formPage(c, emptyResourceForm(await usualTimeZone(c.get('db')), c.get('locale')));
  })

  .post('/moderation/resources', async function moderation_resources_post(c) {
    const values = readResourceForm(await readForm(c.req));
    const choices = await choicesFor(c);
    const parsed = parseResourceForm(values, c.get('t'), choices.allowed);
    if (!parsed.ok) return formPage(c, values, { errors: parsed.errors, choices });
    const created = await createResource(
      c.get('db'),
      parsed.input,
      changeActor(c.get('user')),
      new Date(),
      values.formKey || null,
    );
    return c.redirect(noticeUrl(notices, editPath(created), 'created'), 303);
  })

  .get('/moderation/resources/:id/edit', async function moderation_resource_edit_get(c) {
    const resource = await resourceFor(c);
    return resource
      ? formPage(
          c,
          {
            ...resourceFormValues(resource.input),
            version: await resourceVersion(c.get('db'), resource.id),
          },
          { resource },
        )
      : c.notFound();
  })

  .post('/moderation/resources/:id', async function moderation_resource_post(c) {
    const resource = await resourceFor(c);
    if (!resource) return c.notFound();
    const values = readResourceForm(await readForm(c.req));
    const choices = await choicesFor(c);
    const parsed = parseResourceForm(values, c.get('t'), choices.allowed, resource.input);
    if (!parsed.ok) return formPage(c, values, { resource, errors: parsed.errors, choices });
    // Someone else saved since this form was opened: show what was typed, say so, and let the
    // next press save over it knowingly (the form now carries the newer version). Checked here
    // for a quick answer, and again inside the save's batch for a save landing in between.
    const changedMeanwhile = async () =>
      formPage(
        c,
        { ...values, version: await resourceVersion(c.get('db'), resource.id) },
        { resource, notice: c.get('t').resourceEdit.changedMeanwhile, choices, status: 409 },
      );
    if (values.version !== (await resourceVersion(c.get('db'), resource.id)))
      return changedMeanwhile();
    let changed: string[];
    try {
      changed = await updateResource(
        c.get('db'),
        resource,
        parsed.input,
        changeActor(c.get('user')),
        new Date(),
        values.version ?? '',
      );
    } catch (error) {
      if (error instanceof ResourceChangedMeanwhile) return changedMeanwhile();
      throw error;
    }
    return c.redirect(
      noticeUrl(notices, editPath(resource), changed.length ? 'saved' : 'unchanged'),
      303,
    );
  });
