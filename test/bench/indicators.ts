// `npx tsx test/bench/indicators.ts`: the dashboard's figures for one year (GET /api/indicators'
// yearFigures: every indicator, its monthly trend, the breakdowns, grades and overdue work) over
// a generated demo centre whose whole year of applications falls in that year. Target: ≤ 300 ms
// on SQLite. PostgreSQL beside it when DATABASE_URL is set.
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
import { loadDemoCentre } from '../../api/seed/load-demo.js';
import { yearFigures } from '../../api/reports/indicators.js';
import { createSchema, dropSchema } from '../support/pg-schema.js';

const TODAY = '2026-12-31'; // the demo's 365 days of applications all fall in 2026
const YEAR = 2026;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
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
    await loadDemoCentre(fayuan, database, data, (name, done, total) => {
      if (name === 'cases' && done - shown >= total / 10) { shown = done; log(`${dialect}: cases ${done}/${total}`); }
    });
    const loadSeconds = (performance.now() - loading) / 1000;
    await sql`analyze`.execute(database.db); // fresh statistics, as a database in use has
    log(`${dialect}: loaded in ${loadSeconds.toFixed(1)} s; timing yearFigures(${YEAR})`);
    const first = await yearFigures(fayuan.records, YEAR);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await yearFigures(fayuan.records, YEAR);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const granted = first.indicators.find((i) => i.id === 'cases_per_10k')!.numerator;
    return { dialect, cases, loadSeconds: Number(loadSeconds.toFixed(1)), casesOfTheYear: granted, medianMs: Number(times[Math.floor(times.length / 2)].toFixed(1)), minMs: Number(times[0].toFixed(1)), maxMs: Number(times[times.length - 1].toFixed(1)) };
  } finally {
    await database.close();
    if (schema && databaseUrl) await dropSchema(databaseUrl, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [await measure('sqlite', Number(process.env.BENCH_CASES ?? 1_000_000))];
if (process.env.DATABASE_URL) results.push(await measure('postgres', Number(process.env.BENCH_PG_CASES ?? process.env.BENCH_CASES ?? 1_000_000)));
console.table(results);
console.log(results.map((r) => `${r.dialect}: ${r.cases.toLocaleString()} cases, yearFigures median ${r.medianMs} ms (min ${r.minMs}, max ${r.maxMs}) ${r.medianMs <= 300 ? '≤ 300 ms ✓' : '> 300 ms ✗'}`).join('\n'));
