// Data that cannot go wrong (issue #10): locked cases and their audited correction, no delete of
// a numbered case or of a record others point to, search by the lawyer's name and the ID number,
// sorting by a reference's title, an ID number's derived fields under masking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, startTestFayuan, totalOf, type Role, type TestFayuan } from '../support/fayuan.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let t: TestFayuan;
beforeAll(async () => {
  t = await startTestFayuan({ cases: 120 });
});
afterAll(async () => t?.close());

async function call(role: Role, path: string, method = 'GET', body?: unknown) {
  const res = await t.api(role, path, { method, body });
  return { status: res.status, body: await res.json() as Json, total: totalOf(res) };
}
const casesWith = async (filter: Json, role: Role = 'admin') => (await call(role, `/api/cases${listQuery({ filter, range: [0, 999] })}`)).body as Json[];

describe('closed and archived cases are locked', () => {
  it('refuses an edit of an archived case, naming the correction', async () => {
    const [archived] = await casesWith({ status: 'archived' });
    const answer = await call('admin', `/api/cases/${archived.id}`, 'PUT', { ...archived, causeOfAction: '改过的案由' });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/已归档.*更正/);
    expect(Object.keys(answer.body.errors)).toEqual(['causeOfAction']);
    const seen = (await call('supervisor', `/api/cases/${archived.id}`)).body;
    // Supervisors grade through inspections, never by editing the case.
    const grade = await call('supervisor', `/api/cases/${archived.id}`, 'PUT', { ...seen, qualityGrade: archived.qualityGrade === 'good' ? 'pass' : 'good' });
    expect(grade.status).toBe(403);
    expect((await call('admin', `/api/cases/${archived.id}`)).body.causeOfAction).toBe(archived.causeOfAction);
  });

  it('saves an archived case sent back unchanged', async () => {
    const [archived] = await casesWith({ status: 'archived' });
    expect((await call('admin', `/api/cases/${archived.id}`, 'PUT', archived)).status).toBe(200);
  });

  it('closes a closed case to every client edit: its quality grade and subsidy are the server\'s', async () => {
    const [closed] = await casesWith({ status: 'closed' });
    const seen = (await call('supervisor', `/api/cases/${closed.id}`)).body;
    for (const role of ['supervisor', 'admin'] as const) {
      const mine = role === 'admin' ? closed : seen;
      const grade = await call(role, `/api/cases/${closed.id}`, 'PUT', { ...mine, qualityGrade: closed.qualityGrade === 'excellent' ? 'good' : 'excellent' });
      if (role === 'supervisor') expect(grade.status).toBe(403);
      else {
        expect(grade.status).toBe(422);
        expect(Object.keys(grade.body.errors)).toEqual(['qualityGrade']);
      }
    }
    expect((await call('admin', `/api/cases/${closed.id}`)).body.qualityGrade).toBe(closed.qualityGrade);
    const fresh = (await call('admin', `/api/cases/${closed.id}`)).body;
    expect((await call('admin', `/api/cases/${closed.id}`, 'PUT', { ...fresh, subsidyAmount: 1500 })).status).toBe(422);
    const paid = (await call('admin', `/api/cases/${closed.id}`)).body;
    expect(paid.subsidyAmount).toBe(fresh.subsidyAmount);
    const cause = await call('admin', `/api/cases/${closed.id}`, 'PUT', { ...paid, causeOfAction: '改过的案由' });
    expect(cause.status).toBe(422);
    expect(cause.body.message).toMatch(/已结案/);
  });

  it('takes a correction from an admin, with its reason in the audit entry', async () => {
    const [archived] = await casesWith({ status: 'archived' });
    const answer = await call('admin', `/api/cases/${archived.id}/corrections`, 'POST', { changes: { causeOfAction: '劳动报酬纠纷（更正）' }, reason: '录入笔误，据申请表更正' });
    expect(answer.status).toBe(200);
    expect(answer.body.causeOfAction).toBe('劳动报酬纠纷（更正）');
    expect(answer.body.status).toBe('archived');
    const entry = await t.database.db.selectFrom('audit_log').selectAll()
      .where('resource', '=', 'cases').where('recordId', '=', String(archived.id)).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.action).toBe('correct');
    expect(JSON.parse(entry.changes)).toMatchObject({ reason: '录入笔误，据申请表更正', causeOfAction: [archived.causeOfAction, '劳动报酬纠纷（更正）'] });
  });

  it('refuses a correction without a reason, of a field the system keeps, one that changes nothing, or by another role', async () => {
    const [archived] = await casesWith({ status: 'archived' });
    const path = `/api/cases/${archived.id}/corrections`;
    const noReason = await call('admin', path, 'POST', { changes: { causeOfAction: '新案由' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.reason).toBe('请说明更正理由');
    const status = await call('admin', path, 'POST', { changes: { status: 'applied' }, reason: '想重开' });
    expect(status.status).toBe(400);
    expect(status.body.errors.status).toBeTruthy();
    const same = await call('admin', path, 'POST', { changes: { causeOfAction: archived.causeOfAction }, reason: '无' });
    expect(same.status).toBe(400);
    const bad = await call('admin', path, 'POST', { changes: { applicantPhone: '123' }, reason: '改电话' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.applicantPhone).toBeTruthy();
    const supervisor = await call('supervisor', path, 'POST', { changes: { causeOfAction: '新案由' }, reason: '理由' });
    expect(supervisor.status).toBe(403);
  });
});

describe('a case\'s dates in order', () => {
  it('refuses an application date after the acceptance, naming the application date', async () => {
    const [open] = await casesWith({ status: 'in_progress' });
    const acceptedDay = new Date(Date.parse(open.acceptedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    const later = new Date(Date.parse(`${acceptedDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const answer = await call('admin', `/api/cases/${open.id}`, 'PUT', { ...open, applicationDate: later });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({ applicationDate: '不能晚于「受理时间」' });
    expect((await call('admin', `/api/cases/${open.id}`, 'PUT', { ...open, applicationDate: acceptedDay })).status).toBe(200);
  });
});

describe('deleting', () => {
  it('never deletes a case that has a case number, and says to reject or terminate it', async () => {
    const created = (await call('admin', '/api/cases', 'POST', { applicantName: '删除测试', caseType: 'civil' })).body;
    expect(created.caseNumber).toBeTruthy();
    const answer = await call('admin', `/api/cases/${created.id}`, 'DELETE');
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/不予受理或终止/);
    expect((await call('admin', `/api/cases/${created.id}`)).status).toBe(200);
  });

  it('refuses to delete a lawyer, firm or service point others point to, offering to set it inactive', async () => {
    const [withLawyer] = await casesWith({ lawyerId_neq: null });
    const lawyer = await call('admin', `/api/lawyers/${withLawyer.lawyerId}`, 'DELETE');
    expect(lawyer.status).toBe(409);
    expect(lawyer.body.message).toMatch(/不能删除；如已不再使用，请将「在岗」改为否/);
    expect(lawyer.body.instead).toEqual({ active: false });
    const firmId = (await call('admin', `/api/lawyers/${withLawyer.lawyerId}`)).body.lawFirmId;
    const firm = await call('admin', `/api/law-firms/${firmId}`, 'DELETE');
    expect(firm.status).toBe(409);
    expect(firm.body.message).toMatch(/请将「执业中」改为否/);
    const [atPoint] = await casesWith({ servicePointId_neq: null });
    const point = await call('admin', `/api/service-points/${atPoint.servicePointId}`, 'DELETE');
    expect(point.status).toBe(409);
    expect(point.body.message).toMatch(/请将「启用」改为否/);
  });

  it('gives law firms an active flag', async () => {
    const firm = (await call('admin', '/api/law-firms', 'POST', { name: '停用测试律师事务所' })).body;
    expect(firm.active).toBe(true);
    expect((await call('admin', `/api/law-firms/${firm.id}`, 'PUT', { ...firm, active: false })).body.active).toBe(false);
  });
});

describe('search and sort', () => {
  it('finds the cases of a lawyer by the lawyer\'s name', async () => {
    const [withLawyer] = await casesWith({ lawyerId_neq: null });
    const lawyer = (await call('admin', `/api/lawyers/${withLawyer.lawyerId}`)).body;
    const theirs = await casesWith({ lawyerId: lawyer.id });
    const found = await casesWith({ q: lawyer.name });
    expect(found.map((c) => c.id)).toEqual(expect.arrayContaining(theirs.map((c) => c.id)));
    expect(theirs.length).toBeGreaterThan(0);
  });

  it('finds a case by the applicant\'s ID number for roles that see it, never for a role that sees it masked', async () => {
    const [withId] = await casesWith({ applicantIdNumber_neq: null });
    expect((await casesWith({ q: withId.applicantIdNumber })).map((c) => c.id)).toContain(withId.id);
    expect(await casesWith({ q: withId.applicantIdNumber }, 'supervisor')).toEqual([]);
  });

  it('sorts cases by lawyerId in the order of the lawyers\' names', async () => {
    const lawyersByName = (await call('admin', `/api/lawyers${listQuery({ sort: ['name', 'ASC'], range: [0, 999] })}`)).body as Json[];
    const rank = new Map<number, number>();
    for (const l of lawyersByName) rank.set(l.id, lawyersByName.findIndex((m) => m.name === l.name));
    for (const order of ['ASC', 'DESC'] as const) {
      const rows = (await call('admin', `/api/cases${listQuery({ sort: ['lawyerId', order], range: [0, 999], filter: { lawyerId_neq: null } })}`)).body as Json[];
      const ranks = rows.map((c) => rank.get(c.lawyerId)!);
      const sorted = [...ranks].sort((a, b) => (order === 'ASC' ? a - b : b - a));
      expect(ranks).toEqual(sorted);
      const ids = rows.map((c) => c.lawyerId);
      expect(ids).not.toEqual([...ids].sort((a, b) => (order === 'ASC' ? a - b : b - a))); // not by the number
    }
  });

  it('sorts complaints by their case\'s case number', async () => {
    const rows = (await call('admin', `/api/complaints${listQuery({ sort: ['caseId', 'ASC'], range: [0, 999], filter: { caseId_neq: null } })}`)).body as Json[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.caseId)).toBe(true);
  });
});
