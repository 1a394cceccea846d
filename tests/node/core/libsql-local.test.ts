import { LibsqlBatchError, LibsqlError } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../../db/core/libsql';
import { KEPT_STATEMENTS, LocalLibsqlClient } from '../../../db/core/libsql-local/client';

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

  it('says plainly that it has no interactive transactions, through drizzle too', async () => {
    const { db } = openLibsqlDatabase(':memory:');
    await expect(db.transaction(async () => {})).rejects.toThrow(/use db.batch\(\)/);
  });

  it('refuses work once closed', async () => {
    client.close();
    await expect(client.execute('select 1')).rejects.toThrow(LibsqlError);
  });
});

describe('group commit: the writes of one turn of the event loop, committed together', () => {
  let dir: string;
  let client: LocalLibsqlClient;
  let other: LocalLibsqlClient;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearth-group-'));
    client = new LocalLibsqlClient(join(dir, 'g.db'), { timeout: 1000 });
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('create table t (id integer primary key, name text not null unique)');
    other = new LocalLibsqlClient(join(dir, 'g.db'), { timeout: 1000 });
  });
  afterEach(() => {
    client.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const names = async (db: LocalLibsqlClient) => (await db.execute('select name from t order by name')).rows.map((row) => row.name);

  it('answers a write only once it is committed: another connection sees it by then, and not before', async () => {
    const a = client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] });
    const b = client.execute({ sql: 'insert into t (name) values (?)', args: ['b'] });
    expect(await names(other)).toEqual([]);
    expect((await a).rowsAffected).toBe(1);
    await b;
    expect(await names(other)).toEqual(['a', 'b']);
  });

  it('lets a read in the same turn see the writes before it, and answers it after their commit', async () => {
    const write = client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] });
    const read = client.execute('select count(*) as c from t');
    expect((await read).rows[0]!.c).toBe(1);
    await write;
    expect(await names(other)).toEqual(['a']);
  });

  it('refuses only the statement that failed; the others of its turn are committed', async () => {
    await client.execute({ sql: 'insert into t (name) values (?)', args: ['taken'] });
    const results = await Promise.allSettled([
      client.execute({ sql: 'insert into t (name) values (?)', args: ['x'] }),
      client.execute({ sql: 'insert into t (name) values (?)', args: ['taken'] }),
      client.execute({ sql: 'insert into t (name) values (?)', args: ['y'] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await names(other)).toEqual(['taken', 'x', 'y']);
  });

  it('keeps a batch all or nothing inside a turn, without undoing the rest of the turn', async () => {
    const results = await Promise.allSettled([
      client.execute({ sql: 'insert into t (name) values (?)', args: ['before'] }),
      client.batch([
        { sql: 'insert into t (name) values (?)', args: ['in batch'] },
        { sql: 'insert into t (name) values (?)', args: ['before'] },
      ]),
      client.batch([{ sql: 'insert into t (name) values (?)', args: ['other batch'] }]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await names(other)).toEqual(['before', 'other batch']);
  });

  it('refuses every write of the turn when the commit fails, and keeps none', async () => {
    await client.execute('create table child (id integer primary key, parent integer references t (id) deferrable initially deferred)');
    await client.execute('PRAGMA foreign_keys = on');
    const results = await Promise.allSettled([
      client.execute({ sql: 'insert into t (name) values (?)', args: ['kept?'] }),
      // Checked only at COMMIT: the whole turn fails there.
      client.execute({ sql: 'insert into child (parent) values (?)', args: [999] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await names(other)).toEqual([]);
    expect((await client.execute({ sql: 'insert into t (name) values (?)', args: ['after'] })).rowsAffected).toBe(1);
    expect(await names(other)).toEqual(['after']);
  });

  it('tells a failed write at the commit, not before: its failure may rest on a write of the same turn', async () => {
    const order: string[] = [];
    const first = client.execute({ sql: 'insert into t (name) values (?)', args: ['same'] }).then(() => order.push('first committed'));
    const second = client.execute({ sql: 'insert into t (name) values (?)', args: ['same'] }).catch(() => order.push('second refused'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first committed', 'second refused']);
  });

  it('tells a failed write the commit’s error when the whole turn is refused', async () => {
    await client.execute('create table child (id integer primary key, parent integer references t (id) deferrable initially deferred)');
    await client.execute('PRAGMA foreign_keys = on');
    const results = await Promise.allSettled([
      client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] }),
      client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] }),
      client.execute({ sql: 'insert into child (parent) values (?)', args: [999] }),
    ]);
    expect(results.map((result) => (result.status === 'rejected' ? String((result.reason as Error).message) : 'ok'))).toEqual([
      expect.stringMatching(/FOREIGN KEY/i),
      expect.stringMatching(/FOREIGN KEY/i),
      expect.stringMatching(/FOREIGN KEY/i),
    ]);
  });

  it('reads in a batch without the write lock, while another process holds it', async () => {
    await client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] });
    await other.execute('BEGIN IMMEDIATE');
    try {
      // Waiting for the lock would end in SQLITE_BUSY after the client's timeout.
      const [rows] = await client.batch([{ sql: 'select name from t', args: [] }]);
      expect(rows!.rows.map((row) => row.name)).toEqual(['a']);
    } finally {
      await other.execute('ROLLBACK');
    }
  });

  it('commits the open turn before a PRAGMA or a schema change, which cannot run inside it', async () => {
    const write = client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] });
    await client.execute('PRAGMA synchronous = NORMAL');
    expect(await names(other)).toEqual(['a']);
    await write;
    const second = client.execute({ sql: 'insert into t (name) values (?)', args: ['b'] });
    await client.execute('create table u (id integer primary key)');
    expect(await names(other)).toEqual(['a', 'b']);
    await second;
  });

  it('commits what is open when closed', async () => {
    const write = client.execute({ sql: 'insert into t (name) values (?)', args: ['last'] });
    client.close();
    await write;
    expect(await names(other)).toEqual(['last']);
  });
});

describe('drizzle over the local client', () => {
  it('migrates, reads names from db.all and indexes from select builders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-local-'));
    const { db, client } = openLibsqlDatabase(`file:${join(dir, 'sub', 'hearth.db')}`);
    expect(client).toBeInstanceOf(LocalLibsqlClient);
    const { migrateLibsql } = await import('../../../db/core/libsql');
    await migrateLibsql(db);
    const { campaigns } = await import('../../../db/schema');
    expect(await db.select({ id: campaigns.id }).from(campaigns).all()).toEqual([]);
    const rows = await db.all<{ one: number; two: string }>(sql`select 1 as one, 'x' as two`);
    expect(rows).toEqual([{ one: 1, two: 'x' }]);
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses query parameters on a local database URL rather than make them part of a file name', () => {
    expect(() => openLibsqlDatabase('file:data/x.db?mode=ro')).toThrow(LibsqlError);
  });
});
