/**
 * npm run bench:size — what Workers deploys and what a visitor downloads:
 * the worker's modules (raw and gzip, as `wrangler deploy --dry-run` builds them: minified,
 * without the static files, which `[assets]` serves): the entry module a cold start reads, each
 * on-demand module uploaded beside it (worker/on-demand.ts), and the whole upload; the CPU time
 * to load the entry; its largest parts from esbuild's metafile; and the home page's transfer size
 * (HTML + CSS + JS, gzip).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';
import { staticFiles } from '../../worker/site/static-files';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

const out = 'dist/size';
rmSync(out, { recursive: true, force: true });
execFileSync(
  'npx',
  ['wrangler', 'deploy', '--dry-run', '--outdir', out, '--metafile', join(out, 'meta.json')],
  { stdio: 'ignore' },
);
// The entry at the top of the folder, the on-demand modules below it (as they are uploaded).
const modules = readdirSync(out, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.m?js$/.test(f))
  .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
let raw = 0;
let gzip = 0;
for (const file of modules) {
  const bytes = readFileSync(join(out, file));
  const gzipped = gzipSync(bytes).length;
  raw += bytes.length;
  gzip += gzipped;
  console.log(`worker ${file}: ${kb(bytes.length)} raw, ${kb(gzipped)} gzip`);
}
console.log(`whole upload (${modules.length} modules): ${kb(raw)} raw, ${kb(gzip)} gzip`);

// What a cold start spends on the entry, roughly: CPU time for V8 (Node's, as workerd's) to read,
// compile and run the entry module's top level, in a fresh process each time (median of 9). The
// on-demand modules are not loaded: only an import() in a request would.
const entryCopy = join(out, 'entry.mjs');
copyFileSync(join(out, 'index.js'), entryCopy);
const loadCpu = Array.from({ length: 9 }, () =>
  Number(
    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `const c = process.cpuUsage(); await import(${JSON.stringify(resolve(entryCopy))});` +
        'const d = process.cpuUsage(c); console.log((d.user + d.system) / 1000);',
    ]),
  ),
).sort((a, b) => a - b);
console.log(`entry module load (CPU, median of 9): ${loadCpu[4]!.toFixed(0)} ms`);

// The largest parts: a package from node_modules, or a folder of this project (two levels).
interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}
const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as Metafile;
const parts = new Map<string, number>();
const files: [string, number][] = [];
for (const [output, { inputs }] of Object.entries(meta.outputs)) {
  if (output.endsWith('.map')) continue;
  for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
    const part = input.includes('node_modules/')
      ? input.replace(/.*node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1')
      : input.split('/').slice(0, 2).join('/');
    parts.set(part, (parts.get(part) ?? 0) + bytesInOutput);
    files.push([input, bytesInOutput]);
  }
}
const top = (entries: Iterable<[string, number]>, n: number) =>
  [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, bytes]) => `  ${kb(bytes).padStart(10)}  ${name}`)
    .join('\n');
console.log(`largest parts of the entry (minified bytes, before gzip):\n${top(parts, 15)}`);
console.log(`largest files:\n${top(files, 10)}`);

const { db, client } = openLibsqlDatabase(':memory:');
await migrateLibsql(db);
const app = createApp(
  {
    database: () => db,
    config: () => readConfig({}),
    mailer: () => outboxMailer(db, () => {}),
    areaLinks,
  },
  { log: () => {}, staticFiles: staticFiles() },
);
for (const path of ['/', '/support']) {
  const html = await (await app.request(path)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+\.(?:css|js))"/g)].map(
    (m) => m[1]!,
  );
  let total = gzipSync(html).length;
  const sizes = [`HTML ${kb(gzipSync(html).length)}`];
  for (const asset of assets) {
    const body = await (await app.request(asset)).text();
    total += gzipSync(body).length;
    sizes.push(`${asset.split('/').pop()} ${kb(gzipSync(body).length)}`);
  }
  console.log(`${path} transfer (gzip): ${kb(total)} = ${sizes.join(' + ')}`);
}
client.close();
