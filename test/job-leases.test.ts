// Background jobs any process may run (api/jobs/job-leases.ts): two Fayuan instances on one
// database (separate connections) claim jobs atomically, a live lease is never taken, an expired
// one is queued again by whoever looks, and a process that lost its lease cannot write a result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineResource, everyRow, JobLeases, jobLeaseFields, type Row } from '../api/plugin-kit.js';
import { coreResources } from '../api/resources/index.js';
import { systemActor } from '../api/rest/audit.js';
import { freshTarget, type SharedTarget } from './support/second-process.js';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';

const jobs = defineResource({
  name: 'test-jobs',
  label: { zh: '测试任务', en: 'Test jobs' },
  titleField: 'id',
  fields: {
    status: { type: 'text', label: { zh: '状态', en: 'Status' } },
    result: { type: 'text', label: { zh: '结果', en: 'Result' } },
    ...jobLeaseFields,
  },
  access: { read: { admin: everyRow }, create: {}, update: {}, delete: {} },
  list: { columns: ['status'], sort: ['id', 'ASC'], filters: ['status'], search: [] },
});

let target: SharedTarget;
let one: TestFayuan;
let other: TestFayuan;

beforeAll(async () => {
  target = await freshTarget();
  one = await startTestFayuan({ database: target.open(), resources: [...coreResources, jobs] });
  other = await startTestFayuan({ database: target.open(), resources: [...coreResources, jobs] });
}, 120_000);
afterAll(async () => {
  await one?.database.close();
  await other?.database.close();
  await target?.drop();
});

const leasesOn = (t: TestFayuan, leaseMs = 60_000) => new JobLeases({ records: t.fayuan.records, resource: () => jobs, actorOf: () => systemActor, leaseMs });

async function queue(n: number, extra: Row = {}): Promise<number[]> {
  const now = new Date().toISOString();
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = await one.database.db.insertInto('test_jobs').values({ version: 1, createdAt: now, updatedAt: now, status: 'queued', ...extra })
      .returning('id').executeTakeFirstOrThrow();
    ids.push(Number(row.id));
  }
  return ids;
}

const rowOf = async (id: number) => one.database.db.selectFrom('test_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('job leases', () => {
  it('gives each queued job to exactly one of two processes claiming at once', async () => {
    await one.database.db.deleteFrom('test_jobs').execute();
    const ids = await queue(12);
    // Two connections in one test process cannot write SQLite at once (better-sqlite3 waits on the
    // lock synchronously, holding the thread the other needs): there both claimers share one
    // connection, interleaving their reads and claims; test/two-processes.test.ts has real processes.
    const [a, b] = [leasesOn(one), leasesOn(one.dialect === 'postgres' ? other : one)];
    const claimAll = async (leases: JobLeases) => {
      const mine: number[] = [];
      for (let job = await leases.claimNext(); job; job = await leases.claimNext()) mine.push(Number(job.id));
      return mine;
    };
    const [byA, byB] = await Promise.all([claimAll(a), claimAll(b)]);
    expect([...byA, ...byB].sort((x, y) => x - y)).toEqual(ids);
    for (const id of byA) expect((await rowOf(id)).leaseOwner).toBe(a.owner);
    for (const id of byB) expect((await rowOf(id)).leaseOwner).toBe(b.owner);
    const audit = await one.database.db.selectFrom('audit_log').select('recordId').where('resource', '=', 'test-jobs').where('action', '=', 'start').execute();
    expect(audit.length).toBe(ids.length);
  });

  it('leaves a running job under a live lease alone, and queues it again once the lease has run out', async () => {
    await one.database.db.deleteFrom('test_jobs').execute();
    const holder = leasesOn(one, 60_000);
    const [id] = await queue(1);
    expect(Number((await holder.claimNext())!.id)).toBe(id);
    const watcher = leasesOn(other);
    expect(await watcher.requeueExpired({})).toBe(0);
    expect((await rowOf(id)).status).toBe('running');

    // The holder's process dies: its lease is not renewed and runs out.
    await one.database.db.updateTable('test_jobs').set({ leaseUntil: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    expect(await watcher.requeueExpired({ result: 'requeued' })).toBe(1);
    expect(await rowOf(id)).toMatchObject({ status: 'queued', leaseOwner: null, leaseUntil: null, result: 'requeued' });
    expect(Number((await watcher.claimNext())!.id)).toBe(id);

    // The old holder wakes up: it can neither renew nor end the job it lost.
    expect(await holder.renew({ id })).toBe(false);
    expect(await holder.update({ id }, 'finish', { status: 'done', result: 'stale' })).toBe(false);
    expect(await watcher.renew({ id })).toBe(true);
    expect(await watcher.update({ id }, 'finish', { status: 'done', result: 'fresh' })).toBe(true);
    expect(await rowOf(id)).toMatchObject({ status: 'done', result: 'fresh', leaseOwner: null, leaseUntil: null });
  });

  it('treats a running row without a lease (left by a version before leases) as expired', async () => {
    await one.database.db.deleteFrom('test_jobs').execute();
    const [id] = await queue(1, { status: 'running' });
    expect(await leasesOn(other).requeueExpired({})).toBe(1);
    expect((await rowOf(id)).status).toBe('queued');
  });

  it('renewing moves the lease on', async () => {
    await one.database.db.deleteFrom('test_jobs').execute();
    const leases = leasesOn(one, 5_000);
    await queue(1);
    const job = (await leases.claimNext())!;
    const first = new Date((await rowOf(Number(job.id))).leaseUntil as string).getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await leases.renew(job)).toBe(true);
    expect(new Date((await rowOf(Number(job.id))).leaseUntil as string).getTime()).toBeGreaterThan(first);
  });
});
