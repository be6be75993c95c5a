// `npx tsx test/bench/load.ts` (run by `npm run bench`): a real server on the demo centre, and
// BENCH_LOAD_CLIENTS (default 100) signed-in clients on loopback, each sending its next request as
// soon as the last is answered, for BENCH_LOAD_SECONDS (default 60): reads (case lists, a case,
// law firms), writes (new law firms, case edits), transitions (a new case through review → accept
// → assign → start) and uploads (a PDF to a case in progress). Prints requests/s, errors (any
// answer that is not 2xx) and p50/p95/p99 per kind, and the server's peak RSS. On SQLite, and on
// PostgreSQL too when DATABASE_URL is set (in a database of its own).
import { casesInProgress, json, pdfItemKey, uploadPdf, type ApiFetch } from '../support/case-uploads.js';
import { createDatabase, dropDatabase } from '../support/pg-database.js';
import { pdfFile } from '../support/pdf-file.js';
import { demoAccount, signedInFetch, startServer, treeRss } from '../support/server.js';
import { ascending, percentile } from './timing.js';

const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 100);
const kinds = ['read', 'write', 'transition', 'upload'] as const;
type Kind = (typeof kinds)[number];
const log = (text: string) => process.stderr.write(`[load] ${text}\n`);

interface Tally {
  times: Record<Kind, number[]>;
  errors: Record<Kind, number>;
  firstErrors: string[];
}

const TRANSITIONS = ['review', 'accept', 'assign', 'start'] as const;

/** One client: a weighted mix, 60% reads, 20% writes, 10% transitions, 10% uploads. */
async function client(api: ApiFetch, n: number, shared: { openCases: { id: number; itemKey: string }[]; lawyerIds: number[] }, until: number, tally: Tally) {
  let lifecycle: { id: number; step: number } | null = null;
  const send = async (kind: Kind, request: () => Promise<Response>) => {
    const started = performance.now();
    let res: { status: number; url: string; text: string } | null = null;
    try {
      const answer = await request();
      res = { status: answer.status, url: answer.url, text: await answer.text() };
    } catch (error) {
      tally.firstErrors.push(`${kind}: ${(error as Error).message}`);
    }
    tally.times[kind].push(performance.now() - started);
    if (!res || res.status >= 300) {
      tally.errors[kind]++;
      if (res && tally.firstErrors.length < 5) tally.firstErrors.push(`${kind} ${res.status}: ${res.url}`);
    }
    return res;
  };
  for (let i = 0; Date.now() < until; i++) {
    const roll = (i * 7 + n * 13) % 10;
    const open = shared.openCases[(i + n) % shared.openCases.length];
    if (roll < 6) {
      const which = i % 3;
      await send('read', () => which === 0
        ? api(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ status: ['in_progress', 'closed', 'archived'][i % 3] }))}&range=${encodeURIComponent(`[${(i % 10) * 25},${(i % 10) * 25 + 24}]`)}&sort=${encodeURIComponent('["applicationDate","DESC"]')}`)
        : which === 1 ? api(`/api/cases/${open.id}`)
        : api(`/api/law-firms?range=${encodeURIComponent('[0,24]')}`));
    } else if (roll < 8) {
      await send('write', () => i % 2
        ? api('/api/law-firms', { method: 'POST', headers: json, body: JSON.stringify({ name: `压测律所 ${n}-${i}` }) })
        : api(`/api/cases/${open.id}`, { method: 'PUT', headers: json, body: JSON.stringify({ causeOfAction: `压测案由 ${n}-${i}` }) }));
    } else if (roll < 9) {
      if (!lifecycle) {
        const res = await send('transition', () => api('/api/cases', { method: 'POST', headers: json, body: JSON.stringify({ applicantName: `压测申请人${n}号${i}`, caseType: 'civil', channel: 'notified' }) }));
        if (res?.status === 201) lifecycle = { id: Number(JSON.parse(res.text).id), step: 0 };
        continue;
      }
      const { id, step }: { id: number; step: number } = lifecycle;
      const action = TRANSITIONS[step];
      const body = action === 'assign' ? { lawyerId: shared.lawyerIds[(n + i) % shared.lawyerIds.length] } : {};
      await send('transition', () => api(`/api/cases/${id}/transitions/${action}`, { method: 'POST', headers: json, body: JSON.stringify(body) }));
      lifecycle = step + 1 < TRANSITIONS.length ? { id, step: step + 1 } : null;
    } else {
      await send('upload', () => uploadPdf(api, open.id, open.itemKey, pdfFile(`load ${n} ${i}`, 'x'.repeat(20_000)), `压测-${n}-${i}.pdf`));
    }
  }
}


async function run(databaseUrl?: string) {
  const server = await startServer({ env: databaseUrl ? { DATABASE_URL: databaseUrl } : {} });
  try {
    const admin = await signedInFetch(server, demoAccount.admin);
    const openCases = await Promise.all((await casesInProgress(admin, 40)).map(async ({ id }) => ({ id, itemKey: await pdfItemKey(admin, id) })));
    // Lawyers the assignment rules allow on a new notified civil case.
    const probe = await (await admin('/api/cases', { method: 'POST', headers: json, body: JSON.stringify({ applicantName: '压测探针', caseType: 'civil', channel: 'notified' }) })).json();
    const eligible = (await (await admin(`/api/cases/${probe.id}/eligible-lawyers`)).json()) as { id: number; eligible: boolean }[];
    const lawyerIds = eligible.filter((l) => l.eligible).map((l) => l.id);
    if (!lawyerIds.length) throw new Error('no lawyer is eligible for a civil case');
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => signedInFetch(server, demoAccount.admin)));

    const tally: Tally = { times: { read: [], write: [], transition: [], upload: [] }, errors: { read: 0, write: 0, transition: 0, upload: 0 }, firstErrors: [] };
    let peakRss = treeRss(server.pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(server.pid))), 250);
    log(`${CLIENTS} clients for ${SECONDS} s on ${databaseUrl ? 'PostgreSQL' : 'SQLite'}`);
    const started = performance.now();
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(clients.map((api, n) => client(api, n, { openCases, lawyerIds }, until, tally)));
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    return { tally, elapsed, peakRss };
  } finally {
    await server.stop();
  }
}

const pgAdmin = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
const results: { dialect: string; result: Awaited<ReturnType<typeof run>> }[] = [{ dialect: 'sqlite', result: await run() }];
if (pgAdmin) {
  const url = await createDatabase(pgAdmin, 'bench_load');
  try {
    results.push({ dialect: 'postgres', result: await run(url) });
  } finally {
    await dropDatabase(pgAdmin, url);
  }
}

const rows = [['kind', 'database', 'requests', 'req/s', 'errors', 'p50 ms', 'p95 ms', 'p99 ms']];
for (const { dialect, result } of results) {
  const { tally, elapsed } = result;
  const all = kinds.flatMap((k) => tally.times[k]);
  for (const [kind, times, errors] of [...kinds.map((k) => [k, tally.times[k], tally.errors[k]] as const), ['all', all, kinds.reduce((n, k) => n + tally.errors[k], 0)] as const]) {
    const sorted = ascending(times);
    rows.push([kind, dialect, String(sorted.length), (sorted.length / elapsed).toFixed(0), String(errors), ...[50, 95, 99].map((p) => percentile(sorted, p).toFixed(1))]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(rows.map((r) => r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n'));
for (const { dialect, result } of results) {
  console.log(`${dialect}: ${CLIENTS} clients, ${result.elapsed.toFixed(0)} s; peak RSS of the server (process tree) ${(result.peakRss / 2 ** 20).toFixed(0)} MB`);
  for (const line of result.tally.firstErrors.slice(0, 5)) console.log(`  error: ${line}`);
}
