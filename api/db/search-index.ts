// The registers' search index: every 1- and 2-character fragment of each searched text field,
// one row per (register, field, fragment, record). A `q` of one or two characters is answered
// by the index alone; a longer one by the records holding all of its two-character fragments,
// checked by LIKE. Chinese names have no word boundaries and are two or three characters long,
// which is why neither FTS5's trigrams nor pg_trgm alone can serve them. Kept in step by the
// write path (records.ts) and rebuilt by the migration when a register's searched fields change.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { tableName, type ResourceDefinition, type Row } from '../resources/define.js';
import type { DialectName } from './connect.js';

export const SEARCH_TABLE = 'search_tokens';
const STATE_TABLE = 'search_index_state';
/** Fragments of a longer `q` looked up (the rest is checked by LIKE). */
const MAX_LOOKUPS = 4;

/** Field types whose values the index holds (long texts stay searched by LIKE; a reference by its record's title). */
const INDEXED_TYPES = new Set(['text', 'enum', 'integer']);

/** The searched fields the index holds. */
export function indexedFields(resource: ResourceDefinition): string[] {
  if (!resource.list.searchIndex) return [];
  return resource.list.search.filter((name) => INDEXED_TYPES.has(resource.fields[name]?.type as string));
}

/** Distinct 1- and 2-character fragments of a value, lower-cased (by code point). */
export function fragments(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const chars = Array.from(String(value).toLowerCase());
  const out = new Set<string>();
  chars.forEach((c, i) => {
    out.add(c);
    if (i + 1 < chars.length) out.add(c + chars[i + 1]);
  });
  return [...out];
}

/** The index rows of some records (decoded rows as stored). */
function tokenRows(resource: ResourceDefinition, rows: Row[]) {
  const fields = indexedFields(resource);
  const out: { register: string; field: string; token: string; recordId: number }[] = [];
  for (const row of rows) {
    for (const field of fields) {
      for (const token of fragments(row[field])) out.push({ register: resource.name, field, token, recordId: Number(row.id) });
    }
  }
  return out;
}

async function insertTokens(db: Kysely<any>, resource: ResourceDefinition, rows: Row[]) {
  const tokens = tokenRows(resource, rows);
  for (let i = 0; i < tokens.length; i += 2000) await db.insertInto(SEARCH_TABLE).values(tokens.slice(i, i + 2000)).execute();
}

/** After a write: the record's fragments replace its old ones (none after a delete). */
export async function reindex(db: Kysely<any>, resource: ResourceDefinition, before: Row | null, after: Row | null) {
  if (!indexedFields(resource).length) return;
  const id = Number((after ?? before)!.id);
  if (before && after && indexedFields(resource).every((f) => String(before[f] ?? '') === String(after[f] ?? ''))) return;
  if (before) await db.deleteFrom(SEARCH_TABLE).where('register', '=', resource.name).where('recordId', '=', id).execute();
  if (after) await insertTokens(db, resource, [after]);
}

/** Rows inserted in bulk (a seed): their fragments, in the same transaction. */
export async function indexNew(db: Kysely<any>, resource: ResourceDefinition, rows: Row[]) {
  if (indexedFields(resource).length) await insertTokens(db, resource, rows);
}

/** Every record of a register dropped from the index (a seed emptying it). */
export async function clearIndex(db: Kysely<any>, register: string) {
  await db.deleteFrom(SEARCH_TABLE).where('register', '=', register).execute();
}

/**
 * The migration's part: the tables, then each register whose searched fields differ from
 * those last indexed is indexed again from its rows, in batches.
 */
export async function syncSearchIndexes(db: Kysely<any>, dialect: DialectName, resources: ResourceDefinition[]) {
  let create = db.schema.createTable(SEARCH_TABLE).ifNotExists()
    .addColumn('register', 'varchar(100)', (c) => c.notNull())
    .addColumn('field', 'varchar(100)', (c) => c.notNull())
    .addColumn('token', 'varchar(16)', (c) => c.notNull())
    .addColumn('recordId', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${SEARCH_TABLE}_pkey`, ['register', 'field', 'token', 'recordId']);
  if (dialect === 'sqlite') create = create.modifyEnd(sql`without rowid`);
  await create.execute();
  await db.schema.createIndex(`${SEARCH_TABLE}_record_idx`).ifNotExists().on(SEARCH_TABLE).columns(['register', 'recordId']).execute();
  await db.schema.createTable(STATE_TABLE).ifNotExists()
    .addColumn('register', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('fields', 'text', (c) => c.notNull())
    .execute();
  const state = new Map((await db.selectFrom(STATE_TABLE).selectAll().execute()).map((r) => [r.register as string, r.fields as string]));
  for (const resource of resources) {
    const fields = JSON.stringify(indexedFields(resource));
    if (state.get(resource.name) === fields) continue;
    await db.transaction().execute(async (trx) => {
      await clearIndex(trx, resource.name);
      let after = 0;
      for (;;) {
        const rows = await trx.selectFrom(tableName(resource)).select(['id', ...indexedFields(resource)])
          .where('id', '>', after).orderBy('id').limit(1000).execute();
        if (!rows.length) break;
        await insertTokens(trx, resource, rows);
        after = Number(rows[rows.length - 1].id);
      }
      await trx.deleteFrom(STATE_TABLE).where('register', '=', resource.name).execute();
      await trx.insertInto(STATE_TABLE).values({ register: resource.name, fields }).execute();
    });
  }
}

/**
 * `q` on one indexed field: the records holding the fragment (one or two characters), or
 * every two-character fragment of a longer text and the text itself (`like`).
 */
export function searchField(
  eb: ExpressionBuilder<any, any>,
  resource: ResourceDefinition,
  field: string,
  text: string,
  like: Expression<SqlBool>,
): Expression<SqlBool> {
  const chars = Array.from(text.toLowerCase());
  const holding = (token: string) => eb('id', 'in', eb.selectFrom(SEARCH_TABLE).select('recordId')
    .where('register', '=', resource.name).where('field', '=', field).where('token', '=', token));
  if (chars.length <= 2) return holding(chars.join(''));
  const bigrams = [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
  // Spread over the text: its first, last and some between.
  const picked = bigrams.length <= MAX_LOOKUPS ? bigrams
    : Array.from({ length: MAX_LOOKUPS }, (_, i) => bigrams[Math.round((i * (bigrams.length - 1)) / (MAX_LOOKUPS - 1))]);
  return eb.and([...[...new Set(picked)].map(holding), like]);
}
