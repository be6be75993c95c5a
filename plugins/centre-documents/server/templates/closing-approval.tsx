// 法律援助案件结案审批表: the closing facts of a case in a ruled table, with the reviewer's and
// the approver's opinions, and the seal's place under the approval.
import { Text, View, StyleSheet } from '@react-pdf/renderer';
import { chineseDate } from '../../../../api/plugin-kit-pdf.js';
import type { ClosingData, DocumentData } from './document-data.js';
import { SignatureBlock } from './official-document.js';

const BORDER = '#222';
const styles = StyleSheet.create({
  table: { borderTopWidth: 0.8, borderLeftWidth: 0.8, borderColor: BORDER },
  row: { flexDirection: 'row' },
  label: { width: 92, paddingVertical: 4, paddingHorizontal: 6, borderRightWidth: 0.8, borderBottomWidth: 0.8, borderColor: BORDER, backgroundColor: '#f3f3f3' },
  value: { flex: 1, paddingVertical: 4, paddingHorizontal: 6, borderRightWidth: 0.8, borderBottomWidth: 0.8, borderColor: BORDER },
  opinion: { flex: 1, paddingVertical: 4, paddingHorizontal: 6, borderRightWidth: 0.8, borderBottomWidth: 0.8, borderColor: BORDER, minHeight: 60 },
  text: { fontSize: 11.5, lineHeight: 1.6 },
  labelText: { fontSize: 11.5, lineHeight: 1.6, fontWeight: 700 },
  signedBy: { textAlign: 'right', marginTop: 6 },
});

type Cell = [label: string, value: string | undefined];

function Row({ cells }: { cells: Cell[] }) {
  return (
    <View style={styles.row} wrap={false}>
      {cells.map(([label, value]) => [
        <View key={`${label}-l`} style={styles.label}>
          <Text style={styles.labelText}>{label}</Text>
        </View>,
        <View key={`${label}-v`} style={styles.value}>
          <Text style={styles.text}>{value ?? ''}</Text>
        </View>,
      ])}
    </View>
  );
}

function Opinion({ label, text, by, on }: { label: string; text?: string; by?: string; on?: string }) {
  return (
    <View style={styles.row} wrap={false}>
      <View style={styles.label}>
        <Text style={styles.labelText}>{label}</Text>
      </View>
      <View style={styles.opinion}>
        <Text style={styles.text}>{text ?? ''}</Text>
        <Text style={[styles.text, styles.signedBy]}>{`签名：${by ?? '          '}    ${on ? chineseDate(on) : '      年    月    日'}`}</Text>
      </View>
    </View>
  );
}

const yuan = (amount: number | undefined) => (amount === undefined ? undefined : `${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`);

export function ClosingApprovalTable({ data, closing }: { data: DocumentData; closing: ClosingData }) {
  return (
    <View>
      <View style={styles.table}>
        <Row cells={[['案号', data.caseNumber]]} />
        <Row cells={[['受援人', data.applicant.name], ['案件类型', data.caseType]]} />
        <Row cells={[['案由', data.cause]]} />
        <Row cells={[['承办律师', data.lawyer?.name], ['律师事务所', data.lawyer?.firm]]} />
        <Row cells={[['指派日期', chineseDate(closing.assignedOn)], ['结案日期', chineseDate(closing.closedOn)]]} />
        <Row cells={[['办理结果', closing.outcome]]} />
        <Row cells={[['挽回经济损失', yuan(closing.amountRecovered)], ['办案补贴', yuan(closing.subsidy)]]} />
        <Row cells={[['质量等级', closing.qualityGrade]]} />
        <Row cells={[['办理情况', closing.summary]]} />
        <Opinion label="审查意见" text={closing.reviewerOpinion} by={closing.reviewer} />
        <Opinion label="审批意见" text={closing.approverOpinion} by={closing.approver} on={data.issuedOn} />
      </View>
      <SignatureBlock centreName={data.centreName} issuedOn={data.issuedOn} />
    </View>
  );
}
