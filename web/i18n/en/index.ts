import { meta, shell, forms, mail, home, support, safety, privacy, errors, readability } from './site';
import { signIn, account, organizerApplication, organize, moderation } from './accounts';
import { resourceEdit, resources } from './resources';
import { events } from './events';
import { campaigns } from './campaigns';
import { stories } from './stories';

/**
 * English catalog, one file per area. Every string a person reads comes from here or from fr/.
 * The shape of this object is the Catalog type: French must have every key.
 * Placeholders look like {name} and are filled by `format()`.
 */
export const en = {
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
} as const;
