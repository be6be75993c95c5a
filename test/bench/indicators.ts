// `npx tsx test/bench/indicators.ts`: the dashboard's figures for one year (GET /api/indicators'
// yearFigures: every indicator, its monthly trend, the breakdowns, grades and overdue work) over
// a generated demo centre whose whole year of applications falls in that year. Target: ≤ 300 ms
// on SQLite. Then the home page's one request, GET /api/home signed in (the indicators, every count
// card, each register's size, the plugins' panels), as the admin and as a lawyer: target ≤ 50 ms.
// PostgreSQL beside it when DATABASE_URL is set.
//
//   BENCH_CASES=1000000      cases on SQLite (default 1,000,000)
//   BENCH_PG_CASES=1000000   cases on PostgreSQL (default as many as on SQLite)
//   BENCH_RUNS=7             timed runs after one warm-up (median reported)
import fs from 'node:fs';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../api/config.js';
import { openDatabase, type Database, type DialectName } from '../../api/db/connect.js';
import { boot } from '../../api/boot.js';
import { generateDemoCentre } from '../../api/seed/demo-centre.js';
import { createDemoAccounts, loadDemoCentre } from '../../api/seed/load-demo.js';
import { yearFigures } from '../../api/reports/indicators.js';
import { createSchema, dropSchema } from '../support/pg-schema.js';
import { percentile, sampleTimes, tenths } from './timing.js';

const TODAY = '2026-12-31'; // the demo's 365 days of applications all fall in 2026
const YEAR = 2026;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PASSWORD = 'bench-password-123';

/** Median, min and max wall time of `RUNS` runs after one warm-up. */
async function timed(run: () => Promise<unknown>) {
  const times = await sampleTimes(run, RUNS);
  return { median: tenths(percentile(times, 50)), min: tenths(times[0]), max: tenths(times[times.length - 1]) };
}
const started = performance.now();
const log = (text: string) => process.stderr.write(`[indicators bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${text}\n`);

async function measure(dialect: DialectName, cases: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-bench-indicators-'));
  const databaseUrl = dialect === 'postgres' ? process.env.DATABASE_URL : undefined;
  const schema = databaseUrl ? await createSchema(databaseUrl, 'benchind') : undefined;
  const database: Database = openDatabase({ databaseUrl, dataDir, schema });
  try {
    const config = readConfig({ PORT: '3000', DATA_DIR: dataDir, FAYUAN_RATE_LIMIT: 'off' });
    const { fayuan } = await boot({ config, database });
    log(`${dialect}: generating ${cases.toLocaleString()} cases`);
    const data = generateDemoCentre({ cases, seed: 2026, today: TODAY });
    const loading = performance.now();
    let shown = 0;
    const ids = await loadDemoCentre(fayuan, database, data, (name, done, total) => {
      if (name === 'cases' && done - shown >= total / 10) { shown = done; log(`${dialect}: cases ${done}/${total}`); }
    });
    const loadSeconds = (performance.now() - loading) / 1000;
    await sql`analyze`.execute(database.db); // fresh statistics, as a database in use has
    log(`${dialect}: loaded in ${loadSeconds.toFixed(1)} s; timing yearFigures(${YEAR})`);
    const first = await yearFigures(fayuan.records, YEAR);
    const figures = await timed(() => yearFigures(fayuan.records, YEAR));
    const granted = first.indicators.find((i) => i.id === 'cases_per_10k')!.numerator;
    await createDemoAccounts(fayuan, PASSWORD, { id: ids.lawyers[0], name: String(data.lawyers[0].name) });
    const home = async (role: string) => {
      const signIn = await fayuan.app.request('/api/auth/sign-in/email', {
        method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ email: `${role}@fayuan.test`, password: PASSWORD }),
      });
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return timed(async () => {
        const res = await fayuan.app.request(`/api/home?year=${YEAR}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`GET /api/home as ${role} answered ${res.status}`);
        await res.arrayBuffer();
      });
    };
    log(`${dialect}: timing GET /api/home`);
    const [admin, lawyer] = [await home('admin'), await home('lawyer')];
    return {
      dialect, cases, loadSeconds: Number(loadSeconds.toFixed(1)), casesOfTheYear: granted,
      medianMs: figures.median, minMs: figures.min, maxMs: figures.max, homeAdminMs: admin.median, homeLawyerMs: lawyer.median,
    };
  } finally {
    await database.close();
    if (schema && databaseUrl) await dropSchema(databaseUrl, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [await measure('sqlite', Number(process.env.BENCH_CASES ?? 1_000_000))];
if (process.env.DATABASE_URL) results.push(await measure('postgres', Number(process.env.BENCH_PG_CASES ?? process.env.BENCH_CASES ?? 1_000_000)));
console.table(results);
console.log(results.map((r) => `${r.dialect}: ${r.cases.toLocaleString()} cases, yearFigures median ${r.medianMs} ms (min ${r.minMs}, max ${r.maxMs}) ${r.medianMs <= 300 ? '≤ 300 ms ✓' : '> 300 ms ✗'}; `
  + `GET /api/home median: admin ${r.homeAdminMs} ms, lawyer ${r.homeLawyerMs} ms ${Math.max(r.homeAdminMs, r.homeLawyerMs) <= 50 ? '≤ 50 ms ✓' : '> 50 ms ✗'}`).join('\n'));
