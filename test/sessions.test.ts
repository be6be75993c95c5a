// Sign-in, sessions and accounts: throttling, origin checks, cookie attributes, role changes and
// bans that apply at once, the admin-only users register, and what /api/meta tells a lawyer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreResources } from '../api/resources/index.js';
import usersDeclaration from '../api/users/declaration.js';
import settingsDeclaration from '../api/settings/declaration.js';
import type { ResourceDefinition, Role, Row } from '../api/resources/define.js';
import { listQuery, ORIGIN, PASSWORD, startTestFayuan, totalOf, type TestFayuan } from './support/fayuan.js';

const SIGN_IN = '/api/auth/sign-in/email';
let counter = 0;
const fresh = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A sign-in straight to the app, with exactly the headers given. */
function signInRequest(t: TestFayuan, email: string, password: string, headers: Record<string, string> = { origin: ORIGIN }) {
  return t.fayuan.app.request(SIGN_IN, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
}

const cookieFrom = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

async function signIn(t: TestFayuan, email: string, password: string): Promise<string> {
  const res = await signInRequest(t, email, password);
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return cookieFrom(res);
}

/** A request carrying a given session cookie. */
function withCookie(t: TestFayuan, cookie: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return t.fayuan.app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie, origin: ORIGIN, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
}

const chinese = /[\u4e00-\u9fff]/;

describe('sign-in throttling (FAYUAN_RATE_LIMIT=on)', () => {
  let t: TestFayuan;
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 5, plugins: [], env: { FAYUAN_RATE_LIMIT: 'on' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the 6th sign-in attempt within a minute with 429 and a Chinese message, even with the right password', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await signInRequest(t, 'admin@fayuan.test', `wrong-password-${attempt}`);
      expect(res.status, `attempt ${attempt}`).toBe(401);
    }
    const sixth = await signInRequest(t, 'admin@fayuan.test', PASSWORD);
    expect(sixth.status).toBe(429);
    const body = await sixth.json();
    expect(body.message).toMatch(chinese);
    expect(body.message).toBe('登录尝试过于频繁，请稍后再试');
    expect(sixth.headers.getSetCookie()).toEqual([]);
  });

  it('cannot be dodged by sending another client address in a header', async () => {
    for (const header of ['x-forwarded-for', 'x-real-ip', 'x-fayuan-client-ip']) {
      const res = await signInRequest(t, 'admin@fayuan.test', PASSWORD, { origin: ORIGIN, [header]: `203.0.113.${counter++ % 250}` });
      expect(res.status, header).toBe(429);
    }
  });

  it('records the throttled attempt in the audit log', async () => {
    const { db } = t.database;
    const rows = await db.selectFrom('audit_log').select(['action', 'actorEmail']).where('action', '=', 'sign-in-throttled').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].actorEmail).toBe('admin@fayuan.test');
  });
});

describe('sessions and accounts', () => {
  let t: TestFayuan;
  beforeAll(async () => {
    t = await startTestFayuan({ cases: 60, plugins: [] });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A new account made by the admin through the users register. */
  async function newAccount(fields: { role: Role; lawyerId?: number; name?: string }) {
    const email = `user-${fresh()}@example.cn`;
    const password = `Pw-${fresh()}-long`;
    const res = await t.api('admin', '/api/users', { method: 'POST', body: { name: fields.name ?? '测试用户', email, password, ...fields } });
    const body = await res.json();
    if (res.status !== 201) throw new Error(`creating ${fields.role} answered ${res.status}: ${JSON.stringify(body)}`);
    return { id: String(body.id), email, password, account: body as Row };
  }

  describe('the sign-in request', () => {
    it('is refused (403) without an Origin header', async () => {
      const res = await signInRequest(t, 'admin@fayuan.test', PASSWORD, {});
      expect(res.status).toBe(403);
      expect((await res.json()).message).toMatch(chinese);
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    it('is refused (403) from a foreign Origin', async () => {
      const res = await signInRequest(t, 'admin@fayuan.test', PASSWORD, { origin: 'https://evil.example.com' });
      expect(res.status).toBe(403);
      expect((await res.json()).message).toMatch(chinese);
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    it('sets a session cookie that is HttpOnly and SameSite=Lax, and not Secure over http', async () => {
      const res = await signInRequest(t, 'supervisor@fayuan.test', PASSWORD);
      expect(res.status).toBe(200);
      const session = res.headers.getSetCookie().find((c) => /session_token=/.test(c));
      expect(session, res.headers.getSetCookie().join('\n')).toBeDefined();
      const attributes = session!.split(';').map((a) => a.trim().toLowerCase());
      expect(attributes).toContain('httponly');
      expect(attributes).toContain('samesite=lax');
      expect(attributes).not.toContain('secure');
      expect(session!.startsWith('__Secure-')).toBe(false);
    });

    it('answers a wrong password with 401 and a Chinese message', async () => {
      const res = await signInRequest(t, 'supervisor@fayuan.test', 'not-the-password');
      expect(res.status).toBe(401);
      expect((await res.json()).message).toBe('邮箱或密码错误');
    });
  });

  describe('anonymous requests', () => {
    for (const name of [...coreResources.map((r) => r.name), 'users', 'settings']) {
      it(`get 401 on /api/${name}`, async () => {
        const res = await t.api(null, `/api/${name}`);
        expect(res.status).toBe(401);
        expect((await res.json()).message).toBe('请先登录');
      });
    }

    it('get 401 on a write and on a single record', async () => {
      expect((await t.api(null, '/api/cases/1')).status).toBe(401);
      expect((await t.api(null, '/api/cases', { method: 'POST', body: { applicantName: '某', caseType: 'civil' } })).status).toBe(401);
      expect((await t.api(null, '/api/cases/1', { method: 'DELETE' })).status).toBe(401);
    });

    it('get 401 with a made-up session cookie', async () => {
      const res = await withCookie(t, 'better-auth.session_token=forged.value', '/api/cases');
      expect(res.status).toBe(401);
    });
  });

  it('ends the sessions of a user whose role the admin changes; signed in again, the user has the new role\'s access', async () => {
    const user = await newAccount({ role: 'reviewer' });
    const cookie = await signIn(t, user.email, user.password);
    expect((await withCookie(t, cookie, '/api/complaints')).status).toBe(403);

    const changed = await t.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { role: 'supervisor' } });
    expect(changed.status).toBe(200);
    expect((await changed.json()).role).toBe('supervisor');

    // Issue #8: a role change revokes the sessions opened under the old role.
    expect((await withCookie(t, cookie, '/api/complaints')).status).toBe(401);
    const renewed = await signIn(t, user.email, user.password);
    expect((await withCookie(t, renewed, '/api/complaints')).status).toBe(200);
    const meta = await (await withCookie(t, renewed, '/api/meta')).json();
    expect(meta.user.role).toBe('supervisor');

    // And back: the access goes as quickly as it came.
    expect((await t.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { role: 'reviewer' } })).status).toBe(200);
    expect((await withCookie(t, renewed, '/api/complaints')).status).toBe(401);
  });

  it('answers 401 to a banned user on the next data request, and refuses a new sign-in', async () => {
    const user = await newAccount({ role: 'supervisor' });
    const cookie = await signIn(t, user.email, user.password);
    expect((await withCookie(t, cookie, '/api/cases')).status).toBe(200);

    const banned = await t.api('admin', `/api/users/${user.id}`, { method: 'PUT', body: { banned: true, banReason: '离职' } });
    expect(banned.status).toBe(200);
    expect((await banned.json()).banned).toBe(true);

    expect((await withCookie(t, cookie, '/api/cases')).status).toBe(401);
    expect((await withCookie(t, cookie, '/api/lawyers/1')).status).toBe(401);
    const again = await signInRequest(t, user.email, user.password);
    expect(again.status).toBe(403);
    expect((await again.json()).message).toMatch(chinese);
  });

  it('lets the admin create a lawyer account linked to a lawyer record, which then sees only that lawyer\'s cases', async () => {
    const all: Row[] = await (await t.api('admin', `/api/cases${listQuery({ range: [0, 999] })}`)).json();
    const demoLawyer = (await (await t.api('lawyer', '/api/meta')).json()).user.lawyerId;
    const counts = new Map<number, number>();
    for (const c of all) if (c.lawyerId !== null && c.lawyerId !== demoLawyer) counts.set(Number(c.lawyerId), (counts.get(Number(c.lawyerId)) ?? 0) + 1);
    const [lawyerId] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const theirs = all.filter((c) => c.lawyerId === lawyerId).map((c) => c.id).sort();
    expect(theirs.length).toBeGreaterThan(0);

    const user = await newAccount({ role: 'lawyer', lawyerId, name: '新律师账号' });
    expect(user.account).toMatchObject({ role: 'lawyer', lawyerId, email: user.email });
    const cookie = await signIn(t, user.email, user.password);

    const res = await withCookie(t, cookie, `/api/cases${listQuery({ range: [0, 999] })}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Row[]).map((c) => c.id).sort()).toEqual(theirs);
    expect(totalOf(res)).toBe(theirs.length);
    const other = all.find((c) => c.lawyerId !== lawyerId)!;
    expect((await withCookie(t, cookie, `/api/cases/${other.id}`)).status).toBe(404);
    const own = await withCookie(t, cookie, `/api/lawyers${listQuery({ range: [0, 999] })}`);
    expect(((await own.json()) as Row[]).map((l) => l.id)).toEqual([lawyerId]);
  });

  it('refuses a lawyer account without a lawyer record, or with one that does not exist', async () => {
    const noLink = await t.api('admin', '/api/users', { method: 'POST', body: { name: '无关联', email: `x-${fresh()}@example.cn`, password: 'long-enough-pw', role: 'lawyer' } });
    expect(noLink.status).toBe(400);
    expect((await noLink.json()).errors.lawyerId).toMatch(chinese);
    const missing = await t.api('admin', '/api/users', { method: 'POST', body: { name: '无关联', email: `y-${fresh()}@example.cn`, password: 'long-enough-pw', role: 'lawyer', lawyerId: 999_999 } });
    expect(missing.status).toBe(400);
  });

  describe('the users register', () => {
    for (const role of ['supervisor', 'lawyer', 'reviewer'] as const) {
      it(`is refused to the ${role} (403) for reading and every write`, async () => {
        const users: Row[] = await (await t.api('admin', '/api/users')).json();
        const target = users.find((u) => u.email === 'reviewer@fayuan.test')!;
        const attempts: [string, string, unknown][] = [
          ['GET', '/api/users', undefined],
          ['GET', `/api/users/${target.id}`, undefined],
          ['POST', '/api/users', { name: '越权', email: `z-${fresh()}@example.cn`, password: 'long-enough-pw', role: 'admin' }],
          ['PUT', `/api/users/${target.id}`, { role: 'admin' }],
          ['DELETE', `/api/users/${target.id}`, undefined],
        ];
        for (const [method, path, body] of attempts) {
          const res = await t.api(role, path, { method, body });
          expect(res.status, `${role} ${method} ${path}`).toBe(403);
          expect((await res.json()).message).toMatch(chinese);
        }
        const after: Row[] = await (await t.api('admin', '/api/users')).json();
        expect(after.find((u) => u.id === target.id)).toEqual(target);
        expect(after.length).toBe(users.length);
      });
    }

    it('is open to the admin', async () => {
      const res = await t.api('admin', '/api/users');
      expect(res.status).toBe(200);
      expect(((await res.json()) as Row[]).map((u) => u.email)).toEqual(expect.arrayContaining(['admin@fayuan.test', 'lawyer@fayuan.test']));
    });
  });

  describe('/api/meta for the lawyer', () => {
    const described: ResourceDefinition[] = [...coreResources, usersDeclaration, settingsDeclaration];
    const readable = described.filter((r) => r.access?.read.lawyer !== undefined).map((r) => r.name);

    it(`lists only the registers a lawyer may read (${readable.join(', ')})`, async () => {
      const meta = await (await t.api('lawyer', '/api/meta')).json();
      expect(meta.user).toMatchObject({ email: 'lawyer@fayuan.test', role: 'lawyer' });
      expect(meta.resources.map((r: { name: string }) => r.name).sort()).toEqual([...readable].sort());
      for (const hidden of ['complaints', 'audit-log', 'users']) expect(meta.resources.map((r: { name: string }) => r.name)).not.toContain(hidden);
    });

    it('gives the lawyer\'s permissions: no creating cases, and the fields a lawyer may write', async () => {
      const meta = await (await t.api('lawyer', '/api/meta')).json();
      const permissions = (name: string) => meta.resources.find((r: { name: string }) => r.name === name)?.permissions;
      expect(permissions('cases')).toMatchObject({ read: true, create: false, update: true, delete: false, writableFields: ['applicantPhone', 'causeOfAction'] });
      expect(permissions('lawyers')).toMatchObject({ read: true, create: false, update: true, delete: false, writableFields: ['phone', 'email'] });
      expect(permissions('law-firms')).toMatchObject({ read: true, create: false, update: false, delete: false });
      for (const r of described.filter((d) => readable.includes(d.name))) {
        const access = r.access!;
        expect(permissions(r.name), r.name).toMatchObject({
          read: true,
          create: access.create.lawyer !== undefined,
          update: access.update.lawyer !== undefined,
          delete: access.delete.lawyer !== undefined,
          writableFields: access.writableFields?.lawyer ?? null,
        });
      }
    });

    it('describes the registers without permissions to an anonymous visitor', async () => {
      const meta = await (await t.api(null, '/api/meta')).json();
      expect(meta.user).toBeNull();
      expect(meta.resources.every((r: Record<string, unknown>) => !('permissions' in r))).toBe(true);
    });
  });
});
