import { slugify } from '../core/slug';

/**
 * A service's readable address from its name. Its own module: the resource editor (in the
 * Worker) needs it, the HSDS import (a script, with its time-zone data) too, and the Worker
 * bundle should not carry the import to get it.
 */
export const serviceSlug = (name: string) => slugify(name, 'service');
