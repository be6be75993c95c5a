// 封面: the case file's cover, as the archive's cover sheet lays it out.
import { Text, View, StyleSheet } from '@react-pdf/renderer';
import { chineseDate } from '../../../../api/plugin-kit-pdf.js';
import type { CaseFileData } from '../case-file-data.js';

const styles = StyleSheet.create({
  centre: { fontSize: 20, fontWeight: 700, textAlign: 'center', letterSpacing: 2, marginTop: 40, lineHeight: 1.4 },
  title: { fontSize: 30, fontWeight: 700, textAlign: 'center', letterSpacing: 6, marginTop: 18, marginBottom: 48, lineHeight: 1.4 },
  row: { flexDirection: 'row', borderBottomWidth: 0.6, borderBottomColor: '#444', paddingTop: 9, paddingBottom: 3 },
  label: { width: 110, fontSize: 13, fontWeight: 700, textAlign: 'justify', lineHeight: 1.4 },
  value: { flex: 1, fontSize: 13, lineHeight: 1.4 },
});

export function Cover({ data }: { data: CaseFileData }) {
  const lawyer = data.lawyer ? `${data.lawyer.name}（${data.lawyer.firm}）` : '';
  const facts: [string, string][] = [
    ['案　　号', data.caseNumber],
    ['案件类型', data.caseType],
    ['案　　由', data.cause],
    ['受\u2002援\u2002人', data.applicant.name],
    ['承办律师', lawyer],
    ['申请日期', chineseDate(data.dates.appliedOn)],
    ['受理日期', chineseDate(data.dates.acceptedOn)],
    ['指派日期', chineseDate(data.dates.assignedOn)],
    ['结案日期', chineseDate(data.dates.closedOn)],
    ['立\u2002卷\u2002人', data.archive?.archivist ?? ''],
    ['归档日期', chineseDate(data.archive?.archivedOn)],
    ['质量等级', data.qualityGrade ?? ''],
    ['保管期限', data.archive?.retention ?? ''],
  ];
  return (
    <View>
      <Text style={styles.centre}>{data.centreName}</Text>
      <Text style={styles.title}>法律援助案件卷宗</Text>
      <View style={{ marginHorizontal: 24 }}>
        {facts.map(([label, value]) => (
          <View key={label} style={styles.row} wrap={false}>
            <Text style={styles.label}>{label}</Text>
            <Text style={styles.value}>{value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
