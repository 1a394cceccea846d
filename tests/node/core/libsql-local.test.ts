import { LibsqlError } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../../db/core/libsql';
import { KEPT_STATEMENTS, LocalLibsqlClient } from '../../../db/core/libsql-local/client';

// What only the local client has; what it shares with @libsql/client is in libsql-contract.test.ts.
describe('the local libsql client (statements kept prepared)', () => {
  let client: LocalLibsqlClient;
  beforeEach(() => {
    client = new LocalLibsqlClient(':memory:');
  });
  afterEach(() => client.close());

  it('keeps at most KEPT_STATEMENTS statements, and still answers for those it let go', async () => {
    for (let i = 0; i <= KEPT_STATEMENTS + 5; i++)
      expect((await client.execute(`select ${i} as v`)).rows[0]!.v).toBe(i);
    expect((await client.execute('select 0 as v')).rows[0]!.v).toBe(0);
  });

  it('refuses by name the members of Client that neither drizzle nor the app calls', () => {
    expect(() => client.executeMultiple('select 1')).toThrow(
      /executeMultiple\(\) is not offered by the local libsql client/,
    );
    expect(() => client.sync()).toThrow(LibsqlError);
    expect(() => client.reconnect()).toThrow(LibsqlError);
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
  const names = async (db: LocalLibsqlClient) =>
    (await db.execute('select name from t order by name')).rows.map((row) => row.name);

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
    await client.execute(
      'create table child (id integer primary key, parent integer references t (id) deferrable initially deferred)',
    );
    await client.execute('PRAGMA foreign_keys = on');
    const results = await Promise.allSettled([
      client.execute({ sql: 'insert into t (name) values (?)', args: ['kept?'] }),
      // Checked only at COMMIT: the whole turn fails there.
      client.execute({ sql: 'insert into child (parent) values (?)', args: [999] }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await names(other)).toEqual([]);
    expect(
      (await client.execute({ sql: 'insert into t (name) values (?)', args: ['after'] }))
        .rowsAffected,
    ).toBe(1);
    expect(await names(other)).toEqual(['after']);
  });

  it('tells a failed write at the commit, not before: its failure may rest on a write of the same turn', async () => {
    const order: string[] = [];
    const first = client
      .execute({ sql: 'insert into t (name) values (?)', args: ['same'] })
      .then(() => order.push('first committed'));
    const second = client
      .execute({ sql: 'insert into t (name) values (?)', args: ['same'] })
      .catch(() => order.push('second refused'));
    await Promise.all([first, second]);
    expect(order).toEqual(['first committed', 'second refused']);
  });

  it('tells a failed write the commit’s error when the whole turn is refused', async () => {
    await client.execute(
      'create table child (id integer primary key, parent integer references t (id) deferrable initially deferred)',
    );
    await client.execute('PRAGMA foreign_keys = on');
    const results = await Promise.allSettled([
      client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] }),
      client.execute({ sql: 'insert into t (name) values (?)', args: ['a'] }),
      client.execute({ sql: 'insert into child (parent) values (?)', args: [999] }),
    ]);
    expect(
      results.map((result) =>
        result.status === 'rejected' ? String((result.reason as Error).message) : 'ok',
      ),
    ).toEqual([
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

describe('a local database URL', () => {
  it('opens a file with the local client, creating its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-local-'));
    const { db, client } = openLibsqlDatabase(
      `file:${join(dir, 'sub', 'hearth.db')}`,
      undefined,
      'local',
    );
    expect(client).toBeInstanceOf(LocalLibsqlClient);
    expect(await db.all(sql`select 1 as one`)).toEqual([{ one: 1 }]);
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses query parameters on a local database URL rather than make them part of a file name', () => {
    expect(() => openLibsqlDatabase('file:data/x.db?mode=ro')).toThrow(LibsqlError);
  });
});
