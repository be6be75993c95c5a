// 办案质量评价: hearing observations, return visits, inspection and peer grades, the subsidy;
// each part only when its data is there.
import { View } from '@react-pdf/renderer';
import { chineseDate } from '../../../../api/plugin-kit-pdf.js';
import type { CaseFileQuality } from '../case-file-data.js';
import { FactGrid, SubTitle, Table, yuan } from './layout.js';

/** Whether any part of the quality results has data (else the whole section is left out). */
export const hasQualityResults = (quality: CaseFileQuality | undefined): quality is CaseFileQuality =>
  !!quality &&
  !!(quality.observations?.length || quality.returnVisits?.length || quality.inspectionGrades?.length || quality.peerGrades?.length || quality.subsidy);

export function QualityResults({ quality }: { quality: CaseFileQuality }) {
  const { observations, returnVisits, inspectionGrades, peerGrades, subsidy } = quality;
  return (
    <View>
      {observations?.length ? (
        <>
          <SubTitle>庭审旁听</SubTitle>
          <Table
            columns={[{ title: '日期', width: 88 }, { title: '旁听人', width: 64 }, { title: '法庭' }, { title: '评分', width: 40, align: 'right' }, { title: '意见' }]}
            rows={observations.map((o) => [chineseDate(o.on), o.observer, o.court ?? '', o.score === undefined ? '' : String(o.score), o.remarks ?? ''])}
          />
        </>
      ) : null}
      {returnVisits?.length ? (
        <>
          <SubTitle>回访</SubTitle>
          <Table
            columns={[{ title: '日期', width: 88 }, { title: '回访人', width: 64 }, { title: '满意度', width: 64 }, { title: '意见' }]}
            rows={returnVisits.map((v) => [chineseDate(v.on), v.visitor, v.satisfaction, v.remarks ?? ''])}
          />
        </>
      ) : null}
      {inspectionGrades?.length ? (
        <>
          <SubTitle>案卷检查评分</SubTitle>
          <Table
            columns={[{ title: '日期', width: 88 }, { title: '检查人', width: 64 }, { title: '等级', width: 52 }, { title: '意见' }]}
            rows={inspectionGrades.map((g) => [chineseDate(g.on), g.inspector, g.grade, g.remarks ?? ''])}
          />
        </>
      ) : null}
      {peerGrades?.length ? (
        <>
          <SubTitle>同行评估</SubTitle>
          <Table
            columns={[{ title: '评估轮次', width: 96 }, { title: '评估人', width: 64 }, { title: '等级', width: 52 }, { title: '分数', width: 40, align: 'right' }, { title: '意见' }]}
            rows={peerGrades.map((g) => [g.round, g.reviewer, g.grade, g.score === undefined ? '' : String(g.score), g.remarks ?? ''])}
          />
        </>
      ) : null}
      {subsidy ? (
        <>
          <SubTitle>办案补贴</SubTitle>
          <FactGrid facts={[['补贴金额', yuan(subsidy.amount)], ['质量等级', subsidy.grade], ['发放日期', chineseDate(subsidy.paidOn)], ['说明', subsidy.note]]} />
        </>
      ) : null}
    </View>
  );
}
