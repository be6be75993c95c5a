import { badInput, defineResource, everyRow, ownCaseRows, sheetFields, sheetHooks, type Row } from '../../../api/plugin-kit.js';

export const FORM_KEY = 'hearing-observation';

const sheet = sheetHooks(FORM_KEY);

/** The hearing observed must be a hearing of the same case in the work log; its court is the default. */
async function withHearing(record: Row, db: import('kysely').Kysely<any>): Promise<Row> {
  if (!record.activityId) return record;
  const hearing = await db.selectFrom('case_activities').select(['caseId', 'kind', 'court']).where('id', '=', Number(record.activityId)).executeTakeFirst();
  if (!hearing || Number(hearing.caseId) !== Number(record.caseId) || hearing.kind !== 'hearing') {
    throw badInput({ activityId: { zh: '应为本案办案记录中的一次开庭', en: "Must be a hearing in this case's work log" } });
  }
  return { ...record, court: record.court ?? hearing.court ?? null };
}

/** 旁听庭审: a supervisor's sheet on a lawyer's hearing; the lawyer reads feedback, score and grade, never the private notes. */
export const observations = defineResource({
  name: 'hearing-observations',
  label: { zh: '旁听庭审', en: 'Hearing observations' },
  titleField: 'observedOn',
  fields: {
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, required: true },
    activityId: { type: 'reference', to: 'case-activities', label: { zh: '庭审（办案记录）', en: 'Hearing (work log)' } },
    observedOn: { type: 'date', label: { zh: '旁听日期', en: 'Observed on' }, required: true, default: () => new Date().toISOString().slice(0, 10) },
    court: { type: 'text', label: { zh: '法院', en: 'Court' }, maxLength: 100 },
    observers: { type: 'text', label: { zh: '旁听人员', en: 'Observers' }, required: true, maxLength: 200 },
    ...sheetFields(FORM_KEY),
    judgeView: { type: 'longText', label: { zh: '法官意见', en: "Judge's view" }, maxLength: 2000 },
    feedback: { type: 'longText', label: { zh: '反馈意见（律师可见）', en: 'Feedback to the lawyer' }, maxLength: 2000 },
    privateNotes: { type: 'longText', label: { zh: '内部备注（仅管理人员可见）', en: 'Private notes (supervisors only)' }, maxLength: 2000 },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow, lawyer: ownCaseRows() },
    create: { admin: everyRow, supervisor: everyRow },
    update: { admin: everyRow, supervisor: everyRow },
    delete: { admin: everyRow },
    // Masked to every other role on every path (lists, records, audit entries); the mask shows nothing.
    masked: { privateNotes: { visibleTo: ['admin', 'supervisor'], mask: () => '' } },
  },
  list: {
    columns: ['observedOn', 'caseId', 'court', 'observers', 'score', 'grade'],
    sort: ['observedOn', 'DESC'],
    filters: ['caseId', 'observedOn', 'grade'],
    search: ['court', 'observers', 'feedback'],
  },
  hooks: {
    beforeCreate: [(record, { trx }) => withHearing(record, trx), ...sheet.beforeCreate],
    beforeUpdate: [(record, _previous, { trx }) => withHearing(record, trx), ...sheet.beforeUpdate],
  },
});
