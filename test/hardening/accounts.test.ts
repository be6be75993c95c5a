// Accounts: an admin's reset, ban or role change ends the user's sessions; sign-in throttling
// counts per (address, account); the users list refuses malformed parameters as every register
// does; two admins creating one account at once get one 201 and one 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_ATTEMPTS } from '../../api/http/sign-in-throttle.js';
import { ORIGIN, startTestFayuan, type Role, type TestFayuan } from '../support/fayuan.js';

let counter = 0;
const fresh = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

function signInRequest(t: TestFayuan, email: string, password: string) {
  return t.fayuan.app.request('/api/auth/sign-in/email', {
    method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ email, password }),
  });
}
async function signIn(t: TestFayuan, email: string, password: string) {
  const res = await signInRequest(t, email, password);
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
const withCookie = (t: TestFayuan, cookie: string, path: string) => t.fayuan.app.request(path, { headers: { cookie } });

async function newAccount(t: TestFayuan, role: Role = 'supervisor') {
  const email = `user-${fresh()}@example.cn`;
  const password = `Pw-${fresh()}-long`;
  const res = await t.api('admin', '/api/users', { method: 'POST', body: { name: '测试用户', email, password, role } });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`creating answered ${res.status}: ${JSON.stringify(body)}`);
  return { id: String(body.id), email, password };
}

describe('ending a session\'s right ends the session', () => {
  let t: TestFayuan;
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 5 });
  });
  afterAll(() => t?.close());

  it('a password reset by an admin answers the old cookie 401; the new password signs in', async () => {
    const user = await newAccount(t);
    const cookie = await signIn(t, user.email, user.password);
    expect((await withCookie(t, cookie, '/api/cases')).status).toBe(200);
    const reset = await t.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { password: 'a-brand-new-password' } });
    expect(reset.status).toBe(200);
    expect((await withCookie(t, cookie, '/api/cases')).status).toBe(401);
    expect((await (await withCookie(t, cookie, '/api/meta')).json()).user).toBeNull();
    const again = await signIn(t, user.email, 'a-brand-new-password');
    expect((await withCookie(t, again, '/api/cases')).status).toBe(200);
  });

  it('a ban and a role change end every session of the user, not only one', async () => {
    for (const change of [{ banned: true }, { role: 'reviewer' }]) {
      const user = await newAccount(t);
      const cookies = [await signIn(t, user.email, user.password), await signIn(t, user.email, user.password)];
      expect((await t.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: change })).status).toBe(200);
      const sessions = await t.database.db.selectFrom('session').select('id').where('userId', '=', user.id).execute();
      expect(sessions, JSON.stringify(change)).toEqual([]);
      for (const cookie of cookies) expect((await withCookie(t, cookie, '/api/cases')).status).toBe(401);
    }
  });

  it('a change of name alone keeps the sessions', async () => {
    const user = await newAccount(t);
    const cookie = await signIn(t, user.email, user.password);
    expect((await t.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { name: '改名' } })).status).toBe(200);
    expect((await withCookie(t, cookie, '/api/cases')).status).toBe(200);
  });
});

describe('accounts and the users list', () => {
  let t: TestFayuan;
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 5 });
  });
  afterAll(() => t?.close());

  it('refuses malformed sort, range and filter on the users list with 400 {message, errors}, as on other registers', async () => {
    const bad = ['sort=5', 'sort=["constructor","ASC"]', 'sort=["password","ASC"]', 'range="x"', 'range=[0,1e9]',
      'filter=[1]', 'filter=7', 'filter={"constructor":1}', 'filter={"__proto__":1}', 'filter={"lawyerId":"abc"}',
      'filter={"lawyerId":99999999999}', 'filter={"q":{"a":1}}', 'filter={"q":"a\\u0000b"}', 'filter={"id":[{}]}', 'filter={"password":"x"}'];
    for (const query of bad) {
      const res = await t.api('admin', `/api/users?${query}`);
      expect(res.status, query).toBe(400);
      const body = await res.json();
      expect(typeof body.message, query).toBe('string');
      expect(Object.keys(body.errors).length, query).toBeGreaterThan(0);
    }
  });

  it('answers an unknown filter field with the same words on the users list as on another register', async () => {
    const users = await (await t.api('admin', '/api/users?filter={"nosuch":1}')).json();
    const firms = await (await t.api('admin', '/api/law-firms?filter={"nosuch":1}')).json();
    expect(users).toEqual(firms);
    const usersSort = await (await t.api('admin', '/api/users?sort=["nosuch","ASC"]')).json();
    const firmsSort = await (await t.api('admin', '/api/law-firms?sort=["nosuch","ASC"]')).json();
    expect(usersSort).toEqual(firmsSort);
  });

  it('refuses account fields of the wrong kind with 400, and a role named like an object member', async () => {
    for (const body of [{ role: 'constructor' }, { role: 'toString' }, { name: { a: 1 } }, { name: 'a\u0000b' }, { banned: 'yes' }, { lawyerId: 1e12 }, { password: 'x'.repeat(500) }]) {
      const res = await t.api('admin', '/api/users', { method: 'POST', body: { name: 'n', email: `e-${fresh()}@example.cn`, password: 'long-enough-1', role: 'supervisor', ...body } });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.api('admin', '/api/users/a%00b')).status).toBe(404);
  });

  it('creates one account when two admins create it at once: one 201, the other 409', async () => {
    for (let round = 0; round < 3; round++) {
      const email = `same-${fresh()}@example.cn`;
      const make = () => t.api('admin', '/api/users', { method: 'POST', body: { name: '同时', email, password: 'long-enough-1', role: 'supervisor' } });
      const statuses = (await Promise.all([make(), make(), make()])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409]);
    }
  });
});

describe('sign-in throttling per address and account', () => {
  let t: TestFayuan;
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 1, env: { FAYUAN_RATE_LIMIT: 'on' } });
  });
  afterAll(() => t?.close());

  it('locks out only the mistyped account: a colleague at the same address still signs in', async () => {
    const typist = await newAccount(t);
    const colleague = await newAccount(t);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await signInRequest(t, typist.email, 'wrong-wrong')).status).toBe(401);
    expect((await signInRequest(t, typist.email, typist.password)).status).toBe(429);
    expect((await signInRequest(t, typist.email.toUpperCase(), typist.password)).status).toBe(429);
    expect((await signInRequest(t, colleague.email, colleague.password)).status).toBe(200);
  });

  it('still stops one address trying many accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_ATTEMPTS.max + 2; i++) statuses.push((await signInRequest(t, `nobody-${fresh()}@example.cn`, 'whatever-1')).status);
    expect(statuses).toContain(429);
  });
});
