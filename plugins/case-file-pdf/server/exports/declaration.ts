// 卷宗批量导出: one row per batch job; its progress is written to the row as it runs.
import { defineResource, jobLeaseFields, type RowRule } from '../../../../api/plugin-kit.js';

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** Everyone sees and cancels their own exports only: each holds what its requester may read. */
const ownExports: RowRule = (actor) => ({ requesterId: actor.id });

export const caseFileExports = defineResource({
  name: 'case-file-exports',
  label: { zh: '卷宗批量导出', en: 'Case-file exports' },
  titleField: 'id',
  fields: {
    filter: { type: 'longText', label: { zh: '筛选条件', en: 'Filter' }, readOnly: true },
    ids: { type: 'longText', label: { zh: '案件', en: 'Cases' }, readOnly: true },
    status: {
      type: 'enum', label: { zh: '状态', en: 'Status' }, readOnly: true,
      options: {
        queued: { zh: '排队中', en: 'Queued' },
        running: { zh: '导出中', en: 'Running' },
        done: { zh: '已完成', en: 'Done' },
        failed: { zh: '失败', en: 'Failed' },
        cancelled: { zh: '已取消', en: 'Cancelled' },
      },
    },
    done: { type: 'integer', label: { zh: '已完成', en: 'Done' }, readOnly: true },
    total: { type: 'integer', label: { zh: '总数', en: 'Total' }, readOnly: true },
    skipped: { type: 'integer', label: { zh: '未能导出', en: 'Skipped' }, readOnly: true },
    sha256: { type: 'text', label: { zh: 'SHA-256', en: 'SHA-256' }, readOnly: true },
    size: { type: 'integer', label: { zh: '大小（字节）', en: 'Size (bytes)' }, readOnly: true },
    requesterId: { type: 'text', label: { zh: '发起人编号', en: 'Requester id' }, readOnly: true },
    requesterEmail: { type: 'text', label: { zh: '发起人', en: 'Requested by' }, readOnly: true },
    requesterRole: { type: 'text', label: { zh: '发起人角色', en: 'Requester role' }, readOnly: true },
    requesterLawyerId: { type: 'integer', label: { zh: '发起人律师编号', en: 'Requester lawyer id' }, readOnly: true },
    message: { type: 'text', label: { zh: '说明', en: 'Message' }, readOnly: true },
    finishedAt: { type: 'datetime', label: { zh: '完成时间', en: 'Finished at' }, readOnly: true },
    ...jobLeaseFields,
  },
  access: {
    read: { admin: ownExports, supervisor: ownExports, lawyer: ownExports },
    create: {},
    update: {},
    delete: {},
    actions: {
      cancel: { roles: { admin: ownExports, supervisor: ownExports, lawyer: ownExports }, refusal: { zh: '只能取消自己发起的导出', en: 'You may cancel your own exports only' } },
    },
  },
  list: {
    columns: ['createdAt', 'status', 'done', 'total', 'requesterEmail', 'finishedAt'],
    sort: ['createdAt', 'DESC'],
    filters: ['status'],
    search: [],
  },
});
