// The peer-evaluation plugin's admin half: the rounds on the admin's home page, the reviewer's
// files to score, the reviews on a case's page (the review sheet is the generic form sheet), the reviewer
// picker of a round's form, and a round's reviews with 改派 on its page.
import { defineAdminPlugin } from '../../../admin/src/plugin-kit.js';
import { MyReviewsPanel, RoundsPanel } from './RoundsPanel.js';
import { ReviewsPanel } from './ReviewsPanel.js';
import { ReviewerName, ReviewerNames, ReviewerPicker } from './ReviewerPicker.js';
import { RoundReviewsPanel } from './RoundReviewsPanel.js';
import { SampledCases } from './SampledCases.js';

export default defineAdminPlugin({
  name: 'peer-evaluation',
  casePanels: { 'peer-reviews': ReviewsPanel },
  homePanels: [RoundsPanel, MyReviewsPanel],
  listInputs: { 'peer-review-rounds.reviewers': ReviewerPicker },
  fieldDisplays: { 'peer-review-rounds.reviewers': ReviewerNames, 'peer-review-rounds.sample': SampledCases, 'peer-reviews.reviewerId': ReviewerName },
  recordPanels: { 'peer-review-rounds': [RoundReviewsPanel] },
});
