// Two Fayuan instances (two connections, as two processes would have) on one database:
// simultaneous migrations, simultaneous case creations, and racing updates.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fayuan } from '../api/http/app.js';
import type { Database } from '../api/db/connect.js';
import { ORIGIN } from './support/fayuan.js';
import { freshTarget, instanceOn, migrateInChildren, type SharedTarget } from './support/second-process.js';

const PASSWORD = 'concurrency-pass-123';

async function tableNames(database: Database): Promise<string[]> {
  return (await database.db.introspection.getTables()).map((t) => t.name).sort();
}

describe('two instances on one database', () => {
  let target: SharedTarget;
  let databases: Database[];
  let a: Fayuan;
  let b: Fayuan;
  let cookie: string;

  const send = async (app: Fayuan, path: string, method = 'GET', body?: unknown) => {
    const res = await app.app.request(path, {
      method,
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  /** For tests run on their own (-t): the schema and the session the first two tests make. */
  async function ready() {
    if (cookie) return;
    await a.migrate();
    await b.migrate();
    const exists = await databases[0].db.selectFrom('user').select('id').where('email', '=', 'race@fayuan.test').executeTakeFirst();
    if (!exists) await a.auth.api.createUser({ body: { email: 'race@fayuan.test', password: PASSWORD, name: '并发测试', role: 'admin' } });
    const res = await b.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'race@fayuan.test', password: PASSWORD }),
    });
    cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  beforeAll(async () => {
    target = await freshTarget();
    databases = [target.open(), target.open()];
    a = instanceOn(databases[0]);
    b = instanceOn(databases[1]);
  });
  afterAll(async () => {
    for (const database of databases ?? []) await database.close();
    await target?.drop();
  });

  it('migrate an empty database at the same time, both succeeding, each step applied once', async () => {
    const results = await Promise.allSettled([a.migrate(), b.migrate()]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
    const tables = await tableNames(databases[0]);
    for (const name of ['cases', 'lawyers', 'law_firms', 'volunteer_teams', 'service_points', 'complaints', 'audit_log', 'counters', 'settings', 'migrations', 'user', 'session', 'account']) {
      expect(tables, name).toContain(name);
    }
    const steps = (await databases[1].db.selectFrom('migrations').select('name').execute()).map((r) => r.name);
    expect(new Set(steps).size).toBe(steps.length);
    // A third migration, later, changes nothing.
    await Promise.all([a.migrate(), b.migrate()]);
    expect(await tableNames(databases[1])).toEqual(tables);
  });

  it('share one session: a user created through one instance signs in through the other', async () => {
    if (!(await tableNames(databases[0])).includes('user')) await a.migrate();
    await a.auth.api.createUser({ body: { email: 'race@fayuan.test', password: PASSWORD, name: '并发测试', role: 'admin' } });
    const res = await b.app.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'race@fayuan.test', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await send(a, '/api/cases')).status).toBe(200);
    expect((await send(b, '/api/cases')).status).toBe(200);
  });

  it('give 40 concurrent case creations, spread over both, 40 distinct and gap-free case numbers', async () => {
    await ready();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      send(i % 2 ? b : a, '/api/cases', 'POST', { applicantName: `并发申请人${i}`, caseType: 'civil', applicationDate: '2026-02-10' })));
    expect(results.map((r) => r.status), JSON.stringify(results.find((r) => r.status !== 201)?.body)).toEqual(Array(40).fill(201));
    const numbers = results.map((r) => String(r.body.caseNumber)).sort();
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `（2026）援字第${String(i + 1).padStart(4, '0')}号`));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(40);
    const stored = await databases[1].db.selectFrom('cases').select(['caseNumber']).execute();
    expect(stored.map((r) => r.caseNumber).sort()).toEqual(numbers);
    const counter = await databases[0].db.selectFrom('counters').select('value').where('name', '=', 'case-number-2026').executeTakeFirstOrThrow();
    expect(Number(counter.value)).toBe(40);
  });

  it('let exactly one of two concurrent PUTs with the same version win; the other answers 409', async () => {
    await ready();
    for (let round = 0; round < 5; round++) {
      const created = await send(a, '/api/law-firms', 'POST', { name: `并发律师事务所${round}`, phone: '0576-82000000' });
      expect(created.status).toBe(201);
      const [first, second] = await Promise.all([
        send(a, `/api/law-firms/${created.body.id}`, 'PUT', { ...created.body, address: '甲路 1 号', version: 1 }),
        send(b, `/api/law-firms/${created.body.id}`, 'PUT', { ...created.body, address: '乙路 2 号', version: 1 }),
      ]);
      expect([first.status, second.status].sort(), JSON.stringify([first.body, second.body])).toEqual([200, 409]);
      const winner = first.status === 200 ? first.body : second.body;
      const stored = await send(b, `/api/law-firms/${created.body.id}`);
      expect(stored.body).toEqual(winner);
      expect(stored.body.version).toBe(2);
      const audits = await databases[0].db.selectFrom('audit_log').select('id')
        .where('resource', '=', 'law-firms').where('recordId', '=', String(created.body.id)).where('action', '=', 'update').execute();
      expect(audits).toHaveLength(1);
    }
  });

  it('never lose an update among concurrent PUTs without a version: each 200 got its own version, the rest 409', async () => {
    await ready();
    const created = await send(a, '/api/service-points', 'POST', { name: '并发服务点', kind: 'intake_point', hostType: 'township' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      send(i % 2 ? b : a, `/api/service-points/${created.body.id}`, 'PUT', { ...created.body, contactName: `联系人${i}`, version: undefined })));
    const ok = results.filter((r) => r.status === 200);
    for (const r of results) expect([200, 409]).toContain(r.status);
    const stored = await send(a, `/api/service-points/${created.body.id}`);
    expect(stored.body.version).toBe(1 + ok.length);
    expect(new Set(ok.map((r) => r.body.version)).size).toBe(ok.length);
  });
});

describe('child processes', () => {
  let target: SharedTarget;
  beforeAll(async () => {
    target = await freshTarget();
  });
  afterAll(async () => {
    await target?.drop();
  });

  it('two real processes migrating a fresh database at the same moment both exit 0, and the schema is complete', async () => {
    const results = await migrateInChildren(target, 2);
    for (const r of results) expect(r.code, r.output).toBe(0);
    // They really ran at the same time: each began before the other had finished.
    expect(Math.max(...results.map((r) => r.began!))).toBeLessThan(Math.min(...results.map((r) => r.ended!)));
    const database = target.open();
    try {
      const tables = await tableNames(database);
      for (const name of ['cases', 'lawyers', 'complaints', 'audit_log', 'counters', 'settings', 'migrations', 'user']) expect(tables).toContain(name);
      const steps = (await database.db.selectFrom('migrations').select('name').execute()).map((r) => r.name);
      expect(new Set(steps).size).toBe(steps.length);
      const columns = (await sql<{ n: number }>`select count(*) as n from cases`.execute(database.db)).rows[0];
      expect(Number(columns.n)).toBe(0);
    } finally {
      await database.close();
    }
  }, 90_000);
});
