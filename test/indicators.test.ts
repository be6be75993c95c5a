// GET /api/indicators on a small hand-computed set: nine cases in 2015 (a year the demo data,
// which covers the last 365 days, never reaches), two lawyers, a population of 20,000; and the
// hearing-observation and return-visit figures from throwaway registers of the plugins' names;
// five consultations in the core register, three of them in 2015.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from './support/poppler.js';
import { definePlugin, defineResource, everyRow, returnVisitTallies, type Row } from '../api/plugin-kit.js';
import { startTestFayuan, type TestFayuan } from './support/fayuan.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const admin = { read: { admin: everyRow }, create: { admin: everyRow }, update: { admin: everyRow }, delete: { admin: everyRow } };
const list = (column: string) => ({ columns: [column], sort: [column, 'ASC'] as [string, 'ASC'], filters: [], search: [] });
/** The plugins' registers, reduced to the fields the indicators read (names from issue #11). */
const qualityStandIn = definePlugin({
  name: 'quality-stand-in',
  label: { zh: '测试', en: 'Test' },
  resources: [
    defineResource({ name: 'case-activities', label: { zh: '办案日志', en: 'Activities' }, titleField: 'kind', access: admin, list: list('kind'), fields: {
      caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' } },
      kind: { type: 'text', label: { zh: '类型', en: 'Kind' } },
      occurredAt: { type: 'datetime', label: { zh: '时间', en: 'At' } },
    } }),
    defineResource({ name: 'hearing-observations', label: { zh: '旁听', en: 'Observations' }, titleField: 'caseId', access: admin, list: list('caseId'), fields: {
      caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' } },
      activityId: { type: 'reference', to: 'case-activities', label: { zh: '庭审', en: 'Hearing' } },
    } }),
    defineResource({ name: 'return-visits', label: { zh: '回访', en: 'Visits' }, titleField: 'satisfaction', access: admin, list: list('satisfaction'), tallies: returnVisitTallies, fields: {
      caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' } },
      visitedAt: { type: 'datetime', label: { zh: '时间', en: 'At' } },
      satisfaction: { type: 'text', label: { zh: '满意度', en: 'Satisfaction' } },
    } }),
  ],
});

let t: TestFayuan;
let caseIds: number[];

async function seed(resource: string, rows: Row[]): Promise<number[]> {
  const { records } = t.fayuan;
  return t.database.db.transaction().execute((trx) => records.seedRows(records.resource(resource), rows, trx));
}

beforeAll(async () => {
  t = await startTestFayuan({ cases: 5, plugins: [qualityStandIn] });
  expect((await t.api('admin', '/api/settings/1', { method: 'PUT', body: { registeredPopulation: 20_000 } })).status).toBe(200);
  const [firm] = await seed('law-firms', [{ name: '指标测试律师事务所' }]);
  const [a, b] = await seed('lawyers', [
    { name: '甲律师', licenseNo: 'IND0000001', lawyerType: 'practising', lawFirmId: firm },
    { name: '乙律师', licenseNo: 'IND0000002', lawyerType: 'legal_aid' },
  ]);
  const c = (n: number, row: Row): Row => ({ caseNumber: `IND-${n}`, applicantName: `受援人${n}`, channel: 'window', ...row });
  caseIds = await seed('cases', [
    c(1, { caseType: 'criminal', status: 'closed', applicationDate: '2015-01-05', closedAt: '2015-03-10T02:00:00Z', lawyerId: a, amountRecovered: 0, qualityGrade: 'excellent', applicantGroups: ['minor'] }),
    c(2, { caseType: 'civil', status: 'closed', applicationDate: '2015-01-20', closedAt: '2015-03-20T02:00:00Z', lawyerId: b, amountRecovered: 1000.5, qualityGrade: 'good', applicantGroups: ['minor', 'woman'] }),
    c(3, { caseType: 'non_litigation', status: 'closed', applicationDate: '2015-02-01', closedAt: '2015-04-02T02:00:00Z', lawyerId: a, amountRecovered: 200 }),
    c(4, { caseType: 'civil', status: 'in_progress', applicationDate: '2015-03-01', lawyerId: a }),
    c(5, { caseType: 'criminal', status: 'accepted', applicationDate: '2015-03-15' }),
    c(6, { caseType: 'civil', status: 'rejected', applicationDate: '2015-02-10', applicantGroups: ['woman'] }),
    c(7, { caseType: 'civil', status: 'applied', applicationDate: '2015-12-30' }),
    c(8, { caseType: 'administrative', status: 'closed', applicationDate: '2015-11-01', closedAt: '2016-01-05T02:00:00Z', lawyerId: b }),
    c(9, { caseType: 'arbitration', status: 'archived', applicationDate: '2014-12-20', closedAt: '2015-02-01T02:00:00Z', lawyerId: a, amountRecovered: 300 }),
  ]);
  const [h1, h2, , h4] = await seed('case-activities', [
    { caseId: caseIds[0], kind: 'hearing', occurredAt: '2015-02-01T01:00:00Z' },
    { caseId: caseIds[1], kind: 'hearing', occurredAt: '2015-02-03T01:00:00Z' },
    { caseId: caseIds[1], kind: 'meeting', occurredAt: '2015-02-04T01:00:00Z' },
    { caseId: caseIds[3], kind: 'hearing', occurredAt: '2015-05-04T01:00:00Z' },
    { caseId: caseIds[4], kind: 'hearing', occurredAt: '2014-05-04T01:00:00Z' },
  ]);
  void h2; void h4;
  await seed('hearing-observations', [{ caseId: caseIds[0], activityId: h1 }]);
  await seed('return-visits', [
    { caseId: caseIds[0], visitedAt: '2015-04-01T01:00:00Z', satisfaction: 'satisfied' },
    { caseId: caseIds[1], visitedAt: '2015-04-02T01:00:00Z', satisfaction: 'basically_satisfied' },
    { caseId: caseIds[2], visitedAt: '2015-05-02T01:00:00Z', satisfaction: 'dissatisfied' },
    { caseId: caseIds[3], visitedAt: '2015-05-03T01:00:00Z', satisfaction: 'satisfied' },
  ]);
  const consultation = (occurredAt: string): Row => ({ channel: 'visit', occurredAt, personName: '咨询人', category: 'labour', question: '拖欠工资怎么办？' });
  await seed('consultations', [
    consultation('2014-12-20T02:00:00Z'),
    consultation('2015-01-10T02:00:00Z'),
    consultation('2015-01-20T02:00:00Z'),
    consultation('2015-06-01T02:00:00Z'),
    consultation('2016-01-03T02:00:00Z'),
  ]);
});
afterAll(async () => t?.close());

async function figures(year = 2015): Promise<Json> {
  const res = await t.api('admin', `/api/indicators?year=${year}`);
  expect(res.status).toBe(200);
  return res.json();
}
const byId = (body: Json, id: string) => body.indicators.find((i: Json) => i.id === id);

describe('the yearly indicators on a hand-computed set', () => {
  it('answers every indicator by its name, with numerator, denominator, value, target and met', async () => {
    const body = await figures();
    expect(body.year).toBe(2015);
    expect(body.indicators.map((i: Json) => i.id)).toEqual([
      'cases_per_10k', 'criminal_share', 'litigation_share', 'law_firm_share',
      'hearing_observation_rate', 'satisfaction_rate', 'amount_recovered', 'consultations',
    ]);
    for (const i of body.indicators) expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'label', 'numerator', 'denominator', 'value', 'target', 'met']));
  });

  it('cases per 10,000: cases 1–5 and 8 were granted aid in 2015 (6 is rejected, 7 still applied, 9 applied in 2014); 6 / (20,000 / 10,000) = 3 < 12', async () => {
    const i = byId(await figures(), 'cases_per_10k');
    expect(i).toMatchObject({ numerator: 6, denominator: 2, value: 3, target: 12, met: false });
    // By month of application: Jan cases 1, 2; Feb 3; Mar 4, 5; Nov 8.
    expect(i.trend.map((m: Json) => m.numerator)).toEqual([2, 1, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(i.trend[0]).toMatchObject({ month: '2015-01', value: 1 });
  });

  it('criminal share: cases 1 and 5 of the 6 granted; 2/6 ≥ 19%', async () => {
    const i = byId(await figures(), 'criminal_share');
    expect(i).toMatchObject({ numerator: 2, denominator: 6, target: 0.19, met: true });
    expect(i.value).toBeCloseTo(1 / 3, 10);
  });

  it('litigation share: closed in 2015 are 1, 2, 3 and 9 (8 closed in 2016); of them 1 (criminal) and 2 (civil) are litigation; 2/4 < 55%', async () => {
    const i = byId(await figures(), 'litigation_share');
    expect(i).toMatchObject({ numerator: 2, denominator: 4, value: 0.5, target: 0.55, met: false });
    // By month of closing: Feb case 9 (0 of 1), Mar 1 and 2 (2 of 2), Apr 3 (0 of 1).
    expect(i.trend.slice(1, 4).map((m: Json) => [m.numerator, m.denominator])).toEqual([[0, 1], [2, 2], [0, 1]]);
  });

  it('law-firm share: 5 granted cases have a lawyer (1, 2, 3, 4, 8); 甲 (practising, with a firm) has 1, 3, 4; 3/5 ≥ 35%', async () => {
    const i = byId(await figures(), 'law_firm_share');
    expect(i).toMatchObject({ numerator: 3, denominator: 5, value: 0.6, target: 0.35, met: true });
    // By month of application: Jan 1 (甲) and 2; Feb 3 (甲); Mar 4 (甲); Nov 8.
    expect([0, 1, 2, 10].map((m) => [i.trend[m].numerator, i.trend[m].denominator])).toEqual([[1, 2], [1, 1], [1, 1], [0, 1]]);
  });

  it('amount recovered: cases closed in 2015: 0 + 1,000.50 + 200 + 300 yuan', async () => {
    const i = byId(await figures(), 'amount_recovered');
    expect(i).toMatchObject({ numerator: 1500.5, denominator: null, value: 1500.5, target: null, met: null });
  });

  it('hearings observed: cases 1, 2 and 4 had a hearing in 2015 (5 in 2014; a meeting is no hearing); case 1 was observed: 1/3 ≥ 5%', async () => {
    const i = byId(await figures(), 'hearing_observation_rate');
    expect(i).toMatchObject({ numerator: 1, denominator: 3, target: 0.05, met: true });
    expect(i.trend[1]).toMatchObject({ month: '2015-02', numerator: 1, denominator: 2 });
  });

  it('satisfaction: 3 of the 4 visits in 2015 were satisfied or basically satisfied: 75% < 98%', async () => {
    expect(byId(await figures(), 'satisfaction_rate')).toMatchObject({ numerator: 3, denominator: 4, value: 0.75, target: 0.98, met: false });
  });

  it('consultations: two in January 2015 and one in June (the ones of December 2014 and January 2016 are other years); 3 < 800', async () => {
    const i = byId(await figures(), 'consultations');
    expect(i).toMatchObject({ numerator: 3, denominator: null, value: 3, target: 800, met: false });
    expect(i.unavailable).toBeUndefined();
    expect(i.trend.map((m: Json) => m.numerator)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    const res = await t.api('admin', `/api/consultations?${new URLSearchParams({ filter: JSON.stringify(i.link.filter) })}`);
    expect(Number(res.headers.get('content-range')?.split('/').pop())).toBe(3);
  });

  it('breaks the granted cases down by type and group, and the closed ones by grade', async () => {
    const body = await figures();
    const counts = (list: Json[]) => Object.fromEntries(list.map((b: Json) => [b.key, b.count]));
    expect(counts(body.byType)).toEqual({ criminal: 2, civil: 2, administrative: 1, arbitration: 0, non_litigation: 1 });
    expect(counts(body.byGroup)).toMatchObject({ minor: 2, woman: 1, elderly: 0 });
    expect(counts(body.grades)).toEqual({ excellent: 1, good: 1, pass: 0, fail: 0, none: 2 });
    expect(body.byServicePoint.find((b: Json) => b.key === 'none')?.count).toBe(6);
  });

  it('links each figure to the list behind it, and that list holds the numerator', async () => {
    const i = byId(await figures(), 'criminal_share');
    const res = await t.api('admin', `/api/cases?${new URLSearchParams({ filter: JSON.stringify(i.link.filter) })}`);
    expect(Number(res.headers.get('content-range')?.split('/').pop())).toBe(2);
  });

  it('follows the targets in settings', async () => {
    expect((await t.api('admin', '/api/settings/1', { method: 'PUT', body: { targetLitigationSharePct: 50 } })).status).toBe(200);
    expect(byId(await figures(), 'litigation_share')).toMatchObject({ target: 0.5, met: true });
  });

  it('is for admins and supervisors only, and refuses a bad year in Chinese', async () => {
    expect((await t.api('supervisor', '/api/indicators?year=2015')).status).toBe(200);
    expect((await t.api('lawyer', '/api/indicators?year=2015')).status).toBe(403);
    const bad = await t.api('admin', '/api/indicators?year=20x5');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.year).toContain('年份');
  });
});

describe('the yearly report', () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    const res = await t.api('admin', '/api/reports/yearly.xlsx?year=2015');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };

  it('writes the indicators, the months by case type and the Ministry table from the same figures', async () => {
    const book = await workbook();
    expect(book.worksheets.map((w) => w.name)).toEqual(['年度指标', '按月', '按类型与服务点', '司法部统计表']);
    const summary = rowsOf(book.getWorksheet('年度指标')!);
    expect(summary.find((r) => r[0] === '刑事法律援助案件占比')).toEqual(['刑事法律援助案件占比', 2, 6, '33.3%', '≥ 19%', '是']);
    expect(summary.find((r) => r[0] === '法律咨询人次')?.[1]).toBe(3);

    const monthly = rowsOf(book.getWorksheet('按月')!);
    // Granted civil cases by month of application: case 2 in January, case 4 in March (6 was rejected, 7 is still an application).
    expect(monthly.find((r) => r[0] === '民事')).toEqual(['民事', 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(monthly.find((r) => r[0] === '合计')).toEqual(['合计', 2, 1, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 6]);

    const ministry = rowsOf(book.getWorksheet('司法部统计表')!);
    expect(ministry.find((r) => r[0] === '一、法律援助案件总数')).toEqual(['一、法律援助案件总数', 6, 3, 2, 0, 0, 1]);
    expect(ministry.find((r) => r[0] === '（一）刑事法律援助案件')).toEqual(['（一）刑事法律援助案件', 2, 1, 0, 0, 0, 1]);
    expect(ministry.find((r) => r[0] === '其中：侦查阶段')?.[1]).toBe('无数据');
    expect(ministry.find((r) => r[0] === '二、值班律师法律帮助')?.[1]).toBe('无数据');
    expect(ministry.find((r) => r[0] === '三、法律咨询（人次）')?.[1]).toBe(3);
  });

  it('prints the same figures as a PDF', async () => {
    const res = await t.api('admin', '/api/reports/yearly.pdf?year=2015');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await res.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain('2015 年度法律援助工作统计');
    expect(text).toContain('刑事法律援助案件占比 2 6 33.3% ≥ 19% 是');
    expect(text).toContain('无数据');
  }, 60_000);

  it('is refused to a lawyer', async () => {
    expect((await t.api('lawyer', '/api/reports/yearly.xlsx?year=2015')).status).toBe(403);
  });
});

describe("a lawyer's own figures", () => {
  it('counts only the lawyer\'s cases, by state', async () => {
    const res = await t.api('lawyer', '/api/indicators/mine');
    expect(res.status).toBe(200);
    const body: Json = await res.json();
    const lawyerId = Number((await t.database.db.selectFrom('user').select('lawyerId').where('email', '=', 'lawyer@fayuan.test').executeTakeFirstOrThrow()).lawyerId);
    // As counted from the lawyer's rows (the figures come from a running tally).
    const own = (await t.fayuan.records.all(t.fayuan.records.resource('cases'))).filter((r) => Number(r.lawyerId) === lawyerId);
    expect(own.length).toBeGreaterThan(0);
    const tallyOf = (values: unknown[]) => {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      return [...counts].sort();
    };
    expect(tallyOf(body.byStatus.flatMap((s: Json) => Array(s.count).fill(s.status)))).toEqual(tallyOf(own.map((r) => r.status)));
    const closed = own.filter((r) => ['closed', 'archived'].includes(String(r.status)));
    expect(tallyOf(body.grades.flatMap((g: Json) => Array(g.count).fill(g.grade)))).toEqual(tallyOf(closed.map((r) => r.qualityGrade ?? null)));
    expect(body.missingOutcome).toBe(own.filter((r) => ['in_progress', 'closing_submitted'].includes(String(r.status)) && !r.outcome).length);
    expect(body.subsidyTotal).toBeCloseTo(own.reduce((sum, r) => sum + Number(r.subsidyAmount ?? 0), 0), 2);
    expect((await t.api('admin', '/api/indicators/mine')).status).toBe(403);
  });
});
