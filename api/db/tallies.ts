// Running tallies: counts (and sums) of a register's rows per bucket (a month) and key, kept by the
// write path in the same transaction as each change, so a figure over a million rows is read from
// a few hundred tally rows instead of a grouped scan. A register declares its tallies (`tallies`
// in its definition); the migration rebuilds one from the rows when its version changes.
import { sql, type Kysely } from 'kysely';
import { tableName, type ResourceDefinition, type Row, type TallyDefinition } from '../resources/define.js';
import { decoderOf } from './codec.js';
import { searchTally } from './search-index.js';

const TABLE = 'tallies';
const STATE_TABLE = 'tally_state';

export interface TallyRow {
  bucket: string;
  key: (string | number | null)[];
  n: number;
  /** The sum of the entries' amounts (integers: money in fen). */
  amount: number;
}

interface Delta { tally: string; bucket: string; key: string; n: number; amount: number }

/** The register's declared tallies, and its search index's (api/db/search-index.ts). */
export function talliesOf(resource: ResourceDefinition): TallyDefinition[] {
  let tallies = talliesByResource.get(resource);
  if (!tallies) {
    const search = searchTally(resource);
    tallies = [...(resource.tallies ?? []), ...(search ? [search] : [])];
    talliesByResource.set(resource, tallies);
  }
  return tallies;
}
const talliesByResource = new WeakMap<ResourceDefinition, TallyDefinition[]>();

/** The register's tallies that read any of these fields: those a change of them can move. */
const talliesReading = (resource: ResourceDefinition, fields: string[]) => talliesOf(resource).filter((t) => t.reads.some((f) => fields.includes(f)));

/** The key and delta id of each frozen entry a tally answers again and again (the search tally's: millions in a seed). */
const namedEntries = new WeakMap<object, { key: string; id: string }>();

/** The changes' deltas summed into `into` (by tally, bucket and key). */
function addDeltas(into: Map<string, Delta>, tallies: TallyDefinition[], changes: { row: Row; sign: 1 | -1 }[]): void {
  for (const tally of tallies) {
    for (const { row, sign } of changes) {
      for (const entry of tally.of(row)) {
        let named = Object.isFrozen(entry) ? namedEntries.get(entry) : undefined;
        if (!named) {
          const key = JSON.stringify(entry.key);
          named = { key, id: `${tally.name}\u0000${entry.bucket}\u0000${key}` };
          if (Object.isFrozen(entry)) namedEntries.set(entry, named);
        }
        const { key, id } = named;
        let delta = into.get(id);
        if (!delta) {
          delta = { tally: tally.name, bucket: entry.bucket, key, n: 0, amount: 0 };
          into.set(id, delta);
        }
        delta.n += sign;
        delta.amount += sign * Math.round(entry.amount ?? 0);
      }
    }
  }
}

/** The deltas that change something, in one order, so that concurrent writers lock shared tally rows alike and never deadlock. */
function inOrder(deltas: Map<string, Delta>): Delta[] {
  return [...deltas.entries()].filter(([, d]) => d.n !== 0 || d.amount !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

function deltasOf(tallies: TallyDefinition[], changes: { row: Row; sign: 1 | -1 }[]): Delta[] {
  const out = new Map<string, Delta>();
  addDeltas(out, tallies, changes);
  return inOrder(out);
}

async function apply(db: Kysely<any>, register: string, deltas: Delta[]) {
  for (let i = 0; i < deltas.length; i += 500) {
    const values = deltas.slice(i, i + 500).map((d) => ({ register, tally: d.tally, bucket: d.bucket, key: d.key, n: d.n, amount: d.amount }));
    await db.insertInto(TABLE).values(values)
      .onConflict((oc) => oc.columns(['register', 'tally', 'bucket', 'key']).doUpdateSet({
        n: sql`${sql.ref(`${TABLE}.n`)} + ${sql.ref('excluded.n')}`,
        amount: sql`${sql.ref(`${TABLE}.amount`)} + ${sql.ref('excluded.amount')}`,
      }))
      .execute();
  }
}

/** After a write: the record leaves the tallies it counted in and joins those it counts in now. */
export async function retally(db: Kysely<any>, resource: ResourceDefinition, before: Row | null, after: Row | null) {
  const tallies = talliesOf(resource);
  if (!tallies.length) return;
  const differs = (f: string) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null);
  if (before && after && !tallies.some((t) => t.reads.some(differs))) return; // the change moves no row between tallies
  const changes: { row: Row; sign: 1 | -1 }[] = [];
  if (before) changes.push({ row: before, sign: -1 });
  if (after) changes.push({ row: after, sign: 1 });
  await apply(db, resource.name, deltasOf(tallies, changes));
}

/**
 * Many records changed at once (a seed's later columns, `fields`): their deltas summed, then
 * applied in one pass; only the tallies that read a changed field can move.
 */
export async function retallyMany(db: Kysely<any>, resource: ResourceDefinition, fields: string[], changed: { before: Row; after: Row }[]) {
  const tallies = talliesReading(resource, fields);
  if (!tallies.length || !changed.length) return;
  await apply(db, resource.name, deltasOf(tallies, changed.flatMap(({ before, after }) => [{ row: before, sign: -1 as const }, { row: after, sign: 1 as const }])));
}

/** Every field the register's tallies that read any of `changed` read. */
export function tallyReads(resource: ResourceDefinition, changed: string[]): string[] {
  return [...new Set(talliesReading(resource, changed).flatMap((t) => t.reads))];
}

/** Whether a change of these fields can move a row between tallies. */
export function touchesTallies(resource: ResourceDefinition, fields: string[]): boolean {
  return talliesReading(resource, fields).length > 0;
}

/** Rows inserted in bulk (a seed), in one pass. */
export async function tallyNew(db: Kysely<any>, resource: ResourceDefinition, rows: Row[]) {
  const tallies = talliesOf(resource);
  if (!tallies.length) return;
  await apply(db, resource.name, deltasOf(tallies, rows.map((row) => ({ row, sign: 1 as const }))));
}

export interface BulkTallies {
  add(resource: ResourceDefinition, rows: Row[]): void;
  /** Applies what was added, once per tally row. */
  flush(db: Kysely<any>): Promise<void>;
}

/**
 * The tallies of a load's batches (one transaction), summed in memory and applied at its end: a
 * million cases touch a few ten thousand tally rows, which batch by batch were millions of upserts.
 */
export function bulkTallies(): BulkTallies {
  const pending = new Map<string, Map<string, Delta>>();
  return {
    add(resource, rows) {
      const tallies = talliesOf(resource);
      if (!tallies.length) return;
      const into = pending.get(resource.name) ?? pending.set(resource.name, new Map()).get(resource.name)!;
      addDeltas(into, tallies, rows.map((row) => ({ row, sign: 1 as const })));
    },
    async flush(db) {
      for (const [register, deltas] of pending) await apply(db, register, inOrder(deltas));
      pending.clear();
    },
  };
}

/** Every tally of a register emptied (a seed emptying the register). */
export async function clearTallies(db: Kysely<any>, register: string) {
  await db.deleteFrom(TABLE).where('register', '=', register).execute();
}

/** For a list `filter` (already checked against the register), the count tally that answers its total, with the values it matches. */
export function tallyForTotal(resource: ResourceDefinition, filter: Record<string, unknown>): { tally: string; wanted: (Set<string | null> | null)[] } | undefined {
  const keys = Object.keys(filter).filter((k) => filter[k] !== undefined);
  const tally = (resource.tallies ?? []).find((t) => t.counts && keys.every((k) => t.counts!.includes(k)));
  if (!tally?.counts) return undefined;
  const wanted: (Set<string | null> | null)[] = [];
  for (const field of tally.counts) {
    if (!keys.includes(field)) { wanted.push(null); continue; }
    const value = filter[field];
    // `[…, null]` is SQL's `in (…, null)`, which never matches null: left to the database.
    if (Array.isArray(value) && value.some((v) => v === null)) return undefined;
    wanted.push(new Set(value === null ? [null] : [value].flat().map(String)));
  }
  return { tally: tally.name, wanted };
}

/** The total `tallyForTotal` planned: the tally's rows whose key matches, summed. */
export async function talliedTotal(db: Kysely<any>, register: string, plan: NonNullable<ReturnType<typeof tallyForTotal>>): Promise<number> {
  const rows = await db.selectFrom(TABLE).select(['key', 'n']).where('register', '=', register).where('tally', '=', plan.tally).execute();
  let total = 0;
  for (const row of rows) {
    const key = JSON.parse(String(row.key)) as (string | null)[];
    if (plan.wanted.every((values, i) => !values || values.has(key[i]))) total += Number(row.n);
  }
  return total;
}

/** How many records `rows` count (those `where` keeps): their n summed. */
export function countIn(rows: TallyRow[], where: (row: TallyRow) => boolean = () => true): number {
  let total = 0;
  for (const row of rows) if (where(row)) total += row.n;
  return total;
}

/** A tally's rows whose bucket is in [from, to]. */
export async function readTally(db: Kysely<any>, register: string, tally: string, from: string, to: string): Promise<TallyRow[]> {
  const rows = await db.selectFrom(TABLE).select(['bucket', 'key', 'n', 'amount'])
    .where('register', '=', register).where('tally', '=', tally).where('bucket', '>=', from).where('bucket', '<=', to)
    .execute();
  return rows.filter((r) => Number(r.n) !== 0 || Number(r.amount) !== 0)
    .map((r) => ({ bucket: String(r.bucket), key: JSON.parse(String(r.key)), n: Number(r.n), amount: Number(r.amount) }));
}

/** The migration's part: the tables, then every tally whose version differs from the one stored is counted again from the rows. */
export async function syncTallies(db: Kysely<any>, resources: ResourceDefinition[]) {
  await db.schema.createTable(TABLE).ifNotExists()
    .addColumn('register', 'varchar(100)', (c) => c.notNull())
    .addColumn('tally', 'varchar(100)', (c) => c.notNull())
    .addColumn('bucket', 'varchar(20)', (c) => c.notNull())
    .addColumn('key', 'varchar(500)', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${TABLE}_pkey`, ['register', 'tally', 'bucket', 'key'])
    .execute();
  await db.schema.createTable(STATE_TABLE).ifNotExists()
    .addColumn('register', 'varchar(100)', (c) => c.notNull())
    .addColumn('tally', 'varchar(100)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${STATE_TABLE}_pkey`, ['register', 'tally'])
    .execute();
  const state = new Map((await db.selectFrom(STATE_TABLE).selectAll().execute()).map((r) => [`${r.register}/${r.tally}`, Number(r.version)]));
  for (const resource of resources) {
    const stale = talliesOf(resource).filter((t) => state.get(`${resource.name}/${t.name}`) !== t.version);
    if (stale.length) await recount(db, resource, stale);
  }
}

async function recount(db: Kysely<any>, resource: ResourceDefinition, tallies: TallyDefinition[]) {
  const decode = decoderOf(resource);
  await db.transaction().execute(async (trx) => {
    for (const tally of tallies) {
      await trx.deleteFrom(TABLE).where('register', '=', resource.name).where('tally', '=', tally.name).execute();
      await trx.deleteFrom(STATE_TABLE).where('register', '=', resource.name).where('tally', '=', tally.name).execute();
    }
    // Summed over every batch and applied once, as a load's are (bulkTallies).
    const deltas = new Map<string, Delta>();
    let after = 0;
    for (;;) {
      const rows = await trx.selectFrom(tableName(resource)).selectAll().where('id', '>', after).orderBy('id').limit(5000).execute();
      if (!rows.length) break;
      addDeltas(deltas, tallies, rows.map((row) => ({ row: decode(row), sign: 1 as const })));
      after = Number(rows[rows.length - 1].id);
    }
    await apply(trx, resource.name, inOrder(deltas));
    for (const tally of tallies) await trx.insertInto(STATE_TABLE).values({ register: resource.name, tally: tally.name, version: tally.version }).execute();
  });
}
