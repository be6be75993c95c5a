// The lawyer reads the feedback, score and grade of observations of their own cases, never the
// private notes, on every path; the plan's coverage and suggestions on a small data set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, listQuery, type TestFayuan } from '../../../test/support/fayuan.js';

type Json = Record<string, any>;
let t: TestFayuan;
let own: number[];
const json = async (res: Response) => (await res.json()) as any;
const SECRET = '律师不得看到的内部备注';
/** Every score item of the shipped observation form at its maximum. */
const FULL = { materials: 10, meeting: 10, facts: 15, evidence: 15, law: 15, expression: 10, discipline: 10, bearing: 5, effect: 10 };

beforeAll(async () => {
  t = await startTestFayuan({ cases: 30, plugins: ['hearing-observation'] });
  const lawyer = await t.database.db.selectFrom('user').select('lawyerId').where('email', '=', 'lawyer@fayuan.test').executeTakeFirstOrThrow();
  own = (await t.database.db.selectFrom('cases').select('id').where('lawyerId', '=', lawyer.lawyerId).orderBy('id').execute()).map((r) => Number(r.id));
});
afterAll(async () => t?.close());

describe('private notes', () => {
  it('never reach the lawyer: getOne, list, getMany, filters, the audit log', async () => {
    const created = await json(await t.api('supervisor', '/api/hearing-observations', {
      method: 'POST', body: { caseId: own[0], observers: '主任', answers: { ...FULL, materials: 8 }, feedback: '准备充分', privateNotes: SECRET },
    }));
    expect(created.privateNotes).toBe(SECRET);
    const one = await json(await t.api('lawyer', `/api/hearing-observations/${created.id}`));
    expect([one.feedback, one.score, one.grade]).toEqual(['准备充分', created.score, created.grade]);
    const bodies = [
      JSON.stringify(one),
      await (await t.api('lawyer', '/api/hearing-observations')).text(),
      await (await t.api('lawyer', `/api/hearing-observations${listQuery({ filter: { id: [created.id] } })}`)).text(),
      await (await t.api('lawyer', `/api/hearing-observations${listQuery({ filter: { caseId: own[0] } })}`)).text(),
      await (await t.api('lawyer', `/api/hearing-observations${listQuery({ filter: { q: '内部' } })}`)).text(),
    ];
    for (const body of bodies) expect(body).not.toContain(SECRET);
    expect((await t.api('lawyer', `/api/hearing-observations${listQuery({ filter: { privateNotes: SECRET } })}`)).status).toBe(403);
    expect((await t.api('lawyer', `/api/hearing-observations${listQuery({ sort: ['privateNotes', 'ASC'] })}`)).status).toBe(403);
    expect((await t.api('lawyer', '/api/audit-log')).status).toBe(403);
    const audit = await t.database.db.selectFrom('audit_log').select('changes').where('resource', '=', 'hearing-observations').execute();
    for (const entry of audit) expect(String(entry.changes)).not.toContain(SECRET);
    expect((await json(await t.api('supervisor', `/api/hearing-observations/${created.id}`))).privateNotes).toBe(SECRET);
  });

  it('the lawyer sees no observation of another lawyer\'s case and writes none', async () => {
    const other = await t.database.db.selectFrom('cases').select('id').where('id', 'not in', own).limit(1).executeTakeFirstOrThrow();
    const created = await json(await t.api('supervisor', '/api/hearing-observations', { method: 'POST', body: { caseId: other.id, observers: '主任', answers: FULL } }));
    expect(created.id).toBeGreaterThan(0);
    expect((await t.api('lawyer', `/api/hearing-observations/${created.id}`)).status).toBe(404);
    expect((await t.api('lawyer', '/api/hearing-observations', { method: 'POST', body: { caseId: own[0], observers: '我', answers: {} } })).status).toBe(403);
  });
});

describe('the observation plan', () => {
  it('states coverage against the 5% target and suggests the priority hearings', async () => {
    const { db } = t.database;
    const year = 2031; // a year the demo data does not reach
    await db.deleteFrom('hearing_observations').execute();
    const cases = (await db.selectFrom('cases').select('id').orderBy('id').limit(22).execute()).map((r) => Number(r.id));
    // 22 cases heard in 2031: target ceil(22 × 5%) = 2; one observed already, so one more needed.
    const now = new Date().toISOString();
    const hearing = (caseId: number, when: string) => ({ caseId, kind: 'hearing', occurredAt: when, court: '示例区人民法院', version: 1, createdAt: now, updatedAt: now });
    await db.insertInto('case_activities').values(cases.map((id) => hearing(id, '2031-06-01T01:00:00.000Z'))).execute();
    await db.insertInto('hearing_observations').values({ caseId: cases[0], observedOn: '2031-06-01', observers: '主任', answers: '{}', version: 1, createdAt: now, updatedAt: now }).execute();
    // Upcoming: a later hearing in case 2 (a minor) and case 3 (life imprisonment at stake, a minor too) and case 4 (none).
    for (const id of cases.slice(1, 4)) await db.insertInto('case_activities').values(hearing(id, '2031-11-20T01:00:00.000Z')).execute();
    await db.updateTable('cases').set({ applicantGroups: JSON.stringify(['minor']) }).where('id', 'in', [cases[1], cases[2]]).execute();
    await db.updateTable('cases').set({ maxPenalty: 'life' }).where('id', '=', cases[2]).execute();
    // Every lawyer here has more than three earlier cases, so "first case" plays no part: move their application dates on.
    await db.updateTable('cases').set({ applicationDate: '2031-01-10' }).where('id', 'in', cases.slice(1, 4)).execute();
    await db.updateTable('cases').set({ applicationDate: '2020-01-01' }).where('id', 'not in', cases.slice(1, 4)).execute();
    const res = await t.api('supervisor', `/api/hearing-observations/planning?year=${year}`);
    const plan = await json(res);
    expect([plan.heardCases, plan.observedCases, plan.coveragePercent, plan.targetPercent, plan.needed]).toEqual([22, 1, 4.5, 5, 1]);
    const upcoming = plan.upcoming.filter((h: Json) => cases.slice(1, 4).includes(h.caseId) && h.occurredAt.startsWith('2031-11'));
    expect(upcoming.find((h: Json) => h.caseId === cases[2]).priorities).toEqual(expect.arrayContaining(['life_death', 'minor']));
    expect(plan.upcoming.filter((h: Json) => h.suggested).map((h: Json) => h.caseId)).toEqual([cases[2]]);
    expect((await t.api('lawyer', '/api/hearing-observations/planning')).status).toBe(403);
  });
});
