// What the case-rule unit specs (test/case-rules/*.test.ts) share: the admin actor, a fixed now, the
// moves of the brief and a valid payload per action, and a bare case row in a given state.
import type { Actor, CaseActionName, CaseStatus } from '../../api/cases/lifecycle.js';

export const admin: Actor = { role: 'admin' };
export const now = new Date('2026-03-10T02:30:00.000Z');

export const allStatuses: CaseStatus[] = [
  'applied', 'reviewing', 'accepted', 'rejected', 'assigned', 'in_progress', 'closing_submitted', 'closed', 'archived', 'terminated',
];

// Written out by hand from the brief, independently of the table in lifecycle.ts.
export const expectedMoves: Record<CaseActionName, { from: CaseStatus[]; to: CaseStatus | null }> = {
  review: { from: ['applied'], to: 'reviewing' },
  accept: { from: ['reviewing'], to: 'accepted' },
  reject: { from: ['reviewing'], to: 'rejected' },
  assign: { from: ['accepted'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  'submit-closing': { from: ['in_progress'], to: 'closing_submitted' },
  'return-closing': { from: ['closing_submitted'], to: 'in_progress' },
  close: { from: ['closing_submitted'], to: 'closed' },
  archive: { from: ['closed'], to: 'archived' },
  terminate: { from: ['applied', 'reviewing', 'accepted', 'assigned', 'in_progress', 'closing_submitted'], to: 'terminated' },
  // Issue 15: a change of lawyer keeps the case where it is.
  'change-lawyer': { from: ['assigned', 'in_progress'], to: null },
};

export const validPayloads: Record<CaseActionName, unknown> = {
  review: {},
  accept: {},
  reject: { reason: '不符合经济困难条件' },
  assign: { lawyerId: 7, assignmentMethod: 'assigned' },
  start: {},
  'submit-closing': {},
  'return-closing': { reason: '缺少会见笔录' },
  close: { outcome: '调解结案', amountRecovered: 48000 },
  archive: {},
  terminate: { reason: 'own_lawyer' },
  'change-lawyer': { lawyerId: 8, reason: 'lawyer_withdrawal' },
};

export function caseIn(status: CaseStatus, extra: Record<string, unknown> = {}) {
  return { id: 1, status, lawyerId: 7, ...extra };
}
