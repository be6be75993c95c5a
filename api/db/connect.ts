import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type pg from 'pg';
import { Kysely, sql } from 'kysely';
import { CurrentSchemaPostgresDialect } from './pg-introspector.js';
import { ImmediateSqliteDialect, SQLITE_LOCK_WAIT_MS } from './sqlite-immediate.js';
import { withStatementCache } from './statement-cache.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<any>;
  dialect: DialectName;
  /** Runs `work` while no other process runs its own (schema changes at start-up). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** PostgreSQL only: a connection of its own, outside the pool (for LISTEN), on the same schema. */
  dedicatedClient?(): pg.Client;
  /** Work to do before the connections close (e.g. ending a listener). */
  onClose(hook: () => Promise<void>): void;
  close(): Promise<void>;
}

const LOCK_KEY = 4_242_0001; // any constant shared by every Fayuan process

const require = createRequire(import.meta.url);

/** The PostgreSQL driver, loaded only when a database URL asks for it (it costs start-up time on SQLite). */
function postgresDriver(): typeof pg {
  const driver: typeof pg = require('pg');
  // PostgreSQL answers bigint, numeric and date as strings or Date by default; the codec wants plain values.
  driver.types.setTypeParser(driver.types.builtins.INT8, (v) => Number(v));
  driver.types.setTypeParser(driver.types.builtins.NUMERIC, (v) => Number(v));
  driver.types.setTypeParser(driver.types.builtins.DATE, (v) => v);
  return driver;
}

export interface ConnectOptions {
  /** postgres://… selects PostgreSQL; anything else (or nothing) selects SQLite. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema to work in (tests use one per run). */
  schema?: string;
}

export function openDatabase({ databaseUrl, dataDir, schema }: ConnectOptions): Database {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Dates compare as UTC days everywhere (see calendar.ts).
    const settings = { connectionString: databaseUrl, options: `-c timezone=UTC${schema ? ` -c search_path=${schema}` : ''}` };
    const driver = postgresDriver();
    const pool = new driver.Pool({ ...settings, max: 10 });
    // An idle connection the server ends (a restart, pg_terminate_backend, a dropped network) is
    // dropped and replaced by the pool; unheard, its error would end the whole process.
    pool.on('error', (error) => console.error(`PostgreSQL: an idle connection ended (${error.message}); the pool opens a new one when needed`));
    const db = new Kysely<any>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
    const exclusively = <T>(work: () => Promise<T>) => db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
      }
    });
    return { db, dialect: 'postgres', exclusively, dedicatedClient: () => new driver.Client(settings), ...closing(() => db.destroy()) };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const filePath = path.join(dataDir, 'fayuan.sqlite');
  const file = new SQLite(filePath);
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma(`busy_timeout = ${SQLITE_LOCK_WAIT_MS}`);
  const db = new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(file) }) });
  return { db, dialect: 'sqlite', exclusively: (work) => withLockFile(`${filePath}.lock`, work), ...closing(() => db.destroy()) };
}

function closing(destroy: () => Promise<void>): Pick<Database, 'onClose' | 'close'> {
  const hooks: (() => Promise<void>)[] = [];
  return {
    onClose: (hook) => hooks.push(hook),
    async close() {
      for (const hook of hooks.splice(0)) await hook().catch((error) => console.error('closing:', error));
      await destroy();
    },
  };
}

/**
 * A lock file created exclusively; one left by a crashed process is taken over once it has not
 * been touched for `staleMs`. Its holder touches it while it works (a migration rebuilding the
 * search index of a million cases takes minutes), and stamps it by its own clock, which is the
 * clock the other processes read it by.
 */
export async function withLockFile<T>(lockPath: string, work: () => Promise<T>, staleMs = 60_000): Promise<T> {
  const touch = (file: string) => {
    const now = new Date();
    fs.utimesSync(file, now, now);
  };
  // Made under a name of our own, stamped, then linked into place (which fails if a lock is there):
  // no other process ever sees the lock with the file system's stamp instead of ours.
  const own = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(own, String(process.pid));
  try {
    for (;;) {
      touch(own);
      try {
        fs.linkSync(own, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        // A fresh lock is waited for however long its holder works: it is alive while it touches it.
        if (age > staleMs) fs.rmSync(lockPath, { force: true });
        else await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    fs.rmSync(own, { force: true });
  }
  const heartbeat = setInterval(() => {
    try {
      touch(lockPath);
    } catch {
      // The file is gone only if another process judged it stale: nothing to keep fresh.
    }
  }, staleMs / 6);
  heartbeat.unref();
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    fs.rmSync(lockPath, { force: true });
  }
}
