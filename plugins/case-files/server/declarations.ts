// The plugin's two registers and the field it adds to cases.
import { badInput, caseTypes, defineResource, everyRow, ownCaseRows, type Field, type Row } from '../../../api/plugin-kit.js';
import { fileKinds } from './sniff.js';

export const criminalStages = {
  investigation: { zh: '侦查阶段', en: 'Investigation' },
  prosecution: { zh: '审查起诉阶段', en: 'Prosecution review' },
  trial: { zh: '审判阶段', en: 'Trial' },
};

/** Added to `cases`: which criminal template applies. */
export const caseFields: Record<string, Field> = {
  criminalStage: { type: 'enum', label: { zh: '刑事诉讼阶段', en: 'Criminal stage' }, options: criminalStages, visibleWhen: { caseType: 'criminal' }, section: 'case' },
};

/** Items need stable keys (files point at them); new items get one from their position. */
function withItemKeys(record: Row): Row {
  const items = (record.items as Row[] | null) ?? [];
  // Keys already given keep their items (files point at them); new items take a free key.
  const taken = new Set(items.map((item) => String(item.key ?? '').trim()).filter(Boolean));
  const seen = new Set<string>();
  let next = 1;
  const keyed = items.map((item) => {
    let key = String(item.key ?? '').trim();
    if (!key || seen.has(key)) {
      while (taken.has(`item_${next}`) || seen.has(`item_${next}`)) next++;
      key = `item_${next}`;
    }
    seen.add(key);
    return { ...item, key, required: item.required ?? true, suppliedBy: item.suppliedBy ?? 'lawyer', acceptedTypes: (item.acceptedTypes as string[] | null)?.length ? item.acceptedTypes : Object.keys(fileKinds) };
  });
  if (!keyed.length) throw badInput({ items: { zh: '模板至少要有一项材料', en: 'A template needs at least one item' } });
  return { ...record, items: keyed };
}

export const templates = defineResource({
  name: 'case-file-templates',
  label: { zh: '卷宗模板', en: 'Case-file templates' },
  titleField: 'name',
  fields: {
    name: { type: 'text', label: { zh: '模板名称', en: 'Name' }, required: true, unique: true, maxLength: 100 },
    caseType: { type: 'enum', label: { zh: '案件类型', en: 'Case type' }, required: true, options: caseTypes },
    criminalStage: {
      type: 'enum', label: { zh: '刑事诉讼阶段', en: 'Criminal stage' }, options: criminalStages, visibleWhen: { caseType: 'criminal' },
      help: { zh: '仅刑事案件；留空则适用于各阶段', en: 'Criminal cases only; empty means every stage' },
    },
    active: { type: 'boolean', label: { zh: '启用', en: 'Active' }, default: true },
    description: { type: 'longText', label: { zh: '说明', en: 'Description' }, maxLength: 1000 },
    items: {
      type: 'list', label: { zh: '卷宗材料（按装订顺序）', en: 'Materials (in binding order)' }, maxItems: 60,
      of: {
        key: { type: 'text', label: { zh: '代码', en: 'Key' }, maxLength: 40, pattern: { regex: /^[a-z0-9_]+$/, message: { zh: '只能用小写字母、数字和下划线', en: 'Lowercase letters, digits and _' } } },
        name: { type: 'text', label: { zh: '材料名称', en: 'Material' }, required: true, maxLength: 60 },
        required: { type: 'boolean', label: { zh: '必备', en: 'Required' } },
        suppliedBy: { type: 'enum', label: { zh: '提供方', en: 'Supplied by' }, options: { centre: { zh: '法援中心', en: 'Centre' }, lawyer: { zh: '承办律师', en: 'Lawyer' } } },
        acceptedTypes: { type: 'tags', label: { zh: '接受的文件类型', en: 'Accepted file types' }, options: Object.fromEntries(Object.entries(fileKinds).map(([k, v]) => [k, v.label])) },
        note: { type: 'text', label: { zh: '备注', en: 'Note' }, maxLength: 200 },
      },
    },
  },
  sections: [
    { id: 'template', label: { zh: '模板', en: 'Template' }, fields: ['name', 'caseType', 'criminalStage', 'active', 'description'] },
    { id: 'items', label: { zh: '材料目录', en: 'Materials' }, fields: ['items'] },
  ],
  access: {
    read: { admin: everyRow, supervisor: everyRow, lawyer: everyRow, reviewer: everyRow },
    create: { admin: everyRow },
    update: { admin: everyRow },
    delete: { admin: everyRow },
  },
  list: {
    columns: ['name', 'caseType', 'criminalStage', 'active', 'updatedAt'],
    sort: ['name', 'ASC'],
    filters: ['caseType', 'active'],
    search: ['name', 'description'],
  },
  hooks: {
    beforeCreate: [(record) => withItemKeys(record)],
    beforeUpdate: [(record) => withItemKeys(record)],
  },
});

/** Uploaded materials; written only by the upload route, never changed, superseded by replacements. */
export const files = defineResource({
  name: 'case-files',
  label: { zh: '卷宗材料文件', en: 'Case-file uploads' },
  titleField: 'originalName',
  fields: {
    caseId: { type: 'reference', to: 'cases', label: { zh: '案件', en: 'Case' }, readOnly: true },
    itemKey: { type: 'text', label: { zh: '材料代码', en: 'Item key' }, readOnly: true },
    itemName: { type: 'text', label: { zh: '材料', en: 'Material' }, readOnly: true },
    originalName: { type: 'text', label: { zh: '文件名', en: 'File name' }, readOnly: true },
    kind: { type: 'enum', label: { zh: '类型', en: 'Type' }, readOnly: true, options: Object.fromEntries(Object.entries(fileKinds).map(([k, v]) => [k, v.label])) },
    mimeType: { type: 'text', label: { zh: 'MIME 类型', en: 'MIME type' }, readOnly: true },
    size: { type: 'integer', label: { zh: '大小（字节）', en: 'Size (bytes)' }, readOnly: true },
    sha256: { type: 'text', label: { zh: 'SHA-256', en: 'SHA-256' }, readOnly: true },
    uploadedBy: { type: 'text', label: { zh: '上传人', en: 'Uploaded by' }, readOnly: true },
    supersededAt: { type: 'datetime', label: { zh: '被替换时间', en: 'Replaced at' }, readOnly: true },
    supersededBy: { type: 'integer', label: { zh: '替换为', en: 'Replaced by' }, readOnly: true },
  },
  sections: [
    { id: 'file', label: { zh: '材料', en: 'Material' }, fields: ['caseId', 'itemKey', 'itemName', 'originalName', 'kind', 'mimeType', 'size', 'sha256'] },
    { id: 'upload', label: { zh: '上传与替换', en: 'Upload and replacement' }, fields: ['uploadedBy', 'supersededAt', 'supersededBy'] },
  ],
  access: {
    read: {
      admin: everyRow,
      supervisor: everyRow,
      // A lawyer sees the files of their own cases only.
      lawyer: ownCaseRows(),
    },
    create: {},
    update: {},
    delete: {},
  },
  list: {
    columns: ['createdAt', 'caseId', 'itemName', 'originalName', 'kind', 'size', 'uploadedBy'],
    sort: ['createdAt', 'DESC'],
    filters: ['caseId', 'itemKey', 'kind', 'supersededAt'],
    search: ['originalName', 'itemName', 'sha256'],
  },
});
