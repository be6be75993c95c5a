// A closed civil case as the wiring would fill it from the registers (personal data masked).
import type { CaseFileData } from '../server/render.js';

const TEMPLATE: [key: string, label: string, required: boolean][] = [
  ['application', '法律援助申请表', true],
  ['identity', '受援人身份证明', true],
  ['means', '经济困难状况说明表', true],
  ['decision', '给予法律援助决定书', true],
  ['assignment', '指派通知书', true],
  ['agreement', '委托代理协议', true],
  ['evidence', '证据材料', false],
  ['judgment', '判决书、裁定书或调解书', true],
  ['closing', '结案报告', true],
  ['visit', '回访记录', false],
];

export function sampleCaseFile(overrides: Partial<CaseFileData> = {}): CaseFileData {
  return {
    centreName: '江州市江北区法律援助中心',
    caseNumber: '（2026）江北援字第0318号',
    caseType: '民事',
    cause: '追索劳动报酬纠纷',
    applicant: { name: '王秀兰', gender: '女', idNumber: '3201**********1024', phone: '139****5678', address: '江州市江北区****', category: '农民工' },
    lawyer: { name: '李建国', firm: '江苏明德律师事务所' },
    dates: { appliedOn: '2026-11-24', acceptedOn: '2026-11-25', assignedOn: '2026-11-28', closedOn: '2027-03-15' },
    archive: { archivist: '张敏', archivedOn: '2027-04-02', retention: '长期' },
    qualityGrade: '优秀',
    meansTest: { result: '符合经济困难标准', exemption: '农民工请求支付劳动报酬，免予核查经济困难状况', note: '申请人承诺所填信息真实' },
    assignment: {
      lawyer: '李建国',
      firm: '江苏明德律师事务所',
      assignedOn: '2026-11-28',
      ruleChecks: [
        { rule: '承办律师执业年限满足案件要求', passed: true, detail: '执业 8 年' },
        { rule: '承办律师与案件无利益冲突', passed: true, detail: '冲突检索无命中' },
        { rule: '承办律师在办案件数未超过上限', passed: true, detail: '在办 6 件，上限 15 件' },
      ],
    },
    transitions: [
      { at: '2026-11-24T09:12:00+08:00', action: '提交申请', to: '待审查', by: '王秀兰' },
      { at: '2026-11-25T10:30:00+08:00', action: '受理', to: '已受理', by: '张敏' },
      { at: '2026-11-27T15:05:00+08:00', action: '决定给予', to: '已批准', by: '周丽', note: '（2026）援决字第0012号' },
      { at: '2026-11-28T09:40:00+08:00', action: '指派', to: '办理中', by: '周丽', note: '指派李建国律师' },
      { at: '2027-03-15T16:20:00+08:00', action: '结案', to: '已结案', by: '李建国' },
    ],
    workLog: Array.from({ length: 14 }, (_, i) => ({
      on: `2026-12-${String(i + 2).padStart(2, '0')}`,
      activity:
        i % 3 === 0
          ? '会见受援人，了解用人单位拖欠工资的经过，核对考勤记录、工资条与银行流水，告知仲裁时效与举证责任，并就仲裁请求的范围和证据提交的先后顺序形成书面意见。'
          : i % 3 === 1
            ? '整理证据目录，起草劳动仲裁申请书。'
            : '与用人单位负责人电话沟通调解方案。',
      by: '李建国',
      hours: 1 + (i % 3),
    })),
    outcome: { result: '调解结案，用人单位支付拖欠工资及经济补偿', amountRecovered: 48600, closedOn: '2027-03-15' },
    materials: TEMPLATE.map(([itemKey, label, required]) => ({ itemKey, label, required, files: [] })),
    quality: {
      observations: [{ on: '2027-01-20', observer: '刘洋', court: '江州市江北区劳动人事争议仲裁委员会', score: 92, remarks: '庭前准备充分，发问有针对性。' }],
      returnVisits: [{ on: '2027-03-20', visitor: '张敏', satisfaction: '满意', remarks: '受援人对律师的工作表示感谢。' }],
      peerGrades: [{ round: '2027年第一季度', reviewer: '（匿名）', grade: '优秀', score: 91 }],
      subsidy: { amount: 2400, grade: '优秀', paidOn: '2027-04-10' },
    },
    ...overrides,
  };
}
