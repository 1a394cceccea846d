/**
 * The drizzle schema: every table of every area, one file per area. One migrations folder
 * (db/migrations), generated from these files by drizzle-kit, serves D1 and libsql alike.
 * Everything else imports tables from here (`db/schema`).
 */
export * from './core';
export * from './accounts';
export * from './stories';
export * from './campaigns';
export * from './events';
export * from './resources-hsds';
export * from './resources-platform';
export * from './circles';
