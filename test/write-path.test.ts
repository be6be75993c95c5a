// The one write path: every change — CRUD, each case transition, an account change, a
// settings change — leaves exactly one audit entry, written by Records; and a plugin extends
// a core register's hooks, row rules and custom actions through its definition alone.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, definePlugin, everyRow, recordId, type AppEnv, type Row, type WrittenChange } from '../api/plugin-kit.js';
import { caseActions, terminationGrounds } from '../api/cases/lifecycle.js';
import { startTestFayuan, type Role, type TestFayuan } from './support/fayuan.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 5 });
  for (const role of ['admin', 'lawyer'] as const) await t.cookieOf(role); // sign-ins are audited too: done before counting
});
afterAll(async () => t?.close());

async function lastAuditId(): Promise<number> {
  const row = await t.database.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Runs `work` and answers the audit entries it wrote. */
async function entriesOf(work: () => Promise<unknown>): Promise<Json[]> {
  const since = await lastAuditId();
  await work();
  return t.database.db.selectFrom('audit_log').selectAll().where('id', '>', since).orderBy('id').execute();
}

async function ok(role: Role, path: string, method: string, body?: unknown): Promise<Json> {
  const res = await t.api(role, path, { method, body });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

function expectOne(entries: Json[], action: string, resource: string, recordId: unknown) {
  expect(entries.map((e) => [e.action, e.resource, e.recordId])).toEqual([[action, resource, String(recordId)]]);
}

describe('one audit entry per change on every write path', () => {
  it('CRUD: create, update and delete', async () => {
    let firm: Json;
    expectOne(await entriesOf(async () => (firm = await ok('admin', '/api/law-firms', 'POST', { name: '审计一次律师事务所' }))), 'create', 'law-firms', firm.id);
    expectOne(await entriesOf(() => ok('admin', `/api/law-firms/${firm.id}`, 'PUT', { ...firm, address: '新地址' })), 'update', 'law-firms', firm.id);
    expectOne(await entriesOf(() => ok('admin', `/api/law-firms/${firm.id}`, 'DELETE')), 'delete', 'law-firms', firm.id);
  });

  it('every case transition', async () => {
    const lawyerId = (await ok('lawyer', '/api/meta', 'GET')).user.lawyerId;
    const newCase = async () => (await ok('admin', '/api/cases', 'POST', { applicantName: '审计申请人', caseType: 'civil', channel: 'notified' })).id;
    const payloads: Record<string, Row> = {
      reject: { reason: '不符合条件' }, assign: { lawyerId }, 'return-closing': { reason: '补充材料' },
      close: { outcome: '调解结案' }, terminate: { reason: Object.keys(terminationGrounds)[0] },
    };
    const walks: string[][] = [
      ['review', 'accept', 'assign', 'start', 'change-lawyer', 'submit-closing', 'return-closing', 'submit-closing', 'close', 'archive'],
      ['review', 'reject'],
      ['terminate'],
    ];
    const seen = new Set<string>();
    for (const walk of walks) {
      const id = await newCase();
      for (const action of walk) {
        if (action === 'change-lawyer') { // issue 15: to another lawyer the rules allow
          const other = (await ok('admin', `/api/cases/${id}/eligible-lawyers`, 'GET')).find((l: Json) => l.eligible && l.id !== lawyerId);
          payloads[action] = { lawyerId: other.id, reason: 'lawyer_withdrawal', acknowledgeConflicts: true };
        }
        const entries = await entriesOf(() => ok('admin', `/api/cases/${id}/transitions/${action}`, 'POST', payloads[action] ?? {}));
        expectOne(entries, `transition:${action}`, 'cases', id);
        seen.add(action);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(caseActions).sort());
  });

  it('a refused transition writes none', async () => {
    const id = (await ok('admin', '/api/cases', 'POST', { applicantName: '审计申请人', caseType: 'civil', channel: 'notified' })).id;
    expect(await entriesOf(async () => expect((await t.api('admin', `/api/cases/${id}/transitions/archive`, { method: 'POST' })).status).toBe(409))).toEqual([]);
  });

  it('account changes made by better-auth', async () => {
    let user: Json;
    const email = `write-path-${Date.now()}@example.cn`;
    expectOne(await entriesOf(async () => (user = await ok('admin', '/api/users', 'POST', { name: '一次', email, role: 'supervisor', password: 'long-enough-1' }))), 'create', 'users', user.id);
    expectOne(await entriesOf(() => ok('admin', `/api/users/${user.id}`, 'PUT', { role: 'reviewer', name: '一次（改）' })), 'update', 'users', user.id);
    expectOne(await entriesOf(() => ok('admin', `/api/users/${user.id}`, 'DELETE')), 'delete', 'users', user.id);
  });

  it('a settings change', async () => {
    const settings = await ok('admin', '/api/settings/1', 'GET');
    const entries = await entriesOf(() => ok('admin', '/api/settings/1', 'PUT', { ...settings, reviewDays: settings.reviewDays + 1 }));
    expectOne(entries, 'update', 'settings', 1);
    expect(JSON.parse(entries[0].changes)).toEqual({ reviewDays: [settings.reviewDays, settings.reviewDays + 1] });
  });
});

describe('refusals in both languages', () => {
  it('names a transition payload\'s faults in English too', async () => {
    const id = (await ok('admin', '/api/cases', 'POST', { applicantName: '双语申请人', caseType: 'civil', channel: 'notified' })).id;
    await ok('admin', `/api/cases/${id}/transitions/review`, 'POST', {});
    const en = await t.api('admin', `/api/cases/${id}/transitions/reject`, { method: 'POST', body: {}, headers: { 'accept-language': 'en' } });
    expect(en.status).toBe(422);
    expect((await en.json()).errors).toEqual({ reason: 'Give the reason for rejecting' });
    const zh = await t.api('admin', `/api/cases/${id}/transitions/reject`, { method: 'POST', body: { reason: 'x'.repeat(501) } });
    expect((await zh.json()).errors).toEqual({ reason: '不能超过 500 个字' });
  });
});

describe('a plugin extending a core register', () => {
  const written: WrittenChange[] = [];
  const extending = definePlugin({
    name: 'extends-law-firms',
    label: { zh: '测试插件', en: 'Test plugin' },
    hooks: {
      'law-firms': {
        beforeCreate: [(record) => ({ ...record, address: record.address ?? '地址待补' })],
        beforeUpdate: [(record) => ({ ...record, name: String(record.name).trim() })],
        afterWrite: [(change) => {
          if (String(change.after?.name ?? '').includes('不许')) throw new ApiError(422, { zh: '插件拒绝', en: 'Refused by the plugin' });
          written.push(change);
        }],
      },
    },
    access: {
      'law-firms': {
        // Supervisors may change firms that are not contracted, and only those.
        update: { supervisor: () => ({ isContracted: false }) },
        actions: { stamp: { roles: { admin: everyRow }, refusal: { zh: '只有管理员可以盖章', en: 'Only an admin stamps' } } },
      },
    },
    routes: ({ records }) => new Hono<AppEnv>().post('/law-firms/:id/stamp', async (c) => {
      const firm = await records.loadForAction(records.resource('law-firms'), recordId(c), c.var.actor, 'stamp');
      return c.json({ stamped: firm.id });
    }),
  });
  let p: TestFayuan;
  beforeAll(async () => {
    p = await startTestFayuan({ cases: 5, plugins: [extending] });
  });
  afterAll(async () => p?.close());

  const send = async (role: Role, path: string, method: string, body?: unknown) => {
    const res = await p.api(role, path, { method, body });
    return { status: res.status, body: await res.json() as Json };
  };

  it('runs its hooks after the register\'s own, in the write\'s transaction', async () => {
    const created = await send('admin', '/api/law-firms', 'POST', { name: '插件钩子律师事务所' });
    expect(created.status).toBe(201);
    expect(created.body.address).toBe('地址待补');
    const renamed = await send('admin', `/api/law-firms/${created.body.id}`, 'PUT', { ...created.body, name: '  插件钩子律师事务所（改）  ' });
    expect(renamed.body.name).toBe('插件钩子律师事务所（改）');
    expect(written.map((w) => [w.action, w.after?.id, w.actor.role])).toEqual([['create', created.body.id, 'admin'], ['update', created.body.id, 'admin']]);

    const before = await p.database.db.selectFrom('law_firms').select('id').execute();
    const refused = await send('admin', '/api/law-firms', 'POST', { name: '不许登记的律师事务所' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('插件拒绝');
    expect(await p.database.db.selectFrom('law_firms').select('id').execute()).toHaveLength(before.length);
  });

  it('adds its row rule: a supervisor changes uncontracted firms only', async () => {
    const free = await send('admin', '/api/law-firms', 'POST', { name: '未签约律师事务所', isContracted: false });
    const bound = await send('admin', '/api/law-firms', 'POST', { name: '已签约律师事务所', isContracted: true });
    expect((await send('supervisor', `/api/law-firms/${free.body.id}`, 'PUT', { ...free.body, phone: '0571-88886666' })).status).toBe(200);
    expect((await send('supervisor', `/api/law-firms/${bound.body.id}`, 'PUT', { ...bound.body, phone: '0571-88886666' })).status).toBe(403);
    // Without the plugin the core rule holds: supervisors change no firm at all.
    expect((await t.api('supervisor', '/api/law-firms/1', { method: 'PUT', body: { name: 'x' } })).status).toBe(403);
  });

  it('declares its custom action next to the register\'s rules, and the core enforces it', async () => {
    expect(await send('admin', '/api/law-firms/1/stamp', 'POST')).toEqual({ status: 200, body: { stamped: 1 } });
    const refused = await send('supervisor', '/api/law-firms/1/stamp', 'POST');
    expect(refused).toMatchObject({ status: 403, body: { message: '只有管理员可以盖章' } });
  });
});
