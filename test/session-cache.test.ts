// The session cache (api/auth/session.ts, api/auth/auth-epoch.ts): sessions are answered from
// memory, yet a ban, role change, lawyer link, password reset or ended session applies on the
// very next request — in the process that made the change and in another one on the same
// database (its own connections, cache and epoch listener).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../api/seed/load-demo.js';
import { freshTarget, type SharedTarget } from './support/second-process.js';
import { ORIGIN, PASSWORD, startTestFayuan, type TestFayuan } from './support/fayuan.js';

let target: SharedTarget;
let one: TestFayuan;
let other: TestFayuan;
let counter = 0;

beforeAll(async () => {
  target = await freshTarget();
  one = await startTestFayuan({ database: target.open() });
  await seedDemo(one.fayuan, one.database, PASSWORD, 10);
  other = await startTestFayuan({ database: target.open() });
}, 120_000);

afterAll(async () => {
  await one?.database.close();
  await other?.database.close();
  await target?.drop();
});

function request(t: TestFayuan, cookie: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return t.fayuan.app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie, origin: ORIGIN, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
}

/** A new account, signed in; its cookie is warm in both processes' caches. */
async function signedInAccount(role: 'supervisor' | 'lawyer', lawyerId?: number) {
  const email = `cached-${Date.now().toString(36)}-${counter++}@example.cn`;
  const password = `Pw-${counter}-long-enough`;
  const created = await one.api('admin', '/api/users', { method: 'POST', body: { name: '缓存测试', email, password, role, lawyerId } });
  expect(created.status, await created.clone().text()).toBe(201);
  const id = String((await created.json()).id);
  const signIn = await one.fayuan.app.request('/api/auth/sign-in/email', {
    method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ email, password }),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  for (const t of [one, other, one, other]) expect((await request(t, cookie, '/api/cases')).status).toBe(200);
  return { id, email, cookie };
}

describe.each([
  ['the process that made the change', () => one],
  ['another process on the same database', () => other],
])('on the very next request in %s', (_, where) => {
  it('a ban answers 401', async () => {
    const user = await signedInAccount('supervisor');
    expect((await one.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { banned: true } })).status).toBe(200);
    expect((await request(where(), user.cookie, '/api/cases')).status).toBe(401);
  });

  it('a role change answers 401 (its sessions end)', async () => {
    const user = await signedInAccount('supervisor');
    expect((await one.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { role: 'reviewer' } })).status).toBe(200);
    expect((await request(where(), user.cookie, '/api/complaints')).status).toBe(401);
  });

  it('a password reset answers 401', async () => {
    const user = await signedInAccount('supervisor');
    expect((await one.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { password: 'a-new-password-1' } })).status).toBe(200);
    expect((await request(where(), user.cookie, '/api/cases')).status).toBe(401);
  });

  it('a changed lawyer link is the one the session carries (the session itself stays)', async () => {
    const lawyers = await one.database.db.selectFrom('lawyers').select('id').orderBy('id').limit(2).execute();
    const [first, second] = lawyers.map((l) => Number(l.id));
    const user = await signedInAccount('lawyer', first);
    expect((await (await request(where(), user.cookie, '/api/meta')).json()).user.lawyerId).toBe(first);
    expect((await one.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { lawyerId: second } })).status).toBe(200);
    expect((await (await request(where(), user.cookie, '/api/meta')).json()).user.lawyerId).toBe(second);
  });

  it('a revoked session (by the admin) answers 401', async () => {
    const user = await signedInAccount('supervisor');
    const revoked = await one.api('admin', '/api/auth/admin/revoke-user-sessions', { method: 'POST', body: { userId: user.id } });
    expect(revoked.status).toBe(200);
    expect((await request(where(), user.cookie, '/api/cases')).status).toBe(401);
  });

  it('signing out (in the other process) answers 401', async () => {
    const user = await signedInAccount('supervisor');
    const elsewhere = where() === one ? other : one;
    expect((await request(elsewhere, user.cookie, '/api/auth/sign-out', { method: 'POST', body: {} })).status).toBe(200);
    expect((await request(where(), user.cookie, '/api/cases')).status).toBe(401);
  });
});

describe('the cache itself', () => {
  it('answers from memory: a session row removed behind its back (no epoch bump) still answers until the epoch moves', async () => {
    const user = await signedInAccount('supervisor');
    await one.database.db.deleteFrom('session').where('userId', '=', user.id).execute();
    expect((await request(one, user.cookie, '/api/cases')).status).toBe(200);
    expect((await request(other, user.cookie, '/api/cases')).status).toBe(200);
    // A cookie header naming the session cookie twice is never answered from the cache.
    expect((await request(one, `${user.cookie}; ${user.cookie}`, '/api/cases')).status).toBe(401);
    // Any change that bumps the epoch (here another account's ban) makes every entry read afresh.
    const bystander = await signedInAccount('supervisor');
    expect((await one.api('admin', `/api/users/${bystander.id}`, { method: 'PUT', body: { banned: true } })).status).toBe(200);
    expect((await request(one, user.cookie, '/api/cases')).status).toBe(401);
    expect((await request(other, user.cookie, '/api/cases')).status).toBe(401);
  });

  it('is off with FAYUAN_SESSION_CACHE=off: every request reads the session', async () => {
    const uncached = await startTestFayuan({ database: target.open(), env: { FAYUAN_SESSION_CACHE: 'off' } });
    try {
      const user = await signedInAccount('supervisor');
      expect((await request(uncached, user.cookie, '/api/cases')).status).toBe(200);
      await one.database.db.deleteFrom('session').where('userId', '=', user.id).execute();
      expect((await request(uncached, user.cookie, '/api/cases')).status).toBe(401);
    } finally {
      await uncached.database.close();
    }
  });

  it('on PostgreSQL, keeps the epoch in memory under a lease each process renews, and a bump returns only once every process has seen it', async () => {
    const user = await signedInAccount('supervisor');
    expect((await one.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { banned: true } })).status).toBe(200);
    const { value } = await one.database.db.selectFrom('auth_epoch').select('value').executeTakeFirstOrThrow();
    if (one.dialect === 'sqlite') return; // SQLite reads the epoch by primary key on every request
    const readers = await one.database.db.selectFrom('auth_epoch_readers').select(['seen', 'leaseUntil']).execute();
    expect(readers.length).toBe(2);
    for (const reader of readers) {
      expect(Number(reader.seen)).toBe(Number(value));
      expect(new Date(reader.leaseUntil).getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('on PostgreSQL, loses nothing when the server cuts a listening connection: the next request still sees a ban, and the process listens again', async () => {
    const user = await signedInAccount('supervisor');
    if (one.dialect === 'sqlite') return; // no listener on SQLite
    const before = await one.database.db.selectFrom('auth_epoch_readers').select(['process', 'backend']).execute();
    expect(before.length).toBe(2);
    for (const { backend } of before) await sql`select pg_terminate_backend(${backend})`.execute(one.database.db);
    expect((await one.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { banned: true } })).status).toBe(200);
    expect((await request(other, user.cookie, '/api/cases')).status).toBe(401);
    expect((await request(one, user.cookie, '/api/cases')).status).toBe(401);
    for (let i = 0; ; i++) {
      const after = await one.database.db.selectFrom('auth_epoch_readers').select(['process', 'backend']).execute();
      const renewed = after.filter((r) => !before.some((b) => b.backend === r.backend));
      if (renewed.length === 2) break;
      if (i > 100) throw new Error(`the listeners did not come back: ${JSON.stringify(after)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('does not let a forged cookie in', async () => {
    expect((await request(one, 'better-auth.session_token=forged.value', '/api/cases')).status).toBe(401);
    expect((await request(other, 'better-auth.session_token=forged.value', '/api/cases')).status).toBe(401);
  });
});
