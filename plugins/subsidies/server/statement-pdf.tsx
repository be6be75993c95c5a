// The firm's statement as an A4 PDF: the batch, the firm, a table of its lines (case, lawyer, grade, kind,
// amount), per-lawyer subtotals, the total and the places for both seals. Loaded on first use (react-pdf).
import { Document, StyleSheet, Text, View } from '@react-pdf/renderer';
import { A4Page, renderPdf } from '../../../api/plugin-kit-pdf.js';
import type { Statement } from './statement.js';

const yuan = (n: number) => n.toFixed(2);
const styles = StyleSheet.create({
  title: { fontSize: 18, fontWeight: 700, textAlign: 'center', letterSpacing: 2, marginBottom: 12 },
  line: { fontSize: 10.5, lineHeight: 1.6 },
  table: { marginTop: 8, borderTopWidth: 0.6, borderLeftWidth: 0.6, borderColor: '#333' },
  row: { flexDirection: 'row' },
  cell: { borderRightWidth: 0.6, borderBottomWidth: 0.6, borderColor: '#333', paddingVertical: 2, paddingHorizontal: 3, fontSize: 9 },
  head: { fontWeight: 700, backgroundColor: '#eeeeee' },
  right: { textAlign: 'right' },
  subtitle: { fontSize: 11, fontWeight: 700, marginTop: 14 },
  seals: { marginTop: 36, flexDirection: 'row', justifyContent: 'space-between', fontSize: 11 },
});

/** Each column's width (points) and alignment. */
const COLUMNS = [
  { title: '序号', width: 26 }, { title: '案号', width: 108 }, { title: '承办律师', width: 54 }, { title: '质量等次', width: 44 },
  { title: '类别', width: 30 }, { title: '计算依据', width: 120 }, { title: '金额（元）', width: 57, right: true },
] as const;

function Cells({ values, head = false }: { values: string[]; head?: boolean }) {
  return (
    <View style={styles.row} wrap={false}>
      {COLUMNS.map((c, i) => (
        <Text key={c.title} style={[styles.cell, { width: c.width }, head ? styles.head : {}, 'right' in c && c.right ? styles.right : {}]}>{values[i] ?? ''}</Text>
      ))}
    </View>
  );
}

export function renderStatement(s: Statement): Promise<Buffer> {
  const status = s.batch.paid ? `已发放${s.batch.paidOn ? `（${s.batch.paidOn}）` : ''}` : '草稿（未发放）';
  return renderPdf(
    <Document title={`办案补贴对账单 ${s.batch.name} ${s.firm}`} author={s.centreName} creator="Fayuan" producer="Fayuan">
      <A4Page furniture={{ headerLeft: s.centreName, headerRight: `补贴批次：${s.batch.name}` }}>
        <Text style={styles.title}>办案补贴对账单</Text>
        <Text style={styles.line}>批次：{s.batch.name}（结案日期 {s.batch.periodStart} 至 {s.batch.periodEnd}，{status}）</Text>
        <Text style={styles.line}>律师事务所：{s.firm}</Text>
        <Text style={styles.line}>合计：{s.lines.length} 笔，{yuan(s.total)} 元</Text>
        <View style={styles.table}>
          <Cells head values={COLUMNS.map((c) => c.title)} />
          {s.lines.map((l, i) => <Cells key={i} values={[String(i + 1), l.caseNumber, l.lawyer, l.grade, l.kind, l.basis, yuan(l.amount)]} />)}
          <View style={styles.row} wrap={false}>
            <Text style={[styles.cell, styles.head, styles.right, { width: COLUMNS.slice(0, -1).reduce((w, c) => w + c.width, 0) }]}>合计</Text>
            <Text style={[styles.cell, styles.head, styles.right, { width: COLUMNS[COLUMNS.length - 1].width }]}>{yuan(s.total)}</Text>
          </View>
        </View>
        <Text style={styles.subtitle}>按承办律师</Text>
        <View style={styles.table}>
          {s.perLawyer.map((p) => (
            <View key={p.lawyer} style={styles.row} wrap={false}>
              <Text style={[styles.cell, { width: 200 }]}>{p.lawyer}</Text>
              <Text style={[styles.cell, styles.right, { width: 80 }]}>{p.lines} 笔</Text>
              <Text style={[styles.cell, styles.right, { width: 100 }]}>{yuan(p.amount)} 元</Text>
            </View>
          ))}
        </View>
        <View style={styles.seals} wrap={false}>
          <Text>律师事务所（盖章）：</Text>
          <Text>{s.centreName}（盖章）：</Text>
        </View>
      </A4Page>
    </Document>,
  );
}
