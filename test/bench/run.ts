// `npm run bench`: how fast Fayuan migrates, loads data and answers list requests, on SQLite
// (and on PostgreSQL when DATABASE_URL is set). Reproducible (fixed seeds), no assertions:
// prints a table and writes test/bench/last-run.json.
//
//   BENCH_CASES=100000   cases in the big load (default 100000)
//   BENCH_REQUESTS=200   requests per list scenario (default 200)
//   BENCH_STARTUP=off    skip the `npm start` start-up measurements (empty data directory; the big database)
//   BENCH_PDF=off        skip the PDF bench (test/bench/pdf.ts: one 10-page case file vs ≤ 150 ms and raw pdfkit)
//   BENCH_PDF_BATCH=200  case files per batch export in the PDF bench, with 1 and 2 workers (0 skips the batch)
//   BENCH_WRITES=off     skip the writes bench (test/bench/writes.ts: 16 clients creating cases vs a one-INSERT floor)
//   BENCH_JSON_SERVER=off  skip json-server 0.17 over 100,000 cases (BENCH_JSON_SERVER_ROWS), the reference
//   BENCH_INDICATORS=off skip the dashboard bench (test/bench/indicators.ts: the year's figures vs ≤ 300 ms)
//   BENCH_INDICATOR_CASES=1000000  cases in the dashboard bench, on each database
//   BENCH_LOAD=off       skip the load bench (test/bench/load.ts: 100 signed-in clients mixing reads, writes,
//                        transitions and uploads; BENCH_LOAD_SECONDS=60, BENCH_LOAD_CLIENTS=100)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createSchema, dropSchema } from '../support/pg-schema.js';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { serve, type ServerType } from '@hono/node-server';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Fayuan } from '../../api/http/app.js';
import { readConfig } from '../../api/config.js';
import { openDatabase, type Database, type DialectName } from '../../api/db/connect.js';
import { boot } from '../../api/boot.js';
import { enabledPluginNames } from '../../api/plugins/load.js';
import { generateDemoCentre } from '../../api/seed/demo-centre.js';
import { loadDemoInBulk, seedDemo } from '../../api/seed/load-demo.js';
import { ascending, mean, percentile, tenths, timed } from './timing.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIG = Number(process.env.BENCH_CASES ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const TODAY = '2026-06-30'; // fixed, so that every run generates the same data
const PASSWORD = 'bench-password-123';
const ORIGIN = 'http://localhost:3000';

const benchStarted = performance.now();
const log = (text: string) => process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(0).padStart(3)}s] ${text}\n`);

// ---------------------------------------------------------------------------------------------
// Databases

interface Target {
  dialect: DialectName;
  dataDir: string;
  /** PostgreSQL's connection settings, the bench's own schema first on the search path. */
  pg?: pg.PoolConfig;
  /** What `npm start` needs in its environment to serve this database. */
  serverEnv: Record<string, string>;
  open(): Database;
  size(): number | null;
  drop(): Promise<void>;
}

async function newTarget(dialect: DialectName): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-bench-'));
  const databaseUrl = dialect === 'postgres' ? process.env.DATABASE_URL : undefined;
  let schema: string | undefined;
  if (databaseUrl) {
    schema = await createSchema(databaseUrl, 'bench');
  }
  return {
    dialect,
    dataDir,
    pg: databaseUrl ? { connectionString: databaseUrl, options: `-c search_path=${schema}` } : undefined,
    serverEnv: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', DATABASE_SCHEMA: schema ?? '' },
    open: () => openDatabase({ databaseUrl, dataDir, schema }),
    size: () => {
      if (dialect !== 'sqlite') return null;
      return fs.readdirSync(dataDir).filter((f) => f.startsWith('fayuan.sqlite')).reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0);
    },
    async drop() {
      if (schema && databaseUrl) {
        await dropSchema(databaseUrl, schema);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function instance(database: Database, dataDir: string, env: Record<string, string> = {}): Promise<Fayuan> {
  const config = readConfig({ PORT: '3000', DATA_DIR: dataDir, FAYUAN_RATE_LIMIT: 'off', ...env });
  return (await boot({ config, database, migrate: false })).fayuan;
}

// ---------------------------------------------------------------------------------------------
// Latency

class Random {
  constructor(private state: number) {}
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

interface Latency {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Rows in the last answer and the total it reported, as a sanity check. */
  rows: number;
  total: number | null;
}

/** A server's base URL over loopback, or a Fayuan asked in-process (Hono's app.request: no socket). */
type Server = string | Fayuan;
const send = (server: Server, path: string, init: RequestInit) => (typeof server === 'string' ? fetch(server + path, init) : Promise.resolve(server.app.request(path, init)));

async function measure(server: Server, cookie: string, pathFor: (i: number) => string): Promise<Latency> {
  const headers = { cookie, origin: ORIGIN, accept: 'application/json' };
  for (let i = 0; i < 10; i++) await (await send(server, pathFor(-1 - i), { headers })).arrayBuffer(); // warm-up
  const times: number[] = [];
  let errors = 0;
  let rows = 0;
  let total: number | null = null;
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const res = await send(server, pathFor(i), { headers });
    const body = await res.json();
    times.push(performance.now() - start);
    if (res.status !== 200) errors++;
    rows = Array.isArray(body) ? body.length : 1;
    const range = res.headers.get('content-range');
    total = range ? Number(range.split('/').pop()) : null;
  }
  return summary(times, errors, rows, total);
}

const q = (params: Record<string, unknown>) => `?${new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)])))}`;

const FLOOR_LABELS = { admin: '(g) floor: raw query (admin, no row rule)', lawyer: '(h) floor: raw query (lawyerId = the lawyer)' };
const IN_PROCESS_LABELS = { admin: '(g) Fayuan in-process, no socket (admin)', lawyer: '(h) Fayuan in-process, no socket (lawyer)' };
const HTTP_FLOOR_LABELS = { admin: '(g) floor over bare HTTP (admin)', lawyer: '(h) floor over bare HTTP (lawyer)' };

/** The list a centre runs all day: criminal + closed, newest first, 25 rows, with the exact total. */
const DAILY = { caseType: 'criminal', status: 'closed' };

/**
 * The floor: the same two queries (page and exact total) sent straight to the database with the
 * same schema and indexes — raw better-sqlite3 prepared statements on SQLite, raw `pg` named
 * (so prepared once per connection) statements on PostgreSQL — no HTTP, session, row rule or decoding.
 * `overHttp`: the same queries behind a bare node:http server, asked by the same client as Fayuan,
 * so the share of the request that is Fayuan's own shows apart from the loopback round trip.
 */
async function floor(target: Target, lawyerId: number | null): Promise<{ inProcess: Latency; overHttp: Latency }> {
  const own = lawyerId === null ? '' : ' and "lawyerId" = ?';
  const args = lawyerId === null ? [DAILY.caseType, DAILY.status] : [DAILY.caseType, DAILY.status, lawyerId];
  const page = `select * from cases where "caseType" = ? and status = ?${own} order by "applicationDate" desc, id desc limit 25`;
  const count = `select count(*) as n from cases where "caseType" = ? and status = ?${own}`;
  let query: () => Promise<{ rows: unknown[]; total: number }>;
  let close = async () => {};
  if (target.dialect === 'sqlite') {
    const raw = new SQLite(path.join(target.dataDir, 'fayuan.sqlite'), { readonly: true });
    const [p, c] = [raw.prepare(page), raw.prepare(count)];
    query = async () => ({ rows: p.all(...args), total: Number((c.get(...args) as { n: number }).n) });
    close = async () => {
      raw.close();
    };
  } else {
    // Two connections, as the app's page and count go out together.
    const pool = new pg.Pool({ ...target.pg, max: 2 });
    const numbered = (text: string) => {
      let k = 0;
      return text.replace(/\?/g, () => `$${++k}`);
    };
    const who = lawyerId === null ? 'admin' : 'lawyer';
    const [p, c] = [{ name: `floor-page-${who}`, text: numbered(page), values: args }, { name: `floor-count-${who}`, text: numbered(count), values: args }];
    query = async () => {
      const [r, n] = await Promise.all([pool.query(p), pool.query(c)]);
      return { rows: r.rows, total: Number(n.rows[0].n) };
    };
    close = async () => {
      await pool.end();
    };
  }
  for (let i = 0; i < 10; i++) await query();
  const times: number[] = [];
  let last = { rows: 0, total: 0 };
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const { rows, total } = await query();
    times.push(performance.now() - start);
    last = { rows: rows.length, total };
  }
  const inProcess = summary(times, 0, last.rows, last.total);
  const server = http.createServer(async (_req, res) => {
    const { rows, total } = await query();
    res.writeHead(200, { 'content-type': 'application/json', 'content-range': `cases 0-${rows.length - 1}/${total}` });
    res.end(JSON.stringify(rows));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
  try {
    return { inProcess, overHttp: await measure(`http://127.0.0.1:${port}`, '', () => '/api/cases') };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await close();
  }
}

function summary(times: number[], errors: number, rows: number, total: number | null): Latency {
  const sorted = ascending(times);
  return {
    requests: sorted.length, errors, rows, total,
    p50: tenths(percentile(sorted, 50)), p95: tenths(percentile(sorted, 95)), p99: tenths(percentile(sorted, 99)),
    mean: tenths(mean(sorted)),
  };
}

async function signIn(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function served<T>(fayuan: Fayuan, work: (base: string) => Promise<T>): Promise<T> {
  let server: ServerType;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: fayuan.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  try {
    return await work(`http://127.0.0.1:${port}`);
  } finally {
    await new Promise((resolve) => server!.close(resolve));
  }
}

/**
 * What reading the session costs: the first page signed in as admin, answered by the app with its
 * session cache and by a second app on the same database with FAYUAN_SESSION_CACHE=off, in
 * alternating rounds so that both see the same machine.
 */
async function sessionCost(cached: Fayuan, database: Database, dataDir: string) {
  const uncached = await instance(database, dataDir, { FAYUAN_SESSION_CACHE: 'off' });
  const firstPage = () => `/api/cases${q({ range: [0, 24] })}`;
  const rounds: Record<'on' | 'off', Latency[]> = { on: [], off: [] };
  await served(cached, (cachedBase) => served(uncached, async (uncachedBase) => {
    const cookie = await signIn(cachedBase, 'admin@fayuan.test');
    for (let round = 0; round < 3; round++) {
      rounds.on.push(await measure(cachedBase, cookie, firstPage));
      rounds.off.push(await measure(uncachedBase, cookie, firstPage));
    }
  }));
  const median = (ls: Latency[], key: 'p50' | 'p95' | 'p99' | 'mean') => ls.map((l) => l[key]).sort((a, b) => a - b)[1];
  const merged = (ls: Latency[]): Latency => ({ ...ls[1], requests: ls.reduce((n, l) => n + l.requests, 0), errors: ls.reduce((n, l) => n + l.errors, 0), p50: median(ls, 'p50'), p95: median(ls, 'p95'), p99: median(ls, 'p99'), mean: median(ls, 'mean') });
  return { on: merged(rounds.on), off: merged(rounds.off) };
}

async function latencies(fayuan: Fayuan, caseIds: number[], names: string[]) {
  return served(fayuan, async (base) => {
    const cookie = await signIn(base, 'admin@fayuan.test');
    const lawyerCookie = await signIn(base, 'lawyer@fayuan.test');
    const daily = `/api/cases${q({ sort: ['applicationDate', 'DESC'], range: [0, 24], filter: DAILY })}`;
    const fragment = (n: number) => () => `/api/cases${q({ sort: ['applicationDate', 'DESC'], range: [0, 24], filter: { q: Array.from(rng.pick(names)).slice(0, n).join('') } })}`;
    const rng = new Random(7);
    const statuses = ['closed', 'archived', 'in_progress', 'assigned'];
    const types = ['civil', 'criminal', 'non_litigation'];
    const scenarios: [string, (i: number) => string][] = [
      ['(a) first page, default sort', () => `/api/cases${q({ range: [0, 24] })}`],
      ['(b) page 100 by applicantName', () => `/api/cases${q({ sort: ['applicantName', 'ASC'], range: [2475, 2499] })}`],
      ['(c) filter status + caseType', (i) => `/api/cases${q({ sort: ['applicationDate', 'DESC'], range: [0, 24], filter: { status: statuses[Math.abs(i) % 4], caseType: types[Math.abs(i) % 3] } })}`],
      ['(d) q search (2 characters of a name)', () => `/api/cases${q({ sort: ['applicationDate', 'DESC'], range: [0, 24], filter: { q: Array.from(rng.pick(names)).slice(0, 2).join('') } })}`],
      ['(e) getMany of 25 ids', () => `/api/cases?filter=${encodeURIComponent(JSON.stringify({ id: Array.from({ length: 25 }, () => rng.pick(caseIds)) }))}`],
      ['(f) getOne', () => `/api/cases/${rng.pick(caseIds)}`],
      ['(g) criminal + closed, newest first (admin)', () => daily],
      ['(h) criminal + closed, newest first (lawyer)', () => daily],
      ['(i) q: 1-character name fragment', fragment(1)],
      ['(j) q: 2-character name fragment', fragment(2)],
      ['(k) q: 3-character name fragment', fragment(3)],
      // The home page's one request: every figure, count card, register size and plugin panel.
      ['(n) GET /api/home (admin)', () => `/api/home?year=${TODAY.slice(0, 4)}`],
      ['(o) GET /api/home (lawyer)', () => `/api/home?year=${TODAY.slice(0, 4)}`],
    ];
    const out: Record<string, Latency> = {};
    for (const [label, pathFor] of scenarios) {
      out[label] = await measure(base, label.includes('(lawyer)') ? lawyerCookie : cookie, pathFor);
      log(`  ${label}: p50 ${out[label].p50} ms, p95 ${out[label].p95} ms`);
    }
    // The daily list without the socket, beside the in-process floor: the share of the work that is Fayuan's.
    for (const who of ['admin', 'lawyer'] as const) {
      out[IN_PROCESS_LABELS[who]] = await measure(fayuan, who === 'lawyer' ? lawyerCookie : cookie, () => daily);
      log(`  ${IN_PROCESS_LABELS[who]}: p50 ${out[IN_PROCESS_LABELS[who]].p50} ms`);
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------

/** Generates and loads the big centre; of the generated rows (GBs at a million) only a sample of names outlives it. */
async function loadBig(fayuan: Fayuan, database: Database) {
  const [data, generateMs] = await timed(async () => generateDemoCentre({ cases: BIG, seed: 2026, today: TODAY }));
  let lastLog = 0;
  const { ids, times } = await loadDemoInBulk(fayuan, database, data, PASSWORD, (name, done, total) => {
    if (name === 'cases' && (done === total || performance.now() - lastLog > 10_000)) {
      lastLog = performance.now();
      log(`  cases ${done}/${total}`);
    }
  });
  const rowsLoaded = Object.values(data).reduce((sum, rows) => sum + rows.length, 0);
  const names = Array.from({ length: 500 }, (_, i) => String(data.cases[(i * 7919) % data.cases.length].applicantName));
  return { ids, times, generateMs, rowsLoaded, names };
}

/** A full garbage collection now (V8's gc(), exposed for this). */
function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

async function benchDialect(dialect: DialectName) {
  log(`${dialect}: migrate an empty database`);
  const small = await newTarget(dialect);
  const smallDb = small.open();
  const smallApp = await instance(smallDb, small.dataDir);
  const [, migrateMs] = await timed(() => smallApp.migrate());
  const [, remigrateMs] = await timed(() => smallApp.migrate());

  log(`${dialect}: load the 600-case demo centre`);
  const [, demoMs] = await timed(() => seedDemo(smallApp, smallDb, PASSWORD, 600));
  await smallDb.close();
  await small.drop();

  log(`${dialect}: generate and load ${BIG} cases`);
  const big = await newTarget(dialect);
  const bigDb = big.open();
  const bigApp = await instance(bigDb, big.dataDir);
  await bigApp.migrate();
  const { ids, times, generateMs, rowsLoaded, names } = await loadBig(bigApp, bigDb);
  const [loadMs, indexMs, statisticsMs] = [times.load, times.indexes, times.statistics];
  const pluginDemoMs = Object.values(times.plugins).reduce((sum, ms) => sum + ms, 0);
  // The generated rows are garbage now: collected here rather than in a pause amid the requests.
  collectGarbage();

  log(`${dialect}: list requests over HTTP (${REQUESTS} each)`);
  const requests = await latencies(bigApp, ids.cases, names);
  log(`${dialect}: the floor (raw queries, same schema and indexes)`);
  for (const who of ['admin', 'lawyer'] as const) {
    const { inProcess, overHttp } = await floor(big, who === 'admin' ? null : ids.lawyers[0]);
    requests[FLOOR_LABELS[who]] = inProcess;
    requests[HTTP_FLOOR_LABELS[who]] = overHttp;
    log(`  ${who}: in-process p50 ${inProcess.p50} ms, over bare HTTP p50 ${overHttp.p50} ms`);
  }
  log(`${dialect}: the session's cost (first page with the session cache, and with FAYUAN_SESSION_CACHE=off)`);
  const session = await sessionCost(bigApp, bigDb, big.dataDir);
  requests['(l) first page, session cache on'] = session.on;
  requests['(m) first page, FAYUAN_SESSION_CACHE=off'] = session.off;
  const size = big.size();
  await bigDb.close();
  let startupMs: number | null = null;
  if (process.env.BENCH_STARTUP !== 'off') {
    log(`${dialect}: start-up of \`npm start\` on this database (median of 3)`);
    const runs = [await startup(big.serverEnv), await startup(big.serverEnv), await startup(big.serverEnv)];
    startupMs = runs.map((r) => r.ms).sort((a, b) => a - b)[1];
  }
  await big.drop();

  return {
    dialect,
    migrateEmptyMs: Math.round(migrateMs),
    migrateAgainMs: Math.round(remigrateMs),
    demo600Ms: Math.round(demoMs),
    big: {
      cases: BIG,
      rows: rowsLoaded,
      generateMs: Math.round(generateMs),
      loadMs: Math.round(loadMs),
      rowsPerSecond: Math.round(rowsLoaded / (loadMs / 1000)),
      pluginDemoMs: Math.round(pluginDemoMs),
      indexMs: Math.round(indexMs),
      statisticsMs: Math.round(statisticsMs),
      databaseBytes: size,
      startupMs,
    },
    requests,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start` until /api/health answers: on an empty data directory (SQLite, the demo loaded), or on the database `target` names. */
async function startup(target?: Record<string, string>) {
  const port = await freePort();
  const emptyDir = target ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-bench-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: '', FAYUAN_RATE_LIMIT: 'off', ...(target ?? { DATA_DIR: emptyDir! }) };
  delete env.FAYUAN_DEMO;
  delete env.NODE_ENV;
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  let ms: number | null = null;
  try {
    while (performance.now() - started < 180_000 && child.exitCode === null) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) {
        ms = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM'); // the npm process group started above
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (emptyDir) fs.rmSync(emptyDir, { recursive: true, force: true });
  }
  if (ms === null) throw new Error(`the server did not answer /api/health:\n${output}`);
  return { ms: Math.round(ms), consoleBuilt: /console built/.test(output) };
}

// ---------------------------------------------------------------------------------------------

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const dialects: DialectName[] = ['sqlite', ...(process.env.DATABASE_URL?.startsWith('postgres') ? ['postgres' as const] : [])];
const results: Awaited<ReturnType<typeof benchDialect>>[] = [];
for (const dialect of dialects) results.push(await benchDialect(dialect));
let start: Awaited<ReturnType<typeof startup>> | null = null;
if (process.env.BENCH_STARTUP !== 'off') {
  log('start-up of `npm start` on an empty data directory');
  start = await startup();
}

/** Another bench file in its own process (react-pdf and the fonts, or a million cases, stay out of this one): its printed table. */
async function childBench(file: string, env: Record<string, string | undefined>): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'test', 'bench', file)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk; });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`test/bench/${file} exited with ${code}`);
  return output.trimEnd();
}
let pdf: string | null = null;
if (process.env.BENCH_PDF !== 'off') {
  log(`PDF: one 10-page case file, then a batch of ${process.env.BENCH_PDF_BATCH ?? 200} with 1 and 2 workers`);
  pdf = await childBench('pdf.ts', { BENCH_BATCH_FILES: process.env.BENCH_PDF_BATCH ?? '200' });
}
let writes: string | null = null;
if (process.env.BENCH_WRITES !== 'off') {
  log('creating cases with 16 concurrent clients vs a one-INSERT floor');
  writes = await childBench('writes.ts', {});
}
let jsonServer: string | null = null;
if (process.env.BENCH_JSON_SERVER !== 'off') {
  log('json-server 0.17 over the same generated cases, as the reference');
  jsonServer = await childBench('json-server.ts', {});
}
let indicators: string | null = null;
if (process.env.BENCH_INDICATORS !== 'off') {
  const cases = process.env.BENCH_INDICATOR_CASES ?? '1000000';
  log(`dashboard figures (GET /api/indicators) over ${Number(cases).toLocaleString('en-US')} cases`);
  indicators = await childBench('indicators.ts', { BENCH_CASES: cases, BENCH_PG_CASES: process.env.BENCH_INDICATOR_CASES ?? process.env.BENCH_PG_CASES ?? cases });
}
let load: string | null = null;
if (process.env.BENCH_LOAD !== 'off') {
  log(`load: ${process.env.BENCH_LOAD_CLIENTS ?? 100} signed-in clients for ${process.env.BENCH_LOAD_SECONDS ?? 60} s (test/bench/load.ts)`);
  load = await childBench('load.ts', {});
}

const report = {
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
  settings: { bigCases: BIG, requestsPerScenario: REQUESTS, today: TODAY, plugins: enabledPluginNames() },
  results,
  startup: start,
  pdf: pdf?.split('\n') ?? null,
  writes: writes?.split('\n') ?? null,
  jsonServer: jsonServer?.split('\n') ?? null,
  indicators: indicators?.split('\n') ?? null,
  load: load?.split('\n') ?? null,
  benchSeconds: Math.round((performance.now() - benchStarted) / 1000),
};

const header = ['', ...results.map((r) => r.dialect)];
const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n.toLocaleString('en-US')}${unit}`);
const loadRows = [
  header,
  ['migrate an empty database', ...results.map((r) => fmt(r.migrateEmptyMs, ' ms'))],
  ['migrate again (nothing to do)', ...results.map((r) => fmt(r.migrateAgainMs, ' ms'))],
  ['load the 600-case demo (+ accounts, plugin demo)', ...results.map((r) => fmt(r.demo600Ms, ' ms'))],
  [`generate ${BIG.toLocaleString('en-US')} cases`, ...results.map((r) => fmt(r.big.generateMs, ' ms'))],
  [`load ${BIG.toLocaleString('en-US')} cases (${results[0]?.big.rows.toLocaleString('en-US')} rows)`, ...results.map((r) => fmt(r.big.loadMs, ' ms'))],
  ['  rows per second', ...results.map((r) => fmt(r.big.rowsPerSecond))],
  ['  plugin demo data', ...results.map((r) => fmt(r.big.pluginDemoMs, ' ms'))],
  ['  secondary indexes built after the load', ...results.map((r) => fmt(r.big.indexMs, ' ms'))],
  ['  planner statistics gathered after the load (VACUUM ANALYZE, PostgreSQL)', ...results.map((r) => fmt(r.big.statisticsMs, ' ms'))],
  ['  seed in all (generate, load, plugin demo data, indexes, statistics; target ≤ 3 min SQLite, ≤ 10 min PostgreSQL at 1,000,000)', ...results.map((r) => fmt(r.big.generateMs + r.big.loadMs + r.big.pluginDemoMs + r.big.indexMs + r.big.statisticsMs, ' ms'))],
  ['  database size', ...results.map((r) => (r.big.databaseBytes ? `${(r.big.databaseBytes / 2 ** 20).toFixed(0)} MB` : '—'))],
  ['  `npm start` on it until /api/health (median of 3; target ≤ 2 s at 1,000,000)', ...results.map((r) => fmt(r.big.startupMs, ' ms'))],
];
const requestRows = [['request (ms)', ...results.flatMap((r) => [`${r.dialect} p50`, 'p95', 'p99'])]];
for (const label of Object.keys(results[0].requests)) {
  requestRows.push([label, ...results.flatMap((r) => {
    const l = r.requests[label];
    return [l.p50, l.p95, l.p99].map((n) => n.toFixed(1) + (l.errors ? ` (${l.errors} errors)` : ''));
  })]);
}

console.log(`\nFayuan bench — ${report.machine.cpus} × ${report.machine.cpu}, Node ${report.machine.node}, ${report.at}\n`);
console.log(table(loadRows));
console.log(`\nList requests over HTTP with ${BIG.toLocaleString('en-US')} cases, ${REQUESTS} sequential requests each (admin session):\n`);
console.log(table(requestRows));
for (const r of results) {
  const [on, off] = [r.requests['(l) first page, session cache on'], r.requests['(m) first page, FAYUAN_SESSION_CACHE=off']];
  console.log(`Session read (${r.dialect}): first page p50 ${on.p50.toFixed(1)} ms with the session cache, ${off.p50.toFixed(1)} ms without (${(off.p50 - on.p50).toFixed(1)} ms per request)`);
}
// Against the targets of issue 16 (at 1,000,000 cases; the count above is the one measured).
const dailyLabel = (who: 'admin' | 'lawyer') => `(${who === 'admin' ? 'g' : 'h'}) criminal + closed, newest first (${who})`;
const perSecond = (l: Latency | undefined) => (l && l.mean > 0 ? Math.round(1000 / l.mean) : null);
const targetRows = [['target', ...results.flatMap((r) => [`${r.dialect} Fayuan`, 'floor', 'ratio', 'met'])]];
const ratioRow = (label: string, who: 'admin' | 'lawyer', floorLabels: Record<'admin' | 'lawyer', string>, judged: boolean, mineLabel = dailyLabel(who)) => [label, ...results.flatMap((r) => {
  const mine = perSecond(r.requests[mineLabel]);
  const raw = perSecond(r.requests[floorLabels[who]]);
  const ratio = mine && raw ? mine / raw : null;
  return [fmt(mine), fmt(raw), ratio === null ? '—' : `${Math.round(ratio * 100)}%`, !judged ? '' : ratio !== null && ratio >= 0.5 ? 'yes' : 'no'];
})];
for (const who of ['admin', 'lawyer'] as const) {
  targetRows.push(ratioRow(`list criminal + closed (${who}): req/s ≥ 50% of the floor`, who, FLOOR_LABELS, true));
  targetRows.push(ratioRow(`  the same against the floor over bare HTTP (not a target: the share that is Fayuan's)`, who, HTTP_FLOOR_LABELS, false));
  targetRows.push(ratioRow(`  Fayuan in-process, no socket, against the floor (not a target: like for like)`, who, FLOOR_LABELS, false, IN_PROCESS_LABELS[who]));
  targetRows.push([`  p95 ≤ 5 ms (${who})`, ...results.flatMap((r) => {
    const l = r.requests[dailyLabel(who)];
    return [`${l.p95} ms`, '', '', l.p95 <= 5 ? 'yes' : 'no'];
  })]);
}
for (const [n, label] of [[1, '(i) q: 1-character name fragment'], [2, '(j) q: 2-character name fragment'], [3, '(k) q: 3-character name fragment']] as const) {
  targetRows.push([`q, ${n}-character fragment: p95 ≤ 20 ms`, ...results.flatMap((r) => [`${r.requests[label].p95} ms`, '', '', r.requests[label].p95 <= 20 ? 'yes' : 'no'])]);
}
for (const label of ['(n) GET /api/home (admin)', '(o) GET /api/home (lawyer)']) {
  targetRows.push([`${label.slice(4)}: p50 ≤ 50 ms`, ...results.flatMap((r) => [`${r.requests[label].p50} ms`, '', '', r.requests[label].p50 <= 50 ? 'yes' : 'no'])]);
}
console.log(`\nAgainst the targets (measured at ${BIG.toLocaleString('en-US')} cases; the targets are for 1,000,000; req/s = 1000 / mean of sequential requests):\n`);
console.log(table(targetRows));
if (start) console.log(`\nStart-up of \`npm start\` on an empty data directory (migrations, the demo centre) until /api/health answers: ${fmt(start.ms, ' ms')}${start.consoleBuilt ? ' (the console was built during start-up)' : ''}`);
if (pdf) console.log(`\nPDF (test/bench/pdf.ts):\n${pdf}`);
if (writes) console.log(`\nWrites (test/bench/writes.ts):\n${writes}`);
if (jsonServer) console.log(`\nReference (test/bench/json-server.ts):\n${jsonServer}`);
if (indicators) console.log(`\nDashboard figures (test/bench/indicators.ts):\n${indicators}`);
if (load) console.log(`\nLoad: ${process.env.BENCH_LOAD_CLIENTS ?? 100} signed-in clients mixing reads, writes, transitions and uploads on loopback (test/bench/load.ts; errors must be 0):\n${load}`);
console.log(`\nBench took ${report.benchSeconds} s; figures in test/bench/last-run.json`);
fs.writeFileSync(path.join(ROOT, 'test', 'bench', 'last-run.json'), `${JSON.stringify(report, null, 2)}\n`);
