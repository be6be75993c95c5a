import { defineResource } from './define.js';
import { everyRow } from '../access/rules.js';
import { phone } from './options.js';
import { acceptDue, concludeDue, replyDue, runningDeadline } from '../complaints/deadlines.js';
import { toIsoDate } from '../cases/periods.js';

/** 登记 → 受理 / 不予受理 → 调查 → 办结 → 答复: moved only by complaints/lifecycle.ts. */
export const complaintStatuses = {
  received: { zh: '登记', en: 'Received' },
  accepted: { zh: '受理', en: 'Accepted' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  investigating: { zh: '调查', en: 'Investigating' },
  concluded: { zh: '办结', en: 'Concluded' },
  replied: { zh: '答复', en: 'Replied' },
};

export const complaintOutcomes = {
  upheld: { zh: '属实', en: 'Upheld' },
  partly_upheld: { zh: '部分属实', en: 'Partly upheld' },
  not_upheld: { zh: '不属实', en: 'Not upheld' },
};

export const replyMethods = {
  letter: { zh: '书面', en: 'In writing' },
  phone: { zh: '电话', en: 'By phone' },
  visit: { zh: '当面', en: 'In person' },
  email: { zh: '电子邮件', en: 'By email' },
  sms: { zh: '短信', en: 'By text message' },
};

const kept = { readOnly: true } as const;

export default defineResource({
  name: 'complaints',
  label: { zh: '投诉', en: 'Complaints' },
  titleField: 'complainantName',
  fields: {
    complainantName: { type: 'text', label: { zh: '投诉人', en: 'Complainant' }, required: true, maxLength: 50 },
    complainantPhone: { type: 'text', label: { zh: '联系电话', en: 'Phone' }, pattern: phone },
    channel: {
      type: 'enum', label: { zh: '投诉方式', en: 'Channel' }, required: true,
      options: {
        phone: { zh: '电话', en: 'Phone' },
        fax: { zh: '传真', en: 'Fax' },
        email: { zh: '电子邮件', en: 'Email' },
        letter: { zh: '信函', en: 'Letter' },
        visit: { zh: '来访', en: 'Visit' },
        online: { zh: '网上', en: 'Online' },
      },
    },
    receivedAt: {
      type: 'date', label: { zh: '收到日期', en: 'Received' }, required: true, notAfter: 'today',
      default: () => new Date().toISOString().slice(0, 10),
    },
    caseId: { type: 'reference', to: 'cases', label: { zh: '涉及案件', en: 'Case' } },
    lawyerId: { type: 'reference', to: 'lawyers', label: { zh: '被投诉人', en: 'Lawyer complained of' } },
    category: {
      type: 'enum', label: { zh: '投诉事项', en: 'Category' }, required: true,
      options: {
        attitude: { zh: '服务态度', en: 'Attitude' },
        quality: { zh: '办案质量', en: 'Quality of work' },
        delay: { zh: '拖延办理', en: 'Delay' },
        fees: { zh: '违规收费', en: 'Charging fees' },
        gifts: { zh: '收受财物', en: 'Accepting gifts' },
        refusal: { zh: '拒绝或拖延提供援助', en: 'Refused aid' },
        other: { zh: '其他', en: 'Other' },
      },
    },
    description: { type: 'longText', label: { zh: '投诉内容', en: 'Description' }, required: true, maxLength: 4000 },
    // Set only by the complaint's transitions (complaints/lifecycle.ts).
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, required: true, default: 'received', options: complaintStatuses, ...kept },
    acceptDeadline: {
      type: 'date', label: { zh: '受理期限', en: 'Accept by' }, ...kept,
      help: { zh: '收到后 5 个工作日内（节假日与调休见系统设置）', en: 'Within 5 working days of receipt (holidays in the settings)' },
    },
    acceptedAt: { type: 'datetime', label: { zh: '受理时间', en: 'Accepted at' }, ...kept },
    refusedAt: { type: 'datetime', label: { zh: '不予受理时间', en: 'Refused at' }, ...kept },
    refusalReason: { type: 'longText', label: { zh: '不予受理的理由', en: 'Reason for not accepting' }, ...kept },
    investigationStartedAt: { type: 'datetime', label: { zh: '开始调查时间', en: 'Investigation started' }, ...kept },
    concludeDeadline: {
      type: 'date', label: { zh: '办结期限', en: 'Conclude by' }, ...kept,
      help: { zh: '受理后 45 日内，可延长一次', en: 'Within 45 days of acceptance, extended at most once' },
    },
    extendedAt: { type: 'datetime', label: { zh: '延期时间', en: 'Extended at' }, ...kept },
    extensionReason: { type: 'longText', label: { zh: '延期理由', en: 'Reason for the extension' }, ...kept },
    concludedAt: { type: 'datetime', label: { zh: '办结时间', en: 'Concluded at' }, ...kept },
    findings: { type: 'longText', label: { zh: '调查核实情况', en: 'Findings' }, maxLength: 4000, ...kept },
    conclusion: { type: 'longText', label: { zh: '处理结论', en: 'Conclusion' }, maxLength: 4000, ...kept },
    outcome: { type: 'enum', label: { zh: '处理结果', en: 'Outcome' }, options: complaintOutcomes, ...kept },
    replyDeadline: {
      type: 'date', label: { zh: '答复期限', en: 'Reply by' }, ...kept,
      help: { zh: '作出处理决定后 5 个工作日内', en: 'Within 5 working days of the decision' },
    },
    repliedAt: { type: 'date', label: { zh: '答复日期', en: 'Replied' }, ...kept },
    replyMethod: { type: 'enum', label: { zh: '答复方式', en: 'Reply method' }, options: replyMethods, ...kept },
  },
  sections: [
    { id: 'complainant', label: { zh: '投诉人', en: 'Complainant' }, fields: ['complainantName', 'complainantPhone', 'channel', 'receivedAt'] },
    { id: 'complaint', label: { zh: '投诉事项', en: 'Complaint' }, fields: ['caseId', 'lawyerId', 'category', 'description'] },
    { id: 'acceptance', label: { zh: '受理', en: 'Acceptance' }, fields: ['status', 'acceptDeadline', 'acceptedAt', 'refusedAt', 'refusalReason'] },
    {
      id: 'investigation', label: { zh: '调查与办结', en: 'Investigation and conclusion' },
      fields: ['investigationStartedAt', 'concludeDeadline', 'extendedAt', 'extensionReason', 'concludedAt', 'findings', 'conclusion', 'outcome'],
    },
    { id: 'reply', label: { zh: '答复', en: 'Reply' }, fields: ['replyDeadline', 'repliedAt', 'replyMethod'] },
  ],
  access: {
    read: { admin: everyRow, supervisor: everyRow },
    create: { admin: everyRow, supervisor: everyRow },
    update: { admin: everyRow, supervisor: everyRow },
    delete: { admin: everyRow },
    actions: {
      /** The complaint's transitions in its workflow panel. */
      history: { roles: { admin: everyRow, supervisor: everyRow }, refusal: { zh: '无权查看投诉处理记录', en: 'You may not see the complaint history' } },
    },
  },
  list: {
    columns: ['receivedAt', 'complainantName', 'channel', 'category', 'lawyerId', 'status', 'acceptDeadline', 'concludeDeadline', 'replyDeadline'],
    sort: ['receivedAt', 'DESC'],
    filters: ['overdue', 'status', 'channel', 'category', 'lawyerId', 'caseId', 'receivedAt'],
    search: ['complainantName', 'description', 'conclusion'],
    searchIndex: true,
  },
  virtualFilters: {
    overdue: {
      label: { zh: '逾期', en: 'Overdue' },
      // The deadline the complaint's state runs against is past (complaints/deadlines.ts).
      anyOf: (eb, { today }) => Object.entries(runningDeadline).map(([status, field]) =>
        eb.and([eb('status', '=', status), eb(field, '<', today)])),
    },
  },
  hooks: {
    beforeCreate: [(record, { settings }) => withDeadlines(record, settings)],
    beforeUpdate: [(record, previous, { settings }) => (record.receivedAt === previous.receivedAt ? record
      : { ...record, acceptDeadline: acceptDue(String(record.receivedAt), settings) })],
  },
});

/** A new complaint's deadlines, from its receipt and any stamps it comes with (a seed's history). */
function withDeadlines(record: Record<string, unknown>, settings: Record<string, unknown>) {
  const accepted = toIsoDate(record.acceptedAt);
  const concluded = toIsoDate(record.concludedAt);
  return {
    ...record,
    acceptDeadline: acceptDue(String(record.receivedAt), settings),
    concludeDeadline: accepted ? concludeDue(accepted, settings) : null,
    replyDeadline: concluded ? replyDue(concluded, settings) : null,
  };
}
