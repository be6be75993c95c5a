// After a bulk load, PostgreSQL's planner knows nothing of the new rows until autovacuum gets to
// them — and autovacuum may be off, as on this project's test machine. Until then it plans with
// default estimates and its index-only scans visit the heap: at 1,000,000 cases the home page took
// 390 ms instead of 67 and `q` for two characters 64 ms instead of 10. VACUUM (ANALYZE) gathers the
// statistics and sets the visibility map. SQLite is left alone: without sqlite_stat1 its planner
// picks the declared indexes the lists were measured with, and statistics could change that.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from './connect.js';

/** Statistics (and the visibility map) for every table of the schema, on PostgreSQL; nothing on SQLite. */
export async function refreshPlannerStatistics(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return;
  const { rows } = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
  // One statement a table, each outside any transaction (VACUUM refuses to run inside one).
  for (const { name } of rows) await sql`vacuum (analyze) ${sql.table(name)}`.execute(db);
}

/** Rows an import must add before its tables' statistics are gathered again (fewer cannot mislead the planner). */
export const ANALYZE_AFTER_ROWS = 1000;

/**
 * After an import of many rows into these tables: their statistics, on PostgreSQL. ANALYZE only
 * (it samples, so it costs well under a second at a million rows); the visibility map is left to
 * VACUUM, since the import's rows are few beside a register that large.
 */
export async function refreshTableStatistics(db: Kysely<any>, dialect: DialectName, tables: string[]): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const name of tables) await sql`analyze ${sql.table(name)}`.execute(db);
}
