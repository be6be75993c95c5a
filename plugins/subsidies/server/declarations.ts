// The subsidy registers: batches (draft → paid) and their lines, one per case (or per adjustment).
import { badInput, defineResource, everyRow, ownLawyerRows, type Row, type RowRule } from '../../../api/plugin-kit.js';

export const batchStates = {
  draft: { zh: '草稿', en: 'Draft' },
  paid: { zh: '已发放', en: 'Paid' },
};

export const lineKinds = {
  subsidy: { zh: '补贴', en: 'Subsidy' },
  adjustment: { zh: '调整', en: 'Adjustment' },
};

const PAID = { zh: '该批次已发放，金额不能再修改；等次变更将在下一批次中作为调整行', en: 'The batch is paid; its amounts never change (a later grade change is an adjustment in the next batch)' };

function periodInOrder(record: Row): Row {
  if (record.periodStart && record.periodEnd && String(record.periodStart) > String(record.periodEnd)) {
    throw badInput({ periodEnd: { zh: '结束日期不能早于开始日期', en: 'The period cannot end before it starts' } });
  }
  return record;
}

/** 补贴发放批次: a period's closed, graded cases, gathered by an admin and paid once. */
export const batches = defineResource({
  name: 'subsidy-batches',
  label: { zh: '补贴发放批次', en: 'Subsidy batches' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '批次名称', en: 'Name' }, required: true, maxLength: 100 },
    periodStart: { type: 'date', label: { zh: '结案日期自', en: 'Closed from' }, required: true },
    periodEnd: { type: 'date', label: { zh: '结案日期至', en: 'Closed until' }, required: true },
    state: { type: 'enum', label: { zh: '状态', en: 'State' }, options: batchStates, default: 'draft', readOnly: true },
    caseCount: { type: 'integer', label: { zh: '行数', en: 'Lines' }, readOnly: true },
    totalAmount: { type: 'money', label: { zh: '合计（元）', en: 'Total (yuan)' }, readOnly: true },
    paidAt: { type: 'datetime', label: { zh: '发放时间', en: 'Paid at' }, readOnly: true },
    note: { type: 'longText', label: { zh: '备注', en: 'Note' }, maxLength: 1000 },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow },
    create: { admin: everyRow },
    update: { admin: everyRow },
    delete: { admin: everyRow },
    actions: {
      gather: { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以归集补贴', en: 'Only a centre admin gathers subsidies' } },
      pay: { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以发放补贴', en: 'Only a centre admin pays subsidies' } },
      totals: { roles: { admin: everyRow, supervisor: everyRow }, refusal: { zh: '无权查看补贴汇总', en: 'You may not see the totals' } },
      statement: { roles: { admin: everyRow }, refusal: { zh: '只有中心管理员可以导出对账单', en: 'Only a centre admin exports statements' } },
    },
  },
  hooks: { beforeCreate: [periodInOrder], beforeUpdate: [periodInOrder] },
  lockedWhen: (record) => (record.state === 'paid' ? { message: PAID } : undefined),
  undeletableWhen: (record) => (record.state === 'paid' ? PAID : undefined),
  list: {
    columns: ['name', 'periodStart', 'periodEnd', 'state', 'caseCount', 'totalAmount', 'paidAt'],
    sort: ['periodStart', 'DESC'],
    filters: ['state'],
    search: ['name'],
  },
});

/** Lines of draft batches: the only ones an admin may remove (a paid batch's lines never change). */
const draftLines: RowRule = async (_actor, db) => ({
  batchId: (await db.selectFrom('subsidy_batches').select('id').where('state', '=', 'draft').execute()).map((r) => Number(r.id)),
});

/** 补贴明细: written only by the gather route; a lawyer reads their own lines. */
export const lines = defineResource({
  name: 'subsidy-batch-lines',
  label: { zh: '补贴明细', en: 'Subsidy lines' },
  titleField: 'caseId',
  fields: {
    batchId: { type: 'reference', to: 'subsidy-batches', label: { zh: '批次', en: 'Batch' }, required: true, readOnly: true },
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, required: true, readOnly: true },
    lawyerId: { type: 'reference', to: 'lawyers', label: { zh: '承办律师', en: 'Lawyer' }, readOnly: true },
    lawFirmId: { type: 'reference', to: 'law-firms', label: { zh: '律师事务所', en: 'Law firm' }, readOnly: true },
    kind: { type: 'enum', label: { zh: '类别', en: 'Kind' }, options: lineKinds, required: true, readOnly: true },
    qualityGrade: {
      type: 'enum', label: { zh: '质量等次', en: 'Grade' }, readOnly: true,
      options: { excellent: { zh: '优秀', en: 'Excellent' }, good: { zh: '良好', en: 'Good' }, pass: { zh: '合格', en: 'Pass' }, fail: { zh: '不合格', en: 'Fail' } },
    },
    caseStatus: { type: 'text', label: { zh: '案件状态', en: 'Case status' }, maxLength: 30, readOnly: true },
    amount: { type: 'money', label: { zh: '金额（元）', en: 'Amount (yuan)' }, required: true, min: -1_000_000, readOnly: true },
    basis: { type: 'longText', label: { zh: '计算依据', en: 'Basis' }, maxLength: 2000, readOnly: true },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow, lawyer: ownLawyerRows('lawyerId') },
    create: {},
    update: {},
    delete: { admin: draftLines },
  },
  list: {
    columns: ['batchId', 'caseId', 'lawyerId', 'lawFirmId', 'kind', 'qualityGrade', 'amount', 'basis'],
    sort: ['caseId', 'ASC'],
    filters: ['batchId', 'lawyerId', 'lawFirmId', 'kind'],
    search: [],
  },
});
