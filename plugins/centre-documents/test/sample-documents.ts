// One case's data for every document kind, as the wiring would fill it from the database.
import type { DocumentData } from '../server/templates/index.js';

export const CENTRE = '江州市江北区法律援助中心';

export const sampleDocument: DocumentData = {
  centreName: CENTRE,
  number: '（2026）援决字第0012号',
  issuedOn: '2026-12-01',
  caseNumber: '（2026）江北援字第0318号',
  applicant: { name: '王秀兰', idNumber: '3201**********1024', phone: '139****5678' },
  caseType: '民事',
  cause: '追索劳动报酬纠纷',
  appliedOn: '2026-11-24',
  grantedOn: '2026-11-27',
  aidForm: '劳动争议仲裁及民事诉讼代理',
  lawyerRole: '委托诉讼代理人',
  lawyer: { name: '李建国', firm: '江苏明德律师事务所', phone: '025-8888 6666' },
  authority: '江州市江北区人民法院',
  reasons: '申请人家庭人均月收入高于本市法律援助经济困难标准',
  supervisingAuthority: '江州市江北区司法局',
  contact: { person: '张敏', phone: '025-5555 1234', address: '江州市江北区文德路18号' },
  change: { previousLawyer: { name: '赵明', firm: '江苏正和律师事务所' }, reason: '法律援助人员申请退出', note: '原承办律师因病长期休养' },
  closing: {
    assignedOn: '2026-11-28',
    closedOn: '2027-03-15',
    outcome: '调解结案，用人单位支付拖欠工资及经济补偿',
    amountRecovered: 48600,
    summary: '承办律师会见受援人三次，收集考勤记录与工资流水，申请劳动仲裁，经仲裁庭主持调解达成协议，款项已于结案前全部支付。',
    qualityGrade: '优秀',
    subsidy: 2400,
    reviewerOpinion: '材料齐全，办理规范，同意结案。',
    reviewer: '周丽',
    approverOpinion: '同意结案，按优秀等级发放办案补贴。',
    approver: '陈志强',
  },
};
