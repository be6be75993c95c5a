// The yearly report as a workbook: the indicators against their targets, the figures by month
// and by case type, and the Ministry's statistical table (司法部法律援助统计报表) in its
// row/column layout, with the cells this system's data cannot fill marked 「无数据」.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../spreadsheets/workbook.js';
import type { Records } from '../rest/records.js';
import { caseTypes } from '../resources/options.js';
import { loadSettings } from '../settings/settings.js';
import { grantedByLawyerType, monthsOf, type Indicator, type YearFigures } from './indicators.js';

/** What a cell holds when the data does not record it. */
export const NO_DATA = '无数据';

export function shownValue(indicator: Indicator): string {
  if (indicator.value === null) return indicator.unavailable ? NO_DATA : '—';
  switch (indicator.unit) {
    case 'share': return `${(indicator.value * 100).toFixed(1)}%`;
    case 'per10k': return indicator.value.toFixed(2);
    case 'yuan': return indicator.value.toFixed(2);
    default: return String(indicator.value);
  }
}

export function shownTarget(indicator: Indicator): string {
  if (indicator.target === null) return '未设';
  return indicator.unit === 'share' ? `≥ ${(indicator.target * 100).toFixed(0)}%` : `≥ ${indicator.target}`;
}

const bold = { bold: true };

function table(sheet: ExcelJS.Worksheet, title: string, header: string[], rows: (string | number | null)[][]) {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow(header).font = bold;
  for (const row of rows) sheet.addRow(row);
  sheet.addRow([]);
}

export async function yearlyWorkbook(records: Records, figures: YearFigures): Promise<Uint8Array> {
  const { year } = figures;
  const workbook = await newWorkbook();

  const summary = workbook.addWorksheet('年度指标');
  summary.columns = [{ width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 10 }];
  table(summary, `${year} 年度法律援助工作指标`, ['指标', '分子', '分母', '数值', '目标', '达标'], figures.indicators.map((i) => [
    i.label.zh, i.numerator ?? NO_DATA, i.denominator ?? (i.unavailable ? NO_DATA : '—'), shownValue(i), shownTarget(i),
    i.met === null ? '—' : i.met ? '是' : '否',
  ]));
  table(summary, '逾期未办', ['项目', '件数'], [['当前逾期未审查或未指派的案件', figures.overdue.count]]);
  table(summary, '结案质量等次', ['等次', '件数'], figures.grades.map((g) => [g.label.zh, g.count]));

  const months = monthsOf(year);
  const monthly = workbook.addWorksheet('按月');
  monthly.columns = [{ width: 30 }, ...months.map(() => ({ width: 10 })), { width: 12 }];
  const monthHeader = ['指标', ...months.map((m) => `${Number(m.slice(5))}月`), '全年'];
  table(monthly, `${year} 年各月指标`, monthHeader, figures.indicators.filter((i) => i.trend.length).map((i) => [
    i.label.zh, ...i.trend.map((t) => shownValue({ ...i, value: t.value })), shownValue(i),
  ]));
  const types = Object.entries(caseTypes);
  table(monthly, `${year} 年各月受理案件（按案件类型）`, ['案件类型', ...monthHeader.slice(1)], [
    ...types.map(([key, label]) => {
      const counts = months.map((m) => figures.byMonthAndType.filter((r) => r.month === m && r.type === key).reduce((a, r) => a + r.count, 0));
      return [label.zh, ...counts, counts.reduce((a, b) => a + b, 0)];
    }),
    (() => {
      const counts = months.map((m) => figures.byMonthAndType.filter((r) => r.month === m).reduce((a, r) => a + r.count, 0));
      return ['合计', ...counts, counts.reduce((a, b) => a + b, 0)];
    })(),
  ]);

  const byType = workbook.addWorksheet('按类型与服务点');
  byType.columns = [{ width: 30 }, { width: 12 }];
  table(byType, '按案件类型', ['案件类型', '件数'], figures.byType.map((b) => [b.label.zh, b.count]));
  table(byType, '按受理服务点', ['服务点', '件数'], figures.byServicePoint.map((b) => [b.label.zh, b.count]));
  table(byType, '按特殊群体（一件可属多个群体）', ['群体', '件数'], figures.byGroup.map((b) => [b.label.zh, b.count]));

  await ministryTable(workbook, records, figures);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * 司法部法律援助统计报表 (the yearly case table): rows of the case categories, columns of the
 * totals and the persons who handled them. Rows and columns are the Ministry's; a cell this
 * system does not record (e.g. 值班律师, 侦查/审查起诉/审判阶段) says 「无数据」.
 */
async function ministryTable(workbook: ExcelJS.Workbook, records: Records, figures: YearFigures) {
  const { db } = records.database;
  const rows = await grantedByLawyerType(records, figures.year);
  const count = (type: string | null, lawyerType?: string | null) => rows
    .filter((r) => (type === null || r.caseType === type) && (lawyerType === undefined || (r.lawyerType ?? null) === lawyerType))
    .reduce((a, r) => a + Number(r.n), 0);

  const sheet = workbook.addWorksheet('司法部统计表');
  sheet.columns = [{ width: 34 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 12 }, { width: 12 }];
  sheet.addRow([`法律援助案件统计表（${figures.year} 年度）`]).font = { bold: true, size: 14 };
  const { centreName } = await loadSettings(db);
  sheet.addRow([`填报单位：${centreName}`, '', '', '', '', '', `单位：件；「${NO_DATA}」为本系统未记录的项目`]);
  sheet.addRow(['项目', '合计', '社会律师', '法律援助机构律师', '基层法律服务工作者', '公职律师', '未指派']).font = bold;
  const line = (label: string, type: string | null) => [label, count(type), count(type, 'practising'), count(type, 'legal_aid'), count(type, 'grassroots'), count(type, 'public'), count(type, null)];
  sheet.addRow(line('一、法律援助案件总数', null));
  sheet.addRow(line('（一）刑事法律援助案件', 'criminal'));
  for (const stage of ['其中：侦查阶段', '　　　审查起诉阶段', '　　　审判阶段']) sheet.addRow([stage, NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA]);
  sheet.addRow(line('（二）民事法律援助案件', 'civil'));
  sheet.addRow(line('（三）行政法律援助案件', 'administrative'));
  sheet.addRow(line('（四）劳动争议仲裁法律援助案件', 'arbitration'));
  sheet.addRow(line('（五）非诉讼法律援助事项', 'non_litigation'));
  sheet.addRow(['二、值班律师法律帮助', NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA, NO_DATA]);
  const consultations = figures.indicators.find((i) => i.id === 'consultations')!;
  sheet.addRow(['三、法律咨询（人次）', consultations.numerator ?? NO_DATA, '', '', '', '', '']);
  sheet.addRow([]);
  sheet.addRow(['受援人（特殊群体，件）', '件数']).font = bold;
  for (const group of figures.byGroup) sheet.addRow([`其中：${group.label.zh}`, group.count]);
  const recovered = figures.indicators.find((i) => i.id === 'amount_recovered')!;
  sheet.addRow(['挽回损失或取得利益（元）', recovered.numerator ?? 0]);
}
