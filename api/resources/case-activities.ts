import { defineResource } from './define.js';
import { everyRow, ownCaseRows } from '../access/rules.js';

export const activityKinds = {
  meeting: { zh: '会见', en: 'Meeting' },
  file_review: { zh: '阅卷', en: 'Reading the file' },
  evidence: { zh: '调查取证', en: 'Gathering evidence' },
  hearing: { zh: '开庭', en: 'Hearing' },
  mediation: { zh: '调解', en: 'Mediation' },
  other: { zh: '其他', en: 'Other' },
};

/** The case states in which the lawyer still works on it (and so keeps the log). */
export const openCaseStatuses = ['assigned', 'in_progress', 'closing_submitted'];

/** The lawyer keeps the log of their own cases while they handle them. */
const ownOpenCases = ownCaseRows('caseId', openCaseStatuses);

/** 办案记录: what the case's lawyer did on it, read by supervisors, reviewers of quality and the case file. */
export default defineResource({
  name: 'case-activities',
  label: { zh: '办案记录', en: 'Work log' },
  titleField: 'kind',
  fields: {
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, required: true },
    kind: { type: 'enum', label: { zh: '类型', en: 'Kind' }, required: true, options: activityKinds },
    occurredAt: { type: 'datetime', label: { zh: '时间', en: 'When' }, required: true },
    place: { type: 'text', label: { zh: '地点', en: 'Place' }, maxLength: 100 },
    participants: { type: 'text', label: { zh: '参与人员', en: 'Participants' }, maxLength: 200 },
    court: { type: 'text', label: { zh: '法院', en: 'Court' }, maxLength: 100, help: { zh: '开庭时填写', en: 'For hearings' } },
    courtroom: { type: 'text', label: { zh: '法庭', en: 'Courtroom' }, maxLength: 50 },
    notes: { type: 'longText', label: { zh: '记录', en: 'Notes' }, maxLength: 4000 },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow, lawyer: ownCaseRows() },
    create: { admin: everyRow, lawyer: ownOpenCases },
    update: { admin: everyRow, lawyer: ownOpenCases },
    delete: { admin: everyRow, lawyer: ownOpenCases },
  },
  list: {
    columns: ['occurredAt', 'kind', 'caseId', 'place', 'court'],
    sort: ['occurredAt', 'DESC'],
    filters: ['caseId', 'kind', 'occurredAt'],
    search: ['place', 'participants', 'notes', 'court'],
  },
});
