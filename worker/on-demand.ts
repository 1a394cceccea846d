/**
 * The modules only some requests need, each loaded the first time one does: the libraries of the
 * .ics, feed, export and story-review routes, the readability scorer of the authors' forms, and
 * the French strings (worker/catalogs.ts).
 * Each is a source in worker/on-demand/, built alone by scripts/build-on-demand.ts into
 * worker/on-demand/built/. On Workers those files are modules of their own beside the entry
 * (wrangler.toml: `find_additional_modules` and `rules`): wrangler keeps these `import()`s as
 * they are instead of bundling what they name, so the entry module, which a cold start reads and
 * compiles, leaves them out. Node and the tests load the same built files.
 *
 * Why this file sits in worker/ itself: wrangler writes the path of each `import()` unchanged into
 * the bundle, where it is read from the entry's place at the root of the upload, so it must be
 * written from this folder. Each path is cast to a string because the built file has no types;
 * the types are those of its source in worker/on-demand/.
 */

export const loadIcal = () =>
  import('./on-demand/built/ical-generator.mjs' as string) as Promise<
    typeof import('./on-demand/ical-generator')
  >;

export const loadFeed = () =>
  import('./on-demand/built/feed.mjs' as string) as Promise<typeof import('./on-demand/feed')>;

export const loadCsv = () =>
  import('./on-demand/built/csv-stringify.mjs' as string) as Promise<
    typeof import('./on-demand/csv-stringify')
  >;

export const loadDiff = () =>
  import('./on-demand/built/diff.mjs' as string) as Promise<typeof import('./on-demand/diff')>;

export const loadReadabilityScore = () =>
  import('./on-demand/built/readability-score.mjs' as string) as Promise<
    typeof import('./on-demand/readability-score')
  >;

export const loadFrenchCatalog = () =>
  import('./on-demand/built/catalog-fr.mjs' as string) as Promise<
    typeof import('./on-demand/catalog-fr')
  >;
