// The quarterly 12348 report as a spreadsheet (exceljs) and as an A4 PDF (the PDF toolkit).
import { newWorkbook } from '../spreadsheets/workbook.js';
import { Document, Text, View } from '@react-pdf/renderer';
import { A4Page, pdfStyles, renderPdf } from '../pdf/index.js';
import { consultationCategories, consultationChannels } from '../resources/consultations.js';
import type { HotlineReport } from './hotline-report.js';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The report's tables as [title, rows of [label, value]]: the one layout both files draw. */
function sections(report: HotlineReport): Array<[string, Array<[string, string | number]>]> {
  return [
    ['总体情况', [
      ['咨询总量', report.total],
      ['建议申请法律援助', report.aidAdvised],
      ['转为法律援助申请', report.converted],
      ['转化率', percent(report.convertedShare)],
      ['12348 热线来电', report.hotline.calls],
      ['热线通话总时长（分钟）', report.hotline.totalMinutes],
      ['平均通话时长（分钟）', report.hotline.averageMinutes],
    ]],
    ['按咨询方式', Object.entries(report.byChannel).map(([k, n]) => [consultationChannels[k as keyof typeof consultationChannels].zh, n])],
    ['按咨询事项', Object.entries(report.byCategory).map(([k, n]) => [consultationCategories[k as keyof typeof consultationCategories].zh, n])],
    ['按服务点', report.byServicePoint.map((p) => [p.name, p.count])],
    ['按月份', report.byMonth.map((m) => [m.month, m.count])],
    ['热点问题', report.topTopics.map((t, i) => [`${i + 1}. ${t.label}`, t.count])],
    ['信函、网络咨询答复情况', [
      ['应答复', report.replies.due],
      ['按期答复', report.replies.repliedOnTime],
      ['逾期答复', report.replies.repliedLate],
      ['尚未答复', report.replies.open],
      ['其中已逾期', report.replies.openOverdue],
      ['按期答复率', percent(report.replies.onTimeShare)],
    ]],
  ];
}

export function reportTitle(report: HotlineReport, centreName: string): string {
  const [year, q] = report.quarter.split('-Q');
  return `${centreName} ${year} 年第 ${q} 季度 12348 法律咨询统计报告`;
}

export async function hotlineXlsx(report: HotlineReport, centreName: string): Promise<Buffer> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet(`${report.quarter} 12348`);
  sheet.columns = [{ width: 34 }, { width: 16 }];
  sheet.addRow([reportTitle(report, centreName)]).font = { bold: true, size: 14 };
  sheet.addRow([`统计期间：${report.from} 至 ${report.until}（不含）`]);
  for (const [title, rows] of sections(report)) {
    sheet.addRow([]);
    sheet.addRow([title]).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function hotlinePdf(report: HotlineReport, centreName: string): Promise<Buffer> {
  return renderPdf(
    <Document title={reportTitle(report, centreName)}>
      <A4Page furniture={{ headerLeft: centreName, headerRight: report.quarter }}>
        <Text style={{ fontSize: 16, fontWeight: 700, textAlign: 'center', marginBottom: 6 }}>{reportTitle(report, centreName)}</Text>
        <Text style={{ fontSize: 10, textAlign: 'center', marginBottom: 12 }}>统计期间：{report.from} 至 {report.until}（不含）</Text>
        {sections(report).map(([title, rows]) => (
          <View key={title} style={{ marginBottom: 10 }} wrap={false}>
            <Text style={[pdfStyles.bold, { fontSize: 12, marginBottom: 3 }]}>{title}</Text>
            {rows.map(([label, value]) => (
              <View key={label} style={{ flexDirection: 'row', borderBottomWidth: 0.4, borderBottomColor: '#999', paddingVertical: 2 }}>
                <Text style={{ flex: 3, fontSize: 10.5 }}>{label}</Text>
                <Text style={{ flex: 1, fontSize: 10.5, textAlign: 'right' }}>{String(value)}</Text>
              </View>
            ))}
          </View>
        ))}
      </A4Page>
    </Document>,
  );
}
