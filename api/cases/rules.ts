// The statutory rules a case must pass besides its state machine (lifecycle.ts):
// the means test, lawyer eligibility for assignment and the art. 43 deadlines.
export { checkMeansTest, hardshipThreshold, formatYuan } from './means-test.js';
export type { MeansTestResult, MeansTestSettings, ExemptionReason } from './means-test.js';
export { checkAssignment, SERIOUS_CASE_PRACTICE_YEARS } from './assignment-rules.js';
export type { AssignmentContext, RuleProblem } from './assignment-rules.js';
export {
  caseDeadline, overdueCondition, reviewDueDate, assignDueDate, reviewDeadlineStatuses, assignDeadlineStatuses,
} from './deadlines.js';
export type { CaseDeadline, DeadlineSettings } from './deadlines.js';
