import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_BUSY_TIMEOUT_MS, openLibsqlDatabase, tuneLocalFile } from '../../../db/core/libsql';

describe('the local database file (npm start)', () => {
  it('keeps WAL, synchronous NORMAL and the busy timeout on every query, even many at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-libsql-'));
    const { client } = openLibsqlDatabase(`file:${join(dir, 'hearth.db')}`);
    await tuneLocalFile(client);
    // Parallel queries once opened a connection each, with SQLite's defaults (FULL, no timeout).
    const settings = await Promise.all(
      Array.from({ length: 8 }, () =>
        client.execute(
          'select (select journal_mode from pragma_journal_mode) as journal, (select synchronous from pragma_synchronous) as sync, (select timeout from pragma_busy_timeout) as busy',
        ),
      ),
    );
    for (const { rows } of settings)
      expect({ ...rows[0] }).toEqual({ journal: 'wal', sync: 1, busy: LOCAL_BUSY_TIMEOUT_MS });
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
