import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<any>;
  dialect: DialectName;
  close(): Promise<void>;
}

// PostgreSQL answers bigint, numeric and date as strings or Date by default; the codec wants plain values.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface ConnectOptions {
  /** postgres://… selects PostgreSQL; anything else (or nothing) selects SQLite. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL schema to work in (tests use one per run). */
  schema?: string;
}

export function openDatabase({ databaseUrl, dataDir, schema }: ConnectOptions): Database {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 10,
      // Dates compare as UTC days everywhere (see calendar.ts).
      options: `-c timezone=UTC${schema ? ` -c search_path=${schema}` : ''}`,
    });
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(path.join(dataDir, 'fayuan.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: file }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
