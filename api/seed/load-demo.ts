// Loads a generated demo centre through the registers' own hooks, then the demo accounts.
import type { Kysely } from 'kysely';
import type { ResourceDefinition, Row } from '../resources/define.js';
import type { Fayuan } from '../http/app.js';
import type { Database } from '../db/connect.js';
import { loadSettings } from '../settings/settings.js';
import { bulkCounters } from '../db/counters.js';
import { bulkTallies } from '../db/tallies.js';
import { withIndexesDeferred } from '../db/deferred-indexes.js';
import { refreshPlannerStatistics } from '../db/planner-statistics.js';
import { sql } from 'kysely';
import { tableName } from '../resources/define.js';
import { generateDemoCentre, type DemoCentre } from './demo-centre.js';
import { seedDemoWorkLog } from './demo-work-log.js';
import { withFrontDoor, type DemoData } from './demo-front-door.js';

/** Insertion order: every register after the ones it refers to. */
const ORDER = ['law-firms', 'service-points', 'lawyers', 'volunteer-teams', 'cases', 'complaints', 'consultations'] as const;
/** Rows prepared and stored at a time: each batch's tally changes are summed before they are written. */
const BATCH = 5000;

export async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  return !row;
}

export type LoadProgress = (resource: string, done: number, total: number) => void;

/** Inserts the data; answers the ids given to each register's rows, in generator order. */
export async function loadDemoCentre(
  fayuan: Fayuan,
  database: Database,
  data: DemoCentre & Partial<Pick<DemoData, 'consultations'>>,
  progress: LoadProgress = () => {},
): Promise<Record<string, number[]>> {
  const ids: Record<string, number[]> = {};
  const byName = new Map(fayuan.resources.map((r) => [r.name, r]));
  await database.db.transaction().execute(async (trx) => {
    const settings = await loadSettings(trx);
    const counters = bulkCounters(trx);
    const tallies = bulkTallies();
    for (const name of ORDER) {
      const resource = byName.get(name)!;
      const rows = data[name] ?? [];
      // Cases get their numbers in application order.
      const order = rows.map((_, i) => i);
      if (name === 'cases') order.sort((a, b) => String(rows[a].applicationDate).localeCompare(String(rows[b].applicationDate)));
      ids[name] = new Array(rows.length);
      const resolveReferences = referenceResolver(resource, ids);
      for (let start = 0; start < order.length; start += BATCH) {
        const slice = order.slice(start, start + BATCH);
        const prepared: Row[] = [];
        for (const index of slice) {
          let record = resolveReferences(rows[index]);
          for (const hook of resource.hooks?.beforeCreate ?? []) record = await hook(record, { trx, settings, records: fayuan.records, counters });
          prepared.push(record);
        }
        const inserted = await fayuan.records.seedRows(resource, prepared, trx, tallies);
        inserted.forEach((id, k) => (ids[name][slice[k]] = id));
        progress(name, Math.min(start + BATCH, order.length), order.length);
      }
    }
    await counters.flush();
    await tallies.flush(trx);
  });
  return ids;
}

/** The generator's references (indexes into the referenced register's rows) to the ids those rows were given. */
function referenceResolver(resource: ResourceDefinition, ids: Record<string, number[]>): (row: Row) => Row {
  const references = Object.entries(resource.fields).flatMap(([name, field]) =>
    (field.type === 'reference' || field.type === 'referenceList' ? [{ name, list: field.type === 'referenceList', to: field.to }] : []));
  return (row) => {
    const out: Row = { ...row };
    for (const { name, list, to } of references) {
      const value = row[name];
      if (value === null || value === undefined) continue;
      out[name] = list ? (value as number[]).map((i) => ids[to][i]) : ids[to][Number(value)];
    }
    return out;
  };
}

export const demoAccounts = [
  { email: 'admin@fayuan.test', name: '陈主任', role: 'admin' },
  { email: 'supervisor@fayuan.test', name: '刘监督', role: 'supervisor' },
  { email: 'lawyer@fayuan.test', name: '', role: 'lawyer' },
  { email: 'reviewer@fayuan.test', name: '周专家', role: 'reviewer' },
] as const;

/**
 * Creates the demo accounts that do not exist yet and links the demo lawyer account to
 * `demoLawyer` (relinking an existing one); answers the emails created.
 */
export async function createDemoAccounts(fayuan: Fayuan, password: string, demoLawyer: { id: number; name: string }): Promise<string[]> {
  const { db } = fayuan.records.database;
  const created: string[] = [];
  for (const account of demoAccounts) {
    const lawyer = account.role === 'lawyer';
    const existing = await db.selectFrom('user').select(['id']).where('email', '=', account.email).executeTakeFirst();
    if (existing) {
      if (lawyer) await db.updateTable('user').set({ lawyerId: demoLawyer.id, name: demoLawyer.name }).where('id', '=', existing.id).execute();
      continue;
    }
    await fayuan.auth.api.createUser({
      body: {
        email: account.email,
        password,
        name: lawyer ? demoLawyer.name : account.name,
        role: account.role as 'admin',
        data: lawyer ? { lawyerId: demoLawyer.id } : {},
      },
    });
    created.push(account.email);
  }
  return created;
}

export interface BulkLoad {
  ids: Record<string, number[]>;
  /** The demo accounts created (emails). */
  accounts: string[];
  /** Milliseconds: the registers' rows, each plugin's demo data, the indexes built again, the planner's statistics gathered (PostgreSQL). */
  times: { load: number; plugins: Record<string, number>; indexes: number; statistics: number };
}

/**
 * A demo centre of any size (`npm run seed`, the benchmark): the registers' rows, the demo accounts
 * and the plugins' demo data, loaded without the registers' secondary indexes, which are built
 * after it (db/deferred-indexes.ts).
 */
export async function loadDemoInBulk(
  fayuan: Fayuan,
  database: Database,
  data: DemoCentre & Partial<Pick<DemoData, 'consultations'>>,
  password: string,
  progress?: LoadProgress,
): Promise<BulkLoad> {
  // SQLite, for the load only: the pages a million cases touch stay in memory (its default cache
  // is 2 MB), and the indexes are sorted in memory by two threads when they are built again.
  // The connection then goes on (the benchmark serves requests on it) as `npm start` opens it.
  const pragmas = database.dialect === 'sqlite' ? { cache_size: -1000000, temp_store: 2, threads: 2 } : {};
  const before: Record<string, unknown> = {};
  for (const name of Object.keys(pragmas)) before[name] = Object.values((await sql.raw(`pragma ${name}`).execute(database.db)).rows[0] as object)[0];
  const setPragmas = async (values: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(values)) await sql.raw(`pragma ${name} = ${Number(value)}`).execute(database.db);
  };
  await setPragmas(pragmas);
  const times: BulkLoad['times'] = { load: 0, plugins: {}, indexes: 0, statistics: 0 };
  let loaded = 0;
  try {
    const result = await withIndexesDeferred(database.db, database.dialect, fayuan.resources.map(tableName), async () => {
      const started = performance.now();
      const ids = await loadDemoCentre(fayuan, database, data, progress);
      times.load = performance.now() - started;
      const accounts = await createDemoAccounts(fayuan, password, { id: ids.lawyers[0], name: String(data.lawyers[0].name) });
      for (const plugin of fayuan.plugins) {
        if (!plugin.demo) continue;
        const pluginStarted = performance.now();
        await plugin.demo(fayuan.context);
        times.plugins[plugin.name] = performance.now() - pluginStarted;
      }
      loaded = performance.now();
      return { ids, accounts };
    });
    times.indexes = performance.now() - loaded;
    const indexed = performance.now();
    await refreshPlannerStatistics(database.db, database.dialect);
    times.statistics = performance.now() - indexed;
    return { ...result, times };
  } finally {
    await setPragmas(before);
  }
}

/** An empty database gets the demo centre and the four demo accounts. */
export async function seedDemo(fayuan: Fayuan, database: Database, password: string, cases = 600) {
  const today = new Date().toISOString().slice(0, 10);
  const data = withFrontDoor(generateDemoCentre({ cases, seed: 2026, today }), { today });
  const ids = await loadDemoCentre(fayuan, database, data);
  await createDemoAccounts(fayuan, password, { id: ids.lawyers[0], name: String(data.lawyers[0].name) });
  if (fayuan.resources.some((r) => r.name === 'case-activities')) await seedDemoWorkLog(fayuan, database);
  for (const plugin of fayuan.plugins) await plugin.demo?.(fayuan.context);
  return data;
}

export async function hasDemoAccounts(db: Kysely<any>): Promise<boolean> {
  const row = await db.selectFrom('user').select('id').where('email', 'like', '%@fayuan.test').limit(1).executeTakeFirst();
  return Boolean(row);
}
