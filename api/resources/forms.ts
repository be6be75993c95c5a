import { defineResource, type Row } from './define.js';
import { everyRow } from '../access/rules.js';
import { formStatuses, refuseBadDefinition, refusePublishedEdit, stampPublished, withRevision } from '../forms/revisions.js';

/**
 * Quality-review forms as versioned records: one row per form key and revision. A published
 * revision is never edited (sheets point at it); changing it means saving a new revision.
 */
export default defineResource({
  name: 'forms',
  label: { zh: '评价表单', en: 'Forms' },
  titleField: 'title',
  fields: {
    key: { type: 'text', label: { zh: '表单标识', en: 'Form key' }, readOnly: true, help: { zh: '取自表单定义的 key', en: "The definition's key" } },
    revision: { type: 'integer', label: { zh: '版本', en: 'Revision' }, readOnly: true },
    status: { type: 'enum', label: { zh: '状态', en: 'Status' }, required: true, default: 'draft', options: formStatuses },
    title: { type: 'text', label: { zh: '表单名称', en: 'Title' }, readOnly: true, help: { zh: '取自表单定义', en: 'From the definition' } },
    publishedAt: { type: 'datetime', label: { zh: '首次发布时间', en: 'First published' }, readOnly: true, help: { zh: '发布后表单定义不再修改', en: 'Once published, the definition is kept as it is' } },
    definition: { type: 'json', label: { zh: '表单定义', en: 'Definition' }, required: true, holds: { kind: 'form-definition' } },
  },
  access: {
    read: { admin: everyRow, supervisor: everyRow, lawyer: everyRow, reviewer: everyRow },
    create: { admin: everyRow, supervisor: everyRow },
    update: { admin: everyRow, supervisor: everyRow },
    delete: { admin: everyRow },
  },
  list: {
    columns: ['key', 'revision', 'title', 'status', 'updatedAt'],
    sort: ['key', 'ASC'],
    filters: ['key', 'status'],
    search: ['key', 'title'],
  },
  hooks: {
    beforeCreate: [async (record: Row, { trx }) => stampPublished(await withRevision(refuseBadDefinition(record), trx))],
    beforeUpdate: [(record: Row, previous: Row) => stampPublished(refusePublishedEdit(refuseBadDefinition(record), previous))],
  },
});
