import { Migrator, sql, type Kysely } from 'kysely';
import { allFields, hasOwnIndex, tableName, type Field, type ResourceDefinition } from '../resources/define.js';
import { columnType } from './codec.js';
import { syncSearchIndexes } from './search-index.js';
import { syncTallies } from './tallies.js';
import type { Database, DialectName } from './connect.js';
import { complaintWorkflowMigration } from '../complaints/migration.js';
import { onlineApplicationsMigration } from '../public/migration.js';
import { authEpochMigration } from '../auth/auth-epoch.js';
import { fileBlobsMigration } from '../files/file-store.js';

/** A hand-written step, recorded by name so it runs once per database. */
export interface Migration {
  name: string;
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

export interface MigrationPlan {
  resources: ResourceDefinition[];
  /** Ordered; names are prefixed by their owner (`core/`, `<plugin>/`). */
  migrations: Migration[];
  /** better-auth's own schema steps. */
  authMigrations: () => Promise<void>;
}

/** Where the applied steps are recorded (kysely's Migrator's schema: name, timestamp). */
const RECORD_TABLE = 'migrations';

/**
 * Brings the schema up to date, one process at a time (an advisory lock on PostgreSQL,
 * a lock file beside the SQLite database): better-auth's tables, the registers' tables,
 * then the hand-written steps through kysely's Migrator, which records each once.
 */
export async function migrate(database: Database, plan: MigrationPlan): Promise<void> {
  await database.exclusively(() => runAll(database, plan));
}

async function runAll({ db, dialect }: Database, plan: MigrationPlan) {
  await adoptLegacyRecord(db, dialect);
  await plan.authMigrations();
  for (const resource of orderByReferences(plan.resources)) await syncResourceTable(db, dialect, resource);
  const order = new Map(plan.migrations.map((m, i) => [m.name, i]));
  const recorded = await recordedSteps(db, dialect);
  const migrator = new Migrator({
    db,
    // Kysely looks for its tables in every schema unless told which: ours is the connection's.
    ...(dialect === 'postgres' ? { migrationTableSchema: (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0].schema } : {}),
    migrationTableName: RECORD_TABLE,
    migrationLockTableName: `${RECORD_TABLE}_lock`,
    // A plugin enabled later brings steps that sort before ones already applied.
    allowUnorderedMigrations: true,
    nameComparator: (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b),
    provider: {
      getMigrations: async () => ({
        // Steps of plugins no longer enabled stay recorded (their data is kept), and known.
        ...Object.fromEntries(recorded.map((name) => [name, { up: async () => {} }])),
        ...Object.fromEntries(plan.migrations.map((m) => [m.name, {
          // kysely runs SQLite migrations outside a transaction: each step gets its own.
          up: (mdb: Kysely<any>) => (dialect === 'sqlite' ? mdb.transaction().execute((trx) => m.up(trx, dialect)) : m.up(mdb, dialect)),
        }])),
      }),
    },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  // After the steps, which may fill registers: the search index of any register it lacks.
  await syncSearchIndexes(db, dialect, plan.resources);
  await syncTallies(db, plan.resources);
}

async function recordedSteps(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const exists = (await existingColumns(db, dialect, RECORD_TABLE)).size > 0;
  return exists ? (await db.selectFrom(RECORD_TABLE).select('name').execute()).map((r) => r.name) : [];
}

/**
 * Databases made before the Migrator recorded their steps as (name, appliedAt): the same
 * names, moved once into the Migrator's (name, timestamp), so none runs again.
 */
async function adoptLegacyRecord(db: Kysely<any>, dialect: DialectName) {
  if (!(await existingColumns(db, dialect, RECORD_TABLE)).has('appliedAt')) return;
  await db.transaction().execute(async (trx) => {
    await trx.schema.createTable(`${RECORD_TABLE}_adopted`)
      .addColumn('name', 'varchar(255)', (c) => c.notNull().primaryKey())
      .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
      .execute();
    await trx.insertInto(`${RECORD_TABLE}_adopted`).columns(['name', 'timestamp'])
      .expression(trx.selectFrom(RECORD_TABLE).select(['name', 'appliedAt'])).execute();
    await trx.schema.dropTable(RECORD_TABLE).execute();
    await trx.schema.alterTable(`${RECORD_TABLE}_adopted`).renameTo(RECORD_TABLE).execute();
  });
}

/** Creates the register's table, or adds the columns its declaration gained since. */
async function syncResourceTable(db: Kysely<any>, dialect: DialectName, resource: ResourceDefinition) {
  const table = tableName(resource);
  const fields = allFields(resource);
  const existing = await existingColumns(db, dialect, table);
  if (existing.size === 0) {
    let create = db.schema.createTable(table).ifNotExists();
    create = dialect === 'postgres'
      ? create.addColumn('id', 'serial', (c) => c.primaryKey())
      : create.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
    create = create
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('createdAt', columnType('datetime', dialect), (c) => c.notNull())
      .addColumn('updatedAt', columnType('datetime', dialect), (c) => c.notNull());
    for (const [name, field] of Object.entries(resource.fields)) {
      create = create.addColumn(name, columnType(field.type, dialect), (c) =>
        field.type === 'reference' ? c.references(`${field.to.replace(/-/g, '_')}.id`) : c);
    }
    await create.execute();
  } else {
    for (const [name, field] of Object.entries(fields)) {
      if (existing.has(name)) continue;
      await db.schema.alterTable(table).addColumn(name, columnType(field.type, dialect)).execute();
    }
  }
  const existingIndexes = await indexColumnsOf(db, dialect, table);
  const ensureIndex = async (name: string, columns: string[], unique = false) => {
    const found = existingIndexes.get(name);
    if (found?.join() === columns.join()) return;
    // A declaration changed the index's columns: made again as declared.
    if (found) await db.schema.dropIndex(name).execute();
    const index = db.schema.createIndex(name).on(table).columns(columns);
    await (unique ? index.unique() : index).execute();
  };
  for (const [name, field] of Object.entries(resource.fields)) {
    if (!hasOwnIndex(resource, name)) continue;
    await ensureIndex(`${table}_${name}_${field.unique ? 'key' : 'idx'}`, ownIndexColumns(dialect, name, field), Boolean(field.unique));
  }
  for (const columns of resource.indexes ?? []) {
    await ensureIndex(`${`${table}_${columns.join('_')}`.slice(0, 59)}_idx`, columns);
  }
}

/**
 * A field's own index. On PostgreSQL a (non-unique) reference's also keys the id, as every SQLite
 * index does implicitly: a row rule's `caseId in (select id from cases where lawyerId = ?)` then
 * reads the lawyer's case ids from the index alone, where it visited each case's row (a lawyer's
 * home page at 1,000,000 cases: 125 ms for one such count).
 */
function ownIndexColumns(dialect: DialectName, name: string, field: Field): string[] {
  return dialect === 'postgres' && field.type === 'reference' && !field.unique ? [name, 'id'] : [name];
}

/** The table's indexes with their columns in order, by name. */
async function indexColumnsOf(db: Kysely<any>, dialect: DialectName, table: string): Promise<Map<string, string[]>> {
  const { rows } = dialect === 'postgres'
    ? await sql<{ name: string; columns: string[] }>`
        select c.relname as name, array_agg(a.attname::text order by k.ord) as columns
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
        where n.nspname = current_schema() and t.relname = ${table}
        group by c.relname`.execute(db)
    : await sql<{ name: string; columns: string }>`
        select name, json_group_array(col) as columns from (
          select l.name as name, i.name as col from pragma_index_list(${table}) l, pragma_index_info(l.name) i order by l.name, i.seqno
        ) group by name`.execute(db);
  return new Map(rows.map((r) => [r.name, typeof r.columns === 'string' ? JSON.parse(r.columns) : r.columns]));
}

async function existingColumns(db: Kysely<any>, dialect: DialectName, table: string): Promise<Set<string>> {
  const rows = dialect === 'postgres'
    ? (await sql<{ name: string }>`select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table}`.execute(db)).rows
    : (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)).rows;
  return new Set(rows.map((r) => r.name));
}

/** Referenced tables first, so foreign keys can be declared when a table is created. */
export function orderByReferences(resources: ResourceDefinition[]): ResourceDefinition[] {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const ordered: ResourceDefinition[] = [];
  const visiting = new Set<string>();
  const visit = (resource: ResourceDefinition) => {
    if (ordered.includes(resource)) return;
    if (visiting.has(resource.name)) throw new Error(`reference cycle through ${resource.name}`);
    visiting.add(resource.name);
    for (const field of Object.values(resource.fields)) {
      if (field.type !== 'reference') continue;
      const target = byName.get(field.to);
      if (!target) throw new Error(`${resource.name} refers to unknown register ${field.to}`);
      if (target !== resource) visit(target);
    }
    visiting.delete(resource.name);
    ordered.push(resource);
  };
  resources.forEach(visit);
  return ordered;
}

/** The core's own tables. */
export const coreMigrations: Migration[] = [
  {
    name: 'core/001-counters-settings',
    async up(db) {
      await db.schema.createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  complaintWorkflowMigration,
  onlineApplicationsMigration,
  authEpochMigration,
  fileBlobsMigration,
];
