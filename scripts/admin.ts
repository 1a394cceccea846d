/**
 * npm run admin -- grant|revoke EMAIL ROLE [--d1 [--remote]]
 *
 * Gives or removes a role, creating the account if needed; the person's sessions end. Without
 * --d1 it works on the local libsql database (DATABASE_URL, default file:data/hearth.db); with
 * --d1 it runs the same change through `wrangler d1 execute` (local D1, or --remote).
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { migrateLibsql, openLibsqlDatabase } from '../db/core/libsql';
import { newId } from '../db/core/random';
import { isRole, ROLES } from '../db/accounts/roles';
import {
  findOrCreateUser,
  findUserByEmail,
  grantRole,
  normalizeEmail,
  revokeRole,
} from '../db/accounts/users';

const usage = `Usage: npm run admin -- grant|revoke EMAIL ROLE [--d1 [--remote]]\nRoles: ${ROLES.join(', ')}`;
const EMAIL = /^[^\s@'"\\;]+@[^\s@'"\\;]+\.[^\s@'"\\;]+$/;

export const parseAdminArgs = (args: string[]) => {
  const [action, rawEmail, role] = args.filter((arg) => !arg.startsWith('--'));
  const email = rawEmail ? normalizeEmail(rawEmail) : '';
  if (
    (action !== 'grant' && action !== 'revoke') ||
    !EMAIL.test(email) ||
    email.length > 254 ||
    !isRole(role)
  )
    return null;
  return {
    action,
    email,
    role,
    d1: args.includes('--d1'),
    remote: args.includes('--remote'),
  } as const;
};

/** The same change as SQL for D1. The email is checked against a strict pattern above; quotes are doubled anyway. */
export const d1Statements = (
  action: 'grant' | 'revoke',
  email: string,
  role: string,
  now = Math.floor(Date.now() / 1000),
) => {
  const e = email.replaceAll("'", "''");
  const user = `(SELECT id FROM users WHERE email = '${e}')`;
  return [
    `INSERT INTO users (id, email, locale, created_at) VALUES ('${newId()}', '${e}', 'en', ${now}) ON CONFLICT(email) DO NOTHING;`,
    action === 'grant'
      ? `INSERT INTO user_roles (user_id, role, granted_at) VALUES (${user}, '${role}', ${now}) ON CONFLICT DO NOTHING;`
      : `DELETE FROM user_roles WHERE user_id = ${user} AND role = '${role}';`,
    `DELETE FROM sessions WHERE user_id = ${user};`,
  ].join(' ');
};

const main = async () => {
  const parsed = parseAdminArgs(process.argv.slice(2));
  if (!parsed) {
    console.error(usage);
    process.exit(2);
  }
  const { action, email, role } = parsed;
  if (parsed.d1) {
    const where = parsed.remote ? '--remote' : '--local';
    try {
      // The tables must exist before the change: apply any migration D1 has not seen yet.
      // Locally without questions; for the deployed database wrangler asks before migrating.
      execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', where], {
        stdio: 'inherit',
        env: parsed.remote ? process.env : { ...process.env, CI: 'true' },
      });
      execFileSync(
        'npx',
        ['wrangler', 'd1', 'execute', 'DB', where, '--command', d1Statements(action, email, role)],
        { stdio: 'inherit' },
      );
    } catch {
      console.error('The change was not made: wrangler reported an error above.');
      process.exit(1);
    }
  } else {
    const { db, client } = openLibsqlDatabase(
      process.env.DATABASE_URL ?? 'file:data/hearth.db',
      process.env.DATABASE_AUTH_TOKEN,
    );
    await migrateLibsql(db);
    const user = await findOrCreateUser(db, email);
    if (action === 'grant') await grantRole(db, user.id, role);
    else if (!(await revokeRole(db, user.id, role))) {
      console.error('Not done: that is the last admin. Grant admin to someone else first.');
      process.exit(1);
    }
    console.log(`${email}: ${(await findUserByEmail(db, email))!.roles.join(', ') || 'member'}`);
    client.close();
  }
  console.log(
    `${action === 'grant' ? 'Granted' : 'Revoked'} ${role} for ${email}. Their sessions have ended.`,
  );
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
