// The case-file-pdf plugin's admin half: the case file panel (export and preview) on a case's
// page, and the batch export on the cases list.
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { BulkExportButtons, RunningExports } from './BulkExportButtons.js';
import { CaseFilePanel } from './CaseFilePanel.js';
import { messages } from './messages.js';

export default defineAdminPlugin({
  name: 'case-file-pdf',
  messages,
  casePanels: { 'case-file': CaseFilePanel },
  bulkActions: { cases: [BulkExportButtons] },
  listPanels: { cases: [RunningExports] },
});
