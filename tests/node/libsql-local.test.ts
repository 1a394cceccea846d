import { LibsqlBatchError, LibsqlError } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../db/libsql';
import { KEPT_STATEMENTS, LocalLibsqlClient } from '../../db/libsql-local';

describe('the local libsql client (statements kept prepared)', () => {
  let client: LocalLibsqlClient;
  beforeEach(async () => {
    client = new LocalLibsqlClient(':memory:');
    await client.execute('create table t (id integer primary key, name text not null unique, n integer, data blob)');
  });
  afterEach(() => client.close());

  it('gives fresh results each time a kept statement runs again', async () => {
    const read = 'select count(*) as c from t';
    expect((await client.execute(read)).rows[0]!.c).toBe(0);
    await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: ['a', 1] });
    await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: ['b', 2] });
    expect((await client.execute(read)).rows[0]!.c).toBe(2);
    const byName = 'select n from t where name = ?';
    expect((await client.execute({ sql: byName, args: ['a'] })).rows.map((row) => row.n)).toEqual([1]);
    expect((await client.execute({ sql: byName, args: ['b'] })).rows.map((row) => row.n)).toEqual([2]);
    expect((await client.execute({ sql: byName, args: ['c'] })).rows).toEqual([]);
  });

  it('reads a row by name and by index, with only the names enumerable, as @libsql/client does', async () => {
    await client.execute({ sql: 'insert into t (name, n) values (?, ?)', args: ['a', 7] });
    const { rows, columns } = await client.execute('select id, name, n, name as name from t');
    const row = rows[0]!;
    expect(columns).toEqual(['id', 'name', 'n', 'name']);
    expect([row[0], row[1], row[2], row.length]).toEqual([1, 'a', 7, 4]);
    expect([row.id, row.name, row.n]).toEqual([1, 'a', 7]);
    expect(Object.keys(row)).toEqual(['id', 'name', 'n']);
    expect(Array.prototype.slice.call(row)).toEqual([1, 'a', 7, 'a']);
  });

  it('turns integers into numbers (refusing unsafe ones), blobs into ArrayBuffers, and reports writes', async () => {
    const inserted = await client.execute({ sql: 'insert into t (name, n, data) values (?, ?, ?)', args: ['a', 9007199254740991, new Uint8Array([1, 2, 3]).buffer] });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(1n);
    const { rows } = await client.execute('select n, data from t');
    expect(rows[0]!.n).toBe(9007199254740991);
    expect(rows[0]!.data).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(rows[0]!.data as ArrayBuffer)]).toEqual([1, 2, 3]);
    await client.execute('update t set n = n + 1');
    await expect(client.execute('select n from t')).rejects.toThrow(RangeError);
    expect((await client.execute({ sql: 'update t set n = ? where name = ?', args: [true, 'nobody'] })).rowsAffected).toBe(0);
  });

  it('reports a constraint as a LibsqlError, and the statement works again after it', async () => {
    const insert = { sql: 'insert into t (name) values (?)', args: ['a'] };
    await client.execute(insert);
    const error = await client.execute(insert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlError);
    expect((error as LibsqlError).code).toBe('SQLITE_CONSTRAINT');
    expect((error as LibsqlError).extendedCode).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect((await client.execute({ sql: 'insert into t (name) values (?)', args: ['b'] })).rowsAffected).toBe(1);
  });

  it('writes a batch all or nothing', async () => {
    await client.execute({ sql: 'insert into t (name) values (?)', args: ['taken'] });
    const error = await client
      .batch([
        { sql: 'insert into t (name) values (?)', args: ['new'] },
        { sql: 'insert into t (name) values (?)', args: ['taken'] },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibsqlBatchError);
    expect((error as LibsqlBatchError).statementIndex).toBe(1);
    expect((await client.execute('select name from t order by name')).rows.map((row) => row.name)).toEqual(['taken']);
    const results = await client.batch([{ sql: 'insert into t (name) values (?)', args: ['x'] }, 'select count(*) as c from t']);
    expect(results[1]!.rows[0]!.c).toBe(2);
  });

  it('sees a changed schema: kept statements are forgotten after create, drop or alter', async () => {
    const all = 'select * from t';
    expect((await client.execute(all)).columns).toEqual(['id', 'name', 'n', 'data']);
    await client.execute('alter table t add column extra text');
    expect((await client.execute(all)).columns).toEqual(['id', 'name', 'n', 'data', 'extra']);
  });

  it('keeps at most KEPT_STATEMENTS statements, and still answers for those it let go', async () => {
    for (let i = 0; i <= KEPT_STATEMENTS + 5; i++) expect((await client.execute(`select ${i} as v`)).rows[0]!.v).toBe(i);
    expect((await client.execute('select 0 as v')).rows[0]!.v).toBe(0);
  });

  it('refuses work once closed', async () => {
    client.close();
    await expect(client.execute('select 1')).rejects.toThrow(LibsqlError);
  });
});

describe('drizzle over the local client', () => {
  it('migrates, reads names from db.all and indexes from select builders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-local-'));
    const { db, client } = openLibsqlDatabase(`file:${join(dir, 'sub', 'hearth.db')}`);
    expect(client).toBeInstanceOf(LocalLibsqlClient);
    const { migrateLibsql } = await import('../../db/libsql');
    await migrateLibsql(db);
    const { campaigns } = await import('../../db/schema');
    expect(await db.select({ id: campaigns.id }).from(campaigns).all()).toEqual([]);
    const rows = await db.all<{ one: number; two: string }>(sql`select 1 as one, 'x' as two`);
    expect(rows).toEqual([{ one: 1, two: 'x' }]);
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
