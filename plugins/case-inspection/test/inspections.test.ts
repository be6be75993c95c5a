// 案卷评查: one per closed case, scored by the server; the band sets the case's grade via an audited change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../../../test/support/fayuan.js';

type Json = Record<string, any>;
let t: TestFayuan;
const json = async (res: Response) => (await res.json()) as any;
const ALL_MAX = async (): Promise<Json> => {
  const form = await t.database.db.selectFrom('forms').selectAll().where('key', '=', 'case-inspection').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const def = typeof form.definition === 'string' ? JSON.parse(form.definition) : form.definition;
  const answers: Json = {};
  for (const s of def.sections) for (const i of s.items) if (i.kind === 'score') answers[i.id] = i.max;
  return answers;
};

beforeAll(async () => {
  t = await startTestFayuan({ cases: 40, plugins: ['case-inspection'] });
});
afterAll(async () => t?.close());

const casesIn = (statuses: string[]) => t.database.db.selectFrom('cases').selectAll().where('status', 'in', statuses).orderBy('id').execute();
/** Closed cases the demo left uninspected. */
const awaiting = () => t.database.db.selectFrom('cases').selectAll().where('status', 'in', ['closed', 'archived'])
  .where('id', 'not in', t.database.db.selectFrom('case_inspections').select('caseId')).orderBy('id').execute();

describe('demo inspections', () => {
  it('inspects every closed demo case but the newest ten, each sheet in the band of the case grade; the queue holds the rest', async () => {
    const closed = await casesIn(['closed', 'archived']);
    const rows = await t.database.db.selectFrom('case_inspections').selectAll().execute();
    expect(closed.length).toBeGreaterThan(10);
    expect(rows).toHaveLength(closed.length - 10);
    const grades = new Map(closed.map((c) => [Number(c.id), c.qualityGrade]));
    for (const row of rows) {
      expect(row.grade).toBe(grades.get(Number(row.caseId)) ?? 'good');
      expect(Number(row.score)).toBeGreaterThan(0);
    }
    const queue = await json(await t.api('supervisor', '/api/case-inspections/queue'));
    expect(queue).toHaveLength(10);
    expect(new Set(queue.map((q: Json) => q.id))).toEqual(new Set((await awaiting()).map((c) => c.id)));
  });
});

describe('case inspections', () => {
  it('scores on the server (a client score is ignored), grades the case by an audited inspection-grade change, one per case', async () => {
    const [c] = await awaiting();
    const answers = await ALL_MAX();
    const res = await t.api('supervisor', '/api/case-inspections', { method: 'POST', body: { caseId: c.id, inspectedAt: '2026-06-01', inspector: '王督导', answers, score: 1, grade: 'fail' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const made = await json(res);
    expect([made.score, made.grade]).toEqual([100, 'excellent']);
    const after = await t.database.db.selectFrom('cases').select(['qualityGrade']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(after.qualityGrade).toBe('excellent');
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('resource', '=', 'cases').where('recordId', '=', String(c.id)).where('action', '=', 'inspection-grade').execute();
    expect(audit).toHaveLength(1);
    const twice = await t.api('supervisor', '/api/case-inspections', { method: 'POST', body: { caseId: c.id, inspectedAt: '2026-06-02', answers } });
    expect(twice.status).toBe(409);
  });

  it('refuses an open case, and a lawyer or reviewer writing', async () => {
    const [open] = await casesIn(['in_progress', 'assigned']);
    const res = await t.api('supervisor', '/api/case-inspections', { method: 'POST', body: { caseId: open.id, inspectedAt: '2026-06-01', answers: await ALL_MAX() } });
    expect(res.status).toBe(400);
    const [, closed] = await awaiting();
    for (const role of ['lawyer', 'reviewer'] as const) {
      const r = await t.api(role, '/api/case-inspections', { method: 'POST', body: { caseId: closed.id, inspectedAt: '2026-06-01', answers: await ALL_MAX() } });
      expect(r.status).toBe(403);
    }
  });

  it('lists the queue oldest closing first, without inspected cases, flags overdue; supervisors only', async () => {
    const answer = await t.api('supervisor', '/api/case-inspections/queue');
    const queue = await json(answer);
    expect(answer.status, JSON.stringify(queue)).toBe(200);
    const closedAt = queue.map((q: Json) => Date.parse(q.closedAt));
    expect(closedAt).toEqual([...closedAt].sort((a, b) => a - b));
    const inspected = await t.database.db.selectFrom('case_inspections').select('caseId').execute();
    for (const i of inspected) expect(queue.map((q: Json) => q.id)).not.toContain(i.caseId);
    for (const q of queue) expect(q.overdue).toBe(Date.now() - Date.parse(q.closedAt) > 30 * 86_400_000);
    for (const role of ['lawyer', 'reviewer'] as const) expect((await t.api(role, '/api/case-inspections/queue')).status).toBe(403);
  });

  it('lets a lawyer read only inspections of own cases, a reviewer none', async () => {
    const reviewer = await t.api('reviewer', '/api/case-inspections');
    expect([200, 403]).toContain(reviewer.status);
    if (reviewer.status === 200) expect(await reviewer.json()).toEqual([]);
    const lawyerRows = await json(await t.api('lawyer', '/api/case-inspections'));
    const all = await json(await t.api('admin', '/api/case-inspections'));
    expect(lawyerRows.length).toBeLessThanOrEqual(all.length);
    const own = new Set((await json(await t.api('lawyer', '/api/cases?range=[0,999]'))).map((c: Json) => c.id));
    for (const row of lawyerRows) {
      expect(own.has(row.caseId)).toBe(true);
      expect(row.inspector ?? '').toBe('');
    }
  });
});
