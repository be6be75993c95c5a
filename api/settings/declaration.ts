import { defineResource } from '../resources/define.js';
import { everyRow } from '../access/rules.js';

/** The centre's settings as one record (id 1), edited by admins; defaults in settings.ts. */
export default defineResource({
  name: 'settings',
  label: { zh: '系统设置', en: 'Settings' },
  titleField: 'centreName',
  fields: {
    centreName: { type: 'text', label: { zh: '法律援助中心名称', en: 'Centre name' }, required: true, maxLength: 100 },
    caseNumberFormat: {
      type: 'text', label: { zh: '案号格式', en: 'Case number format' }, required: true, maxLength: 60,
      pattern: { regex: /\{year\}.*\{seq(:\d)?\}/, message: { zh: '须包含 {year} 和 {seq:4}', en: 'Must contain {year} and {seq:4}' } },
      help: { zh: '{year} 为年份，{seq:4} 为四位顺序号', en: '{year} is the year, {seq:4} the 4-digit sequence' },
    },
    minimumLivingStandard: { type: 'money', label: { zh: '当地最低生活保障标准（元/人·月）', en: 'Minimum living standard (yuan/person/month)' }, required: true, min: 0 },
    hardshipFactor: {
      type: 'money', label: { zh: '经济困难标准倍数', en: 'Hardship factor' }, required: true, min: 0.5, max: 10, unit: { zh: '倍', en: '×' },
      help: { zh: '经济困难标准 = 最低生活保障标准 × 倍数', en: 'Threshold = minimum living standard × factor' },
    },
    reviewDays: { type: 'integer', label: { zh: '审查期限（日）', en: 'Review within (days)' }, required: true, min: 1, max: 60 },
    assignDays: { type: 'integer', label: { zh: '指派期限（日）', en: 'Assign within (days)' }, required: true, min: 1, max: 30 },
    complaintAcceptWorkingDays: { type: 'integer', label: { zh: '投诉受理期限（工作日）', en: 'Accept complaints within (working days)' }, required: true, min: 1, max: 30 },
    complaintConcludeDays: { type: 'integer', label: { zh: '投诉办结期限（日）', en: 'Conclude complaints within (days)' }, required: true, min: 1, max: 180 },
    complaintReplyWorkingDays: { type: 'integer', label: { zh: '投诉答复期限（工作日）', en: 'Reply within (working days)' }, required: true, min: 1, max: 30 },
    complaintExtensionDays: { type: 'integer', label: { zh: '投诉办结期限可延长（日）', en: 'Complaint extension (days)' }, required: true, min: 1, max: 90 },
    holidays: {
      type: 'list', label: { zh: '节假日与调休', en: 'Holidays and make-up working days' }, maxItems: 400,
      help: { zh: '国务院公布的放假安排：工作日放假的日期为「放假」，周末上班的日期为「调休上班」；工作日期限据此计算', en: "The State Council's schedule: weekday holidays, and weekend days worked (调休); working-day deadlines follow it" },
      of: {
        date: { type: 'date', label: { zh: '日期', en: 'Date' }, required: true },
        kind: { type: 'enum', label: { zh: '类别', en: 'Kind' }, required: true, options: { holiday: { zh: '放假', en: 'Holiday' }, workday: { zh: '调休上班', en: 'Make-up working day' } } },
        name: { type: 'text', label: { zh: '名称', en: 'Name' }, maxLength: 30 },
      },
    },
    complaintNoticeAddress: { type: 'text', label: { zh: '投诉受理地址', en: 'Complaints: address' }, maxLength: 200 },
    complaintNoticePhone: { type: 'text', label: { zh: '投诉电话', en: 'Complaints: phone' }, maxLength: 40 },
    complaintNoticeFax: { type: 'text', label: { zh: '投诉传真', en: 'Complaints: fax' }, maxLength: 40 },
    complaintNoticeEmail: { type: 'text', label: { zh: '投诉电子邮箱', en: 'Complaints: email' }, maxLength: 100 },
    complaintNoticeScope: { type: 'longText', label: { zh: '投诉受理范围', en: 'Complaints: scope' }, maxLength: 2000 },
    complaintNoticeProcedure: { type: 'longText', label: { zh: '投诉处理程序', en: 'Complaints: procedure' }, maxLength: 4000 },
    consultationReplyWorkingDays: { type: 'integer', label: { zh: '信函、网络咨询答复期限（工作日）', en: 'Answer letters and online questions within (working days)' }, required: true, min: 1, max: 30 },
    registeredPopulation: { type: 'integer', label: { zh: '户籍人口', en: 'Registered population' }, required: true, min: 1 },
    uploadLimitMb: { type: 'integer', label: { zh: '上传文件大小上限（MB）', en: 'Upload limit (MB)' }, required: true, min: 1, max: 200 },
    uploadUnzippedLimitMb: {
      type: 'integer', label: { zh: '文档解压后大小上限（MB）', en: 'Unpacked document limit (MB)' }, required: true, min: 1, max: 2000,
      help: { zh: 'DOCX、OFD 等压缩包格式的文档，解压后不得超过此大小（防止压缩炸弹）', en: 'A DOCX or OFD may hold at most this much once unpacked (no zip bombs)' },
    },
    hearingObservationTargetPercent: { type: 'integer', label: { zh: '旁听庭审覆盖目标（%）', en: 'Hearings observed target (%)' }, required: true, min: 0, max: 100, help: { zh: '本年度开庭案件中旁听的比例', en: 'Share of this year\'s heard cases observed' } },
    returnVisitTargetPercent: { type: 'integer', label: { zh: '回访覆盖目标（%）', en: 'Return-visit target (%)' }, required: true, min: 0, max: 100, help: { zh: '本年度结案案件中回访的比例', en: 'Share of this year\'s closed cases visited' } },
    satisfactionTargetPercent: { type: 'integer', label: { zh: '满意度目标（%）', en: 'Satisfaction target (%)' }, required: true, min: 0, max: 100 },
    targetCasesPer10k: { type: 'money', label: { zh: '目标：每万户籍人口案件数', en: 'Target: cases per 10,000 residents' }, required: true, min: 0 },
    targetCriminalSharePct: { type: 'money', label: { zh: '目标：刑事案件占比（%）', en: 'Target: criminal share (%)' }, required: true, min: 0, max: 100 },
    targetLitigationSharePct: { type: 'money', label: { zh: '目标：诉讼案件占结案比例（%）', en: 'Target: litigation share of closed cases (%)' }, required: true, min: 0, max: 100 },
    targetLawFirmSharePct: { type: 'money', label: { zh: '目标：社会律师承办占比（%）', en: 'Target: law-firm share (%)' }, required: true, min: 0, max: 100 },
    targetAmountRecovered: { type: 'money', label: { zh: '目标：挽回损失（元，0 为不设）', en: 'Target: amount recovered (yuan, 0 = none)' }, required: true, min: 0 },
    targetConsultations: { type: 'integer', label: { zh: '目标：法律咨询人次（0 为不设）', en: 'Target: consultations (0 = none)' }, required: true, min: 0 },
  },
  sections: [
    { id: 'centre', label: { zh: '中心与案号', en: 'Centre and case numbers' }, fields: ['centreName', 'caseNumberFormat', 'registeredPopulation'] },
    { id: 'means', label: { zh: '经济困难标准', en: 'Hardship threshold' }, fields: ['minimumLivingStandard', 'hardshipFactor'] },
    {
      id: 'deadlines', label: { zh: '办理期限', en: 'Deadlines' },
      fields: ['reviewDays', 'assignDays', 'complaintAcceptWorkingDays', 'complaintConcludeDays', 'complaintExtensionDays', 'complaintReplyWorkingDays', 'consultationReplyWorkingDays'],
    },
    { id: 'calendar', label: { zh: '节假日与调休', en: 'Public holidays and make-up days' }, fields: ['holidays'] },
    {
      id: 'complaintNotice', label: { zh: '投诉公示', en: 'Complaints notice' },
      fields: ['complaintNoticeAddress', 'complaintNoticePhone', 'complaintNoticeFax', 'complaintNoticeEmail', 'complaintNoticeScope', 'complaintNoticeProcedure'],
    },
    { id: 'quality', label: { zh: '质量监督目标', en: 'Quality targets' }, fields: ['hearingObservationTargetPercent', 'returnVisitTargetPercent', 'satisfactionTargetPercent'] },
    {
      id: 'indicators', label: { zh: '年度指标目标', en: 'Yearly targets' },
      fields: ['targetCasesPer10k', 'targetCriminalSharePct', 'targetLitigationSharePct', 'targetLawFirmSharePct', 'targetAmountRecovered', 'targetConsultations'],
    },
    { id: 'uploads', label: { zh: '上传文件', en: 'Uploads' }, fields: ['uploadLimitMb', 'uploadUnzippedLimitMb'] },
  ],
  access: { read: { admin: everyRow, supervisor: everyRow, lawyer: everyRow, reviewer: everyRow }, create: {}, update: { admin: everyRow }, delete: {} },
  list: {
    columns: ['centreName', 'caseNumberFormat', 'reviewDays', 'assignDays'],
    sort: ['centreName', 'ASC'],
    filters: [],
    search: [],
  },
});
