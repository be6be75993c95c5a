// A bulk load (the seed) into tables without their secondary indexes, which are built again after
// it: one sort per index instead of a B-tree insert per row and index, which at a million cases
// (ten indexes on cases, keyed in an order unlike the insertion order) costs most of the load.
// Should the load stop half-way, the next start's migration creates any index still missing.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from './connect.js';

interface IndexDefinition { name: string; definition: string }

async function secondaryIndexes(db: Kysely<any>, dialect: DialectName, table: string): Promise<IndexDefinition[]> {
  if (dialect === 'sqlite') {
    // An index SQLite makes itself (a primary key's, a UNIQUE constraint's) has no SQL and stays.
    const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
    return rows.map((r) => ({ name: r.name, definition: r.sql }));
  }
  const { rows } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    join pg_class c on c.relname = i.indexname
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = i.schemaname
    where i.schemaname = current_schema() and i.tablename = ${table}
      and not exists (select 1 from pg_constraint k where k.conindid = c.oid)`.execute(db);
  return rows;
}

/** Runs `load` with the tables' secondary indexes dropped, then creates again those dropped (also if dropping or the load fails). */
export async function withIndexesDeferred<T>(db: Kysely<any>, dialect: DialectName, tables: string[], load: () => Promise<T>): Promise<T> {
  const dropped: IndexDefinition[] = [];
  try {
    for (const table of tables) {
      for (const index of await secondaryIndexes(db, dialect, table)) {
        await sql`drop index ${sql.ref(index.name)}`.execute(db);
        dropped.push(index);
      }
    }
    return await load();
  } finally {
    for (const index of dropped) await sql.raw(index.definition).execute(db);
  }
}
