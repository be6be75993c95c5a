// The subsidies plugin's admin half: on the batches list, gather, pay, the totals per firm and
// lawyer and a printable statement per firm. The case page shows 补贴计算依据 in its closing section.
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { BatchActions } from './BatchActions.js';

export default defineAdminPlugin({
  name: 'subsidies',
  bulkActions: { 'subsidy-batches': [BatchActions] },
});
