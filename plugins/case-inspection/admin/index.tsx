// The case-inspection plugin's admin half: the queue above the 案卷评查 register, and the inspection on a case's page,
// and the one-screen inspection (material beside the rubric).
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { InspectionPanel } from './InspectionPanel.js';
import { InspectPage } from './InspectPage.js';
import { QueuePanel } from './QueuePanel.js';

export default defineAdminPlugin({
  name: 'case-inspection',
  casePanels: { 'case-inspection': InspectionPanel },
  listPanels: { 'case-inspections': [QueuePanel] },
  pages: { '/case-inspections/inspect/:caseId': InspectPage },
});
