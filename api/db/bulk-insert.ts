// Many rows in few statements, the SQL text written once per shape and run as compiled: a seed
// inserts millions of rows, and kysely's builder (a node per value, then compiling them) costs
// more than the database's own insert. The same text each time also reuses SQLite's prepared
// statement (statement-cache.ts).
import { CompiledQuery, type Kysely } from 'kysely';
import type { DialectName } from './connect.js';

/** Under SQLite's 32,766 and PostgreSQL's 65,535 parameters a statement. */
const MAX_PARAMETERS = 30_000;

export interface BulkInsert {
  table: string;
  columns: string[];
  /** A cast after a column's placeholder on PostgreSQL, e.g. `text[]`. */
  casts?: Record<string, string>;
  /** Answer the new rows' ids, in the order given. */
  returningId?: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const texts = new Map<string, string>();

function statementText(dialect: DialectName, shape: BulkInsert, rows: number): string {
  const key = `${dialect}\u0000${shape.table}\u0000${shape.columns.join('\u0000')}\u0000${rows}\u0000${shape.returningId ? 1 : 0}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 0;
    const casts = shape.columns.map((c) => (dialect === 'postgres' && shape.casts?.[c] ? `::${shape.casts[c]}` : ''));
    const row = () => `(${casts.map((cast) => (dialect === 'postgres' ? `$${++n}${cast}` : '?')).join(', ')})`;
    text = `insert into ${quote(shape.table)} (${shape.columns.map(quote).join(', ')}) values ${Array.from({ length: rows }, row).join(', ')}${shape.returningId ? ' returning "id"' : ''}`;
    if (texts.size > 200) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/** Inserts the rows (each its values in `columns` order); answers their ids when asked for them. */
export async function insertMany(db: Kysely<any>, dialect: DialectName, shape: BulkInsert, rows: unknown[][]): Promise<number[]> {
  const ids: number[] = [];
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(shape.columns.length, 1)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const result = await db.executeQuery<{ id: unknown }>(CompiledQuery.raw(statementText(dialect, shape, slice.length), slice.flat()));
    if (shape.returningId) for (const row of result.rows) ids.push(Number(row.id));
  }
  return ids;
}
