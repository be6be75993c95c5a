// The complaint's life through its actions (POST /api/complaints/:id/transitions/<action>):
// every move, every refusal (wrong state, missing details, a second extension, a wrong role),
// the deadlines each move sets from the settings, the overdue filter, the lawyer held back
// from a case while a complaint about them on it is open, and the public notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, today, type CalendarException } from '../api/calendar.js';
import { defaultSettings } from '../api/settings/settings.js';
import { acceptDue, concludeDue, extendedDue, replyDue } from '../api/complaints/deadlines.js';
import { openComplaintLawyerIds } from '../api/cases/guards.js';
import { systemActor } from '../api/rest/audit.js';
import { listQuery, startTestFayuan, totalOf, type Role, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;
beforeAll(async () => { t = await startTestFayuan({ cases: 30 }); }, 120_000);
afterAll(async () => t?.close());

const TODAY = today();
const settings = defaultSettings as unknown as Record<string, unknown>;

async function call(role: Role | null, path: string, method = 'GET', body?: unknown) {
  const res = await t.api(role, path, { method, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, res };
}
const act = (id: number, action: string, body: unknown = {}, role: Role = 'admin') =>
  call(role, `/api/complaints/${id}/transitions/${action}`, 'POST', body);

async function newComplaint(over: Record<string, unknown> = {}) {
  const res = await call('supervisor', '/api/complaints', 'POST', {
    complainantName: '李投诉', channel: 'phone', receivedAt: TODAY, category: 'delay', description: '承办律师长期未联系受援人', ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('a complaint from 登记 to 答复', () => {
  let id: number;

  it('is registered as received, whatever status the form sends, with its accept deadline', async () => {
    const created = await newComplaint({ status: 'replied' });
    id = created.id;
    expect(created.status).toBe('received');
    expect(created.acceptDeadline).toBe(acceptDue(TODAY, settings));
    expect(created.concludeDeadline).toBeNull();
    const flow = await call('admin', `/api/complaints/${id}/workflow`);
    expect(flow.body.actions.map((a: any) => a.name)).toEqual(['accept', 'refuse']);
    expect(flow.body.deadline).toMatchObject({ kind: 'accept', due: acceptDue(TODAY, settings), overdue: false });
  });

  it('refuses a PUT that changes the status (422) but takes one that sends it back unchanged', async () => {
    const put = await call('admin', `/api/complaints/${id}`, 'PUT', { status: 'concluded' });
    expect(put.status).toBe(422);
    expect(put.body.errors.status).toBeTruthy();
    expect((await call('admin', `/api/complaints/${id}`, 'PUT', { status: 'received', description: '承办律师长期未联系受援人，电话不接' })).status).toBe(200);
  });

  it('refuses moves from the wrong state (409), naming the state', async () => {
    for (const action of ['investigate', 'extend', 'conclude', 'reply']) {
      const res = await act(id, action, { reason: '理由', findings: 'x', conclusion: 'y', outcome: 'upheld', repliedAt: TODAY, replyMethod: 'letter' });
      expect(res.status, action).toBe(409);
      expect(res.body.message).toContain('登记');
    }
    expect((await act(id, 'nonsense')).status).toBe(422);
  });

  it('refuses roles that may not handle complaints: a lawyer and a reviewer cannot reach it', async () => {
    for (const role of ['lawyer', 'reviewer'] as const) {
      const res = await act(id, 'accept', {}, role);
      expect([403, 404], role).toContain(res.status);
    }
    expect((await call('admin', `/api/complaints/${id}`)).body.status).toBe('received');
  });

  it('accepts (a supervisor may): stamps acceptedAt, sets the conclude deadline 45 days on', async () => {
    const res = await act(id, 'accept', {}, 'supervisor');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('accepted');
    expect(res.body.acceptedAt.slice(0, 10)).toBe(TODAY);
    expect(res.body.concludeDeadline).toBe(concludeDue(TODAY, settings));
    expect((await act(id, 'refuse', { reason: '不属受理范围' })).status).toBe(409);
  });

  it('starts the investigation', async () => {
    const res = await act(id, 'investigate');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('investigating');
    expect(res.body.investigationStartedAt).toBeTruthy();
  });

  it('extends the conclude deadline once, by an admin, with a reason', async () => {
    const missing = await act(id, 'extend', {});
    expect(missing.status).toBe(422);
    expect(missing.body.errors.reason).toContain('延长');
    const blank = await act(id, 'extend', { reason: '   ' });
    expect(blank.status).toBe(422);
    const bySupervisor = await act(id, 'extend', { reason: '需调取法院卷宗' }, 'supervisor');
    expect(bySupervisor.status).toBe(403);
    expect(bySupervisor.body.message).toContain('中心管理员');

    const res = await act(id, 'extend', { reason: '需调取法院卷宗' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('investigating');
    expect(res.body.extensionReason).toBe('需调取法院卷宗');
    expect(res.body.concludeDeadline).toBe(extendedDue(concludeDue(TODAY, settings), settings));

    const again = await act(id, 'extend', { reason: '再次延期' });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('complaint.extended_once');
    expect(again.body.message).toContain('只能延长一次');
    expect((await call('admin', `/api/complaints/${id}`)).body.extensionReason).toBe('需调取法院卷宗');
  });

  it('concludes with findings, conclusion and an outcome; the reply deadline is 5 working days on', async () => {
    const missing = await act(id, 'conclude', { findings: '调阅案卷' });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.errors).sort()).toEqual(['conclusion', 'outcome']);
    const wrong = await act(id, 'conclude', { findings: '调阅案卷', conclusion: '属实', outcome: 'maybe' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.outcome).toBeTruthy();

    const res = await act(id, 'conclude', { findings: '调阅案卷、询问承办律师', conclusion: '投诉部分属实，已责令整改', outcome: 'partly_upheld' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'concluded', outcome: 'partly_upheld', conclusion: '投诉部分属实，已责令整改', replyDeadline: replyDue(TODAY, settings) });
    const flow = await call('admin', `/api/complaints/${id}/workflow`);
    expect(flow.body.deadline).toMatchObject({ kind: 'reply', due: replyDue(TODAY, settings) });
  });

  it('replies with the date and method: not in the future, not a non-date, not without a method', async () => {
    expect((await act(id, 'reply', { repliedAt: addDays(TODAY, 1), replyMethod: 'letter' })).status).toBe(422);
    expect((await act(id, 'reply', { repliedAt: '2026-02-30', replyMethod: 'letter' })).status).toBe(422);
    const noMethod = await act(id, 'reply', { repliedAt: TODAY });
    expect(noMethod.status).toBe(422);
    expect(noMethod.body.errors.replyMethod).toBeTruthy();

    const res = await act(id, 'reply', { repliedAt: TODAY, replyMethod: 'letter' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'replied', repliedAt: TODAY, replyMethod: 'letter' });
    expect((await act(id, 'reply', { repliedAt: TODAY, replyMethod: 'letter' })).status).toBe(409);
  });

  it('keeps the history of every move, and the final state has no actions and no deadline', async () => {
    const flow = await call('admin', `/api/complaints/${id}/workflow`);
    expect(flow.body.history.map((h: any) => h.action)).toEqual(
      ['transition:accept', 'transition:investigate', 'transition:extend', 'transition:conclude', 'transition:reply']);
    expect(flow.body.actions).toEqual([]);
    expect(flow.body.deadline).toMatchObject({ kind: null, due: null });
  });

  it('refuses (不予受理) only with a reason, which it keeps', async () => {
    const other = await newComplaint();
    const missing = await act(other.id, 'refuse', {});
    expect(missing.status).toBe(422);
    expect(missing.body.errors.reason).toBeTruthy();
    const res = await act(other.id, 'refuse', { reason: '不属于法律援助投诉受理范围' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'not_accepted', refusalReason: '不属于法律援助投诉受理范围' });
    expect(res.body.refusedAt).toBeTruthy();
    expect((await act(other.id, 'accept')).status).toBe(409);
  });

  it('answers in English when asked', async () => {
    const other = await newComplaint();
    const res = await t.api('admin', `/api/complaints/${other.id}/transitions/refuse`, { method: 'POST', body: {}, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.reason).toBe('Give the reason for not accepting');
  });
});

describe('the overdue filter', () => {
  it('finds the complaints past the deadline of their state, and only those', async () => {
    const complaints = t.fayuan.records.resource('complaints');
    const base = { complainantName: '王某', channel: 'visit', category: 'attitude', description: '态度恶劣' };
    const late = await t.fayuan.records.insert(complaints, { ...base, receivedAt: addDays(TODAY, -30), status: 'received' }, systemActor);
    const fresh = await t.fayuan.records.insert(complaints, { ...base, receivedAt: TODAY, status: 'received' }, systemActor);
    const lateConclusion = await t.fayuan.records.insert(complaints, { ...base, receivedAt: addDays(TODAY, -80), status: 'investigating', acceptedAt: `${addDays(TODAY, -78)}T02:00:00.000Z` }, systemActor);
    const replied = await t.fayuan.records.insert(complaints, { ...base, receivedAt: addDays(TODAY, -80), status: 'replied', acceptedAt: `${addDays(TODAY, -78)}T02:00:00.000Z` }, systemActor);
    const res = await t.api('admin', `/api/complaints${listQuery({ filter: { overdue: true }, range: [0, 999] })}`);
    const ids = (await res.json()).map((r: any) => r.id);
    expect(ids).toContain(late.id);
    expect(ids).toContain(lateConclusion.id);
    expect(ids).not.toContain(fresh.id);
    expect(ids).not.toContain(replied.id);
    expect(totalOf(res)).toBe(ids.length);
  });
});

describe('a lawyer with an open complaint on a case', () => {
  it('is held back while the complaint is received, accepted or under investigation, not once it is refused, concluded or replied', async () => {
    const cases = await (await t.api('admin', `/api/cases${listQuery({ range: [0, 0] })}`)).json();
    const caseId = cases[0].id;
    const lawyers = await (await t.api('admin', `/api/lawyers${listQuery({ range: [0, 5] })}`)).json();
    const complaints = t.fayuan.records.resource('complaints');
    const statuses = ['received', 'accepted', 'investigating', 'not_accepted', 'concluded', 'replied'];
    const before = await openComplaintLawyerIds(t.database.db, caseId);
    for (const [i, status] of statuses.entries()) {
      await t.fayuan.records.insert(complaints, {
        complainantName: '张某', channel: 'letter', category: 'quality', description: '质量问题', receivedAt: TODAY, status, caseId, lawyerId: lawyers[i].id,
      }, systemActor);
    }
    const open = (await openComplaintLawyerIds(t.database.db, caseId)).filter((id) => !before.includes(id));
    expect(open.sort()).toEqual([lawyers[0].id, lawyers[1].id, lawyers[2].id].filter((id) => !before.includes(id)).sort());
  });
});

describe('the public notice (公示)', () => {
  it('answers without a session, only the notice settings, as an admin sets them', async () => {
    const put = await call('admin', '/api/settings/1', 'PUT', { complaintNoticePhone: '0571-12348', complaintNoticeEmail: 'ts@fayuan.test', complaintNoticeAddress: '示例区人民路 1 号' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const res = await call(null, '/api/public/complaint-notice');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['address', 'centreName', 'email', 'fax', 'phone', 'procedure', 'scope']);
    expect(res.body).toMatchObject({ phone: '0571-12348', email: 'ts@fayuan.test', address: '示例区人民路 1 号', fax: null });
    expect(res.body.procedure).toContain('5 个工作日');
    expect(JSON.stringify(res.body)).not.toContain('minimumLivingStandard');
  });

  it('lets only an admin change the holiday list, and new deadlines follow it', async () => {
    // The next working day, so that a holiday there moves the deadline whatever weekday today is.
    const holidays = [{ date: addWorkingDays(TODAY, 1, settings.holidays as CalendarException[]), kind: 'holiday', name: '测试假日' }];
    expect((await call('supervisor', '/api/settings/1', 'PUT', { holidays })).status).toBe(403);
    const bad = await call('admin', '/api/settings/1', 'PUT', { holidays: [{ date: 'soon', kind: 'holiday' }] });
    expect(bad.status).toBe(400);
    const stored = (await call('admin', '/api/settings/1')).body;
    const put = await call('admin', '/api/settings/1', 'PUT', { holidays: [...stored.holidays, ...holidays] });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const created = await newComplaint();
    expect(created.acceptDeadline).toBe(acceptDue(TODAY, { ...settings, holidays: put.body.holidays }));
    expect(created.acceptDeadline).not.toBe(acceptDue(TODAY, settings));
    await call('admin', '/api/settings/1', 'PUT', { holidays: stored.holidays });
  });
});
