import type { Catalog } from '../catalog';
import { meta, shell, forms, mail, home, support, safety, privacy, errors, readability } from './site';
import { signIn, account, organizerApplication, organize, moderation } from './accounts';
import { resourceEdit, resources } from './resources';
import { events } from './events';
import { campaigns } from './campaigns';
import { stories } from './stories';

/** French catalog: typed as Catalog, so a missing or extra key fails the type check. */
export const fr: Catalog = {
  meta,
  shell,
  forms,
  signIn,
  account,
  organizerApplication,
  organize,
  moderation,
  resourceEdit,
  mail,
  home,
  events,
  resources,
  support,
  campaigns,
  safety,
  stories,
  privacy,
  errors,
  readability,
};
