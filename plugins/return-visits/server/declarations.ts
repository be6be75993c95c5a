import { badInput, countTally, defineResource, everyRow, returnVisitTallies, sheetFields, sheetHooks, type Row } from '../../../api/plugin-kit.js';
import { openComplaintIfReported } from './complaint.js';
import { markVisitedCases } from './visited-cases.js';

export const FORM_KEY = 'return-visit';

export const visitMethods = {
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: '走访', en: 'Visit' },
  letter: { zh: '信函', en: 'Letter' },
  online: { zh: '短信/网络', en: 'Text or online' },
};

export const satisfactions = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

const sheet = sheetHooks(FORM_KEY);

/** The overall satisfaction is the sheet's own answer when the visitor did not give it separately. */
function withSatisfaction(record: Row): Row {
  const answered = (record.answers as Record<string, unknown> | null)?.satisfaction;
  const satisfaction = record.satisfaction ?? (typeof answered === 'string' && answered in satisfactions ? answered : null);
  if (!satisfaction) throw badInput({ satisfaction: { zh: '必填', en: 'Required' } });
  return { ...record, satisfaction };
}

/** 回访: asking the aided person afterwards; money, gifts or private fees reported open a complaint. */
export const visits = defineResource({
  name: 'return-visits',
  label: { zh: '回访', en: 'Return visits' },
  titleField: 'visitedAt',
  // The satisfaction indicator and the summary's visit counts, kept by the write path; and the
  // list's exact totals (one visit per closed case: the home page's count of a million cases' visits).
  tallies: [...returnVisitTallies, countTally(['method', 'satisfaction'])],
  fields: {
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, required: true },
    method: { type: 'enum', label: { zh: '回访方式', en: 'Method' }, required: true, default: 'phone', options: visitMethods },
    visitedAt: { type: 'date', label: { zh: '回访日期', en: 'Visited on' }, required: true, default: () => new Date().toISOString().slice(0, 10) },
    reachedPerson: { type: 'text', label: { zh: '回访对象', en: 'Person reached' }, required: true, maxLength: 50 },
    visitor: { type: 'text', label: { zh: '回访人', en: 'Visited by' }, maxLength: 50 },
    ...sheetFields(FORM_KEY),
    satisfaction: { type: 'enum', label: { zh: '总体满意度', en: 'Overall satisfaction' }, options: satisfactions, help: { zh: '不填则取评价表中的满意度', en: "Empty: the sheet's answer" } },
    complaintId: { type: 'reference', to: 'complaints', label: { zh: '自动立案的投诉', en: 'Complaint opened' }, readOnly: true },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow },
    create: { admin: everyRow, supervisor: everyRow },
    update: { admin: everyRow, supervisor: everyRow },
    delete: { admin: everyRow },
  },
  list: {
    columns: ['visitedAt', 'caseId', 'method', 'reachedPerson', 'satisfaction', 'score', 'complaintId'],
    sort: ['visitedAt', 'DESC'],
    filters: ['caseId', 'method', 'satisfaction', 'visitedAt'],
    search: ['reachedPerson', 'visitor'],
  },
  hooks: {
    beforeCreate: [...sheet.beforeCreate, withSatisfaction],
    beforeUpdate: [...sheet.beforeUpdate, withSatisfaction],
    afterWrite: [openComplaintIfReported, markVisitedCases],
  },
});
