import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../../db/core/database';
import { migrateLibsql, openLibsqlDatabase } from '../../db/core/libsql';
import { watchWrites } from '../../db/core/write-watch';
import { pageCache } from '../../worker/middleware/page-cache';
import { createApp } from '../../worker/app';
import { areaLinks as appAreaLinks, type AreaLinks } from '../../worker/area-links';
import { readConfig, type ConfigSource } from '../../worker/config';
import { outboxMailer, type Mailer } from '../../worker/mail/mailer';
import { devOutboxRoutes } from '../../worker/site/dev-outbox';
import { staticFiles } from '../../worker/site/static-files';
import { countStatements } from './statement-count';

// In a module of its own so that the workerd tests, which cannot load libsql, use it too.
export { visibleText } from './visible-text';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Database;
  /** Every log line the app wrote. */
  logs: string[];
  /**
   * SQL statements sent so far, each statement of a batch counted (support/statement-count.ts);
   * makeTestApp's apps have it, apps built by hand (the page cache's, the bench's) need not.
   */
  statements?: () => number;
  close: () => void;
}

/**
 * A fresh app over a fresh in-memory libsql database with every migration applied. A test that
 * needs other cross-area links (a slot of its own, campaigns to offer) passes them here; one
 * that needs another mailer (a provider's, over a transport it records) passes its factory,
 * asked once a request.
 */
export const makeTestApp = async (
  config: ConfigSource = {},
  areaLinks: AreaLinks = appAreaLinks,
  mailer: (db: Database) => Mailer = (db) => outboxMailer(db, () => {}),
): Promise<TestApp & { statements: () => number }> => {
  const { db, client } = openLibsqlDatabase(':memory:');
  const writes = watchWrites(client);
  const statements = countStatements(client);
  await migrateLibsql(db);
  const logs: string[] = [];
  const app = createApp(
    {
      database: () => db,
      config: () => readConfig(config),
      mailer: () => mailer(db),
      // Tests say which client they are with this header; a real host reads the socket.
      clientAddress: (c) => c.req.header('x-test-client') ?? '192.0.2.1',
      areaLinks,
    },
    // As `npm start` wires it: static files from disk, the local tools, and the page cache.
    {
      log: (line) => logs.push(line),
      staticFiles: staticFiles(),
      localTools: devOutboxRoutes,
      pageCache: pageCache({ writes }),
    },
  );
  return { app, db, logs, statements, close: () => client.close() };
};

/** Every row of these tables, to prove a refused request changed nothing. */
export const tablesSnapshot = async (t: TestApp, tables: SQLiteTable[]) =>
  JSON.stringify(await Promise.all(tables.map((table) => t.db.select().from(table).all())));
