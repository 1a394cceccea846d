import {
  LibsqlBatchError,
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type ResultSet,
  type Row,
} from '@libsql/client';
import Libsql from 'libsql';
import { Buffer } from 'node:buffer';

/**
 * The members of `@libsql/client`'s `Client` that drizzle's libsql session calls
 * (node_modules/drizzle-orm/libsql/session.js: `execute` for every query, `batch` for
 * `db.batch()`, `migrate` for the migrator, `transaction` for `db.transaction()`), and `close`,
 * which the app calls. Picked from `Client` itself, so a change of their signatures in
 * `@libsql/client` fails the type check of `LocalLibsqlClient`; the contract suite
 * (tests/node/core/libsql-contract.test.ts) checks that both clients behave alike on them.
 */
export type DatabaseClient = Pick<
  Client,
  'execute' | 'batch' | 'migrate' | 'transaction' | 'close'
>;

/** The rest of `Client`, which neither drizzle nor the app calls: refused plainly (see `notOffered`). */
type NotCalled = Exclude<keyof Client, keyof DatabaseClient | 'closed' | 'protocol'>;

type Statement = ReturnType<Libsql.Database['prepare']>;

/** A statement prepared once and what is known of it: whether it returns rows, and their columns. */
interface KeptStatement {
  statement: Statement;
  returnsRows: boolean;
  columns: string[];
  columnTypes: string[];
  /** Makes this statement's rows. */
  row: (values: unknown[]) => Row;
  /** It changes the schema: statements kept before it may now describe other columns. */
  changesSchema: boolean;
  /** A plain write joins a group commit; a read joins an open one; anything else runs on its own. */
  kind: 'write' | 'read' | 'other';
}

/** How many prepared statements a connection keeps; the oldest goes first. */
export const KEPT_STATEMENTS = 500;

const changesSchema = /^\s*(create|drop|alter)\b/i;
/** Statements that join a group commit: plain writes. Anything else (PRAGMA, BEGIN, DDL…) runs on its own. */
const joinsGroup = /^\s*(insert|update|delete|replace)\b/i;
const readsOnly = /^\s*select\b/i;
const kindOf = (sql: string): KeptStatement['kind'] =>
  joinsGroup.test(sql) ? 'write' : readsOnly.test(sql) ? 'read' : 'other';

/** Writes of one turn of the event loop, committed together; each waits for the commit. */
interface Group {
  waiting: { resolve: () => void; reject: (error: unknown) => void }[];
}

/**
 * A libsql client for a local file or `:memory:`, on the native `libsql` binding that
 * `@libsql/client` itself uses, with two differences that matter under load:
 *
 * - It keeps each statement prepared, by its SQL text. `@libsql/client` prepares every
 *   statement anew on every call (a one-row read by key: ~40 µs through it, ~8 µs kept).
 * - Group commit. The writes (insert, update, delete, and batches) that arrive in one turn of
 *   the event loop run at once, inside one transaction, committed on the next turn; each is
 *   answered only after that commit, so no one learns of a write before it is durable (as
 *   durable as `synchronous` says) and visible to other connections. A read in the same turn
 *   joins the transaction (it sees those writes) and is answered after the commit too. A
 *   statement that fails undoes only itself and is refused at once; a commit that fails
 *   refuses everyone in the group, and nothing of it is kept. A batch is a savepoint inside
 *   the group: all or nothing, as on its own. One commit for many writes saves SQLite's
 *   per-commit work (locks, the log's frames for pages that several writes touch), which
 *   under load cost more than the writes themselves. Reads outside a group, PRAGMAs and
 *   schema changes run on their own (an open group is committed first).
 *
 * Results are the same as `@libsql/client`'s (`intMode: 'number'`): rows read by name and by
 * index (names enumerable, indexes not), integers as numbers (an error beyond 2^53), blobs as
 * ArrayBuffers, `rowsAffected` and `lastInsertRowid` for statements that return no rows, errors
 * as `LibsqlError`. One connection, as `@libsql/client` got for a file: every statement runs
 * synchronously on Node's thread, so more would buy nothing. No interactive transactions (the
 * app writes atomically with `batch`, as it must on D1).
 */
export class LocalLibsqlClient implements Client {
  readonly #connection: Libsql.Database;
  readonly #kept = new Map<string, KeptStatement>();
  #group: Group | null = null;
  closed = false;
  readonly protocol = 'file';

  /** `path`: a file path or `:memory:`; `timeout`: milliseconds to wait for another process's write lock. */
  constructor(path: string, options: { timeout?: number } = {}) {
    this.#connection = new Libsql(path, { timeout: options.timeout ?? 0 });
  }

  async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#checkOpen();
    const stmt = typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql;
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    const kind = this.#kept.get(sql)?.kind ?? kindOf(sql);
    // A read while a group is open sees its writes, so it waits for their commit too.
    if (kind === 'write' || (this.#group && kind === 'read'))
      return this.#inGroup(() => this.#run(stmt));
    // Before preparing: some statements (PRAGMA synchronous…) cannot even be prepared in a transaction.
    this.#commitGroup();
    return this.#run(stmt);
  }

  async batch(
    stmts: Array<InStatement | [string, InArgs?]>,
    mode: 'write' | 'read' | 'deferred' = 'deferred',
  ): Promise<ResultSet[]> {
    this.#checkOpen();
    // A batch of reads alone takes no write lock: another process writing (an import, a rebuild
    // of the search index) must not make every page wait, as it never did with @libsql/client.
    const sqlOf = (stmt: InStatement | [string, InArgs?]) =>
      Array.isArray(stmt) ? stmt[0] : typeof stmt === 'string' ? stmt : stmt.sql;
    if (
      !this.#group &&
      (mode === 'read' ||
        stmts.every(
          (stmt) => (this.#kept.get(sqlOf(stmt))?.kind ?? kindOf(sqlOf(stmt))) === 'read',
        ))
    ) {
      return this.#inTransaction('BEGIN DEFERRED', stmts);
    }
    return this.#inGroup(() => {
      this.#run('SAVEPOINT batch');
      try {
        const results = this.#runEach(stmts);
        this.#run('RELEASE batch');
        return results;
      } catch (error) {
        if (this.#connection.inTransaction) {
          this.#run('ROLLBACK TO batch');
          this.#run('RELEASE batch');
        }
        throw error;
      }
    });
  }

  /** A batch with foreign keys off, as drizzle's migrator expects. Forgets kept statements after. */
  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#checkOpen();
    this.#commitGroup();
    this.#run('PRAGMA foreign_keys=off');
    try {
      return this.#inTransaction('BEGIN DEFERRED', stmts);
    } finally {
      this.#run('PRAGMA foreign_keys=on');
      this.#kept.clear();
    }
  }

  /** Interactive transactions are not offered (nor on D1): write atomically with `batch`. Said plainly, not as a TypeError. */
  async transaction(): Promise<never> {
    throw new LibsqlError(
      'Interactive transactions are not supported on this database: use db.batch()',
      'TRANSACTION_NOT_SUPPORTED',
    );
  }

  // Drizzle's type asks for a whole `Client`: implementing it (rather than `as Client`) makes a
  // member added to `Client` a type error here, where one decides whether drizzle calls it.
  executeMultiple = notOffered('executeMultiple');
  sync = notOffered('sync');
  reconnect = notOffered('reconnect');

  close(): void {
    if (this.closed) return;
    this.#commitGroup();
    this.closed = true;
    this.#kept.clear();
    this.#connection.close();
  }

  /**
   * Runs a write now, inside the group's transaction (begun by the group's first write), and
   * answers only once the group has committed, on the next turn of the event loop.
   */
  #inGroup<T>(work: () => T): Promise<T> {
    if (!this.#group) {
      this.#run('BEGIN IMMEDIATE');
      const group: Group = { waiting: [] };
      this.#group = group;
      setImmediate(() => {
        if (this.#group !== group) return;
        try {
          this.#commitGroup();
        } catch {
          // A failed ROLLBACK after a failed COMMIT: everyone in the group was already told.
        }
      });
    }
    const group = this.#group;
    let value: T;
    try {
      value = work();
    } catch (error) {
      // An error that ended the transaction undid the group: everyone in it hears now.
      if (!this.#connection.inTransaction) {
        this.#failGroup(group, error);
        return Promise.reject(error);
      }
      // A failed statement undid only itself, but its failure may rest on writes of this group
      // (a duplicate of a row written this turn): it is told at the commit, like them, or told
      // the commit's error if the group is refused.
      return new Promise<T>((_, reject) =>
        group.waiting.push({ resolve: () => reject(error), reject }),
      );
    }
    return new Promise<T>((resolve, reject) =>
      group.waiting.push({ resolve: () => resolve(value), reject }),
    );
  }

  /** Commits the open group, if any, and answers everyone in it. */
  #commitGroup() {
    const group = this.#group;
    if (!group) return;
    this.#group = null;
    try {
      this.#run('COMMIT');
    } catch (error) {
      this.#failGroup(group, error);
      return;
    }
    for (const waiting of group.waiting) waiting.resolve();
  }

  #failGroup(group: Group, error: unknown) {
    if (this.#group === group) this.#group = null;
    try {
      if (this.#connection.inTransaction) this.#run('ROLLBACK');
    } finally {
      for (const waiting of group.waiting) waiting.reject(error);
      group.waiting = [];
    }
  }

  /** A batch's statements in order, inside a transaction; a failure names its statement, as @libsql/client's batch errors do. */
  #runEach(stmts: Array<InStatement | [string, InArgs?]>): ResultSet[] {
    return stmts.map((stmt, i) => {
      if (!this.#connection.inTransaction)
        throw new LibsqlBatchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED');
      try {
        return this.#run(Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] ?? [] } : stmt);
      } catch (error) {
        if (error instanceof LibsqlError && !(error instanceof LibsqlBatchError)) {
          throw new LibsqlBatchError(
            error.message,
            i,
            error.code,
            error.extendedCode,
            error.rawCode,
            error.cause instanceof Error ? error.cause : undefined,
          );
        }
        throw error;
      }
    });
  }

  #inTransaction(begin: string, stmts: Array<InStatement | [string, InArgs?]>): ResultSet[] {
    this.#run(begin);
    try {
      const results = this.#runEach(stmts);
      this.#run('COMMIT');
      return results;
    } finally {
      if (this.#connection.inTransaction) this.#run('ROLLBACK');
    }
  }

  #run(stmt: InStatement): ResultSet {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    try {
      const args = typeof stmt === 'string' ? [] : bindable(stmt.args);
      const kept = this.#statement(sql);
      if (kept.returnsRows) {
        const rows = (kept.statement.all(args) as unknown[][]).map(kept.row);
        return resultSet(kept.columns, kept.columnTypes, rows, 0, undefined);
      }
      const info = kept.statement.run(args);
      if (kept.changesSchema) this.#kept.clear();
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      throw libsqlError(error);
    }
  }

  /** The kept statement for this SQL, prepared now if it is new (or was forgotten). */
  #statement(sql: string): KeptStatement {
    const found = this.#kept.get(sql);
    if (found) return found;
    const statement = this.#connection.prepare(sql);
    statement.safeIntegers(true);
    let returnsRows = true;
    try {
      statement.raw(true);
    } catch {
      // raw() refuses a statement that returns no rows.
      returnsRows = false;
    }
    const columns = returnsRows ? statement.columns() : [];
    const kept: KeptStatement = {
      statement,
      returnsRows,
      columns: columns.map((column) => column.name),
      columnTypes: columns.map((column) => column.type ?? ''),
      row: rowMaker(columns.map((column) => column.name)),
      changesSchema: changesSchema.test(sql),
      kind: kindOf(sql),
    };
    // A statement that changes the schema runs once; keeping it would only push others out.
    if (!kept.changesSchema) {
      // The oldest goes first: a busy statement let go is simply prepared again.
      if (this.#kept.size >= KEPT_STATEMENTS) this.#kept.delete(this.#kept.keys().next().value!);
      this.#kept.set(sql, kept);
    }
    return kept;
  }

  #checkOpen() {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
  }
}

/** A member of `Client` this client does not offer, refused with its name rather than a TypeError. */
function notOffered(member: NotCalled): (...args: unknown[]) => never {
  return () => {
    throw new LibsqlError(
      `${member}() is not offered by the local libsql client (db/core/libsql-local/README.md)`,
      'NOT_SUPPORTED',
    );
  };
}

const resultSet = (
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet => ({
  columns,
  columnTypes,
  rows,
  rowsAffected,
  lastInsertRowid,
  toJSON: () => ({
    columns,
    columnTypes,
    rows: rows.map((row) =>
      Array.prototype.map.call(row, (value) =>
        typeof value === 'bigint'
          ? `${value}`
          : value instanceof ArrayBuffer
            ? Buffer.from(value).toString('base64')
            : value,
      ),
    ),
    rowsAffected,
    lastInsertRowid: lastInsertRowid === undefined ? null : `${lastInsertRowid}`,
  }),
});

const VALUES = Symbol('values');

/**
 * Makes the rows of one statement as `@libsql/client` makes them: values by index and `length`
 * hidden, by column name enumerable (the first of two same names wins). The indexes and `length`
 * are read through a prototype made once per statement, so a row costs one hidden property and
 * one plain assignment a column, rather than defining every index and name on every row.
 */
const rowMaker = (columns: string[]): ((values: unknown[]) => Row) => {
  const shape = {};
  Object.defineProperty(shape, 'length', { value: columns.length });
  for (let i = 0; i < columns.length; i++)
    Object.defineProperty(shape, i, {
      get(this: { [VALUES]: unknown[] }) {
        return this[VALUES][i];
      },
    });
  // A name already given to an index or to `length` stays theirs, as on @libsql/client's rows.
  const named = columns.flatMap((name, i) =>
    columns.indexOf(name) === i && !Object.hasOwn(shape, name) ? [[name, i] as const] : [],
  );
  return (values) => {
    for (let i = 0; i < values.length; i++) values[i] = valueFromSql(values[i]);
    const row = Object.create(shape) as Record<string | symbol, unknown>;
    Object.defineProperty(row, VALUES, { value: values });
    for (const [name, i] of named) row[name] = values[i];
    return row as unknown as Row;
  };
};

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const valueFromSql = (value: unknown): unknown => {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE)
      throw new RangeError(
        'Received integer which cannot be safely represented as a JavaScript number',
      );
    return Number(value);
  }
  if (value instanceof Buffer)
    return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return value;
};

const MIN_INTEGER = -9223372036854775808n;
const MAX_INTEGER = 9223372036854775807n;

const valueToSql = (value: InValue | undefined): unknown => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INTEGER || value > MAX_INTEGER)
      throw new RangeError(
        'bigint is too large to be represented as a 64-bit integer and passed as argument',
      );
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined)
    throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
};

/** Arguments as the binding takes them: positional, or by name without the `:`, `@` or `$`. */
const bindable = (args: InArgs | undefined): unknown[] | Record<string, unknown> => {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(valueToSql);
  const named: Record<string, unknown> = {};
  for (const name in args)
    named[/^[:@$]/.test(name) ? name.slice(1) : name] = valueToSql(
      (args as Record<string, InValue>)[name],
    );
  return named;
};

/** The binding's error as `@libsql/client` reports it (code, extended code, raw code). */
const libsqlError = (error: unknown): unknown => {
  if (error instanceof Libsql.SqliteError) {
    const rawCode = (error as { rawCode?: number }).rawCode;
    return new LibsqlError(
      error.message,
      sqliteCodes[(rawCode ?? -1) & 0xff] ?? 'SQLITE_UNKNOWN',
      error.code,
      rawCode,
      error,
    );
  }
  return error;
};

const sqliteCodes: Record<number, string> = {
  1: 'SQLITE_ERROR',
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  15: 'SQLITE_PROTOCOL',
  16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS',
  23: 'SQLITE_AUTH',
  24: 'SQLITE_FORMAT',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
  27: 'SQLITE_NOTICE',
  28: 'SQLITE_WARNING',
};
