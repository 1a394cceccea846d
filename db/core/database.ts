import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from '../schema';

export type Schema = typeof schema;

/**
 * The database handle every db/ function takes first. It is built from D1 on Workers and from
 * libsql (a local file, or a remote libsql server) on Node; code that takes it never knows which.
 * Both drivers offer `batch()`, the only way to write atomically on D1 (it has no interactive
 * transactions), so it is part of the type.
 */
export type Database = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(
    batch: T,
  ): Promise<BatchResponse<T>>;
};
