// The peer-evaluation plugin's admin half: the rounds on the admin's home page, the reviewer's
// files to score, and the reviews on a case's page (the review sheet is the generic form sheet).
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { MyReviewsPanel, RoundsPanel } from './RoundsPanel.js';
import { ReviewsPanel } from './ReviewsPanel.js';

export default defineAdminPlugin({
  name: 'peer-evaluation',
  casePanels: { 'peer-reviews': ReviewsPanel },
  homePanels: [RoundsPanel, MyReviewsPanel],
});
