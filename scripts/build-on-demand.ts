/**
 * Builds the on-demand modules: each source in worker/on-demand/ (a library, or a set of strings,
 * that only some requests need) bundled alone and minified into worker/on-demand/built/<name>.mjs
 * (git-ignored), with its source map. On Workers, wrangler uploads those files beside the entry
 * as modules of their own (`find_additional_modules` and `rules` in wrangler.toml) and keeps each
 * `import()` of them in worker/on-demand.ts as it is, so a module is read and compiled only when
 * a request first needs it; Node and the tests load the same files through the same functions.
 *
 * Run by `npm run assets` (so before start, dev, build, deploy and test) and by vitest's global
 * setup. A file is rewritten only when its bytes change, through a rename, so a test run that
 * builds while another reads never sees half a file.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(root, 'worker/on-demand');
export const onDemandOutput = join(sources, 'built');

/**
 * feed writes XML with xml-js's `js2xml` and never reads any; xml-js's index brings its reader
 * too, and the reader brings sax (about 8 KiB gzip). Only the writer goes in.
 */
const xmlWriterOnly: Plugin = {
  name: 'xml-js writer only',
  setup(build) {
    build.onResolve({ filter: /^xml-js$/ }, () => ({ path: 'xml-js', namespace: 'xml-writer' }));
    build.onLoad({ filter: /.*/, namespace: 'xml-writer' }, () => ({
      contents: "export { default as js2xml } from 'xml-js/lib/js2xml.js';",
      resolveDir: root,
    }));
  },
};

export const buildOnDemandModules = async (): Promise<string[]> => {
  const entries = readdirSync(sources).filter((f) => f.endsWith('.ts'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries.map((f) => join(sources, f)),
    outdir: onDemandOutput,
    outExtension: { '.js': '.mjs' },
    write: false,
    bundle: true,
    format: 'esm',
    // As wrangler builds the entry (wrangler.toml: minify, keep_names; its target and conditions).
    minify: true,
    keepNames: true,
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    sourcemap: true,
    plugins: [xmlWriterOnly],
    logLevel: 'warning',
  });
  mkdirSync(onDemandOutput, { recursive: true });
  for (const file of result.outputFiles) {
    let current: Buffer | undefined;
    try {
      current = readFileSync(file.path);
    } catch {}
    if (current?.equals(file.contents)) continue;
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return entries.map((f) => basename(f, '.ts'));
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await buildOnDemandModules();
  console.log(`on-demand modules: ${names.join(', ')}`);
}
