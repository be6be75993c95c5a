// The half-year report as the files sent to the next level up: XLSX (exceljs) and PDF (the PDF toolkit).
import { newWorkbook } from '../spreadsheets/workbook.js';
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import { A4Page, renderPdf } from '../pdf/index.js';
import type { ComplaintReport, Count, Timeliness } from './report.js';

const steps: [keyof ComplaintReport['timeliness'], string][] = [['accepted', '受理'], ['concluded', '办结'], ['replied', '答复']];
const sections = (r: ComplaintReport): [string, Count[]][] => [['按投诉事项', r.byCategory], ['按投诉方式', r.byChannel], ['按处理结果', r.byOutcome]];

export function reportTitle(r: ComplaintReport, centreName: string): string {
  return `${centreName}${r.label.zh}法律援助投诉处理情况统计表`;
}

export async function reportXlsx(r: ComplaintReport, centreName: string): Promise<Buffer> {
  const book = await newWorkbook();
  const sheet = book.addWorksheet('投诉统计');
  sheet.columns = [{ width: 28 }, { width: 12 }, { width: 12 }, { width: 12 }];
  sheet.addRow([reportTitle(r, centreName)]).font = { bold: true, size: 14 };
  sheet.addRow([`统计期间：${r.from} 至 ${r.to}（按收到投诉日期）`]);
  sheet.addRow(['收到投诉总数', r.total]);
  for (const [title, counts] of sections(r)) {
    sheet.addRow([]);
    sheet.addRow([title, '件数']).font = { bold: true };
    for (const c of counts) sheet.addRow([c.label.zh, c.count]);
  }
  sheet.addRow([]);
  sheet.addRow(['办理时限', '按期', '逾期', '未到期']).font = { bold: true };
  for (const [key, name] of steps) {
    const t: Timeliness = r.timeliness[key];
    sheet.addRow([name, t.onTime, t.late, t.pending]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const styles = StyleSheet.create({
  title: { fontSize: 16, fontWeight: 700, textAlign: 'center', marginBottom: 8 },
  note: { fontSize: 10, textAlign: 'center', marginBottom: 12 },
  heading: { fontSize: 12, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#999', paddingVertical: 2 },
  cell: { flex: 1, fontSize: 11 },
  number: { width: 70, fontSize: 11, textAlign: 'right' },
});

function Row({ cells }: { cells: (string | number)[] }) {
  const [first, ...rest] = cells;
  return (
    <View style={styles.row}>
      <Text style={styles.cell}>{String(first)}</Text>
      {rest.map((cell, i) => <Text key={i} style={styles.number}>{String(cell)}</Text>)}
    </View>
  );
}

export function reportPdf(r: ComplaintReport, centreName: string): Promise<Buffer> {
  return renderPdf(
    <Document title={reportTitle(r, centreName)} language="zh-CN">
      <A4Page furniture={{ headerLeft: centreName, headerRight: r.label.zh }}>
        <Text style={styles.title}>{reportTitle(r, centreName)}</Text>
        <Text style={styles.note}>统计期间：{r.from} 至 {r.to}（按收到投诉日期）　收到投诉总数：{r.total} 件</Text>
        {sections(r).map(([title, counts]) => (
          <View key={title}>
            <Text style={styles.heading}>{title}</Text>
            <Row cells={['项目', '件数']} />
            {counts.map((c) => <Row key={c.key} cells={[c.label.zh, c.count]} />)}
          </View>
        ))}
        <Text style={styles.heading}>办理时限</Text>
        <Row cells={['环节', '按期', '逾期', '未到期']} />
        {steps.map(([key, name]) => <Row key={key} cells={[name, r.timeliness[key].onTime, r.timeliness[key].late, r.timeliness[key].pending]} />)}
      </A4Page>
    </Document>,
  );
}
