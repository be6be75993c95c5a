// 卷宗模板: the uniform case-file layout per case type, uploads against it, and the completeness gate.
import { CASE_CHECKLIST, centreFileStore, definePlugin, everyRow, ownLawyerRows, type CaseChecklistSource } from '../../../api/plugin-kit.js';
import { files, templates, caseFields } from './declarations.js';
import { migrations } from './migrations.js';
import { caseFileRoutes } from './routes.js';
import { allItemsComplete, freezeChecklistOnArchive, lawyerItemsComplete } from './completeness.js';
import { checklistOf } from './checklist.js';

const checklistSource: CaseChecklistSource = { checklist: checklistOf };
import { seedDemoFiles } from './demo-files.js';

export default definePlugin({
  name: 'case-files',
  label: { zh: '卷宗模板与结案材料', en: 'Case-file templates and closing materials' },
  description: { zh: '按案件类型的统一卷宗材料目录；律师上传结案材料；材料齐全方可提交结案', en: 'Uniform case-file checklists; lawyers upload materials; complete files only may be closed' },
  resources: [templates, files],
  fields: { cases: caseFields },
  access: {
    cases: {
      actions: {
        upload: {
          roles: { admin: everyRow, lawyer: ownLawyerRows('lawyerId') },
          refusal: { zh: '只有中心管理员和本案承办律师可以上传卷宗材料', en: 'Only an admin or the lawyer of this case may upload' },
        },
      },
    },
  },
  migrations,
  contributes: { [CASE_CHECKLIST]: [checklistSource] },
  routes: (ctx) => caseFileRoutes(ctx, centreFileStore(ctx)),
  guards: [lawyerItemsComplete, allItemsComplete],
  effects: [freezeChecklistOnArchive],
  demo: (ctx) => seedDemoFiles(ctx.records, centreFileStore(ctx), ctx.resource('case-files')),
  casePanels: [{ id: 'checklist', label: { zh: '卷宗材料', en: 'Case file' }, roles: ['admin', 'supervisor', 'lawyer'] }],
  dashboard: [
    { id: 'archived-files', label: { zh: '已归档卷宗（可供评查）', en: 'Archived case files (for inspection)' }, resource: 'cases', filter: { status: 'archived' }, roles: ['admin', 'supervisor'] },
  ],
});
