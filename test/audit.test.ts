// The audit log: one entry per change and per sign-in, personal data masked, and nobody can rewrite it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreResources } from '../api/resources/index.js';
import { allFields, type Field, type ResourceDefinition, type Row } from '../api/resources/define.js';
import { listQuery, PASSWORD, startTestFayuan, totalOf, type Role, type TestFayuan } from './support/fayuan.js';
import { patternedTextCandidates, withValidIdNumbers } from './support/identifier-values.js';

const ROLES: Role[] = ['admin', 'supervisor', 'lawyer', 'reviewer'];
/** Kept out of the diff: they change on every write. */
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

let t: TestFayuan;
let counter = 0;
const fresh = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

beforeAll(async () => {
  t = await startTestFayuan({ cases: 60, plugins: [] });
  for (const role of ROLES) await t.cookieOf(role);
});
afterAll(async () => {
  await t?.close();
});

interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  resource: string | null;
  recordId: string | null;
  changes: string | null;
  ip: string | null;
}

async function lastAuditId(): Promise<number> {
  const res = await t.api('admin', `/api/audit-log${listQuery({ sort: ['id', 'DESC'], range: [0, 0] })}`);
  const [last] = await res.json();
  return last ? Number(last.id) : 0;
}

/** The entries written after `since`, oldest first. */
async function auditSince(since: number): Promise<AuditEntry[]> {
  const res = await t.api('admin', `/api/audit-log${listQuery({ sort: ['id', 'ASC'], range: [0, 999], filter: { id_gt: since } })}`);
  expect(res.status).toBe(200);
  return res.json();
}

/** Runs `work` and answers its result with the audit entries it wrote. */
async function audited<T>(work: () => Promise<T>): Promise<{ result: T; entries: AuditEntry[] }> {
  const since = await lastAuditId();
  const result = await work();
  return { result, entries: await auditSince(since) };
}

async function send(role: Role, path: string, method: string, body?: unknown): Promise<Row> {
  const res = await t.api(role, path, { method, body });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${role} ${method} ${path} answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

const adminGet = (r: ResourceDefinition, id: unknown) => send('admin', `/api/${r.name}/${id}`, 'GET');

/** The register's personal data as the audit log must keep it: masked whoever reads it. */
function masked(r: ResourceDefinition, row: Row): Row {
  const out = { ...row };
  for (const [field, m] of Object.entries(r.access?.masked ?? {})) if (typeof out[field] === 'string') out[field] = m.mask(out[field] as string);
  return out;
}

/** The expected diff, worked out here: every field whose value differs, as [before, after]. */
function expectedDiff(r: ResourceDefinition, before: Row, after: Row): Record<string, [unknown, unknown]> {
  const diff: Record<string, [unknown, unknown]> = {};
  for (const name of Object.keys(allFields(r))) {
    if (BOOKKEEPING.has(name)) continue;
    const a = before[name] ?? null;
    const b = after[name] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) diff[name] = [a, b];
  }
  return diff;
}

function changesOf(entry: AuditEntry): Record<string, [unknown, unknown]> {
  expect(typeof entry.changes, 'changes are kept as JSON text').toBe('string');
  return JSON.parse(entry.changes!);
}

function expectOneEntry(entries: AuditEntry[], expected: { email: string; action: string; resource: string; recordId: unknown }) {
  expect(entries, JSON.stringify(entries)).toHaveLength(1);
  const [entry] = entries;
  expect(entry).toMatchObject({ actorEmail: expected.email, action: expected.action, resource: expected.resource, recordId: String(expected.recordId) });
  expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
  return entry;
}

/** A valid different value for a simple field. */
function changedValue(field: Field, current: unknown): unknown {
  switch (field.type) {
    case 'text': return field.pattern || field.format ? undefined : `${String(current ?? '')}（改${fresh()}）`.slice(-(field.maxLength ?? 100));
    case 'longText': return `${String(current ?? '')}（已修改 ${fresh()}）`;
    case 'enum': return Object.keys(field.options).find((o) => o !== current);
    case 'boolean': return !current;
    default: return undefined;
  }
}

/** A fresh value that fits the field's pattern (a 17-digit licence number…). */
function uniquePatterned(field: Field & { type: 'text' }): string {
  const digits = String(Date.now() % 1e8 + Number(fresh().replace(/\D/g, '') || 0)).padStart(8, '0').slice(-8);
  return [...patternedTextCandidates(digits), `T${fresh()}`.padEnd(12, '0')].find((v) => field.pattern!.regex.test(v))!;
}

/** The writable fields of an existing record, with fresh values where they must be unique. */
function newBody(r: ResourceDefinition, template: Row): Row {
  const body: Row = {};
  for (const [name, field] of Object.entries(r.fields)) {
    if (field.readOnly) continue;
    const unique = field.unique && template[name] !== null;
    body[name] = !unique ? template[name] : field.type === 'text' && field.pattern ? uniquePatterned(field) : `临时${fresh()}`;
  }
  return withValidIdNumbers(r, body);
}

const writable = coreResources.filter((r) => r.access?.create.admin === true);

describe('every change through the API leaves exactly one audit entry', () => {
  for (const r of writable) {
    it(`records the admin's create, update and delete of ${r.name} with actor, record and a [before, after] diff`, async () => {
      const [template] = await (await t.api('admin', `/api/${r.name}${listQuery({ range: [0, 0], sort: ['id', 'ASC'] })}`)).json();

      const created = await audited(() => send('admin', `/api/${r.name}`, 'POST', newBody(r, template)));
      const stored = await adminGet(r, created.result.id);
      const createEntry = expectOneEntry(created.entries, { email: 'admin@fayuan.test', action: 'create', resource: r.name, recordId: stored.id });
      expect(changesOf(createEntry)).toEqual(expectedDiff(r, {}, masked(r, stored)));

      const field = Object.keys(r.fields).find((name) => !r.fields[name].readOnly && !r.fields[name].unique && changedValue(r.fields[name], stored[name]) !== undefined)!;
      const value = changedValue(r.fields[field], stored[field]);
      const updated = await audited(() => send('admin', `/api/${r.name}/${stored.id}`, 'PUT', { ...stored, [field]: value }));
      const after = await adminGet(r, stored.id);
      const updateEntry = expectOneEntry(updated.entries, { email: 'admin@fayuan.test', action: 'update', resource: r.name, recordId: stored.id });
      expect(changesOf(updateEntry)).toEqual({ [field]: [stored[field] ?? null, value] });
      expect(expectedDiff(r, masked(r, stored), masked(r, after))).toEqual({ [field]: [stored[field] ?? null, value] });

      if (r.undeletableWhen?.(after)) {
        // A numbered case is never deleted (issue #10): refused, and nothing is audited.
        const refused = await audited(() => t.api('admin', `/api/${r.name}/${stored.id}`, { method: 'DELETE' }));
        expect(refused.result.status).toBe(422);
        expect(refused.entries).toEqual([]);
        return;
      }
      const deleted = await audited(() => send('admin', `/api/${r.name}/${stored.id}`, 'DELETE'));
      const deleteEntry = expectOneEntry(deleted.entries, { email: 'admin@fayuan.test', action: 'delete', resource: r.name, recordId: stored.id });
      expect(changesOf(deleteEntry)).toEqual(expectedDiff(r, masked(r, after), {}));
    });
  }

  it('writes no entry when a client tries to set a case\'s grade (it is the server\'s, issue #12)', async () => {
    const [one] = await (await t.api('supervisor', `/api/cases${listQuery({ range: [0, 0], filter: { qualityGrade: null, status: 'closed' } })}`)).json();
    for (const role of ['supervisor', 'admin'] as const) {
      const { entries } = await audited(async () => {
        const res = await t.api(role, `/api/cases/${one.id}`, { method: 'PUT', body: { ...one, qualityGrade: 'good' } });
        expect([403, 422]).toContain(res.status);
      });
      expect(entries).toEqual([]);
    }
  });

  it('records a lawyer\'s change to an own case as one entry naming the lawyer', async () => {
    const [own] = await (await t.api('lawyer', `/api/cases${listQuery({ range: [0, 0], filter: { status: ['assigned', 'in_progress'] } })}`)).json();
    const cause = `劳动争议（补充${fresh()}）`;
    const { entries } = await audited(() => send('lawyer', `/api/cases/${own.id}`, 'PUT', { ...own, causeOfAction: cause }));
    const entry = expectOneEntry(entries, { email: 'lawyer@fayuan.test', action: 'update', resource: 'cases', recordId: own.id });
    expect(changesOf(entry)).toEqual({ causeOfAction: [own.causeOfAction, cause] });
  });

  it('records a supervisor\'s new complaint as one entry naming the supervisor', async () => {
    const body = { complainantName: '王投诉', channel: 'phone', category: 'delay', description: '承办律师迟迟未联系受援人。', receivedAt: '2026-03-02' };
    const { result, entries } = await audited(() => send('supervisor', '/api/complaints', 'POST', body));
    const entry = expectOneEntry(entries, { email: 'supervisor@fayuan.test', action: 'create', resource: 'complaints', recordId: result.id });
    expect(changesOf(entry)).toMatchObject({ complainantName: [null, '王投诉'], receivedAt: [null, '2026-03-02'], status: [null, 'received'] });
  });

  it('keeps the applicant\'s ID number masked in the diff of a create, an update and a correction', async () => {
    const cases = coreResources.find((r) => r.name === 'cases')!;
    const mask = cases.access!.masked!.applicantIdNumber.mask;
    // Valid numbers (issue #10) of one man born 1980-01-01, so that only the number changes.
    const first = '33100419800101149X';
    const second = '331004198001014519';
    const third = '331004198001014535';
    const body = { applicantName: '赵身份', applicantIdNumber: first, caseType: 'civil', channel: 'window', applicationDate: '2026-03-01' };
    const created = await audited(() => send('admin', '/api/cases', 'POST', body));
    const id = created.result.id;
    const updated = await audited(async () => send('admin', `/api/cases/${id}`, 'PUT', { ...(await adminGet(cases, id)), applicantIdNumber: second }));
    // A numbered case is never deleted (issue #10): the third entry is a correction.
    const corrected = await audited(() => send('admin', `/api/cases/${id}/corrections`, 'POST', { changes: { applicantIdNumber: third }, reason: '证件号码录入错误' }));

    const [createEntry] = created.entries;
    const [updateEntry] = updated.entries;
    const [correctEntry] = corrected.entries;
    expect(changesOf(createEntry).applicantIdNumber).toEqual([null, mask(first)]);
    expect(changesOf(updateEntry)).toEqual({ applicantIdNumber: [mask(first), mask(second)] });
    expect(changesOf(correctEntry).applicantIdNumber).toEqual([mask(second), mask(third)]);
    expect(mask(first)).toMatch(/^3310\*{10}149X$/);
    for (const entry of [createEntry, updateEntry, correctEntry]) {
      expect(entry.changes).not.toContain(first);
      expect(entry.changes).not.toContain(second);
      expect(entry.changes).not.toContain(third);
    }
    // Not even through a search of the audit log.
    const found = await t.api('admin', `/api/audit-log${listQuery({ filter: { q: first } })}`);
    expect(totalOf(found)).toBe(0);
  });

  describe('account changes (the users register)', () => {
    const email = `audit-${fresh().toLowerCase()}@example.cn`;
    const passwords = [`Secret-${fresh()}-pw`, `Other-${fresh()}-pw`];
    let userId = '';
    const entries: AuditEntry[] = [];
    const expectUserEntry = (list: AuditEntry[], action: string) => {
      entries.push(...list);
      return changesOf(expectOneEntry(list, { email: 'admin@fayuan.test', action, resource: 'users', recordId: userId }));
    };

    it('records a new account with its name, email and role', async () => {
      const created = await audited(() => send('admin', '/api/users', 'POST', { name: '审计测试', email, role: 'supervisor', password: passwords[0] }));
      userId = String(created.result.id);
      expect(expectUserEntry(created.entries, 'create')).toMatchObject({ name: [null, '审计测试'], email: [null, email], role: [null, 'supervisor'] });
    });

    it('records a role change as {role: [before, after]}', async () => {
      const changed = await audited(() => send('admin', `/api/users/${userId}`, 'PUT', { role: 'reviewer' }));
      expect(expectUserEntry(changed.entries, 'update')).toEqual({ role: ['supervisor', 'reviewer'] });
    });

    it('records a rename as {name: [before, after]}', async () => {
      const account = await send('admin', `/api/users/${userId}`, 'GET');
      const renamed = await audited(() => send('admin', `/api/users/${userId}`, 'PUT', { ...account, name: '审计测试（改名）' }));
      expect(expectUserEntry(renamed.entries, 'update')).toEqual({ name: ['审计测试', '审计测试（改名）'] });
    });

    it('records a new password only as changed, never its value', async () => {
      const changed = await audited(() => send('admin', `/api/users/${userId}`, 'PUT', { password: passwords[1] }));
      expect(expectUserEntry(changed.entries, 'update')).toEqual({ password: ['***', '***'] });
    });

    it('records the removal of the account, and no entry shows a password', async () => {
      const deleted = await audited(() => send('admin', `/api/users/${userId}`, 'DELETE'));
      expect(expectUserEntry(deleted.entries, 'delete')).toEqual({ email: [email, null] });
      for (const entry of entries) for (const password of passwords) expect(entry.changes).not.toContain(password);
    });
  });

  it('writes no entry for a refused change', async () => {
    const [one] = await (await t.api('admin', `/api/cases${listQuery({ range: [0, 0] })}`)).json();
    const { entries } = await audited(async () => {
      expect((await t.api('supervisor', `/api/cases/${one.id}`, { method: 'PUT', body: { ...one, applicantName: '改名' } })).status).toBe(403);
      expect((await t.api('reviewer', '/api/cases', { method: 'POST', body: { applicantName: '某', caseType: 'civil' } })).status).toBe(403);
      expect((await t.api('admin', `/api/cases/${one.id}`, { method: 'PUT', body: { ...one, applicantName: '' } })).status).toBe(400);
    });
    expect(entries).toEqual([]);
  });
});

describe('sign-ins', () => {
  const signIn = (email: string, password: string) =>
    t.api(null, '/api/auth/sign-in/email', { method: 'POST', body: { email, password } });

  it('records a successful sign-in with the account\'s email', async () => {
    const { result, entries } = await audited(() => signIn('reviewer@fayuan.test', PASSWORD));
    expect(result.status).toBe(200);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'sign-in', actorEmail: 'reviewer@fayuan.test' });
    expect(entries[0].actorId).toBeTruthy();
    expect(entries[0].ip).toBeTruthy();
  });

  it('records a failed sign-in (wrong password, unknown account) with the email tried', async () => {
    const wrong = await audited(() => signIn('lawyer@fayuan.test', 'not-the-password'));
    expect(wrong.result.status).toBe(401);
    expect(wrong.entries).toHaveLength(1);
    expect(wrong.entries[0]).toMatchObject({ action: 'sign-in-failed', actorEmail: 'lawyer@fayuan.test' });

    const unknown = await audited(() => signIn('nobody@fayuan.test', 'whatever-password'));
    expect(unknown.result.status).toBe(401);
    expect(unknown.entries).toHaveLength(1);
    expect(unknown.entries[0]).toMatchObject({ action: 'sign-in-failed', actorEmail: 'nobody@fayuan.test' });
  });
});

describe('the audit log itself', () => {
  for (const role of ROLES) {
    it(`cannot be added to, changed or deleted by the ${role} (403), and stays as it was`, async () => {
      const [entry] = await (await t.api('admin', `/api/audit-log${listQuery({ range: [0, 0], sort: ['id', 'ASC'] })}`)).json();
      const before = await lastAuditId();
      const forged = { ...entry, action: 'forged', actorEmail: 'nobody@example.cn', changes: '{}' };
      for (const [method, path, body] of [
        ['POST', '/api/audit-log', { action: 'sign-in', actorEmail: 'nobody@example.cn' }],
        ['PUT', `/api/audit-log/${entry.id}`, forged],
        ['DELETE', `/api/audit-log/${entry.id}`, undefined],
      ] as const) {
        const res = await t.api(role, path, { method, body });
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect((await res.json()).message).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(await adminGet(coreResources.find((r) => r.name === 'audit-log')!, entry.id)).toEqual(entry);
      expect(await lastAuditId()).toBe(before);
    });
  }

  for (const role of ['supervisor', 'lawyer', 'reviewer'] as const) {
    it(`cannot be read by the ${role} (403)`, async () => {
      expect((await t.api(role, '/api/audit-log')).status).toBe(403);
      expect((await t.api(role, '/api/audit-log/1')).status).toBe(403);
      expect((await t.api(role, `/api/audit-log${listQuery({ filter: { resource: 'cases' } })}`)).status).toBe(403);
    });
  }

  it('gives the admin a record\'s history with filter {resource, recordId}', async () => {
    const cases = coreResources.find((r) => r.name === 'cases')!;
    const created = await send('admin', '/api/cases', 'POST', { applicantName: '历史记录', caseType: 'civil', channel: 'window', applicationDate: '2026-03-01' });
    const other = await send('admin', '/api/cases', 'POST', { applicantName: '别的案件', caseType: 'civil', channel: 'window', applicationDate: '2026-03-01' });
    await send('admin', `/api/cases/${created.id}`, 'PUT', { ...(await adminGet(cases, created.id)), causeOfAction: '劳动争议' });
    await send('admin', `/api/cases/${other.id}`, 'PUT', { ...(await adminGet(cases, other.id)), causeOfAction: '婚姻家庭' });
    await send('admin', `/api/cases/${created.id}`, 'PUT', { ...(await adminGet(cases, created.id)), causeOfAction: '劳动报酬争议' });

    const res = await t.api('admin', `/api/audit-log${listQuery({ sort: ['id', 'ASC'], filter: { resource: 'cases', recordId: String(created.id) } })}`);
    expect(res.status).toBe(200);
    const history: AuditEntry[] = await res.json();
    expect(totalOf(res)).toBe(3);
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'update']);
    expect(history.every((h) => h.resource === 'cases' && h.recordId === String(created.id) && h.actorEmail === 'admin@fayuan.test')).toBe(true);
    expect(changesOf(history[1])).toEqual({ causeOfAction: [null, '劳动争议'] });
    expect(changesOf(history[2])).toEqual({ causeOfAction: ['劳动争议', '劳动报酬争议'] });
  });
});
