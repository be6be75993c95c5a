// `npm run seed`: the bulk load of a demo centre of any size, run as the child process it is
// against a database of its own. It inserts without the registers' secondary indexes and builds
// them again afterwards, writes rows as compiled multi-row statements and sums the tallies per
// batch; the result must be what the write path would have left: every index back as migrated,
// tallies equal to a recount, the search index finding what LIKE finds, and the console usable.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../api/db/connect.js';
import { syncTallies } from '../api/db/tallies.js';
import { withIndexesDeferred } from '../api/db/deferred-indexes.js';
import { generateDemoCentre } from '../api/seed/demo-centre.js';
import { loadDemoInBulk } from '../api/seed/load-demo.js';
import { enabledPluginNames } from '../api/plugins/load.js';
import { createSchema, dropSchema } from './support/pg-schema.js';
import { listQuery, PASSWORD, startTestFayuan, totalOf, type TestFayuan } from './support/fayuan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const postgresUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const CASES = 3000;

let dataDir: string;
let schema: string | undefined;
let database: Database;
let app: TestFayuan;

function seed(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO_PASSWORD: PASSWORD };
  if (schema) env.DATABASE_SCHEMA = schema;
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'seed', '--', ...args], { cwd: root, env, timeout: 180_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Every index of the database's tables with its definition, sorted. */
async function indexes(): Promise<string[]> {
  const { rows } = database.dialect === 'sqlite'
    ? await sql<{ name: string; definition: string | null }>`select name, sql as definition from sqlite_master where type = 'index'`.execute(database.db)
    : await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes where schemaname = current_schema()`.execute(database.db);
  return rows.map((r) => `${r.name}: ${r.definition ?? '(automatic)'}`).sort();
}

async function tallyRows(): Promise<string[]> {
  const rows = await database.db.selectFrom('tallies').selectAll().execute();
  return rows.filter((r) => Number(r.n) !== 0 || Number(r.amount) !== 0)
    .map((r) => `${r.register}|${r.tally}|${r.bucket}|${r.key}|${Number(r.n)}|${Number(r.amount)}`).sort();
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-seed-'));
  if (postgresUrl) schema = await createSchema(postgresUrl, 'seed');
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (schema && postgresUrl) await dropSchema(postgresUrl, schema);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run seed', { timeout: 240_000 }, () => {
  let migrated: string[];

  it('loads an empty demo centre into a new database, whose indexes are then those the migration made', async () => {
    const run = await seed('--cases', '0', '--today', '2026-06-30');
    expect(run.code, run.stderr).toBe(0);
    database = openDatabase({ databaseUrl: postgresUrl, dataDir, schema });
    migrated = await indexes();
    expect(migrated.some((i) => i.startsWith('cases_lawyerId_caseType_status_applicationDate_idx'))).toBe(true);
  });

  it('refuses to load over existing registers without --reset', async () => {
    const run = await seed('--cases', '10');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('加 --reset');
  });

  it(`loads ${CASES} cases with --reset: every index rebuilt, tallies as a recount, the search index complete`, async () => {
    const run = await seed('--cases', String(CASES), '--today', '2026-06-30', '--reset');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`cases\\s+${CASES}\\b`));
    expect(run.stdout).toContain('建索引');

    expect(await indexes()).toEqual(migrated);
    const { n } = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(CASES);

    // The tallies the seed summed over its load equal a count from the rows.
    app = await startTestFayuan({ database, plugins: enabledPluginNames() });
    const seeded = await tallyRows();
    expect(seeded.length).toBeGreaterThan(100);
    await sql`delete from tally_state`.execute(database.db);
    await sql`delete from tallies`.execute(database.db);
    await syncTallies(database.db, app.fayuan.resources);
    expect(await tallyRows()).toEqual(seeded);

    // `q` through the index finds exactly the cases LIKE finds in the searched fields (the lawyer by name).
    const { applicantName } = await database.db.selectFrom('cases').select('applicantName').where('id', '=', 17).executeTakeFirstOrThrow();
    for (const fragment of [String(applicantName).slice(1, 3), String(applicantName).slice(0, 1)]) {
      const pattern = `%${fragment}%`;
      const { like } = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('like'))
        .where((eb) => eb.or([
          eb('applicantName', 'like', pattern), eb('caseNumber', 'like', pattern), eb('causeOfAction', 'like', pattern), eb('applicantIdNumber', 'like', pattern),
          eb('lawyerId', 'in', eb.selectFrom('lawyers').select('id').where('name', 'like', pattern)),
        ]))
        .executeTakeFirstOrThrow();
      const res = await app.api('admin', `/api/cases${listQuery({ filter: { q: fragment }, range: [0, 9] })}`);
      expect(res.status).toBe(200);
      expect(Number(like)).toBeGreaterThan(0);
      expect(totalOf(res), fragment).toBe(Number(like));
    }
  });
});

describe('the bulk load in-process (the benchmark\'s way)', { timeout: 120_000 }, () => {
  it('leaves the connection as it found it, and a failed load its indexes', async () => {
    const t = await startTestFayuan({ cases: 0, plugins: enabledPluginNames() });
    try {
      const { db, dialect } = t.database;
      const indexNames = async () => (dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'cases' and sql is not null`.execute(db)).rows
        : (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema() and tablename = 'cases'`.execute(db)).rows
      ).map((r) => r.name).sort();
      const pragma = async (name: string) => (dialect === 'sqlite' ? Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0] : null);
      const cases = await indexNames();
      const [cacheSize, tempStore] = [await pragma('cache_size'), await pragma('temp_store')];

      await expect(withIndexesDeferred(db, dialect, ['cases'], async () => {
        expect(await indexNames()).not.toEqual(cases);
        throw new Error('load failed');
      })).rejects.toThrow('load failed');
      expect(await indexNames()).toEqual(cases);

      const loaded = await loadDemoInBulk(t.fayuan, t.database, generateDemoCentre({ cases: 40, seed: 7, today: '2026-06-30' }), PASSWORD);
      expect(loaded.ids.cases).toHaveLength(40);
      expect(await indexNames()).toEqual(cases);
      expect([await pragma('cache_size'), await pragma('temp_store')]).toEqual([cacheSize, tempStore]);
      if (dialect === 'postgres') {
        // The planner has the new rows' statistics, and the visibility map is set, without waiting for autovacuum.
        const { rows } = await sql<{ name: string; analyzed: boolean; vacuumed: boolean }>`
          select relname as name, last_analyze is not null as analyzed, last_vacuum is not null as vacuumed
          from pg_stat_user_tables where schemaname = current_schema() and relname in ('cases', 'search_cases', 'tallies')`.execute(db);
        expect(rows.map((r) => `${r.name} ${r.analyzed} ${r.vacuumed}`).sort()).toEqual(['cases true true', 'search_cases true true', 'tallies true true']);
        expect(loaded.times.statistics).toBeGreaterThan(0);
      }
    } finally {
      await t.close();
    }
  });
});
