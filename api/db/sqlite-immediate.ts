// SQLite transactions that begin by taking the write lock (BEGIN IMMEDIATE). A deferred
// transaction reads first and asks for the lock only at its first write; when another process
// wrote in between, SQLite answers SQLITE_BUSY at once, without waiting busy_timeout, because
// waiting could not help the stale snapshot. Every transaction here writes, so each takes the
// lock up front and waits its turn instead of failing "database is locked".
//
// It waits asynchronously: busy_timeout would block the whole thread while another process (or
// another connection of this one) holds the lock — every other request of this process would
// stall, and a second connection in the same thread could never finish and release it. So the
// lock is asked for without waiting, and asked again after a short, growing, jittered pause.
import { CompiledQuery, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Kysely, type SqliteDialectConfig } from 'kysely';

/** As long as a write waits for the lock before failing (the connections' busy_timeout, api/db/connect.ts). */
export const SQLITE_LOCK_WAIT_MS = 5000;
const raw = (text: string) => CompiledQuery.raw(text);

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
    await connection.executeQuery(raw('pragma busy_timeout = 0'));
    try {
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        try {
          await connection.executeQuery(raw('begin immediate'));
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
      }
    } finally {
      await connection.executeQuery(raw(`pragma busy_timeout = ${SQLITE_LOCK_WAIT_MS}`));
    }
  }
}

export class ImmediateSqliteDialect implements Dialect {
  constructor(private readonly config: SqliteDialectConfig) {}
  createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
