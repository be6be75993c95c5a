import { defineResource } from './define.js';
import type { Condition } from './conditions.js';
import { everyRow, maskDate, maskIdNumber, maskPhone, maskWhole, noRow, ownLawyerRows } from '../access/rules.js';
import { caseTypes, gender, phone, qualityGrades } from './options.js';
import { caseNumberCounter, formatCaseNumber } from '../cases/case-number.js';
import { caseTallies, countTally } from '../reports/tallies.js';
import { overdueCondition, type DeadlineSettings } from '../cases/deadlines.js';
import { inOrder } from './record-rules.js';

export const caseStatuses = {
  applied: { zh: '申请', en: 'Applied' },
  reviewing: { zh: '审查', en: 'Under review' },
  accepted: { zh: '受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  assigned: { zh: '指派', en: 'Assigned' },
  in_progress: { zh: '承办', en: 'In progress' },
  closing_submitted: { zh: '提交结案', en: 'Closing submitted' },
  closed: { zh: '结案', en: 'Closed' },
  archived: { zh: '归档', en: 'Archived' },
  terminated: { zh: '终止', en: 'Terminated' },
};

/** Grounds on which no means test is needed (Legal Aid Law art. 32 and 42). */
export const exemptionReasons = {
  minor: { zh: '未成年人', en: 'Minor' },
  elderly_no_income: { zh: '无固定生活来源的老年人', en: 'Elderly without fixed income' },
  disabled_no_income: { zh: '无固定生活来源的残疾人', en: 'Disabled without fixed income' },
  social_assistance: { zh: '社会救助、司法救助或者优抚对象', en: 'Social assistance recipient' },
  migrant_wages: { zh: '农民工请求支付劳动报酬或者工伤赔偿', en: 'Migrant worker claiming wages or work-injury compensation' },
  domestic_violence: { zh: '家庭暴力、虐待、遗弃的受害人', en: 'Victim of domestic violence, abuse or abandonment' },
  martyr_relative: { zh: '英雄烈士近亲属', en: "Hero's or martyr's close relative" },
  good_samaritan: { zh: '见义勇为', en: 'Good-samaritan act' },
};

/** Legal Aid Law art. 48: the grounds on which legal aid is terminated. */
export const terminationGrounds = {
  fraud: { zh: '受援人以欺骗或者其他不正当手段获得法律援助', en: 'The client obtained legal aid by deception or other improper means' },
  concealment: { zh: '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据', en: 'The client deliberately concealed material facts or gave false evidence' },
  illegal_use: { zh: '受援人利用法律援助从事违法活动', en: 'The client used legal aid for unlawful activities' },
  finances_improved: { zh: '受援人的经济状况发生变化，不再符合法律援助条件', en: "The client's finances changed and no longer meet the conditions for legal aid" },
  proceedings_ended: { zh: '案件终止审理或者已经被撤销', en: 'The proceedings were terminated or the case was withdrawn' },
  own_lawyer: { zh: '受援人自行委托律师或者其他代理人', en: 'The client engaged a lawyer or other representative of their own' },
  client_request: { zh: '受援人有正当理由要求终止法律援助', en: 'The client asked, with good reason, to end legal aid' },
  other_statutory: { zh: '法律法规规定的其他情形', en: 'Other grounds provided by laws and regulations' },
};

const criminal: Condition = { caseType: 'criminal' };
const hasAgent: Condition = { hasAgent: true };
/** The means test asks the income only when no exemption is claimed (means-test.ts: an exemption is checked first). */
const noExemption: Condition = { exemptionReason: null };

export default defineResource({
  name: 'cases',
  label: { zh: '法律援助案件', en: 'Legal aid cases' },
  titleField: 'caseNumber',
  fields: {
    caseNumber: { type: 'text', label: { zh: '案号', en: 'Case number' }, readOnly: true, unique: true },
    applicantName: { type: 'text', label: { zh: '申请人', en: 'Applicant' }, required: true, maxLength: 50 },
    applicantIdNumber: {
      type: 'text', label: { zh: '身份证号', en: 'ID number' },
      format: 'idNumber', derives: { birthDate: 'applicantBirthDate', gender: 'applicantGender' },
      help: { zh: '出生日期和性别按号码自动填写', en: 'The birth date and gender are read from the number' },
    },
    applicantGender: { type: 'enum', label: { zh: '性别', en: 'Gender' }, options: gender },
    applicantBirthDate: { type: 'date', label: { zh: '出生日期', en: 'Date of birth' }, notAfter: 'today' },
    applicantPhone: { type: 'text', label: { zh: '联系电话', en: 'Phone' }, pattern: phone },
    applicantAddress: {
      type: 'text', label: { zh: '户籍地或住所地', en: 'Registered or home address' }, maxLength: 200,
      help: { zh: '申请人户籍所在地或经常居住地', en: "The applicant's registered residence or usual home" },
    },
    applicantGroups: {
      type: 'tags', label: { zh: '特殊群体', en: 'Groups' },
      options: {
        migrant_worker: { zh: '农民工', en: 'Migrant worker' },
        elderly: { zh: '老年人', en: 'Elderly' },
        disabled: { zh: '残疾人', en: 'Disabled' },
        minor: { zh: '未成年人', en: 'Minor' },
        woman: { zh: '妇女', en: 'Woman' },
        military: { zh: '军人军属', en: 'Military family' },
        ethnic_minority: { zh: '少数民族', en: 'Ethnic minority' },
        low_income: { zh: '低保', en: 'Low income' },
      },
    },
    hasAgent: {
      type: 'boolean', label: { zh: '有代理人', en: 'Has an agent' }, default: false,
      help: { zh: '由法定代理人或委托代理人代为申请时勾选', en: 'Tick when a guardian or representative applies on the applicant\'s behalf' },
    },
    agentName: { type: 'text', label: { zh: '代理人姓名', en: "Agent's name" }, maxLength: 50, required: true, visibleWhen: hasAgent },
    agentRelation: {
      type: 'enum', label: { zh: '代理人身份', en: "Agent's capacity" }, visibleWhen: hasAgent,
      options: {
        guardian: { zh: '法定代理人（监护人）', en: 'Guardian' },
        relative: { zh: '近亲属', en: 'Close relative' },
        entrusted: { zh: '委托代理人', en: 'Entrusted representative' },
      },
    },
    agentPhone: { type: 'text', label: { zh: '代理人电话', en: "Agent's phone" }, pattern: phone, visibleWhen: hasAgent },
    caseType: { type: 'enum', label: { zh: '案件类型', en: 'Case type' }, required: true, options: caseTypes },
    criminalRole: {
      type: 'enum', label: { zh: '刑事诉讼地位', en: 'Criminal role' }, visibleWhen: criminal,
      options: {
        defendant: { zh: '犯罪嫌疑人、被告人', en: 'Defendant' },
        victim: { zh: '被害人', en: 'Victim' },
        appellant: { zh: '申诉人', en: 'Appellant' },
      },
    },
    maxPenalty: {
      type: 'enum', label: { zh: '可能判处最高刑', en: 'Maximum penalty' }, visibleWhen: criminal,
      options: { life: { zh: '无期徒刑', en: 'Life imprisonment' }, death: { zh: '死刑', en: 'Death' } },
    },
    causeOfAction: { type: 'text', label: { zh: '案由', en: 'Cause of action' }, maxLength: 100 },
    caseSummary: {
      type: 'longText', label: { zh: '案情摘要', en: 'Case summary' }, maxLength: 1000,
      help: { zh: '简述案件事实和申请事项', en: 'The facts and what the applicant asks for, in brief' },
    },
    opposingPartyName: { type: 'text', label: { zh: '对方当事人', en: 'Opposing party' }, maxLength: 100 },
    opposingPartyIdNumber: {
      type: 'text', label: { zh: '对方身份证号或统一社会信用代码', en: "Opposing party's ID number or credit code" },
      format: 'partyIdNumber', // a resident ID number or an organisation's unified social credit code (GB 32100)
    },
    channel: {
      type: 'enum', label: { zh: '申请渠道', en: 'Channel' }, required: true, default: 'window',
      options: {
        window: { zh: '窗口', en: 'Walk-in window' },
        workstation: { zh: '工作站', en: 'Workstation' },
        online: { zh: '网上申请', en: 'Online' },
        hotline_12348: { zh: '12348 热线', en: '12348 hotline' },
        notified: { zh: '公检法通知', en: 'Notified by court/police' },
      },
    },
    servicePointId: { type: 'reference', to: 'service-points', label: { zh: '受理服务点', en: 'Service point' } },
    // Set by POST /api/consultations/:id/convert: the consultation this application came from
    // (a plain number: consultations.caseId already references cases, and tables are made in reference order).
    consultationId: { type: 'integer', label: { zh: '来源咨询', en: 'From consultation' }, readOnly: true },
    applicationDate: {
      type: 'date', label: { zh: '申请日期', en: 'Application date' }, required: true, notAfter: 'today',
      default: () => new Date().toISOString().slice(0, 10),
    },
    exemptionReason: {
      type: 'enum', label: { zh: '免予经济困难审查事由', en: 'Means-test exemption' }, options: exemptionReasons,
      help: { zh: '有法定免审事由的，无需填写收入', en: 'With an exemption the income is not asked' },
    },
    householdMonthlyIncome: { type: 'money', label: { zh: '家庭人均月收入（元）', en: 'Household income per head (yuan/month)' }, min: 0, visibleWhen: noExemption },
    householdSize: { type: 'integer', label: { zh: '家庭人口', en: 'Household size' }, min: 1, max: 30 },
    // Set only by the case's transitions (api/cases/transitions.ts).
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, required: true, default: 'applied', options: caseStatuses, readOnly: true },
    lawyerId: { type: 'reference', to: 'lawyers', label: { zh: '承办律师', en: 'Lawyer' }, readOnly: true },
    assignmentMethod: {
      type: 'enum', label: { zh: '指派方式', en: 'Assignment' }, readOnly: true,
      options: { assigned: { zh: '指派', en: 'Assigned' }, client_choice: { zh: '点援', en: "Client's choice" } },
    },
    acceptedAt: { type: 'datetime', readOnly: true, label: { zh: '受理时间', en: 'Accepted at' } },
    assignedAt: { type: 'datetime', readOnly: true, label: { zh: '指派时间', en: 'Assigned at' } },
    closedAt: { type: 'datetime', readOnly: true, label: { zh: '结案时间', en: 'Closed at' } },
    outcome: { type: 'longText', label: { zh: '办案结果', en: 'Outcome' }, maxLength: 2000, stage: 'closing_submitted' },
    amountRecovered: { type: 'money', label: { zh: '挽回损失或取得利益（元）', en: 'Amount recovered (yuan)' }, min: 0, stage: 'closing_submitted' },
    qualityGrade: {
      // Set only by the server (case-inspection: action inspection-grade; peer-evaluation: peer-grade), never by a client.
      type: 'enum', readOnly: true, label: { zh: '质量等次', en: 'Quality grade' }, stage: 'closing_submitted',
      options: qualityGrades,
    },
    // Kept by the server (the subsidies plugin computes it from the grade and the settings).
    subsidyAmount: { type: 'money', label: { zh: '办案补贴（元）', en: 'Subsidy (yuan)' }, min: 0, stage: 'closing_submitted', readOnly: true },
    archivedAt: { type: 'datetime', readOnly: true, label: { zh: '归档时间', en: 'Archived at' } },
    decisionReason: { type: 'longText', readOnly: true, label: { zh: '不予受理或终止的理由', en: 'Reason for rejection or termination' } },
    noticeToApplicant: {
      type: 'longText', label: { zh: '告知申请人事项', en: 'Notice to the applicant' }, maxLength: 1000,
      help: { zh: '申请人在网上查询进度时看到的内容，例如需补充的材料', en: 'What the applicant sees when tracking the application, e.g. papers still needed' },
    },
    terminationGround: { type: 'enum', readOnly: true, label: { zh: '终止情形', en: 'Termination ground' }, options: terminationGrounds },
  },
  sections: [
    {
      id: 'applicant', label: { zh: '申请人信息', en: 'Applicant' },
      fields: ['applicantName', 'applicantIdNumber', 'applicantGender', 'applicantBirthDate', 'applicantPhone', 'applicantAddress', 'applicantGroups'],
    },
    { id: 'agent', label: { zh: '代理人', en: 'Agent' }, fields: ['hasAgent', 'agentName', 'agentRelation', 'agentPhone'] },
    {
      id: 'case', label: { zh: '案件信息', en: 'Case' },
      fields: ['caseNumber', 'caseType', 'criminalRole', 'maxPenalty', 'causeOfAction', 'channel', 'servicePointId', 'applicationDate', 'status', 'noticeToApplicant', 'caseSummary', 'consultationId'],
    },
    { id: 'opposing', label: { zh: '对方当事人', en: 'Opposing party' }, fields: ['opposingPartyName', 'opposingPartyIdNumber'] },
    { id: 'means', label: { zh: '经济状况', en: 'Finances' }, fields: ['exemptionReason', 'householdMonthlyIncome', 'householdSize'] },
    {
      id: 'assignment', label: { zh: '指派与承办', en: 'Assignment' },
      fields: ['lawyerId', 'assignmentMethod', 'acceptedAt', 'assignedAt', 'decisionReason', 'terminationGround'],
    },
    {
      id: 'closing', label: { zh: '结案与质量', en: 'Closing and quality' },
      fields: ['closedAt', 'outcome', 'amountRecovered', 'subsidyAmount', 'qualityGrade', 'archivedAt'],
    },
  ],
  // The main path of a case (api/cases/lifecycle.ts); rejected and terminated cases never reach closing.
  stages: { field: 'status', order: ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived'] },
  access: {
    read: { admin: everyRow, supervisor: everyRow, lawyer: ownLawyerRows('lawyerId'), reviewer: noRow },
    create: { admin: everyRow },
    update: { admin: everyRow, lawyer: ownLawyerRows('lawyerId') },
    delete: { admin: everyRow },
    writableFields: { lawyer: ['applicantPhone', 'causeOfAction'] },
    masked: {
      applicantIdNumber: { visibleTo: ['admin', 'lawyer'], mask: maskIdNumber },
      // Each gives part of the ID number away, so each is masked for the same roles.
      applicantBirthDate: { visibleTo: ['admin', 'lawyer'], mask: maskDate },
      applicantGender: { visibleTo: ['admin', 'lawyer'], mask: maskWhole },
      applicantPhone: { visibleTo: ['admin', 'supervisor', 'lawyer'], mask: maskPhone },
      opposingPartyIdNumber: { visibleTo: ['admin', 'lawyer'], mask: maskIdNumber },
    },
    actions: {
      /** The case's transitions in its workflow panel (others see none). */
      history: { roles: { admin: everyRow, supervisor: everyRow, lawyer: everyRow }, refusal: { zh: '无权查看案件流转记录', en: 'You may not see the case history' } },
      'eligible-lawyers': { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以指派律师', en: 'Only a centre admin assigns lawyers' } },
      /** POST /api/cases/:id/corrections: a change to a locked case, with its reason (cases/corrections.ts). */
      correct: { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以更正已结案或归档的案件', en: 'Only a centre admin corrects a closed or archived case' } },
      conflicts: { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以进行利益冲突审查', en: 'Only a centre admin checks conflicts of interest' } },
      /** The ID and hardship proof uploaded with an online application. */
      'online-files': { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以查看网上申请的材料', en: 'Only a centre admin sees the papers of an online application' } },
    },
  },
  rules: [inOrder('applicationDate', 'acceptedAt', 'assignedAt', 'closedAt', 'archivedAt')],
  // Once closed, no client edit (the grade and the subsidy are the server's); a correction is an admin's audited action.
  lockedWhen: (record) => {
    const correction = { zh: '如需更正，请由中心管理员使用「更正」并说明理由', en: 'a centre admin may correct it, giving a reason' };
    if (record.status === 'archived') {
      return { message: { zh: `案件已归档，不能修改；${correction.zh}`, en: `The case is archived and cannot be edited; ${correction.en}` } };
    }
    if (record.status === 'closed') {
      return {
        message: { zh: `案件已结案，不能修改（质量等次和办案补贴由评查和补贴核算确定）；${correction.zh}`, en: `The case is closed and cannot be edited (its grade and subsidy come from the inspection and the subsidy rules); ${correction.en}` },
      };
    }
    return undefined;
  },
  // Case numbers run without gaps through the year: a numbered case stays on the register.
  undeletableWhen: (record) => (record.caseNumber
    ? { zh: '已编号的案件不能删除（案号须连续）；请作不予受理或终止处理', en: 'A case with a case number is never deleted (numbers have no gaps); reject or terminate it instead' }
    : undefined),
  list: {
    columns: ['caseNumber', 'applicantName', 'caseType', 'causeOfAction', 'applicationDate', 'status', 'lawyerId'],
    sort: ['applicationDate', 'DESC'],
    filters: ['overdue', 'status', 'caseType', 'channel', 'lawyerId', 'servicePointId', 'applicantGroups', 'applicationDate', 'qualityGrade'],
    // lawyerId: the lawyer's name; applicantIdNumber only for roles that see it (list-query.ts).
    search: ['caseNumber', 'applicantName', 'causeOfAction', 'lawyerId', 'applicantIdNumber'],
    searchIndex: true,
  },
  // The yearly figures' two passes (reports/indicators.ts), each answered from its index alone.
  // …and the exact totals of the lists filtered by type and status alone (an admin's every day).
  tallies: [...caseTallies, countTally(['caseType', 'status'])],
  indexes: [
    ['applicationDate', 'status', 'caseType', 'servicePointId', 'lawyerId', 'applicantGroups'],
    ['closedAt', 'status', 'caseType', 'qualityGrade', 'amountRecovered'],
    // The lists a centre runs all day (type + status, newest first; a lawyer's row rule first), with exact totals.
    ['caseType', 'status', 'applicationDate'],
    ['lawyerId', 'caseType', 'status', 'applicationDate'],
    ['status', 'applicationDate'],
    ['lawyerId', 'status', 'applicationDate'],
    // A lawyer's own cases newest first (their default list, and a search of them that finds many).
    ['lawyerId', 'applicationDate'],
    // The overdue filter's two branches.
    ['status', 'acceptedAt'],
    // The cases closed in a period (return-visit coverage, the closing lists).
    ['status', 'closedAt'],
  ],
  virtualFilters: {
    overdue: {
      label: { zh: '逾期', en: 'Overdue' },
      anyOf: (eb, { settings, today }) => {
        const { reviewDueBefore, assignDueBefore } = overdueCondition(settings as unknown as DeadlineSettings, today);
        return [
          eb.and([eb('status', 'in', ['applied', 'reviewing']), eb('applicationDate', '<', reviewDueBefore)]),
          eb.and([eb('status', '=', 'accepted'), eb('acceptedAt', '<', assignDueBefore)]),
        ];
      },
    },
  },
  hooks: {
    beforeCreate: [async (record, { settings, counters }) => {
      const year = String(record.applicationDate).slice(0, 4);
      return { ...record, caseNumber: formatCaseNumber(String(settings.caseNumberFormat), year, await counters.next(caseNumberCounter(year))) };
    }],
  },
});
