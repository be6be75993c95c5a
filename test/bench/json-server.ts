// `npx tsx test/bench/json-server.ts`: json-server 0.17 (the usual backend of ra-data-simple-rest's
// examples) over the same generated cases, answering the requests the main bench sends Fayuan:
// the reference a react-admin user starts from. It holds the rows in memory and filters them in
// JavaScript; it has no sessions, row rules, masking or exact Chinese search semantics.
//
//   BENCH_JSON_SERVER_ROWS=100000   cases in db.json
//   BENCH_REQUESTS=200              sequential requests per scenario
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { generateDemoCentre } from '../../api/seed/demo-centre.js';
import { ascending, mean, percentile, tenths } from './timing.js';

const ROWS = Number(process.env.BENCH_JSON_SERVER_ROWS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const TODAY = '2026-06-30';
const require = createRequire(import.meta.url);
const started = performance.now();
const log = (text: string) => process.stderr.write(`[json-server bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${text}\n`);

const freePort = () => new Promise<number>((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});

async function measure(base: string, pathFor: (i: number) => string) {
  for (let i = 0; i < 5; i++) await (await fetch(base + pathFor(i))).arrayBuffer();
  const times: number[] = [];
  let total: string | null = null;
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(base + pathFor(i));
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    total = res.headers.get('x-total-count');
  }
  const sorted = ascending(times);
  return { p50: tenths(percentile(sorted, 50)), p95: tenths(percentile(sorted, 95)), perSecond: Math.round(1000 / mean(sorted)), total };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-bench-json-server-'));
log(`generating ${ROWS.toLocaleString('en-US')} cases into db.json`);
const { cases } = generateDemoCentre({ cases: ROWS, seed: 2026, today: TODAY });
const rows = cases.map((c, i) => ({ id: i + 1, caseNumber: `（2026）援字第${String(i + 1).padStart(7, '0')}号`, ...c }));
fs.writeFileSync(path.join(dir, 'db.json'), JSON.stringify({ cases: rows }));
const names = Array.from({ length: 200 }, (_, i) => String((rows[(i * 7919) % rows.length] as Record<string, unknown>).applicantName));

const port = await freePort();
const child = spawn(process.execPath, [require.resolve('json-server/lib/cli/bin.js'), path.join(dir, 'db.json'), '--port', String(port), '--host', '127.0.0.1', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
try {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${base}/cases/1`)).ok) break;
    } catch {
      if (tries > 600) throw new Error('json-server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const scenarios: [string, (i: number) => string][] = [
    ['first page, default order', () => '/cases?_start=0&_end=25'],
    ['criminal + closed, newest first', () => '/cases?caseType=criminal&status=closed&_sort=applicationDate&_order=desc&_start=0&_end=25'],
    ['q: 2-character name fragment', (i) => `/cases?q=${encodeURIComponent(Array.from(names[i % names.length]).slice(0, 2).join(''))}&_start=0&_end=25`],
    ['getOne', (i) => `/cases/${1 + ((i * 7919) % rows.length)}`],
  ];
  console.log(`json-server 0.17 over ${ROWS.toLocaleString('en-US')} cases, ${REQUESTS} sequential requests each:`);
  for (const [label, pathFor] of scenarios) {
    const r = await measure(base, pathFor);
    console.log(`  ${label.padEnd(34)} p50 ${String(r.p50).padStart(7)} ms  p95 ${String(r.p95).padStart(7)} ms  ${String(r.perSecond).padStart(5)} req/s${r.total === null ? '' : `  (total ${r.total})`}`);
  }
} finally {
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
