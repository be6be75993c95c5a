// Batch exports: a job row with progress, worker threads drawing, a ZIP at the end; cancellable;
// a job a stopped server left running is taken up again at the next start.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const PLUGINS = ['case-files', 'centre-documents', 'case-file-pdf'];

let t: TestFayuan;

async function body(res: Response): Promise<Json> {
  const text = await res.text();
  try { return JSON.parse(text); } catch { return text; }
}

async function caseIds(n: number, role: 'admin' | 'lawyer' = 'admin'): Promise<number[]> {
  const rows = await body(await t.api(role, `/api/cases?sort=["id","ASC"]&range=[0,${n - 1}]`));
  return rows.map((r: Json) => r.id);
}

async function job(id: number, role: 'admin' | 'lawyer' = 'admin', on: TestFayuan = t): Promise<Json> {
  return body(await on.api(role, `/api/case-file-exports/${id}`));
}

async function until(id: number, statuses: string[], on: TestFayuan = t): Promise<Json> {
  for (let i = 0; i < 600; i++) {
    const row = await job(id, 'admin', on);
    if (statuses.includes(row.status)) return row;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`export ${id} never reached ${statuses}`);
}

/** The ZIP's entries, read by Info-ZIP's unzip. */
function zipEntries(data: Buffer): { name: string; bytes: Buffer }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-zip-'));
  try {
    fs.writeFileSync(path.join(dir, 'x.zip'), data);
    execFileSync('unzip', ['-q', 'x.zip', '-d', 'out'], { cwd: dir });
    return fs.readdirSync(path.join(dir, 'out')).map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, 'out', name)) }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  t = await startTestFayuan({ cases: 30, plugins: PLUGINS });
}, 180_000);
afterAll(() => t?.close());

describe('batch export of case files', () => {
  it('runs as a row with progress and ends with a ZIP of one PDF per case', async () => {
    const ids = await caseIds(4);
    const res = await t.api('admin', '/api/case-file-exports', { method: 'POST', body: { ids } });
    expect(res.status).toBe(201);
    const created = await body(res);
    expect(created).toMatchObject({ total: 4, done: 0 });
    expect(['queued', 'running']).toContain(created.status);
    const finished = await until(created.id, ['done', 'failed']);
    expect(finished).toMatchObject({ status: 'done', done: 4, total: 4, skipped: 0 });
    const download = await t.api('admin', `/api/case-file-exports/${created.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const entries = zipEntries(Buffer.from(await download.arrayBuffer()));
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      expect(entry.name).toMatch(/\.pdf$/);
      expect(entry.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  }, 300_000);

  it('takes the list filter; exports are their requester\'s own; a lawyer\'s holds only their cases', async () => {
    const lawyerIds = await caseIds(100, 'lawyer');
    const res = await t.api('lawyer', '/api/case-file-exports', { method: 'POST', body: { filter: {} } });
    const created = await body(res);
    expect(res.status).toBe(201);
    expect(created.total).toBe(lawyerIds.length);
    expect(JSON.parse(created.ids)).toEqual(lawyerIds);
    expect((await t.api('admin', `/api/case-file-exports/${created.id}`)).status).toBe(404);
    expect((await t.api('admin', `/api/case-file-exports/${created.id}/cancel`, { method: 'POST' })).status).toBe(404);
    await t.api('lawyer', `/api/case-file-exports/${created.id}/cancel`, { method: 'POST' });
  }, 120_000);

  it('refuses no selection and foreign ids with a 400, and a reviewer (who could not follow the job) with a 403', async () => {
    expect((await t.api('admin', '/api/case-file-exports', { method: 'POST', body: {} })).status).toBe(400);
    expect((await t.api('admin', '/api/case-file-exports', { method: 'POST', body: { ids: [] } })).status).toBe(400);
    expect((await t.api('admin', '/api/case-file-exports', { method: 'POST', body: { ids: ['1;drop'] } })).status).toBe(400);
    expect((await t.api('reviewer', '/api/case-file-exports', { method: 'POST', body: { ids: [1] } })).status).toBe(403); // a reviewer exports no batch
  });

  it('cancel stops a job before its next case; it stays cancelled, without a ZIP', async () => {
    const ids = await caseIds(30);
    const created = await body(await t.api('admin', '/api/case-file-exports', { method: 'POST', body: { ids } }));
    const res = await t.api('admin', `/api/case-file-exports/${created.id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect((await body(res)).status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 1500));
    const row = await job(created.id);
    expect(row.status).toBe('cancelled');
    expect(row.done).toBeLessThan(30);
    expect(row.sha256).toBeNull();
    expect((await t.api('admin', `/api/case-file-exports/${created.id}/download`)).status).toBe(409);
    expect((await t.api('admin', `/api/case-file-exports/${created.id}/cancel`, { method: 'POST' })).status).toBe(409);
  }, 120_000);

  it('a job left running by a stopped server runs again from its first case at the next start', async () => {
    const ids = await caseIds(3);
    const created = await body(await t.api('admin', '/api/case-file-exports', { method: 'POST', body: { ids } }));
    await until(created.id, ['done']);
    // As if the server had stopped half-way: the row says running, with some progress.
    await t.database.db.updateTable('case_file_exports').set({ status: 'running', done: 1, sha256: null }).where('id', '=', created.id).execute();
    const restarted = await startTestFayuan({ database: t.database, plugins: PLUGINS });
    try {
      const finished = await until(created.id, ['done', 'failed'], restarted);
      expect(finished).toMatchObject({ status: 'done', done: 3, total: 3 });
      const audit = await t.database.db.selectFrom('audit_log').select('action')
        .where('resource', '=', 'case-file-exports').where('recordId', '=', String(created.id)).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toContain('resume');
    } finally {
      await restarted.close();
    }
  }, 300_000);
});
