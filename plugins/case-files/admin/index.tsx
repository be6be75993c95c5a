// The case-files plugin's admin half: the checklist panel on a case's page, and the editor of a
// template's materials (see plugins/README.md and admin/src/plugins.ts).
import type { AdminPlugin } from '../../../admin/src/plugins.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { TemplateItemsInput } from './TemplateItemsInput.js';

export default {
  name: 'case-files',
  casePanels: { checklist: ChecklistPanel },
  listInputs: { 'case-file-templates.items': TemplateItemsInput },
} satisfies AdminPlugin;
