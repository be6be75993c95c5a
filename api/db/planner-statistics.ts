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
  for (const name of await mostlyEmptySmallTables(db)) await sql`vacuum (full, analyze) ${sql.table(name)}`.execute(db);
}

/**
 * Small tables the load updated over and over (the tallies: 6,500 rows updated 200,000 times at a
 * million cases) keep the pages their old versions filled, and every scan of them reads those:
 * 2,548 pages instead of 80, 10 ms of the home page. VACUUM frees the space but keeps the pages;
 * rewriting a table this small takes milliseconds. Large tables are left as they are: rewriting
 * them would cost the load minutes.
 */
async function mostlyEmptySmallTables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string; pages: number; tuples: number; width: number | null }>`
    select c.relname as name, c.relpages as pages, c.reltuples as tuples,
      (select sum(s.avg_width) from pg_stats s where s.schemaname = n.nspname and s.tablename = c.relname) as width
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples between 0 and ${SMALL_TABLE_ROWS}`.execute(db);
  // A row costs its columns' average width and about 28 bytes of header and line pointer.
  const needed = (r: { tuples: number; width: number | null }) => Math.ceil((Number(r.tuples) * (Number(r.width ?? 0) + 28)) / 8192);
  return rows.filter((r) => Number(r.pages) > 8 + 4 * needed(r)).map((r) => r.name);
}

const SMALL_TABLE_ROWS = 100_000;

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
