import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../../db/core/libsql';
import { findUserByEmail } from '../../../db/accounts/users';
import { d1Statements, parseAdminArgs } from '../../../scripts/admin';

describe('npm run admin', () => {
  it('grants and revokes a role on the local file database, creating the account, keeping one admin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-admin-'));
    const url = `file:${join(dir, 'hearth.db')}`;
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    expect(run('grant', 'You@Example.org', 'admin')).toContain('Granted admin for you@example.org');
    const { db, client } = openLibsqlDatabase(url);
    expect((await findUserByEmail(db, 'you@example.org'))!.roles).toEqual(['admin']);
    expect(() => run('revoke', 'you@example.org', 'admin')).toThrow();
    expect((await findUserByEmail(db, 'you@example.org'))!.roles).toEqual(['admin']);
    run('grant', 'other@example.org', 'admin');
    run('revoke', 'you@example.org', 'admin');
    expect((await findUserByEmail(db, 'you@example.org'))!.roles).toEqual([]);
    client.close();
    rmSync(dir, { recursive: true, force: true });
    // Five runs of the real command, each a new Node process.
  }, 60_000);

  it('refuses anything that is not a grant or revoke of a known role to an email address', () => {
    expect(parseAdminArgs(['grant', 'you@example.org', 'admin'])).toMatchObject({
      action: 'grant',
      d1: false,
    });
    expect(parseAdminArgs(['grant', 'you@example.org', 'admin', '--d1', '--remote'])).toMatchObject(
      { d1: true, remote: true },
    );
    for (const args of [
      [],
      ['grant'],
      ['grant', 'you@example.org', 'king'],
      ['delete', 'you@example.org', 'admin'],
      ['grant', "x'@a.b; DROP TABLE users;--", 'admin'],
    ]) {
      expect(parseAdminArgs(args)).toBeNull();
    }
  });

  it('builds D1 statements that create the account, grant the role and end the sessions', () => {
    const sql = d1Statements('grant', 'you@example.org', 'admin', 1000);
    expect(sql).toMatch(/INSERT INTO users .* ON CONFLICT\(email\) DO NOTHING;/);
    expect(sql).toContain(
      "INSERT INTO user_roles (user_id, role, granted_at) VALUES ((SELECT id FROM users WHERE email = 'you@example.org'), 'admin', 1000)",
    );
    expect(sql).toContain(
      "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'you@example.org');",
    );
  });
});
