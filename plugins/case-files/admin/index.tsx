// The case-files plugin's admin half: the checklist panel on a case's page, the editor of a
// template's materials, and their words (see plugins/README.md and admin/src/plugin-kit.ts).
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { ChecklistPanel } from './ChecklistPanel.js';
import { messages } from './messages.js';
import { TemplateItemsInput } from './TemplateItemsInput.js';

export default defineAdminPlugin({
  name: 'case-files',
  messages,
  casePanels: { checklist: ChecklistPanel },
  listInputs: { 'case-file-templates.items': TemplateItemsInput },
});
