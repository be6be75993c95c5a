// The audit trail as people read it: Chinese action names, labels for enum values, titles for
// references, people by name and role, one time format; the raw values kept beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, startTestFayuan, type TestFayuan } from '../support/fayuan.js';
import { readableTime } from '../../api/audit/readable.js';

let t: TestFayuan;
let caseId: number;
let lawyer: { id: number; name: string };
beforeAll(async () => {
  t = await startTestFayuan({ cases: 20 });
  const created = await (await t.api('admin', '/api/cases', {
    method: 'POST',
    body: { applicantName: '李四', caseType: 'civil', causeOfAction: '劳动争议', channel: 'window', applicationDate: '2026-03-02', exemptionReason: 'social_assistance', applicantGroups: ['low_income'] },
  })).json();
  caseId = created.id;
  for (const action of ['review', 'accept']) {
    const res = await t.api('admin', `/api/cases/${caseId}/transitions/${action}`, { method: 'POST', body: {} });
    expect(res.status, action).toBe(200);
  }
  const eligible = (await (await t.api('admin', `/api/cases/${caseId}/eligible-lawyers`)).json()) as { id: number; name: string; eligible: boolean }[];
  lawyer = eligible.find((l) => l.eligible)!;
  const assigned = await t.api('admin', `/api/cases/${caseId}/transitions/assign`, { method: 'POST', body: { lawyerId: lawyer.id } });
  expect(assigned.status).toBe(200);
}, 120_000);
afterAll(() => t.close());

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('a readable history', () => {
  it('formats times one way, in Beijing time', () => {
    expect(readableTime('2026-03-05T06:30:00.000Z')).toBe('2026-03-05 14:30');
    expect(readableTime(new Date('2026-12-31T17:05:00Z'))).toBe('2027-01-01 01:05');
  });

  it("tells the case's workflow in the centre's words", async () => {
    const { history } = await (await t.api('admin', `/api/cases/${caseId}/workflow`)).json();
    expect(history.map((h: any) => h.readable.action.zh)).toEqual(['开始审查', '受理', '指派']);
    const assign = history[2].readable;
    expect(assign.who.zh).toMatch(/（中心管理员）$/);
    expect(assign.who.zh).not.toContain('@');
    expect(assign.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const said = JSON.stringify(history.map((h: any) => h.readable));
    expect(said).toContain(`"after":{"zh":"${lawyer.name}"`);
    expect(said).toContain('"zh":"受理"');
    expect(said).not.toMatch(/transition:|"accepted"|"assigned"|"in_progress"/);
    expect(said).not.toMatch(ISO);
    // The raw entry is still there.
    expect(history[2].action).toBe('transition:assign');
    expect(history[2].changes.status).toEqual(['accepted', 'assigned']);
  });

  it('answers each audit-log entry with its readable view, raw values kept', async () => {
    const res = await t.api('admin', `/api/audit-log${listQuery({ filter: { resource: 'cases', recordId: String(caseId) }, sort: ['at', 'ASC'] })}`);
    const entries = await res.json();
    expect(entries.map((e: any) => e.action)).toEqual(['create', 'transition:review', 'transition:accept', 'transition:assign']);
    expect(entries.map((e: any) => e.readable.action.zh)).toEqual(['新建', '开始审查', '受理', '指派']);
    const created = entries[0].readable;
    expect(created.record.zh).toMatch(/^法律援助案件 （2026）援字第\d{4}号$/);
    const byField = Object.fromEntries(created.changes.map((c: any) => [c.field.zh, c.after?.zh]));
    expect(byField).toMatchObject({ 申请人: '李四', 案件类型: '民事', 申请渠道: '窗口', 特殊群体: '低保', 状态: '申请' });
    const one = await (await t.api('admin', `/api/audit-log/${entries[3].id}`)).json();
    expect(one.readable.action.zh).toBe('指派');
    expect(typeof one.changes).toBe('string');
  });

  it('names sign-ins and failed sign-ins', async () => {
    await t.fayuan.app.request('/api/auth/sign-in/email', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: 'nobody@fayuan.test', password: 'wrong-password-1' }),
    });
    const entries = await (await t.api('admin', `/api/audit-log${listQuery({ filter: { action: ['sign-in', 'sign-in-failed'] }, sort: ['at', 'ASC'] })}`)).json();
    const actions = new Set(entries.map((e: any) => e.readable.action.zh));
    expect(actions).toEqual(new Set(['登录', '登录失败']));
    expect(entries.find((e: any) => e.action === 'sign-in').readable.who.zh).toMatch(/（中心管理员）$/);
    expect(entries.find((e: any) => e.action === 'sign-in-failed').readable.who.zh).toBe('nobody@fayuan.test');
  });
});
