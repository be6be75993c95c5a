// 法律咨询登记: every consultation at the window, on the 12348 hotline, by letter, online or at a
// workstation, registered as it happens (即办即录). Letters and online questions owe a written
// reply within `consultationReplyWorkingDays` working days (replyDueDate, kept by the hooks).
import { defineResource, type Row } from './define.js';
import { consultationTallies } from '../reports/tallies.js';
import { everyRow, maskPhone } from '../access/rules.js';
import { phone } from './options.js';
import { addWorkingDays, today } from '../calendar.js';
import cases from './cases.js';

export const consultationChannels = {
  visit: { zh: '来访', en: 'Walk-in' },
  hotline_12348: { zh: '12348 热线', en: '12348 hotline' },
  letter: { zh: '信函', en: 'Letter' },
  online: { zh: '网络', en: 'Online' },
  workstation: { zh: '工作站', en: 'Workstation' },
};

/** The channels whose questions are answered in writing, by a deadline. */
export const writtenReplyChannels = ['letter', 'online'];

export const consultationCategories = {
  labour: { zh: '劳动争议', en: 'Labour' },
  family: { zh: '婚姻家庭', en: 'Family' },
  traffic: { zh: '交通事故', en: 'Traffic accident' },
  neighbourhood: { zh: '邻里纠纷', en: 'Neighbours' },
  land: { zh: '土地承包', en: 'Land' },
  criminal: { zh: '刑事', en: 'Criminal' },
  consumer: { zh: '消费维权', en: 'Consumer' },
  contract: { zh: '合同纠纷', en: 'Contract' },
  medical: { zh: '医疗纠纷', en: 'Medical' },
  housing: { zh: '房产物业', en: 'Housing' },
  other: { zh: '其他', en: 'Other' },
};

const groups = cases.fields.applicantGroups;

export default defineResource({
  name: 'consultations',
  label: { zh: '法律咨询', en: 'Consultations' },
  titleField: 'personName',
  fields: {
    channel: { type: 'enum', label: { zh: '咨询方式', en: 'Channel' }, required: true, default: 'visit', options: consultationChannels },
    servicePointId: { type: 'reference', to: 'service-points', label: { zh: '服务点', en: 'Service point' } },
    occurredAt: { type: 'datetime', label: { zh: '咨询时间', en: 'When' }, required: true },
    personName: { type: 'text', label: { zh: '咨询人', en: 'Person' }, required: true, maxLength: 50 },
    personPhone: { type: 'text', label: { zh: '联系电话', en: 'Phone' }, pattern: phone },
    personGroups: { ...groups, label: { zh: '特殊群体', en: 'Groups' } },
    category: { type: 'enum', label: { zh: '咨询事项', en: 'Topic' }, required: true, options: consultationCategories },
    question: { type: 'longText', label: { zh: '咨询内容', en: 'Question' }, required: true, maxLength: 4000 },
    answer: { type: 'longText', label: { zh: '解答意见', en: 'Answer' }, maxLength: 4000 },
    durationMinutes: { type: 'integer', label: { zh: '通话时长（分钟）', en: 'Call length (minutes)' }, min: 0, max: 600 },
    aidAdvised: { type: 'boolean', label: { zh: '建议申请法律援助', en: 'Legal aid advised' }, default: false },
    replyDueDate: {
      type: 'date', label: { zh: '答复期限', en: 'Reply by' }, readOnly: true,
      help: { zh: '信函、网络咨询自收到起 7 个工作日内答复（系统设置可改）', en: 'Letters and online questions: within 7 working days (a setting)' },
    },
    repliedAt: { type: 'date', label: { zh: '答复日期', en: 'Replied on' } },
    // Set by POST /api/consultations/:id/convert.
    caseId: { type: 'reference', to: 'cases', label: { zh: '转为申请的案件', en: 'Application made' }, readOnly: true },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow },
    create: { admin: everyRow },
    update: { admin: everyRow },
    delete: { admin: everyRow },
    masked: { personPhone: { visibleTo: ['admin', 'supervisor', 'lawyer'], mask: maskPhone } },
    actions: {
      convert: { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以将咨询转为申请', en: 'Only a centre admin turns a consultation into an application' } },
    },
  },
  tallies: consultationTallies,
  // The overdue filter (the home page's alert card): unanswered consultations by due date.
  indexes: [['repliedAt', 'replyDueDate']],
  list: {
    columns: ['occurredAt', 'channel', 'personName', 'category', 'servicePointId', 'aidAdvised', 'replyDueDate', 'caseId'],
    sort: ['occurredAt', 'DESC'],
    filters: ['overdue', 'channel', 'category', 'servicePointId', 'aidAdvised', 'occurredAt'],
    search: ['personName', 'question'],
    searchIndex: true,
  },
  virtualFilters: {
    overdue: {
      label: { zh: '逾期未答复', en: 'Reply overdue' },
      anyOf: (eb, { today }) => [eb.and([eb('repliedAt', 'is', null), eb('replyDueDate', '<', today)])],
    },
  },
  hooks: {
    beforeCreate: [(record, { settings }) => withReplyDue(record, settings)],
    beforeUpdate: [(record, _previous, { settings }) => withReplyDue(record, settings)],
  },
});

function withReplyDue(record: Row, settings: Record<string, unknown>): Row {
  if (!writtenReplyChannels.includes(String(record.channel))) return { ...record, replyDueDate: null };
  const received = new Date(Date.parse(String(record.occurredAt)) + 8 * 3_600_000).toISOString().slice(0, 10); // the day in China
  return { ...record, replyDueDate: addWorkingDays(received, Number(settings.consultationReplyWorkingDays)) };
}

/** Whether a written reply is late: past its deadline unanswered, or answered after it. */
export function replyOverdue(row: Row, on: string = today()): boolean {
  if (!row.replyDueDate) return false;
  const due = String(row.replyDueDate).slice(0, 10);
  return row.repliedAt ? String(row.repliedAt).slice(0, 10) > due : on > due;
}
