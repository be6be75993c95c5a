// The scale-out deployment: two API processes (real servers, started as `npm start` starts one) on one database —
// PostgreSQL when DATABASE_URL is set (each process with a data directory of its own, so files
// must come from the database), otherwise one shared SQLite file (and its data directory).
// An upload through one downloads byte-identical through the other; a ban made on one applies on
// the other's next request; a batch export whose process is killed (SIGKILL) mid-job is finished
// by the other, and its ZIP downloads.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchema, dropSchema } from '../support/pg-schema.js';
import { demoAccount, processTree, signedInFetch, startServer, type RunningServer } from '../support/server.js';
import { pdf } from '../../plugins/case-files/test/support.js';

const databaseUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
let schema: string | undefined;
let first: RunningServer;
let second: RunningServer;
type Client = Awaited<ReturnType<typeof signedInFetch>>;
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The lease is short so that the takeover happens within seconds; the second process looks less often (see the export spec). */
const env = (leaseMs: number): Record<string, string> => ({
  FAYUAN_JOB_LEASE_MS: String(leaseMs),
  FAYUAN_EXPORT_WORKERS: '1',
  ...(databaseUrl && schema ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {}),
});

beforeAll(async () => {
  if (databaseUrl) schema = await createSchema(databaseUrl, 'two');
  first = await startServer({ env: env(3000), timeoutMs: 180_000 });
  // Started once the first has loaded the demo centre (the database is then not empty: no second load).
  second = await startServer({ env: { ...env(9000), ...(databaseUrl ? {} : { DATA_DIR: first.dataDir }) }, timeoutMs: 180_000 });
}, 400_000);

afterAll(async () => {
  await second?.stop();
  await first?.stop();
  if (databaseUrl && schema) await dropSchema(databaseUrl, schema);
});

const json = { 'content-type': 'application/json' };
const q = (params: Record<string, unknown>) => `?${new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)])))}`;

describe(`two API processes on one ${databaseUrl ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  it('an upload made through one downloads byte-identical through the other', async () => {
    const [viaFirst, viaSecond] = [await signedInFetch(first, demoAccount.admin), await signedInFetch(second, demoAccount.admin)];
    const [open] = await (await viaFirst(`/api/cases${q({ filter: { status: 'in_progress' }, range: [0, 0] })}`)).json();
    const checklist = await (await viaFirst(`/api/cases/${open.id}/checklist`)).json();
    const item = checklist.items.find((i: Json) => i.acceptedTypes.includes('pdf'));
    expect(item, JSON.stringify(checklist.items)).toBeDefined();
    const data = pdf(`两个进程 ${Date.now()}`);
    const form = new FormData();
    form.set('itemKey', item.key);
    form.append('file', new File([new Uint8Array(data)], '跨进程材料.pdf'));
    const uploaded = await viaFirst(`/api/cases/${open.id}/files`, { method: 'POST', body: form });
    const body = await uploaded.json();
    expect(uploaded.status, JSON.stringify(body)).toBe(201);
    const downloaded = await viaSecond(`/api/case-files/${body[0].id}/download`);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(Buffer.from(data))).toBe(true);
  }, 60_000);

  it('a ban made on one applies on the other\'s very next request', async () => {
    const admin = await signedInFetch(first, demoAccount.admin);
    const email = `two-processes-${Date.now().toString(36)}@example.cn`;
    const password = 'two-processes-password';
    const created = await admin('/api/users', { method: 'POST', headers: json, body: JSON.stringify({ name: '跨进程', email, password, role: 'supervisor' }) });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    const user: Client = await signedInFetch(second, email, password);
    for (let i = 0; i < 3; i++) expect((await user('/api/cases')).status).toBe(200); // answered from its cache
    expect((await admin(`/api/users/${id}`, { method: 'PUT', headers: json, body: JSON.stringify({ banned: true }) })).status).toBe(200);
    expect((await user('/api/cases')).status).toBe(401);
  }, 60_000);

  it('a ban made while the other process is frozen (SIGSTOP, so no notification can reach it) applies on its first request once it thaws', async () => {
    const admin = await signedInFetch(first, demoAccount.admin);
    const email = `frozen-${Date.now().toString(36)}@example.cn`;
    const password = 'frozen-process-password';
    const created = await admin('/api/users', { method: 'POST', headers: json, body: JSON.stringify({ name: '冻结进程', email, password, role: 'supervisor' }) });
    const { id } = await created.json();
    const user = await signedInFetch(second, email, password);
    for (let i = 0; i < 3; i++) expect((await user('/api/cases')).status).toBe(200);
    const tree = processTree(second.pid);
    for (const pid of tree) process.kill(pid, 'SIGSTOP');
    let banMs: number;
    try {
      const started = performance.now();
      expect((await admin(`/api/users/${id}`, { method: 'PUT', headers: json, body: JSON.stringify({ banned: true }) })).status).toBe(200);
      banMs = performance.now() - started;
    } finally {
      for (const pid of tree) process.kill(pid, 'SIGCONT');
    }
    expect((await user('/api/cases')).status).toBe(401);
    // On PostgreSQL the ban waited for the frozen process's epoch lease to run out (it could not acknowledge).
    if (databaseUrl) expect(banMs).toBeGreaterThan(1000);
  }, 60_000);

  it('a batch export started on one, whose process is killed mid-job, is finished by the other', async () => {
    const viaFirst = await signedInFetch(first, demoAccount.admin);
    const viaSecond = await signedInFetch(second, demoAccount.admin);
    const cases: Json[] = await (await viaFirst(`/api/cases${q({ sort: ['id', 'ASC'], range: [0, 39] })}`)).json();
    const ids = cases.map((c) => c.id);
    // The first process claims the job as it answers (the second looks only every 3 s).
    const started = await viaFirst('/api/case-file-exports', { method: 'POST', headers: json, body: JSON.stringify({ ids }) });
    expect(started.status).toBe(201);
    const job = await started.json();
    let row: Json;
    for (let i = 0; ; i++) {
      row = await (await viaSecond(`/api/case-file-exports/${job.id}`)).json();
      if (row.status === 'running' && row.done > 0) break;
      expect(row.status, 'the job ended before it could be interrupted').not.toBe('done');
      if (i > 600) throw new Error(`the export never got going: ${JSON.stringify(row)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const firstOwner = row.leaseOwner;
    for (const pid of processTree(first.pid)) process.kill(pid, 'SIGKILL');

    for (let i = 0; ; i++) {
      row = await (await viaSecond(`/api/case-file-exports/${job.id}`)).json();
      if (['done', 'failed', 'cancelled'].includes(row.status)) break;
      if (i > 1200) throw new Error(`the export was not finished: ${JSON.stringify(row)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(row).toMatchObject({ status: 'done', done: ids.length, total: ids.length, leaseOwner: null });
    const audit: Json[] = await (await viaSecond(`/api/audit-log${q({ filter: { resource: 'case-file-exports', recordId: String(job.id) }, sort: ['id', 'ASC'], range: [0, 99] })}`)).json();
    const actions = audit.map((a) => a.action);
    // Started by the first process, queued again once its lease ran out, started and finished by the second.
    expect(actions.filter((a) => a === 'start')).toHaveLength(2);
    expect(actions).toContain('resume');
    expect(actions.at(-1)).toBe('finish');
    expect(firstOwner).toBeTruthy();

    const zip = await viaSecond(`/api/case-file-exports/${job.id}/download`);
    expect(zip.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-two-'));
    try {
      fs.writeFileSync(path.join(dir, 'x.zip'), Buffer.from(await zip.arrayBuffer()));
      execFileSync('unzip', ['-tq', 'x.zip'], { cwd: dir });
      const listing = execFileSync('unzip', ['-Z1', 'x.zip'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
      expect(listing.filter((name) => name.endsWith('.pdf')).length + (row.skipped ?? 0)).toBe(ids.length);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
