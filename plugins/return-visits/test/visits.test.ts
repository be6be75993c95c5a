// Return visits: a reported gift or private fee opens a complaint in the visit's transaction;
// the year's satisfaction and coverage on a small data set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';
import { ApiError } from '../../../api/plugin-kit.js';

type Json = Record<string, any>;
let t: TestFayuan;
const json = async (res: Response) => (await res.json()) as any;
const GOOD = { preparation: true, investigation: true, onTime: true, gifts: false, fees: false, opinionsAdopted: true, satisfaction: 'satisfied' };

beforeAll(async () => {
  t = await startTestFayuan({ cases: 30, plugins: ['return-visits'] });
});
afterAll(async () => t?.close());

async function someCase(): Promise<Json> {
  return t.database.db.selectFrom('cases').selectAll().where('lawyerId', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
}

describe('a visit that reports gifts', () => {
  it('opens a received complaint linked to the case and the lawyer, and links it back', async () => {
    const c = await someCase();
    const res = await t.api('supervisor', '/api/return-visits', {
      method: 'POST', body: { caseId: c.id, method: 'phone', visitedAt: '2026-05-06', reachedPerson: '张三', answers: { ...GOOD, gifts: true, satisfaction: 'dissatisfied' }, complaintId: 1 },
    });
    expect(res.status).toBe(201);
    const visit = await json(res);
    expect(visit.complaintId).toBeGreaterThan(0);
    expect([visit.score, visit.grade, visit.satisfaction]).toEqual([55, 'fail', 'dissatisfied']);
    const complaint = await json(await t.api('supervisor', `/api/complaints/${visit.complaintId}`));
    expect([complaint.caseId, complaint.lawyerId, complaint.status, complaint.category, complaint.channel, complaint.receivedAt, complaint.complainantName])
      .toEqual([c.id, c.lawyerId, 'received', 'gifts', 'phone', '2026-05-06', '张三']);
    expect(complaint.acceptDeadline).toBeTruthy();
    // The visit re-saved does not open a second complaint.
    const again = await json(await t.api('supervisor', `/api/return-visits/${visit.id}`, { method: 'PUT', body: { ...visit, visitor: '李四' } }));
    expect(again.complaintId).toBe(visit.complaintId);
    const count = await t.database.db.selectFrom('complaints').select((eb) => eb.fn.countAll().as('n')).where('caseId', '=', c.id).where('category', '=', 'gifts').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('a good visit opens none', async () => {
    const c = await someCase();
    const visit = await json(await t.api('supervisor', '/api/return-visits', { method: 'POST', body: { caseId: c.id, reachedPerson: '张三', answers: GOOD } }));
    expect([visit.complaintId, visit.score, visit.satisfaction]).toEqual([null, 100, 'satisfied']);
  });

  it('stores neither the visit nor the complaint when the complaint cannot be stored (one transaction)', async () => {
    const c = await someCase();
    const { db } = t.database;
    const count = async (table: string) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const [visits, complaints] = [await count('return_visits'), await count('complaints')];
    const broken = t.fayuan.records.resource('complaints');
    // The complaint is refused while it is being stored (after the visit's row is written).
    const hook = async () => { throw new ApiError(422, { zh: '投诉无法登记', en: 'The complaint cannot be stored' }); };
    broken.hooks!.beforeCreate ??= [];
    broken.hooks!.beforeCreate.push(hook);
    try {
      const res = await t.api('supervisor', '/api/return-visits', { method: 'POST', body: { caseId: c.id, reachedPerson: '张三', answers: { ...GOOD, fees: true } } });
      expect(res.status).toBe(422);
    } finally {
      broken.hooks!.beforeCreate!.splice(broken.hooks!.beforeCreate!.indexOf(hook), 1);
    }
    expect([await count('return_visits'), await count('complaints')]).toEqual([visits, complaints]);
  });
});

describe('the year\'s figures', () => {
  it('satisfaction and coverage on a stated data set', async () => {
    const { db } = t.database;
    const { records } = t.fayuan;
    const year = 2032;
    // Ten cases, their visits deleted, closed in 2032 (stored as a seed's later columns are: the tallies follow).
    const cases = (await db.selectFrom('cases').select('id').orderBy('id').limit(10).execute()).map((r) => Number(r.id));
    for (const { id } of await db.selectFrom('return_visits').select('id').where('caseId', 'in', cases).execute()) {
      expect((await t.api('admin', `/api/return-visits/${id}`, { method: 'DELETE' })).status).toBe(200);
    }
    await db.transaction().execute((trx) => records.seedUpdates(records.resource('cases'), cases.map((id) => ({ id, status: 'closed', closedAt: '2032-03-01T02:00:00.000Z' })), trx));
    // 8 visited through the API: 6 satisfied, 1 basically satisfied, 1 dissatisfied → 87.5% satisfied, 80% coverage.
    const said = ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];
    for (const [i, satisfaction] of said.entries()) {
      const res = await t.api('supervisor', '/api/return-visits', { method: 'POST', body: { caseId: cases[i], visitedAt: '2032-03-15', reachedPerson: '受援人', answers: { ...GOOD, satisfaction } } });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const summary = await json(await t.api('supervisor', `/api/return-visits/summary?year=${year}`));
    expect(summary).toMatchObject({
      visits: 8, satisfied: 6, basicallySatisfied: 1, dissatisfied: 1, satisfactionPercent: 87.5, satisfactionTargetPercent: 98,
      closedCases: 10, visitedClosedCases: 8, coveragePercent: 80, coverageTargetPercent: 90,
    });
    const unvisited = (await json(await t.api('supervisor', '/api/return-visits/unvisited'))).map((r: Json) => r.id);
    expect(unvisited).toEqual(expect.arrayContaining(cases.slice(8)));
    expect(unvisited).not.toContain(cases[0]);
    // A visit deleted: its case counts as unvisited again.
    const [visit] = await json(await t.api('supervisor', `/api/return-visits?filter=${encodeURIComponent(JSON.stringify({ caseId: cases[0] }))}`));
    expect((await t.api('admin', `/api/return-visits/${visit.id}`, { method: 'DELETE' })).status).toBe(200);
    expect(await json(await t.api('supervisor', `/api/return-visits/summary?year=${year}`))).toMatchObject({ closedCases: 10, visitedClosedCases: 7, coveragePercent: 70 });
    expect((await json(await t.api('supervisor', '/api/return-visits/unvisited'))).map((r: Json) => r.id)).toContain(cases[0]);
    expect((await t.api('lawyer', '/api/return-visits/summary')).status).toBe(403);
    expect((await t.api('lawyer', '/api/return-visits')).status).toBe(403);
  });
});
