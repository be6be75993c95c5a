// The lawyer's work log: kept by the case's lawyer while the case is being handled, read by supervisors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, listQuery, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;
let open: number;
let closed: number;
let other: number;
const json = async (res: Response) => (await res.json()) as any;
const meeting = (caseId: number) => ({ caseId, kind: 'meeting', occurredAt: '2026-04-01T02:00:00.000Z', place: '看守所', participants: '律师、受援人', notes: '会见' });

beforeAll(async () => {
  t = await startTestFayuan({ cases: 60 });
  const { db } = t.database;
  const lawyer = await db.selectFrom('user').select('lawyerId').where('email', '=', 'lawyer@fayuan.test').executeTakeFirstOrThrow();
  const own = await db.selectFrom('cases').select(['id', 'status']).where('lawyerId', '=', lawyer.lawyerId).orderBy('id').execute();
  open = Number(own.find((c) => ['assigned', 'in_progress'].includes(String(c.status)))!.id);
  closed = Number(own.find((c) => ['closed', 'archived'].includes(String(c.status)))!.id);
  other = Number((await db.selectFrom('cases').select('id').where('lawyerId', '<>', lawyer.lawyerId).limit(1).executeTakeFirstOrThrow()).id);
});
afterAll(async () => t?.close());

describe('the work log', () => {
  it('the demo centre holds a work log with hearings', async () => {
    const hearings = await t.database.db.selectFrom('case_activities').select('id').where('kind', '=', 'hearing').execute();
    expect(hearings.length).toBeGreaterThan(5);
  });

  it('the lawyer logs on an open case of their own, newest first', async () => {
    const first = await t.api('lawyer', '/api/case-activities', { method: 'POST', body: meeting(open) });
    expect(first.status).toBe(201);
    // Later than every demo entry (whose open cases' hearings lie ahead).
    const hearing = await json(await t.api('lawyer', '/api/case-activities', { method: 'POST', body: { caseId: open, kind: 'hearing', occurredAt: '2099-05-01T01:00:00.000Z', court: '示例区人民法院', courtroom: '第三法庭' } }));
    expect([hearing.kind, hearing.court, hearing.courtroom]).toEqual(['hearing', '示例区人民法院', '第三法庭']);
    const list = await json(await t.api('lawyer', `/api/case-activities${listQuery({ filter: { caseId: open }, sort: ['occurredAt', 'DESC'] })}`));
    expect(list[0].id).toBe(hearing.id);
  });

  it('refuses the lawyer a closed case, another lawyer\'s case and an unknown kind', async () => {
    expect((await t.api('lawyer', '/api/case-activities', { method: 'POST', body: meeting(closed) })).status).toBe(403);
    expect((await t.api('lawyer', '/api/case-activities', { method: 'POST', body: meeting(other) })).status).toBe(403);
    const bad = await t.api('lawyer', '/api/case-activities', { method: 'POST', body: { ...meeting(open), kind: 'lunch' } });
    expect(bad.status).toBe(400);
    expect(Object.keys((await json(bad)).errors)).toEqual(['kind']);
  });

  it('lets the lawyer read their own closed cases\' log but not change it; supervisors read all and write none', async () => {
    const entry = await json(await t.api('admin', '/api/case-activities', { method: 'POST', body: meeting(closed) }));
    expect((await t.api('lawyer', `/api/case-activities/${entry.id}`)).status).toBe(200);
    expect((await t.api('lawyer', `/api/case-activities/${entry.id}`, { method: 'PUT', body: { ...entry, notes: '改' } })).status).toBe(403);
    const foreign = await json(await t.api('admin', '/api/case-activities', { method: 'POST', body: meeting(other) }));
    expect((await t.api('lawyer', `/api/case-activities/${foreign.id}`)).status).toBe(404);
    expect((await t.api('supervisor', `/api/case-activities/${foreign.id}`)).status).toBe(200);
    expect((await t.api('supervisor', '/api/case-activities', { method: 'POST', body: meeting(open) })).status).toBe(403);
    expect((await t.api('reviewer', '/api/case-activities')).status).toBe(403);
  });
});
