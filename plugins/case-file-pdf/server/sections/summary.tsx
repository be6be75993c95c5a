// 案件概况: the applicant, the means test, the assignment and its checks, the case's steps,
// the work log and the outcome.
import { Text, View } from '@react-pdf/renderer';
import { chineseDate } from '../../../../api/plugin-kit-pdf.js';
import type { CaseFileData } from '../case-file-data.js';
import { FactGrid, SubTitle, Table, caseFileStyles, yuan } from './layout.js';

const dateTime = (iso: string) => {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${chineseDate(iso)} ${time}` : chineseDate(iso);
};

export function CaseSummary({ data }: { data: CaseFileData }) {
  const { applicant, meansTest, assignment, workLog, outcome } = data;
  return (
    <View>
      <SubTitle>一、受援人</SubTitle>
      <FactGrid
        facts={[
          ['姓名', applicant.name],
          ['性别', applicant.gender],
          ['身份证号', applicant.idNumber],
          ['联系电话', applicant.phone],
          ['人员类别', applicant.category],
          ['住址', applicant.address],
        ]}
      />
      <SubTitle>二、案件基本情况</SubTitle>
      <FactGrid
        facts={[
          ['案号', data.caseNumber],
          ['案件类型', data.caseType],
          ['案由', data.cause],
          ['申请日期', chineseDate(data.dates.appliedOn)],
          ['受理日期', chineseDate(data.dates.acceptedOn)],
          ['结案日期', chineseDate(data.dates.closedOn)],
        ]}
      />
      {meansTest ? (
        <>
          <SubTitle>三、经济困难状况审查</SubTitle>
          <FactGrid facts={[['审查结论', meansTest.result], ['免予审查', meansTest.exemption], ['说明', meansTest.note]]} />
        </>
      ) : null}
      {assignment ? (
        <>
          <SubTitle>四、指派情况</SubTitle>
          <FactGrid facts={[['承办律师', assignment.lawyer], ['律师事务所', assignment.firm], ['指派日期', chineseDate(assignment.assignedOn)]]} />
          {assignment.ruleChecks.length ? (
            <View style={{ marginTop: 6 }}>
              <Table
                columns={[{ title: '指派规则' }, { title: '结果', width: 52, align: 'center' }, { title: '说明', flex: 1.2 }]}
                rows={assignment.ruleChecks.map((check) => [check.rule, check.passed ? '通过' : '未通过', check.detail ?? ''])}
              />
            </View>
          ) : null}
        </>
      ) : null}
      <SubTitle>五、办理流程</SubTitle>
      <Table
        columns={[{ title: '时间', width: 118 }, { title: '操作', width: 80 }, { title: '状态', width: 64 }, { title: '操作人', width: 64 }, { title: '备注' }]}
        rows={data.transitions.map((step) => [dateTime(step.at), step.action, step.to, step.by ?? '', step.note ?? ''])}
      />
      {workLog ? (
        <>
          <SubTitle>六、办案日志</SubTitle>
          {workLog.length ? (
            <Table
              columns={[{ title: '日期', width: 88 }, { title: '工作内容' }, { title: '记录人', width: 64 }, { title: '用时', width: 44, align: 'right' }]}
              rows={workLog.map((entry) => [chineseDate(entry.on), entry.activity, entry.by ?? '', entry.hours === undefined ? '' : `${entry.hours} 小时`])}
            />
          ) : (
            <Text style={[caseFileStyles.text, caseFileStyles.muted]}>（无办案日志记录）</Text>
          )}
        </>
      ) : null}
      {outcome ? (
        <>
          <SubTitle>七、办理结果</SubTitle>
          <FactGrid facts={[['办理结果', outcome.result], ['挽回经济损失', yuan(outcome.amountRecovered)], ['结案日期', chineseDate(outcome.closedOn)]]} />
        </>
      ) : null}
    </View>
  );
}
