import { defineResource } from './define.js';
import { everyRow } from '../access/rules.js';
import { phone } from './options.js';
import { addDays, addWorkingDays } from '../calendar.js';

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
    status: {
      type: 'enum', label: { zh: '状态', en: 'Status' }, required: true, default: 'received',
      options: {
        received: { zh: '已登记', en: 'Received' },
        accepted: { zh: '已受理', en: 'Accepted' },
        not_accepted: { zh: '不予受理', en: 'Not accepted' },
        concluded: { zh: '已办结', en: 'Concluded' },
        replied: { zh: '已答复', en: 'Replied' },
      },
    },
    acceptDeadline: {
      type: 'date', label: { zh: '受理期限', en: 'Accept by' }, readOnly: true,
      help: { zh: '收到后 5 个工作日内', en: 'Within 5 working days of receipt' },
    },
    concludeDeadline: {
      type: 'date', label: { zh: '办结期限', en: 'Conclude by' }, readOnly: true,
      help: { zh: '收到后 45 日内', en: 'Within 45 days of receipt' },
    },
    conclusion: { type: 'longText', label: { zh: '处理结论', en: 'Conclusion' }, maxLength: 4000 },
    repliedAt: { type: 'date', label: { zh: '答复日期', en: 'Replied' }, notAfter: 'today' },
  },
  sections: [
    { id: 'complainant', label: { zh: '投诉人', en: 'Complainant' }, fields: ['complainantName', 'complainantPhone', 'channel', 'receivedAt'] },
    { id: 'complaint', label: { zh: '投诉事项', en: 'Complaint' }, fields: ['caseId', 'lawyerId', 'category', 'description'] },
    { id: 'handling', label: { zh: '受理与办理', en: 'Handling' }, fields: ['status', 'acceptDeadline', 'concludeDeadline', 'conclusion', 'repliedAt'] },
  ],
  access: {
    read: { admin: everyRow, supervisor: everyRow },
    create: { admin: everyRow, supervisor: everyRow },
    update: { admin: everyRow, supervisor: everyRow },
    delete: { admin: everyRow },
  },
  list: {
    columns: ['receivedAt', 'complainantName', 'channel', 'category', 'lawyerId', 'status', 'concludeDeadline'],
    sort: ['receivedAt', 'DESC'],
    filters: ['status', 'channel', 'category', 'lawyerId', 'caseId', 'receivedAt'],
    search: ['complainantName', 'description', 'conclusion'],
  },
  hooks: {
    beforeCreate: [(record, { settings }) => withDeadlines(record, settings)],
    beforeUpdate: [(record, _previous, { settings }) => withDeadlines(record, settings)],
  },
});

function withDeadlines(record: Record<string, unknown>, settings: Record<string, unknown>) {
  const received = String(record.receivedAt);
  return {
    ...record,
    acceptDeadline: addWorkingDays(received, Number(settings.complaintAcceptWorkingDays)),
    concludeDeadline: addDays(received, Number(settings.complaintConcludeDays)),
  };
}
