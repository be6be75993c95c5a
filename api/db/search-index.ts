// The registers' search index: every 1- and 2-character fragment ("gram") of each searched text
// field, as one set of tokens per record in a table of the register's own (`search_<table>`).
// A searched reference field (a case's lawyer) is held as its id: `q` finds the referenced records
// by title in their own (small) register, then their ids here. The index answers which records may
// match (api/rest/search-plan.ts picks the plan): for one or two characters exactly, for a longer
// text the records holding all of its two-character grams, checked by LIKE. Chinese names have no word boundaries
// and are two or three characters long, which is why neither trigrams (FTS5's or pg_trgm's) nor
// word tokenizers can serve them.
//
// SQLite keeps the tokens in a contentless FTS5 table (detail=none: membership only, ~85 bytes a
// case); PostgreSQL in a text[] column under a GIN index. Both answer "records holding all these
// tokens" from posting lists, so a search costs the size of its answer, not of the register.
// Kept in step by the write path (records.ts); rebuilt by the migration when a register's
// searched fields (or this format) change.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { tableName, type ResourceDefinition, type Row, type TallyDefinition } from '../resources/define.js';
import type { DialectName } from './connect.js';
import { insertMany } from './bulk-insert.js';

const STATE_TABLE = 'search_index_state';
/** Bumped when the token format changes: every index is then rebuilt by the next migration. */
const FORMAT = 3;
/** Bumped when the search tally's entries change: the next migration counts it again from the rows. */
const TALLY_FORMAT = 2;
/** Grams of a longer `q` looked up (the rest is checked by LIKE). */
const MAX_LOOKUPS = 8;
const BATCH = 500;

/** Field types whose values the index holds: as grams, a reference as its id (long texts stay searched by LIKE). */
const INDEXED_TYPES = new Set(['text', 'enum', 'integer', 'reference']);

/** The searched fields the index holds. */
export function indexedFields(resource: ResourceDefinition): string[] {
  let fields = indexedOf.get(resource);
  if (!fields) {
    fields = resource.list.searchIndex ? resource.list.search.filter((name) => INDEXED_TYPES.has(resource.fields[name]?.type as string)) : [];
    indexedOf.set(resource, fields);
  }
  return fields;
}
const indexedOf = new WeakMap<ResourceDefinition, string[]>();

export const searchTableOf = (register: string) => `search_${tableName({ name: register })}`;

/**
 * A gram of the n-th indexed field as an ASCII word: the field's number, `g`, and the code
 * points in hex joined by `x` (e.g. 张三 in field 1 → `1g5f20x4e09`). FTS5 then needs no
 * tokenizer of its own, and a token can never be read as query syntax. A reference's id: `4r17`.
 */
const token = (field: number, gram: string) => `${field}g${Array.from(gram, hex).join('x')}`;
const referenceToken = (field: number, id: number) => `${field}r${id}`;

const hexOf = new Map<string, string>();
function hex(char: string): string {
  let out = hexOf.get(char);
  if (out === undefined) {
    out = char.codePointAt(0)!.toString(16);
    if (hexOf.size < 50_000) hexOf.set(char, out);
  }
  return out;
}

/** The grams of the n-th indexed field's text, each once. */
function gramsOf(n: number, text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(text.toLowerCase(), hex);
  const seen = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const single = `${n}g${chars[i]}`;
    if (!seen.has(single)) {
      seen.add(single);
      out.push(single);
    }
    if (i + 1 < chars.length) {
      const pair = `${single}x${chars[i + 1]}`;
      if (!seen.has(pair)) {
        seen.add(pair);
        out.push(pair);
      }
    }
  }
  return out;
}

// Short values repeat (names, causes of action): their grams are kept, so a seed of a million
// cases makes each once. Long ones (case and ID numbers) are each their record's own.
const SHORT = 12;
const gramsOfShort = new Map<string, string[]>();

/** The tokens of a record: `token(n, gram)` for each fragment of each indexed field (seeds make millions). */
function tokensOf(resource: ResourceDefinition, row: Row): string[] {
  const out: string[] = [];
  indexedFields(resource).forEach((field, n) => {
    const value = row[field];
    if (value === null || value === undefined) return;
    if (resource.fields[field].type === 'reference') {
      out.push(referenceToken(n, Number(value)));
      return;
    }
    const text = String(value);
    if (text.length > SHORT) {
      out.push(...gramsOf(n, text));
      return;
    }
    const key = `${n}\u0000${text}`;
    let grams = gramsOfShort.get(key);
    if (!grams) {
      grams = gramsOf(n, text);
      if (gramsOfShort.size >= 100_000) gramsOfShort.clear();
      gramsOfShort.set(key, grams);
    }
    for (const gram of grams) out.push(gram);
  });
  return out;
}

/**
 * The exact counts a one-character `q` is answered from (a surname's character holds a tenth of a
 * million cases, which counted in the index costs 10-25 ms on SQLite and 0.2-0.6 s on PostgreSQL,
 * whose GIN bitmap reads every matching heap page): the records whose indexed texts hold each
 * character (the bucket: its code point in hex), by the id of the register's one searched
 * reference field (the key: a case's lawyer, or null), and all records by that id (bucket '').
 * Kept by the write path with the other tallies (api/db/tallies.ts); `tallyCount` reads it.
 */
export function searchTally(resource: ResourceDefinition): TallyDefinition | undefined {
  if (searchTallyOf.has(resource)) return searchTallyOf.get(resource);
  const fields = indexedFields(resource);
  const texts = fields.filter((f) => resource.fields[f].type !== 'reference');
  const references = fields.filter((f) => resource.fields[f].type === 'reference');
  const tally: TallyDefinition | undefined = fields.length && references.length <= 1 ? {
    name: SEARCH_TALLY,
    version: TALLY_FORMAT,
    reads: fields,
    of: (row) => {
      const chars = new Set<string>();
      for (const field of texts) {
        const value = row[field];
        if (value !== null && value !== undefined) for (const char of String(value).toLowerCase()) chars.add(hex(char));
      }
      const reference = references.length ? row[references[0]] : null;
      const id = reference === null || reference === undefined ? null : Number(reference);
      return [entryOf('', id), ...[...chars].map((char) => entryOf(char, id))];
    },
  } : undefined;
  searchTallyOf.set(resource, tally);
  return tally;
}
const searchTallyOf = new WeakMap<ResourceDefinition, TallyDefinition | undefined>();
export const SEARCH_TALLY = 'search:characters';

/** The tally's entries, each made once and frozen (api/db/tallies.ts then names it once: a seed makes tens of millions). */
const entries = new Map<string, { bucket: string; key: (number | null)[] }>();
function entryOf(bucket: string, id: number | null) {
  const name = `${bucket}/${id}`;
  let entry = entries.get(name);
  if (!entry) {
    if (entries.size >= 200_000) entries.clear();
    entry = Object.freeze({ bucket, key: Object.freeze([id]) as (number | null)[] });
    entries.set(name, entry);
  }
  return entry;
}

/**
 * A one-character `q`'s exact count from the search tally, when it can answer: the reader searches
 * every indexed text field, and its row rule (`required`) is at most an id of the reference field.
 * The records holding the character, except those whose reference's title matched (`titled`),
 * which all match (a record has one reference).
 */
export async function tallyCount(
  db: Kysely<any>, resource: ResourceDefinition, fields: string[], text: string, titled: ReadonlyMap<string, number[]>, required: string[],
  read: (db: Kysely<any>, register: string, tally: string, from: string, to: string) => Promise<{ key: unknown[]; n: number }[]>,
): Promise<number | undefined> {
  const chars = Array.from(text.toLowerCase());
  const tally = searchTally(resource);
  const indexed = indexedFields(resource);
  if (!tally || chars.length !== 1 || required.length > 1) return undefined;
  if (indexed.some((f) => resource.fields[f].type !== 'reference' && !fields.includes(f))) return undefined;
  const reference = indexed.find((f) => resource.fields[f].type === 'reference');
  const prefix = reference ? referenceFieldOf(referenceToken(indexed.indexOf(reference), 0)) : null;
  if (required.length && (!prefix || referenceFieldOf(required[0]) !== prefix)) return undefined;
  const matched = new Set(reference && fields.includes(reference) ? (titled.get(reference) ?? []) : []);
  /** The n of a bucket's rows whose reference id `where` keeps. */
  const sum = async (bucket: string, where: (id: number | null) => boolean) =>
    (await read(db, resource.name, tally.name, bucket, bucket)).reduce((n, r) => (where(r.key[0] as number | null) ? n + r.n : n), 0);
  const char = hex(chars[0]);
  if (required.length) {
    const own = Number(required[0].slice(prefix!.length));
    return sum(matched.has(own) ? '' : char, (id) => id === own);
  }
  const titledTotal = matched.size ? await sum('', (id) => id !== null && matched.has(id)) : 0;
  return (await sum(char, (id) => id === null || !matched.has(id))) + titledTotal;
}

/** The rows' tokens, each row under its id (`ids[i]`, or the row's own). */
async function insertTokens(db: Kysely<any>, dialect: DialectName, resource: ResourceDefinition, rows: Row[], ids?: number[]) {
  const shape = { table: searchTableOf(resource.name), columns: [dialect === 'sqlite' ? 'rowid' : 'id', 'tokens'], casts: { tokens: 'text[]' } };
  for (let start = 0; start < rows.length; start += BATCH) {
    const values: unknown[][] = [];
    for (let i = start; i < Math.min(start + BATCH, rows.length); i++) {
      const tokens = tokensOf(resource, rows[i]);
      values.push([ids ? ids[i] : Number(rows[i].id), dialect === 'sqlite' ? tokens.join(' ') : tokens]);
    }
    await insertMany(db, dialect, shape, values);
  }
}

async function deleteTokens(db: Kysely<any>, dialect: DialectName, register: string, id: number) {
  const table = sql.table(searchTableOf(register));
  await sql`delete from ${table} where ${sql.ref(dialect === 'sqlite' ? 'rowid' : 'id')} = ${id}`.execute(db);
}

/** After a write: the record's tokens replace its old ones (none after a delete). */
export async function reindex(db: Kysely<any>, dialect: DialectName, resource: ResourceDefinition, before: Row | null, after: Row | null) {
  const fields = indexedFields(resource);
  if (!fields.length) return;
  if (before && after && fields.every((f) => String(before[f] ?? '') === String(after[f] ?? ''))) return;
  if (before) await deleteTokens(db, dialect, resource.name, Number(before.id));
  if (after) await insertTokens(db, dialect, resource, [after]);
}

/** Rows inserted in bulk (a seed): their tokens, in the same transaction. */
export async function indexNew(db: Kysely<any>, dialect: DialectName, resource: ResourceDefinition, rows: Row[], ids: number[]) {
  if (indexedFields(resource).length) await insertTokens(db, dialect, resource, rows, ids);
}

/** Every record of a register dropped from the index (a seed emptying it). */
export async function clearIndex(db: Kysely<any>, dialect: DialectName, register: string) {
  const name = searchTableOf(register);
  if (!(await tableExists(db, dialect, name))) return;
  if (dialect === 'sqlite') await sql`insert into ${sql.table(name)} (${sql.ref(name)}) values ('delete-all')`.execute(db);
  else await sql`delete from ${sql.table(name)}`.execute(db);
}

async function tableExists(db: Kysely<any>, dialect: DialectName, name: string): Promise<boolean> {
  const { rows } = dialect === 'sqlite'
    ? await sql`select 1 from sqlite_master where name = ${name}`.execute(db)
    : await sql`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = ${name} and n.nspname = current_schema()`.execute(db);
  return rows.length > 0;
}

async function createTable(db: Kysely<any>, dialect: DialectName, register: string) {
  const name = searchTableOf(register);
  await sql`drop table if exists ${sql.table(name)}`.execute(db);
  if (dialect === 'sqlite') {
    await sql`create virtual table ${sql.table(name)} using fts5(tokens, content='', contentless_delete=1, tokenize='ascii', detail='none')`.execute(db);
  } else {
    await sql`create table ${sql.table(name)} (id integer primary key, tokens text[] not null)`.execute(db);
    await sql`create index ${sql.ref(`${name}_tokens`)} on ${sql.table(name)} using gin (tokens)`.execute(db);
  }
}

/**
 * The migration's part: each register whose searched fields (or the token format) differ from
 * those last indexed gets a new index table, filled from its rows in batches; a register no
 * longer indexed loses its table.
 */
export async function syncSearchIndexes(db: Kysely<any>, dialect: DialectName, resources: ResourceDefinition[]) {
  await db.schema.createTable(STATE_TABLE).ifNotExists()
    .addColumn('register', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('fields', 'text', (c) => c.notNull())
    .execute();
  await sql`drop table if exists search_tokens`.execute(db); // the first format's one shared table
  const state = new Map((await db.selectFrom(STATE_TABLE).selectAll().execute()).map((r) => [r.register as string, r.fields as string]));
  for (const resource of resources) {
    const fields = indexedFields(resource);
    const wanted = fields.length ? JSON.stringify({ format: FORMAT, fields }) : null;
    const stored = state.get(resource.name) ?? null;
    if (stored === wanted && (!wanted || (await tableExists(db, dialect, searchTableOf(resource.name))))) continue;
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom(STATE_TABLE).where('register', '=', resource.name).execute();
      if (!wanted) {
        await sql`drop table if exists ${sql.table(searchTableOf(resource.name))}`.execute(trx);
        return;
      }
      await createTable(trx, dialect, resource.name);
      let after = 0;
      for (;;) {
        const rows = await trx.selectFrom(tableName(resource)).select(['id', ...fields])
          .where('id', '>', after).orderBy('id').limit(5000).execute();
        if (!rows.length) break;
        await insertTokens(trx, dialect, resource, rows);
        after = Number(rows[rows.length - 1].id);
      }
      await trx.insertInto(STATE_TABLE).values({ register: resource.name, fields: wanted }).execute();
    });
  }
}

/**
 * What the index is asked for `q`: the records holding every token of one of `anyOf`, among those
 * holding all of `required` (the reader's row rule). `exact` when holding them is the match itself.
 */
export interface IndexQuery {
  anyOf: string[][];
  required: string[];
  exact: boolean;
}

/**
 * `q` on indexed fields: a text field's fragment (one or two characters) or the two-character grams
 * of a longer text; a reference field's records whose title matched (`titled`).
 */
export function indexQuery(resource: ResourceDefinition, fields: string[], text: string, titled: ReadonlyMap<string, number[]>): IndexQuery {
  const indexed = indexedFields(resource);
  const chars = Array.from(text.toLowerCase());
  const bigrams = [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
  // Spread over the text: its first, last and some between.
  const grams = chars.length <= 2 ? [chars.join('')]
    : bigrams.length <= MAX_LOOKUPS ? bigrams
      : [...new Set(Array.from({ length: MAX_LOOKUPS }, (_, i) => bigrams[Math.round((i * (bigrams.length - 1)) / (MAX_LOOKUPS - 1))]))];
  const anyOf = fields.flatMap((field) => {
    const n = indexed.indexOf(field);
    if (n < 0) throw new Error(`${resource.name}.${field} is not in the search index`);
    if (resource.fields[field].type === 'reference') return (titled.get(field) ?? []).map((id) => [referenceToken(n, id)]);
    return [grams.map((g) => token(n, g))];
  });
  return { anyOf, required: [], exact: chars.length <= 2 };
}

/**
 * A row rule of reference ids (a lawyer's own cases) as tokens every match must hold; null when the
 * index cannot tell.
 */
export function requiredTokens(resource: ResourceDefinition, scope: Record<string, unknown>): string[] | null {
  const indexed = indexedFields(resource);
  const out: string[] = [];
  for (const [field, value] of Object.entries(scope)) {
    const n = indexed.indexOf(field);
    // Ids only (a lawyer without a lawyer record has -1, which is no FTS5 word): the rest SQL applies.
    if (n < 0 || resource.fields[field].type !== 'reference' || !Number.isSafeInteger(value) || (value as number) < 0) return null;
    out.push(referenceToken(n, value as number));
  }
  return out;
}

/**
 * The query within the row rule's tokens. A record holds one id of a reference field, so other ids
 * of the rule's field cannot match (other lawyers' names); when the rule's own id matches (the
 * lawyer's own name), every record within the rule does.
 */
export function withinTokens(query: IndexQuery, required: string[]): IndexQuery {
  const ruled = new Map(required.map((t) => [referenceFieldOf(t), t]));
  const possible = (tokens: string[]) => tokens.every((t) => !ruled.has(referenceFieldOf(t)) || ruled.get(referenceFieldOf(t)) === t);
  const anyOf = query.anyOf.filter(possible);
  if (anyOf.some((tokens) => tokens.every((t) => required.includes(t)))) return { ...query, anyOf: [required], required: [] };
  return { ...query, anyOf, required };
}

/** `4r` of a reference token `4r17`; null for a gram. */
const referenceFieldOf = (token: string) => /^\d+r/.exec(token)?.[0] ?? null;

/** The index's condition: an FTS5 query on SQLite, an array test on PostgreSQL. */
function holdingWhere(dialect: DialectName, register: string, { anyOf, required }: IndexQuery): RawBuilder<SqlBool> {
  const table = sql.table(searchTableOf(register));
  if (dialect === 'sqlite') {
    const any = anyOf.map((tokens) => `(${tokens.join(' AND ')})`).join(' OR ');
    return sql<SqlBool>`${table} match ${[...required, `(${any})`].join(' AND ')}`;
  }
  // Single tokens as one overlap test: one GIN lookup instead of one a token.
  const singles = anyOf.filter((tokens) => tokens.length === 1).map(([t]) => t);
  const any = [...(singles.length ? [sql<SqlBool>`tokens && ${singles}::text[]`] : []), ...anyOf.filter((tokens) => tokens.length > 1).map((tokens) => sql<SqlBool>`tokens @> ${tokens}::text[]`)];
  const anyOfThem = sql<SqlBool>`(${sql.join(any, sql` or `)})`;
  return required.length ? sql<SqlBool>`tokens @> ${required}::text[] and ${anyOfThem}` : anyOfThem;
}

const idColumn = (dialect: DialectName) => sql.ref(dialect === 'sqlite' ? 'rowid' : 'id');

/** The records the index finds, as a condition on `id`. */
export function holding(dialect: DialectName, register: string, query: IndexQuery): RawBuilder<SqlBool> {
  if (!query.anyOf.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref('id')} in (select ${idColumn(dialect)} from ${sql.table(searchTableOf(register))} where ${holdingWhere(dialect, register, query)})`;
}

/** The ids the index finds (at most `limit`). */
export async function idsHolding(db: Kysely<any>, dialect: DialectName, register: string, query: IndexQuery, limit?: number): Promise<number[]> {
  if (!query.anyOf.length) return [];
  const limited = limit === undefined ? sql`` : sql` limit ${limit}`;
  const { rows } = await sql<{ id: number }>`select ${idColumn(dialect)} as id from ${sql.table(searchTableOf(register))} where ${holdingWhere(dialect, register, query)}${limited}`.execute(db);
  return rows.map((r) => Number(r.id));
}

/** How many records the index finds, counted in the index alone. */
export async function countHolding(db: Kysely<any>, dialect: DialectName, register: string, query: IndexQuery): Promise<number> {
  if (!query.anyOf.length) return 0;
  const count = async (db: Kysely<any>) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(searchTableOf(register))} where ${holdingWhere(dialect, register, query)}`.execute(db)).rows[0].n);
  if (dialect === 'sqlite') return count(db);
  // PostgreSQL would read the whole table for a common character (a surname: 200,000 of 1,000,000
  // cases; 15-20 s measured), or recheck the token arrays of lossy bitmap pages (5 s): the GIN
  // index's bitmap, kept exact, visits only the pages holding matches (0.6 s).
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local work_mem = '64MB'`.execute(trx);
    return count(trx);
  });
}
