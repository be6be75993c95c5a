// Consultations: conversion into an application, reply deadlines, and the quarterly 12348 report
// on a set counted by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFayuan, type TestFayuan } from '../support/fayuan.js';

let t: TestFayuan;
type Json = Record<string, any>;

beforeAll(async () => { t = await startTestFayuan({ cases: 5 }); });
afterAll(async () => { await t?.close(); });

async function ok(path: string, method = 'GET', body?: unknown): Promise<Json> {
  const res = await t.api('admin', path, { method, body });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text);
}

describe('a consultation', () => {
  it('becomes an application in 申请, pre-filled and linked both ways, once', async () => {
    const point = await ok('/api/service-points', 'POST', { name: '城东工作站', kind: 'intake_point', hostType: 'law_firm' });
    const consultation = await ok('/api/consultations', 'POST', {
      channel: 'hotline_12348', occurredAt: '2026-02-03T02:00:00.000Z', personName: '王芳', personPhone: '13812345678',
      personGroups: ['migrant_worker'], category: 'labour', question: '老板拖欠三个月工资怎么办？', durationMinutes: 12, aidAdvised: true,
      servicePointId: point.id,
    });
    const created = await ok(`/api/consultations/${consultation.id}/convert`, 'POST');
    expect(created).toMatchObject({
      status: 'applied', applicantName: '王芳', applicantPhone: '13812345678', applicantGroups: ['migrant_worker'],
      caseType: 'civil', causeOfAction: '劳动争议', channel: 'hotline_12348', servicePointId: point.id, consultationId: consultation.id,
    });
    expect(created.caseNumber).toMatch(/援字第/);
    expect((await ok(`/api/consultations/${consultation.id}`)).caseId).toBe(created.id);
    const again = await t.api('admin', `/api/consultations/${consultation.id}/convert`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await t.api('supervisor', `/api/consultations/${consultation.id}/convert`, { method: 'POST' })).status).toBe(403);
  });

  it('by letter or online owes a reply within 7 working days; a call owes none', async () => {
    // Friday 2026-03-06 + 7 working days = Tuesday 2026-03-17.
    const letter = await ok('/api/consultations', 'POST', { channel: 'letter', occurredAt: '2026-03-06T01:00:00.000Z', personName: '李四', category: 'family', question: '离婚财产如何分割？' });
    expect(letter.replyDueDate).toBe('2026-03-17');
    const call = await ok('/api/consultations', 'POST', { channel: 'hotline_12348', occurredAt: '2026-03-06T01:00:00.000Z', personName: '张三', category: 'family', question: '抚养费？' });
    expect(call.replyDueDate).toBeNull();
    const overdue = await t.api('admin', `/api/consultations?filter=${encodeURIComponent(JSON.stringify({ overdue: true }))}`);
    expect((await overdue.json()).map((r: Json) => r.id)).toContain(letter.id);
  });
});

describe('the quarterly 12348 report', () => {
  it('counts a hand-made quarter by channel, category, service point and month, with conversions and reply timeliness', async () => {
    const a = await ok('/api/service-points', 'POST', { name: '甲服务点', kind: 'intake_point', hostType: 'law_firm' });
    const b = await ok('/api/service-points', 'POST', { name: '乙服务点', kind: 'intake_point', hostType: 'law_firm' });
    const add = (body: Json) => ok('/api/consultations', 'POST', { personName: '咨询人', question: '问题', ...body });
    // 2024-Q4 in China time: 2024-10-01T00:00+08:00 = 2024-09-30T16:00Z.
    await add({ channel: 'hotline_12348', occurredAt: '2024-09-30T16:00:00.000Z', category: 'labour', durationMinutes: 10, servicePointId: a.id, aidAdvised: true }); // Oct
    await add({ channel: 'hotline_12348', occurredAt: '2024-10-15T03:00:00.000Z', category: 'labour', durationMinutes: 20, servicePointId: a.id }); // Oct
    const toConvert = await add({ channel: 'visit', occurredAt: '2024-11-04T03:00:00.000Z', category: 'family', servicePointId: b.id, aidAdvised: true }); // Nov
    // Letter received Mon 2024-12-02, due Wed 2024-12-11, replied on the 10th: on time.
    await add({ channel: 'letter', occurredAt: '2024-12-02T02:00:00.000Z', category: 'labour', repliedAt: '2024-12-10' }); // Dec
    // Online on Mon 2024-12-16, due Wed 2024-12-25, replied 2024-12-30: late.
    await add({ channel: 'online', occurredAt: '2024-12-16T02:00:00.000Z', category: 'traffic', repliedAt: '2024-12-30', servicePointId: b.id }); // Dec
    // Online on Mon 2024-12-30 and never answered: due 2025-01-08, overdue by now.
    await add({ channel: 'online', occurredAt: '2024-12-30T02:00:00.000Z', category: 'traffic' }); // Dec
    // Outside the quarter: 2024-12-31T16:00Z is 2025-01-01 in China.
    await add({ channel: 'visit', occurredAt: '2024-12-31T16:00:00.000Z', category: 'land' });
    await add({ channel: 'visit', occurredAt: '2024-09-30T15:59:59.000Z', category: 'land' });
    await ok(`/api/consultations/${toConvert.id}/convert`, 'POST');

    const report = await ok('/api/reports/hotline?quarter=2024-Q4');
    expect(report).toMatchObject({
      quarter: '2024-Q4', from: '2024-10-01', until: '2025-01-01', total: 6,
      byChannel: { visit: 1, hotline_12348: 2, letter: 1, online: 2, workstation: 0 },
      aidAdvised: 2, converted: 1, convertedShare: 0.1667,
      hotline: { calls: 2, totalMinutes: 30, averageMinutes: 15 },
      replies: { due: 3, repliedOnTime: 1, repliedLate: 1, open: 1, openOverdue: 1, onTimeShare: 0.3333 },
    });
    expect(report.byCategory).toMatchObject({ labour: 3, family: 1, traffic: 2, land: 0 });
    expect(report.byMonth).toEqual([{ month: '2024-10', count: 2 }, { month: '2024-11', count: 1 }, { month: '2024-12', count: 3 }]);
    expect(report.byServicePoint).toEqual([
      { servicePointId: a.id, name: '甲服务点', count: 2 },
      { servicePointId: b.id, name: '乙服务点', count: 2 },
      { servicePointId: null, name: '未注明', count: 2 },
    ]);
    expect(report.topTopics.map((x: Json) => [x.category, x.count])).toEqual([['labour', 3], ['traffic', 2], ['family', 1]]);

    const xlsx = await t.api('admin', '/api/reports/hotline.xlsx?quarter=2024-Q4');
    expect(xlsx.status).toBe(200);
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await t.api('supervisor', '/api/reports/hotline.pdf?quarter=2024-Q4');
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.api('lawyer', '/api/reports/hotline?quarter=2024-Q4')).status).toBe(403);
    expect((await t.api('admin', '/api/reports/hotline?quarter=2025-5')).status).toBe(400);
  }, 60_000);
});
