/**
 * npm run bench:size — what a visitor downloads and what Workers deploys:
 * the worker bundle (raw and gzip) and the home page's transfer size (HTML + CSS + JS, gzip).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { createApp } from '../../worker/app';
import { areaLinks } from '../../worker/area-links';
import { readConfig } from '../../worker/config';
import { outboxMailer } from '../../worker/mail/mailer';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', 'dist'], { stdio: 'ignore' });
const bundle = readFileSync('dist/index.js');
console.log(`worker bundle: ${kb(bundle.length)} raw, ${kb(gzipSync(bundle).length)} gzip`);

const { db, client } = openLibsqlDatabase(':memory:');
await migrateLibsql(db);
const app = createApp(
  {
    database: () => db,
    config: () => readConfig({}),
    mailer: () => outboxMailer(db, () => {}),
    areaLinks,
  },
  { log: () => {} },
);
for (const path of ['/', '/support']) {
  const html = await (await app.request(path)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+\.(?:css|js))"/g)].map(
    (m) => m[1]!,
  );
  let total = gzipSync(html).length;
  const parts = [`HTML ${kb(gzipSync(html).length)}`];
  for (const asset of assets) {
    const body = await (await app.request(asset)).text();
    total += gzipSync(body).length;
    parts.push(`${asset.split('/').pop()} ${kb(gzipSync(body).length)}`);
  }
  console.log(`${path} transfer (gzip): ${kb(total)} = ${parts.join(' + ')}`);
}
client.close();
