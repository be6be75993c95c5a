import { closedCaseStatuses, badInput, countTally, defineResource, everyRow, ownCaseRows, sheetFields, sheetHooks, type AfterWrite, type HookContext, type Row } from '../../../api/plugin-kit.js';

export const FORM_KEY = 'case-inspection';
const sheet = sheetHooks(FORM_KEY);

/** Only a closed or archived case is inspected. */
async function closedCaseOnly(record: Row, { trx }: HookContext): Promise<Row> {
  const c = await trx.selectFrom('cases').select(['status']).where('id', '=', Number(record.caseId)).executeTakeFirst();
  if (!c || !closedCaseStatuses.includes(String(c.status))) {
    throw badInput({ caseId: { zh: '只有已结案或已归档的案件可以评查', en: 'Only a closed or archived case is inspected' } });
  }
  return record;
}

/**
 * The band sets the case's initial grade (action `inspection-grade`), audited by the write path —
 * unless the case's grade last came from a published peer evaluation (audit action `peer-grade`), which wins.
 */
const gradeTheCase: AfterWrite = async (change, { trx, records }) => {
  const inspection = change.after;
  if (!inspection?.grade) return;
  const caseId = Number(inspection.caseId);
  const last = await trx.selectFrom('audit_log').select(['action']).where('resource', '=', 'cases').where('recordId', '=', String(caseId))
    .where('action', 'in', ['inspection-grade', 'peer-grade']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (last?.action === 'peer-grade') return;
  await records.change(records.resource('cases'), caseId, change.actor, { action: 'inspection-grade', plan: () => ({ qualityGrade: String(inspection.grade) }) }, trx);
};

/** 案卷评查: one inspection per closed case, scored by the server with the inspection rubric. */
export const inspections = defineResource({
  name: 'case-inspections',
  label: { zh: '案卷评查', en: 'Case-file inspections' },
  titleField: 'inspectedAt',
  // The list's exact totals, all and by grade (one inspection per closed case: counting them took
  // 35 ms of the home page on PostgreSQL at a million cases).
  tallies: [countTally(['grade'])],
  fields: {
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, required: true, unique: true },
    inspectedAt: { type: 'date', label: { zh: '评查日期', en: 'Inspected on' }, required: true, default: () => new Date().toISOString().slice(0, 10) },
    inspector: { type: 'text', label: { zh: '评查人', en: 'Inspector' }, maxLength: 50 },
    ...sheetFields(FORM_KEY),
    comments: { type: 'longText', label: { zh: '评查意见', en: 'Comments' }, maxLength: 2000 },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow, lawyer: ownCaseRows() },
    create: { admin: everyRow, supervisor: everyRow },
    update: { admin: everyRow, supervisor: everyRow },
    delete: { admin: everyRow },
    masked: { inspector: { visibleTo: ['admin', 'supervisor'], mask: () => '' } },
  },
  list: {
    columns: ['inspectedAt', 'caseId', 'score', 'grade', 'inspector'],
    sort: ['inspectedAt', 'DESC'],
    filters: ['caseId', 'grade', 'inspectedAt'],
    search: ['comments'],
  },
  hooks: {
    beforeCreate: [closedCaseOnly, ...sheet.beforeCreate],
    beforeUpdate: [...sheet.beforeUpdate],
    afterWrite: [gradeTheCase],
  },
});
