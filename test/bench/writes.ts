// `npx tsx test/bench/writes.ts`: creating cases over HTTP with 16 concurrent signed-in clients
// (POST /api/cases: validation, rules, case number, search index, tallies, audit entry, each in its
// own transaction), against a floor of the same rows stored by one INSERT each on the same schema.
// Target (issue 16): ≥ 25 % of the floor on SQLite; PostgreSQL reported beside it.
//
//   BENCH_WRITE_COUNT=2000  cases created per run
//   BENCH_CLIENTS=16     concurrent clients
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { boot } from '../../api/boot.js';
import { readConfig } from '../../api/config.js';
import { openDatabase, type Database, type DialectName } from '../../api/db/connect.js';
import { seedDemo } from '../../api/seed/load-demo.js';
import { createSchema, dropSchema } from '../support/pg-schema.js';
import { ascending, percentile, tenths } from './timing.js';

const WRITES = Number(process.env.BENCH_WRITE_COUNT ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const PASSWORD = 'bench-password-123';
const ORIGIN = 'http://localhost:3000';
const started = performance.now();
const log = (text: string) => process.stderr.write(`[writes bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${text}\n`);

const SYSTEM = ['id', 'version', 'createdAt', 'updatedAt', 'caseNumber', 'subsidyAmount', 'subsidyBasis', 'qualityGrade'];

/** `work(i)` for i in [0, total), `clients` at a time; answers the wall time and each call's time. */
async function concurrently(total: number, clients: number, work: (i: number) => Promise<boolean>) {
  let next = 0;
  let errors = 0;
  const times: number[] = [];
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      if (!(await work(i))) errors++;
      times.push(performance.now() - t0);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  const sorted = ascending(times);
  return { perSecond: Math.round(total / seconds), errors, p50: tenths(percentile(sorted, 50)), p95: tenths(percentile(sorted, 95)) };
}

async function measure(dialect: DialectName) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-bench-writes-'));
  const databaseUrl = dialect === 'postgres' ? process.env.DATABASE_URL : undefined;
  const schema = databaseUrl ? await createSchema(databaseUrl, 'benchwr') : undefined;
  const database: Database = openDatabase({ databaseUrl, dataDir, schema });
  let server: ServerType | undefined;
  try {
    const config = readConfig({ PORT: '3000', DATA_DIR: dataDir, FAYUAN_RATE_LIMIT: 'off' });
    const { fayuan } = await boot({ config, database });
    await seedDemo(fayuan, database, PASSWORD, 600);
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: fayuan.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
    });
    const base = `http://127.0.0.1:${port}`;
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ email: 'admin@fayuan.test', password: PASSWORD }) });
    const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const headers = { cookie, origin: ORIGIN, 'content-type': 'application/json', accept: 'application/json' };

    // A new application like one of the demo's, with a name of its own each time.
    const [template] = await (await fetch(`${base}/api/cases?filter=${encodeURIComponent(JSON.stringify({ status: 'applied' }))}&range=[0,0]`, { headers })).json();
    const body = Object.fromEntries(Object.entries(template).filter(([k]) => !SYSTEM.includes(k)));
    log(`${dialect}: ${WRITES} creations, ${CLIENTS} clients`);
    const fayuanRun = await concurrently(WRITES, CLIENTS, async (i) => {
      const res = await fetch(`${base}/api/cases`, { method: 'POST', headers, body: JSON.stringify({ ...body, applicantName: `压测${i}` }) });
      await res.arrayBuffer();
      return res.status === 201;
    });

    // The floor: the stored row of the template, inserted again by one statement per case.
    const stored = await database.db.selectFrom('cases').selectAll().where('id', '=', Number(template.id)).executeTakeFirstOrThrow();
    const columns = Object.keys(stored).filter((k) => k !== 'id');
    const quoted = columns.map((c) => `"${c}"`).join(', ');
    const rowOf = (i: number) => columns.map((c) => (c === 'caseNumber' ? `FLOOR-${i}` : c === 'applicantName' ? `压测${i}` : stored[c]));
    let floorRun;
    if (dialect === 'sqlite') {
      const raw = new SQLite(path.join(dataDir, 'fayuan.sqlite'));
      raw.pragma('busy_timeout = 5000');
      const insert = raw.prepare(`insert into cases (${quoted}) values (${columns.map(() => '?').join(', ')})`);
      floorRun = await concurrently(WRITES, CLIENTS, async (i) => {
        insert.run(...rowOf(i).map((v) => (v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? Number(v) : v)));
        return true;
      });
      raw.close();
    } else {
      const pool = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS, options: `-c search_path=${schema}` });
      const text = `insert into cases (${quoted}) values (${columns.map((_, k) => `$${k + 1}`).join(', ')})`;
      floorRun = await concurrently(WRITES, CLIENTS, async (i) => {
        await pool.query(text, rowOf(i));
        return true;
      });
      await pool.end();
    }
    return { dialect, fayuan: fayuanRun, floor: floorRun, ratio: Math.round((fayuanRun.perSecond / floorRun.perSecond) * 1000) / 10 };
  } finally {
    if (server) await new Promise((resolve) => server!.close(resolve));
    await database.close();
    if (schema && databaseUrl) await dropSchema(databaseUrl, schema);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [await measure('sqlite')];
if (process.env.DATABASE_URL?.startsWith('postgres')) results.push(await measure('postgres'));
console.log(`creating cases, ${WRITES} per run, ${CLIENTS} concurrent clients (creations/s; p50/p95 ms per request):`);
for (const r of results) {
  console.log(`  ${r.dialect.padEnd(8)} Fayuan ${String(r.fayuan.perSecond).padStart(6)}/s (p50 ${r.fayuan.p50}, p95 ${r.fayuan.p95}, errors ${r.fayuan.errors})`
    + `  floor ${String(r.floor.perSecond).padStart(6)}/s  ratio ${r.ratio} %${r.dialect === 'sqlite' ? (r.ratio >= 25 ? '  ≥ 25 % ✓' : '  < 25 % ✗') : ''}`);
}
