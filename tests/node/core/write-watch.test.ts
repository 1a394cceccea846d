import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../../db/core/libsql';
import type { DatabaseClient } from '../../../db/core/libsql-local/client';
import { watchWrites } from '../../../db/core/write-watch';

// The page cache trusts this count (worker/middleware/page-cache.ts): a write it missed would
// serve a stale page; a read it counted would only cost a drawing. Both clients, as everywhere.
describe('watchWrites: the count of writes through a database client', () => {
  let client: DatabaseClient;
  let writes: () => number;

  beforeEach(async () => {
    client = openLibsqlDatabase(':memory:').client;
    await client.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT UNIQUE)');
    writes = watchWrites(client);
  });
  afterEach(() => client.close());

  it('counts a write once it has changed rows, and no read', async () => {
    await client.execute('SELECT * FROM notes');
    await client.execute({ sql: 'WITH n(x) AS (VALUES (1)) SELECT x FROM n', args: [] });
    expect(writes()).toBe(0);
    await client.execute({ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['a'] });
    expect(writes()).toBe(1);
    await client.execute({ sql: "UPDATE notes SET text = 'b' WHERE text = 'a'", args: [] });
    expect(writes()).toBe(2);
  });

  it('counts a write that returns rows (RETURNING), not one that changed nothing', async () => {
    await client.execute({
      sql: 'INSERT INTO notes (text) VALUES (?) RETURNING id',
      args: ['a'],
    });
    expect(writes()).toBe(1);
    await client.execute({
      sql: 'INSERT INTO notes (text) VALUES (?) ON CONFLICT DO NOTHING RETURNING id',
      args: ['a'],
    });
    await client.execute({ sql: 'DELETE FROM notes WHERE text = ?', args: ['nothing'] });
    expect(writes()).toBe(1);
  });

  it('counts a failed write, a batch with a write, and anything that is not a row statement', async () => {
    await client.execute({ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['a'] });
    await expect(
      client.execute({ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['a'] }),
    ).rejects.toThrow();
    expect(writes()).toBe(2);
    await client.batch(['SELECT 1', 'SELECT 2'], 'read');
    expect(writes()).toBe(2);
    await client.batch(
      [{ sql: 'INSERT INTO notes (text) VALUES (?)', args: ['b'] }, 'SELECT 1'],
      'write',
    );
    expect(writes()).toBe(3);
    await client.execute('CREATE INDEX notes_text ON notes (text)');
    expect(writes()).toBe(4);
  });
});
