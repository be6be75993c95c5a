// The yearly report as a PDF: the indicators against their targets, the cases by month and type,
// the breakdowns and grades — the same figures as GET /api/indicators and the XLSX.
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import { A4Page, renderPdf } from '../pdf/index.js';
import { caseTypes } from '../resources/options.js';
import { monthsOf, type YearFigures } from './indicators.js';
import { shownTarget, shownValue } from './yearly-xlsx.js';

const styles = StyleSheet.create({
  title: { fontSize: 16, fontWeight: 700, textAlign: 'center', marginBottom: 12 },
  heading: { fontSize: 12, fontWeight: 700, marginTop: 12, marginBottom: 4 },
  table: { borderTopWidth: 0.5, borderLeftWidth: 0.5, borderColor: '#333' },
  row: { flexDirection: 'row' },
  cell: { borderRightWidth: 0.5, borderBottomWidth: 0.5, borderColor: '#333', padding: 2, fontSize: 8 },
  head: { fontWeight: 700, backgroundColor: '#eee' },
});

function Table({ widths, header, rows }: { widths: number[]; header: string[]; rows: (string | number)[][] }) {
  const line = (cells: (string | number)[], head = false, key?: number) => (
    <View style={styles.row} key={key} wrap={false}>
      {cells.map((c, i) => <Text key={i} style={head ? [styles.cell, styles.head, { width: widths[i] }] : [styles.cell, { width: widths[i] }]}>{String(c)}</Text>)}
    </View>
  );
  return <View style={styles.table}>{line(header, true)}{rows.map((r, i) => line(r, false, i))}</View>;
}

export async function yearlyPdf(centreName: string, figures: YearFigures): Promise<Buffer> {
  const months = monthsOf(figures.year);
  const types = Object.entries(caseTypes);
  const monthCount = (m: string, type?: string) => figures.byMonthAndType.filter((r) => r.month === m && (!type || r.type === type)).reduce((a, r) => a + r.count, 0);
  return renderPdf(
    <Document title={`${figures.year} 年度法律援助工作统计`} language="zh-CN">
      <A4Page furniture={{ headerLeft: centreName, headerRight: `${figures.year} 年度` }}>
        <Text style={styles.title}>{figures.year} 年度法律援助工作统计</Text>
        <Text style={styles.heading}>一、年度指标</Text>
        <Table widths={[150, 60, 60, 60, 60, 40]} header={['指标', '分子', '分母', '数值', '目标', '达标']}
          rows={figures.indicators.map((i) => [i.label.zh, i.numerator ?? '无数据', i.denominator ?? (i.unavailable ? '无数据' : '—'), shownValue(i), shownTarget(i), i.met === null ? '—' : i.met ? '是' : '否'])} />
        <Text style={styles.heading}>二、各月受理案件（按案件类型）</Text>
        <Table widths={[44, ...months.map(() => 27), 34]} header={['类型', ...months.map((m) => `${Number(m.slice(5))}月`), '全年']}
          rows={[
            ...types.map(([key, label]) => [label.zh, ...months.map((m) => monthCount(m, key)), months.reduce((a, m) => a + monthCount(m, key), 0)]),
            ['合计', ...months.map((m) => monthCount(m)), months.reduce((a, m) => a + monthCount(m), 0)],
          ]} />
        <Text style={styles.heading}>三、按特殊群体、结案质量等次</Text>
        <Table widths={[120, 60]} header={['特殊群体', '件数']} rows={figures.byGroup.map((g) => [g.label.zh, g.count])} />
        <View style={{ height: 8 }} />
        <Table widths={[120, 60]} header={['质量等次', '件数']} rows={figures.grades.map((g) => [g.label.zh, g.count])} />
        <Text style={styles.heading}>四、按受理服务点</Text>
        <Table widths={[240, 60]} header={['服务点', '件数']} rows={figures.byServicePoint.map((g) => [g.label.zh, g.count])} />
        <Text style={{ fontSize: 8, marginTop: 8 }}>当前逾期未办案件：{figures.overdue.count} 件。「无数据」为本系统未记录的项目。</Text>
      </A4Page>
    </Document>,
  );
}
