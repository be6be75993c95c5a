// What a backup promises about each table: its row count and a SHA-256 of its rows in primary-key
// order, so a restore (or a test) can show it holds exactly the rows the backup saw.
import crypto from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../db/connect.js';

export interface TableSummary {
  rows: number;
  sha256: string;
}

const PAGE = 2000;

export async function tableNames(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const { rows } = dialect === 'postgres'
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.map((r) => r.name);
}

async function primaryKey(db: Kysely<any>, dialect: DialectName, table: string): Promise<string[]> {
  const { rows } = dialect === 'postgres'
    ? await sql<{ name: string }>`select a.attname as name from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass and i.indisprimary
        order by array_position(i.indkey::int2[], a.attnum)`.execute(db)
    : await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db);
  return rows.map((r) => r.name);
}

/** One row as a line: the same values give the same line on both sides of a restore. */
function rowLine(row: Record<string, unknown>): string {
  return JSON.stringify(Object.values(row), (_key, value) => {
    if (typeof value === 'bigint') return value.toString();
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer') return Buffer.from((value as { data: number[] }).data).toString('base64');
    return value;
  });
}

export async function summarizeTable(db: Kysely<any>, dialect: DialectName, table: string): Promise<TableSummary> {
  const hash = crypto.createHash('sha256');
  const key = await primaryKey(db, dialect, table);
  let rows = 0;
  if (key.length === 0) {
    // No key to page by (none of Fayuan's tables today): every row, in the order of their lines.
    const all = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows.map(rowLine).sort();
    for (const line of all) hash.update(`${line}\n`);
    return { rows: all.length, sha256: hash.digest('hex') };
  }
  const keyList = sql.join(key.map((k) => sql.ref(k)));
  let after: unknown[] | null = null;
  for (;;) {
    const where: RawBuilder<unknown> = after ? sql`where (${keyList}) > (${sql.join(after)})` : sql``;
    const page: Record<string, unknown>[] = (await sql<Record<string, unknown>>`select * from ${sql.table(table)} ${where} order by ${keyList} limit ${PAGE}`.execute(db)).rows;
    for (const row of page) hash.update(`${rowLine(row)}\n`);
    rows += page.length;
    if (page.length < PAGE) break;
    const last: Record<string, unknown> = page[page.length - 1];
    after = key.map((k) => last[k]);
  }
  return { rows, sha256: hash.digest('hex') };
}

export async function summarizeTables(db: Kysely<any>, dialect: DialectName): Promise<Record<string, TableSummary>> {
  const out: Record<string, TableSummary> = {};
  for (const table of await tableNames(db, dialect)) out[table] = await summarizeTable(db, dialect, table);
  return out;
}

/** The tables whose rows differ from the manifest's (missing, extra or changed), each with why. */
export function tableDifferences(expected: Record<string, TableSummary>, actual: Record<string, TableSummary>): string[] {
  const out: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = actual[table];
    if (!got) out.push(`${table}：缺少此表`);
    else if (got.rows !== want.rows) out.push(`${table}：应有 ${want.rows} 行，实有 ${got.rows} 行`);
    else if (got.sha256 !== want.sha256) out.push(`${table}：行数相同但内容不同`);
  }
  for (const table of Object.keys(actual)) if (!(table in expected)) out.push(`${table}：备份中没有此表`);
  return out;
}
