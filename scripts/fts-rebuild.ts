/**
 * npm run fts:rebuild — rebuilds the resource search index of the database at DATABASE_URL
 * (default file:data/hearth.db). For D1, print the SQL and run it with wrangler:
 *   npx tsx scripts/fts-rebuild.ts --sql > rebuild.sql && npx wrangler d1 execute DB --remote --file rebuild.sql
 */
import { migrateLibsql, openLibsqlDatabase } from '../db/core/libsql';
import { REBUILD_SEARCH_INDEX_SQL, rebuildResourceSearchIndex } from '../db/resources/search/fts';

if (process.argv.includes('--sql')) {
  console.log(REBUILD_SEARCH_INDEX_SQL.map((statement) => `${statement};`).join('\n'));
} else {
  const { db, client } = openLibsqlDatabase(
    process.env.DATABASE_URL ?? 'file:data/hearth.db',
    process.env.DATABASE_AUTH_TOKEN,
  );
  await migrateLibsql(db);
  const count = await rebuildResourceSearchIndex(db);
  console.log(`Search index rebuilt: ${count} services.`);
  client.close();
}
