// The hearing-observation plugin's admin half: the case panel and the supervisor's plan on the home page.
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { ObservationsPanel } from './ObservationsPanel.js';
import { PlanPanel } from './PlanPanel.js';

export default defineAdminPlugin({
  name: 'hearing-observation',
  casePanels: { 'hearing-observations': ObservationsPanel },
  homePanels: [PlanPanel],
});
