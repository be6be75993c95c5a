// SQLite transactions that begin by taking the write lock (BEGIN IMMEDIATE). A deferred
// transaction reads first and asks for the lock only at its first write; when another process
// wrote in between, SQLite answers SQLITE_BUSY at once, without waiting busy_timeout, because
// waiting could not help the stale snapshot. Every transaction here writes, so each takes the
// lock up front and waits its turn (busy_timeout) instead of failing "database is locked".
import { CompiledQuery, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Kysely, type SqliteDialectConfig } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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
