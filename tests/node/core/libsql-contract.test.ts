import { LibsqlBatchError, LibsqlError } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  localClientChoice,
  migrateLibsql,
  openLibsqlDatabase,
  type LocalClientChoice,
} from '../../../db/core/libsql';
import { LocalLibsqlClient, type DatabaseClient } from '../../../db/core/libsql-local/client';
import type { Database } from '../../../db/core/database';
import { campaigns } from '../../../db/schema';

// The same cases on both clients a local database can have (LIBSQL_CLIENT): the app's own
// LocalLibsqlClient and @libsql/client, each built as openLibsqlDatabase builds it. A case that
// fails on `official` only is a test that assumes too much; on `local` only, a difference the
// local client must not have. Where they differ on purpose, the case says so and why.
describe.each<LocalClientChoice>(['local', 'official'])('the %s libsql client', (choice) => {
  let client: DatabaseClient;
  let db: Database;
  beforeEach(async () => {
    ({ client, db } = openLibsqlDatabase(':memory:', undefined, choice));
    await client.execute(
      'create table t (id integer primary key, name text not null unique, n integer, data blob)',
    );
  });
  afterEach(() => client.close());

  const insert = (name: string, n: number | null = null) =>
    client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: [name, n] });
  const names = async () =>
    (await client.execute('select name from t order by name')).rows.map((row) => row.name);

  it('is the client LIBSQL_CLIENT names', () => {
    expect(client instanceof LocalLibsqlClient).toBe(choice === 'local');
  });

  it('takes positional arguments, as an object or after the SQL, and named ones with or without : @ $', async () => {
    await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: ['a', 1] });
    await client.execute('insert into t (name, n) values (?, ?)', ['b', 2]);
    await client.execute({
      sql: 'insert into t (name, n) values (:name, @n)',
      args: { name: 'c', '@n': 3 },
    });
    await client.execute({
      sql: 'insert into t (name, n) values ($name, :n)',
      args: { $name: 'd', ':n': 4 },
    });
    const { rows } = await client.execute('select name, n from t order by id');
    expect(rows.map((row) => [row.name, row.n])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('gives fresh results each time the same statement runs again', async () => {
    const byName = 'select n from t where name = ?';
    await insert('a', 1);
    await insert('b', 2);
    expect((await client.execute({ sql: byName, args: ['a'] })).rows.map((row) => row.n)).toEqual([
      1,
    ]);
    expect((await client.execute({ sql: byName, args: ['b'] })).rows.map((row) => row.n)).toEqual([
      2,
    ]);
    expect((await client.execute({ sql: byName, args: ['c'] })).rows).toEqual([]);
  });

  it('reads a row by name and by index, with only the names enumerable; gives columns and their declared types', async () => {
    await insert('a', 7);
    const result = await client.execute('select id, name, n, name as name, 1 + 1 as two from t');
    const row = result.rows[0]!;
    expect(result.columns).toEqual(['id', 'name', 'n', 'name', 'two']);
    expect(result.columnTypes).toEqual(['INTEGER', 'TEXT', 'INTEGER', 'TEXT', '']);
    expect([row[0], row[1], row[2], row[3], row[4], row.length]).toEqual([1, 'a', 7, 'a', 2, 5]);
    expect([row.id, row.name, row.n, row.two]).toEqual([1, 'a', 7, 2]);
    expect(Object.keys(row)).toEqual(['id', 'name', 'n', 'two']);
    expect(Array.prototype.slice.call(row)).toEqual([1, 'a', 7, 'a', 2]);
    // A read reports no write.
    expect([result.rowsAffected, result.lastInsertRowid]).toEqual([0, undefined]);
  });

  it('reports a write: rows affected, and the last rowid as a bigint', async () => {
    await insert('a');
    const inserted = await insert('b');
    expect([
      inserted.rowsAffected,
      inserted.lastInsertRowid,
      inserted.columns,
      inserted.rows,
    ]).toEqual([1, 2n, [], []]);
    expect((await client.execute('update t set n = 5')).rowsAffected).toBe(2);
    expect(
      (await client.execute({ sql: 'delete from t where name = ?', args: ['nobody'] }))
        .rowsAffected,
    ).toBe(0);
  });

  it('serializes a result with toJSON: bigints and the rowid as strings, blobs in base64', async () => {
    const inserted = await client.execute({
      sql: 'insert into t (name, data) values (?, ?)',
      args: ['a', new Uint8Array([1, 2, 3]).buffer],
    });
    expect(inserted.toJSON()).toEqual({
      columns: [],
      columnTypes: [],
      rows: [],
      rowsAffected: 1,
      lastInsertRowid: '1',
    });
    const read = await client.execute('select name, data from t');
    expect(read.toJSON()).toEqual({
      columns: ['name', 'data'],
      columnTypes: ['TEXT', 'BLOB'],
      rows: [['a', 'AQID']],
      rowsAffected: 0,
      lastInsertRowid: null,
    });
  });

  it('reads integers as numbers and refuses one beyond 2^53; takes bigints, booleans, dates and null', async () => {
    await insert('max safe', Number.MAX_SAFE_INTEGER);
    await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: ['bigint', 12n] });
    await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: ['true', true] });
    await client.execute({
      sql: 'insert into t (name, n) values (?, ?)',
      args: ['date', new Date(1_700_000_000_000)],
    });
    await insert('null', null);
    const { rows } = await client.execute('select name, n, typeof(n) as type from t order by id');
    expect(rows.map((row) => [row.name, row.n, row.type])).toEqual([
      ['max safe', Number.MAX_SAFE_INTEGER, 'integer'],
      ['bigint', 12, 'integer'],
      ['true', 1, 'integer'],
      ['date', 1_700_000_000_000, 'integer'],
      ['null', null, 'null'],
    ]);
    await client.execute({ sql: 'update t set n = ? where name = ?', args: [2n ** 62n, 'bigint'] });
    await expect(client.execute('select n from t where name = ?', ['bigint'])).rejects.toThrow(
      RangeError,
    );
    expect(
      (await client.execute('select cast(n as text) as n from t where name = ?', ['bigint']))
        .rows[0]!.n,
    ).toBe(`${2n ** 62n}`);
  });

  it('refuses arguments SQLite cannot hold: undefined, NaN, a bigint beyond 64 bits', async () => {
    await expect(client.execute('select ? as v', [undefined as unknown as null])).rejects.toThrow(
      TypeError,
    );
    await expect(client.execute('select ? as v', [Number.NaN])).rejects.toThrow(RangeError);
    await expect(client.execute('select ? as v', [2n ** 63n])).rejects.toThrow(RangeError);
  });

  it('stores a blob from an ArrayBuffer and reads it back as an ArrayBuffer of its own length', async () => {
    await client.execute({
      sql: 'insert into t (name, data) values (?, ?)',
      args: ['a', new Uint8Array([1, 2, 3]).buffer],
    });
    const { rows } = await client.execute(
      "select data, x'0a0b' as literal, zeroblob(0) as empty from t",
    );
    const row = rows[0]!;
    expect(row.data).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(row.data as ArrayBuffer)]).toEqual([1, 2, 3]);
    expect([...new Uint8Array(row.literal as ArrayBuffer)]).toEqual([10, 11]);
    expect((row.empty as ArrayBuffer).byteLength).toBe(0);
  });

  it('reports a failed statement as a LibsqlError with SQLite’s codes, and runs it again afterwards', async () => {
    await insert('a');
    const duplicate = await insert('a').catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(LibsqlError);
    expect([
      (duplicate as LibsqlError).code,
      (duplicate as LibsqlError).extendedCode,
      (duplicate as LibsqlError).rawCode,
    ]).toEqual(['SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_UNIQUE', 2067]);
    const syntax = await client.execute('selec 1').catch((e: unknown) => e);
    expect(syntax).toBeInstanceOf(LibsqlError);
    expect((syntax as LibsqlError).code).toBe('SQLITE_ERROR');
    expect((await insert('b')).rowsAffected).toBe(1);
    expect(await names()).toEqual(['a', 'b']);
  });

  it('runs a batch in order and answers each statement, in both forms of a statement', async () => {
    const results = await client.batch([
      { sql: 'insert into t (name) values (?)', args: ['a'] },
      ['insert into t (name) values (?)', ['b']],
      'select count(*) as c from t',
    ]);
    expect(results.map((result) => result.rowsAffected)).toEqual([1, 1, 0]);
    expect(results[2]!.rows[0]!.c).toBe(2);
  });

  it('writes a batch all or nothing, naming the statement that failed', async () => {
    await insert('taken');
    const error = await client
      .batch([
        { sql: 'insert into t (name) values (?)', args: ['new'] },
        { sql: 'insert into t (name) values (?)', args: ['taken'] },
        { sql: 'insert into t (name) values (?)', args: ['never'] },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlBatchError);
    expect([(error as LibsqlBatchError).statementIndex, (error as LibsqlBatchError).code]).toEqual([
      1,
      'SQLITE_CONSTRAINT',
    ]);
    expect(await names()).toEqual(['taken']);
  });

  it('answers a batch of reads alone, and one in read mode', async () => {
    await insert('a');
    const [count, first] = await client.batch([
      'select count(*) as c from t',
      { sql: 'select name from t where id = ?', args: [1] },
    ]);
    expect([count!.rows[0]!.c, first!.rows[0]!.name]).toEqual([1, 'a']);
    const [read] = await client.batch(['select name from t'], 'read');
    expect(read!.rows.map((row) => row.name)).toEqual(['a']);
  });

  it('migrates with foreign keys off, turned on again after, all or nothing', async () => {
    await client.execute('PRAGMA foreign_keys = on');
    const foreignKeys = async () => (await client.execute('PRAGMA foreign_keys')).rows[0]![0];
    const results = await client.migrate([
      {
        sql: 'create table child (id integer primary key, parent integer not null references t (id))',
        args: [],
      },
      // A row whose parent does not exist yet, as a migration that rebuilds a table writes.
      { sql: 'insert into child (parent) values (?)', args: [42] },
      { sql: 'PRAGMA foreign_keys', args: [] },
    ]);
    expect(results[2]!.rows[0]![0]).toBe(0);
    expect(await foreignKeys()).toBe(1);
    const failed = await client
      .migrate([
        { sql: 'create table other (id integer primary key)', args: [] },
        { sql: 'insert into missing values (1)', args: [] },
      ])
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LibsqlBatchError);
    expect((failed as LibsqlBatchError).statementIndex).toBe(1);
    expect(
      (await client.execute("select name from sqlite_master where name = 'other'")).rows,
    ).toEqual([]);
    expect(await foreignKeys()).toBe(1);
  });

  it('sees a changed schema: a statement run before an alter gives the new columns after it', async () => {
    const all = 'select * from t';
    expect((await client.execute(all)).columns).toEqual(['id', 'name', 'n', 'data']);
    await client.execute('alter table t add column extra text');
    expect((await client.execute(all)).columns).toEqual(['id', 'name', 'n', 'data', 'extra']);
  });

  it('answers every write sent in one turn, refusing only the one that failed', async () => {
    await insert('taken');
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => insert(`w${i}`)),
      insert('taken'),
      insert('last'),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      ...Array<string>(10).fill('fulfilled'),
      'rejected',
      'fulfilled',
    ]);
    const rowids = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value.lastInsertRowid] : [],
    );
    expect(new Set(rowids).size).toBe(11);
    expect((await names()).length).toBe(12);
  });

  it('keeps a batch all or nothing among other writes of the same turn, without undoing them', async () => {
    const results = await Promise.allSettled([
      insert('before'),
      client.batch([
        { sql: 'insert into t (name) values (?)', args: ['in batch'] },
        { sql: 'insert into t (name) values (?)', args: ['before'] },
      ]),
      client.batch([{ sql: 'insert into t (name) values (?)', args: ['other batch'] }]),
      client.execute('select count(*) as c from t'),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await names()).toEqual(['before', 'other batch']);
  });

  it('refuses work once closed, and says it is closed', async () => {
    client.close();
    expect((client as DatabaseClient & { closed: boolean }).closed).toBe(true);
    const error = await client.execute('select 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe('CLIENT_CLOSED');
  });

  it('carries drizzle: migrations, select builders, raw reads by name, db.batch', async () => {
    await migrateLibsql(db);
    expect(await db.select({ id: campaigns.id }).from(campaigns).all()).toEqual([]);
    expect(await db.all<{ one: number; two: string }>(sql`select 1 as one, 'x' as two`)).toEqual([
      { one: 1, two: 'x' },
    ]);
    const [, count] = await db.batch([
      db.run(sql`insert into t (name) values ('via drizzle')`),
      db.get<{ c: number }>(sql`select count(*) as c from t`),
    ]);
    expect(count).toEqual({ c: 1 });
  });

  // The one difference on purpose: the app writes atomically with db.batch(), as it must on D1,
  // so the local client has no interactive transactions and says so in words. @libsql/client
  // has them (holding its only connection until the end).
  it(
    choice === 'local' ? 'refuses db.transaction() plainly' : 'runs db.transaction()',
    async () => {
      const transaction = db.transaction(async (tx) => {
        await tx.run(sql`insert into t (name) values ('in transaction')`);
      });
      if (choice === 'local') {
        await expect(transaction).rejects.toThrow(
          /Interactive transactions are not supported on this database: use db\.batch\(\)/,
        );
        expect(await names()).toEqual([]);
      } else {
        await transaction;
        expect(await names()).toEqual(['in transaction']);
      }
    },
  );
});

describe('LIBSQL_CLIENT: which client opens a local database', () => {
  it('is the local client unless set to official, and refuses any other value', () => {
    expect([undefined, '', 'local', 'official'].map(localClientChoice)).toEqual([
      'local',
      'local',
      'local',
      'official',
    ]);
    expect(() => localClientChoice('Official')).toThrow(
      /LIBSQL_CLIENT is "local" \(the default\) or "official"/,
    );
  });
});
