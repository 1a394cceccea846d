import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAfterCrash, type RoundCounts } from './checks';
import { MODERATOR, prepareDatabase, STORYTELLER } from './fixtures';
import { copyDatabaseInto } from '../../../db/core/backup';
import { openLibsqlDatabase } from '../../../db/core/libsql';
import { emptyLedger, emptyMailbox, type Ledger } from './ledger';
import { signIn, startLoad, type Sessions } from './load';
import { startServer } from './server';
import { seededRandom } from '../seeded-random';

export interface CrashOptions {
  rounds: number;
  seed: number;
  /** People acting at once. */
  workers?: number;
  log?: (line: string) => void;
}

export interface RoundReport extends RoundCounts {
  round: number;
  /** Answers the server gave in this round before it was killed. */
  answers: number;
  problems: string[];
}

/**
 * Copies the file while the server writes to it, as `npm run db:backup` does (VACUUM INTO,
 * through a connection of its own), and returns what the clients had been told by then. This
 * runs synchronously: no request is sent between the ledger's copy and the backup's start.
 */
const backupWhileServing = (dbFile: string, backupFile: string, ledger: Ledger) => {
  const told = structuredClone(ledger);
  const { db, client } = openLibsqlDatabase(`file:${dbFile}`);
  const done = copyDatabaseInto(db, backupFile).finally(() => client.close());
  return { told, done };
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Crash rounds on one database file: start the real server, put it under load (signing and
 * confirming, RSVPs and cancellations, story approvals, moderators' edits of the directory),
 * kill it with SIGKILL at a seeded moment, check the file against what the clients were told,
 * and start again on the same file. The moment is counted in answers (the kill comes after the
 * n-th answer of the round, n seeded between 25 and 150, then a seeded 0–20 ms more, to land
 * inside requests), so every round does work whatever the machine's speed.
 */
export const runCrashRounds = async (options: CrashOptions): Promise<RoundReport[]> => {
  const log = options.log ?? (() => {});
  const random = seededRandom(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
  const dbFile = join(dir, 'hearth.db');
  const reports: RoundReport[] = [];
  try {
    const fixtures = await prepareDatabase(dbFile);
    const ledger = emptyLedger();
    const mailbox = emptyMailbox();
    let sessions: Sessions | undefined;
    for (let round = 1; round <= options.rounds; round++) {
      const began = performance.now();
      const server = await startServer(dbFile, join(dir, `server-${round}.log`));
      try {
        sessions ??= {
          storyteller: await signIn(server.port, STORYTELLER),
          moderator: await signIn(server.port, MODERATOR),
        };
        const ready = performance.now();
        const killAfter = 25 + Math.floor(random() * 125);
        const extraMs = Math.floor(random() * 20);
        let answers = 0;
        // Half-way to the kill, a backup of the file the server is writing (db:backup's way).
        const backupFile = join(dir, `backup-${round}.db`);
        let backup: ReturnType<typeof backupWhileServing> | undefined;
        let reached: () => void = () => {};
        const killMoment = new Promise<void>((resolve) => (reached = resolve));
        const load = startLoad(
          {
            port: server.port,
            fixtures,
            ledger,
            mailbox,
            sessions,
            random,
            onAnswer: () => {
              if (++answers === Math.ceil(killAfter / 2))
                backup = backupWhileServing(dbFile, backupFile, ledger);
              if (answers >= killAfter) reached();
            },
          },
          options.workers ?? 6,
        );
        await killMoment;
        await sleep(extraMs);
        await server.kill();
        await load.stop();
        const killed = performance.now();
        const { problems, counts } = await checkAfterCrash(dbFile, fixtures, ledger);
        // The backup holds everything answered before it began, as the file does after a crash.
        if (backup) {
          await backup.done;
          for (const problem of (await checkAfterCrash(backupFile, fixtures, backup.told)).problems)
            problems.push(`backup: ${problem}`);
        }
        const ms = (from: number, to = performance.now()) => `${Math.round(to - from)} ms`;
        reports.push({ round, answers, problems, ...counts });
        log(
          `round ${round}: killed after ${answers} answers (+${extraMs} ms); ${counts.signatures} signatures (${counts.confirmed} confirmed), ${counts.rsvps} RSVPs (${counts.confirmedPlaces} places confirmed, ${counts.waitlisted} waitlisted, ${counts.cancelled} cancelled), ${counts.approvals} approvals, ${counts.edits} edits; start ${ms(began, ready)}, load ${ms(ready, killed)}, checks ${ms(killed)}; ${problems.length ? problems.join('; ') : 'all checks hold'}`,
        );
      } finally {
        // Already killed after a round; this is for a round that failed half-way.
        await server.kill();
      }
    }
    return reports;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
