// The half-year report (GET /api/reports/complaints?half=2026-H1, .xlsx, .pdf) on a known set of
// complaints, made with their history (stamps) so that each step's timeliness is known.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../api/rest/audit.js';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';

let t: TestFayuan;
// 10 demo cases make no demo complaints (one per 30 cases): the set below is the only one.
beforeAll(async () => {
  t = await startTestFayuan({ cases: 10 });
  const complaints = t.fayuan.records.resource('complaints');
  const base = { complainantName: '投诉人', description: '投诉内容' };
  const rows = [
    // A: accept by 26 Feb (Spring Festival 15–23 Feb, 调休 Saturday 14 Feb): accepted 25 Feb, on time;
    //    conclude by 11 Apr (25 Feb + 45): concluded 10 Apr, on time; reply by 17 Apr: replied 20 Apr, late.
    { ...base, receivedAt: '2026-02-12', category: 'delay', channel: 'phone', status: 'replied', acceptedAt: '2026-02-25T02:00:00.000Z', concludedAt: '2026-04-10T02:00:00.000Z', outcome: 'upheld', conclusion: '属实', repliedAt: '2026-04-20', replyMethod: 'letter' },
    // B: accept by Monday 9 Mar; refused 10 Mar, late.
    { ...base, receivedAt: '2026-03-02', category: 'attitude', channel: 'visit', status: 'not_accepted', refusedAt: '2026-03-10T02:00:00.000Z', refusalReason: '不属受理范围' },
    // C: accept by 11 May (Labour Day 1–5 May, 调休 Saturday 9 May): accepted on that Saturday, on time;
    //    conclude by 23 Jun: still under investigation, late.
    { ...base, receivedAt: '2026-04-30', category: 'delay', channel: 'letter', status: 'investigating', acceptedAt: '2026-05-09T03:00:00.000Z' },
    // D: accept by 7 Jul: never decided, late.
    { ...base, receivedAt: '2026-06-30', category: 'fees', channel: 'phone', status: 'received' },
    // E: accepted 6 Jan, on time; concluded 10 Feb (by 20 Feb), on time; reply by 24 Feb (Saturday 14 Feb worked,
    //    15–23 Feb off): replied 24 Feb, on time.
    { ...base, receivedAt: '2026-01-05', category: 'quality', channel: 'online', status: 'replied', acceptedAt: '2026-01-06T02:00:00.000Z', concludedAt: '2026-02-10T02:00:00.000Z', outcome: 'not_upheld', conclusion: '不属实', repliedAt: '2026-02-24', replyMethod: 'phone' },
    // Outside the half: the day after it and the day before it.
    { ...base, receivedAt: '2026-07-01', category: 'gifts', channel: 'fax', status: 'received' },
    { ...base, receivedAt: '2025-12-31', category: 'gifts', channel: 'fax', status: 'received' },
  ];
  for (const row of rows) await t.fayuan.records.insert(complaints, row, systemActor);
}, 120_000);
afterAll(async () => t?.close());

const countsOf = (list: { key: string; count: number }[]) => Object.fromEntries(list.filter((c) => c.count).map((c) => [c.key, c.count]));

describe('the half-year report of complaints', () => {
  it('counts the five complaints received in 2026-H1 by category, channel and outcome, and the timeliness of each step', async () => {
    const res = await t.api('supervisor', '/api/reports/complaints?half=2026-H1');
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ half: '2026-H1', from: '2026-01-01', to: '2026-06-30', total: 5 });
    expect(countsOf(report.byCategory)).toEqual({ delay: 2, attitude: 1, fees: 1, quality: 1 });
    expect(report.byCategory.map((c: any) => c.key)).toEqual(['attitude', 'quality', 'delay', 'fees', 'gifts', 'refusal', 'other']);
    expect(countsOf(report.byChannel)).toEqual({ phone: 2, visit: 1, letter: 1, online: 1 });
    // Three not concluded have no outcome.
    expect(countsOf(report.byOutcome)).toEqual({ upheld: 1, not_upheld: 1, none: 3 });
    expect(report.timeliness).toEqual({
      accepted: { onTime: 3, late: 2, pending: 0 }, // A, C, E on time; B refused late, D undecided past its deadline
      concluded: { onTime: 2, late: 1, pending: 0 }, // of the accepted A, C, E: C is past its deadline
      replied: { onTime: 1, late: 1, pending: 0 }, // of the concluded A, E: A replied late
    });
  });

  it('counts the second half apart: only the complaint of 1 July', async () => {
    const report = await (await t.api('admin', '/api/reports/complaints?half=2026-H2')).json();
    expect(report.total).toBe(1);
    expect(countsOf(report.byCategory)).toEqual({ gifts: 1 });
  });

  it('refuses a half year that is not one, and roles that may not read complaints', async () => {
    for (const half of ['2026', '2026-H3', '', 'x-H1']) {
      const res = await t.api('admin', `/api/reports/complaints?half=${half}`);
      expect(res.status, half).toBe(400);
      expect((await res.json()).errors.half).toContain('2026-H1');
    }
    expect((await t.api('lawyer', '/api/reports/complaints?half=2026-H1')).status).toBe(403);
    expect((await t.api(null, '/api/reports/complaints?half=2026-H1')).status).toBe(401);
  });

  it('gives the same figures as an XLSX with Chinese labels', async () => {
    const res = await t.api('admin', '/api/reports/complaints.xlsx?half=2026-H1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('投诉统计')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r: any) => r.slice(1));
    expect(String(rows[0][0])).toContain('2026 年上半年');
    expect(rows).toContainEqual(['收到投诉总数', 5]);
    expect(rows).toContainEqual(['拖延办理', 2]);
    expect(rows).toContainEqual(['电话', 2]);
    expect(rows).toContainEqual(['属实', 1]);
    expect(rows).toContainEqual(['受理', 3, 2, 0]);
    expect(rows).toContainEqual(['办结', 2, 1, 0]);
    expect(rows).toContainEqual(['答复', 1, 1, 0]);
  });

  it('gives a PDF', async () => {
    const res = await t.api('admin', '/api/reports/complaints.pdf?half=2026-H1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
