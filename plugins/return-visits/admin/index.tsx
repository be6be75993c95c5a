// The return-visit plugin's admin half: the case panel and the supervisor's figures on the home page.
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { SummaryPanel } from './SummaryPanel.js';
import { VisitsPanel } from './VisitsPanel.js';

export default defineAdminPlugin({
  name: 'return-visits',
  casePanels: { 'return-visits': VisitsPanel },
  homePanels: [SummaryPanel],
});
