// The case rules as pure functions (no database): the case state machine.
// (Shared fixtures: test/support/case-rules.ts; through the API: test/case-lifecycle/.)
import { describe, expect, it } from 'vitest';
import { caseActions, planTransition, type CaseActionName, type CaseStatus } from '../../api/cases/lifecycle.js';
import { admin, allStatuses, caseIn, expectedMoves, now, validPayloads } from '../support/case-rules.js';

describe('the case state machine', () => {
  it('declares exactly the actions of the brief', () => {
    expect(Object.keys(caseActions).sort()).toEqual(Object.keys(expectedMoves).sort());
  });

  describe('every action from every state', () => {
    for (const action of Object.keys(expectedMoves) as CaseActionName[]) {
      for (const status of allStatuses) {
        const { from } = expectedMoves[action];
        const to = expectedMoves[action].to ?? status;
        if (from.includes(status)) {
          it(`lets an admin ${action} a case that is ${status}, moving it to ${to}`, () => {
            const plan = planTransition(caseIn(status), action, validPayloads[action], admin, now);
            expect(plan).toMatchObject({ ok: true, from: status, to, changes: { status: to } });
          });
        } else {
          it(`refuses to ${action} a case that is ${status} with 409`, () => {
            const plan = planTransition(caseIn(status), action, validPayloads[action], admin, now);
            expect(plan).toMatchObject({ ok: false, status: 409, rule: 'transition.wrong_state' });
          });
        }
      }
    }
  });

  it('names the current state and the action in Chinese when the state is wrong', () => {
    const plan = planTransition(caseIn('closed'), 'assign', validPayloads.assign, admin, now);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message.zh).toBe('案件当前状态为「结案」，不能执行「指派」');
  });

  it('stamps acceptedAt, assignedAt, closedAt and archivedAt with the given time', () => {
    const stamp = now.toISOString();
    const cases: Array<[CaseActionName, CaseStatus, string]> = [
      ['accept', 'reviewing', 'acceptedAt'], ['assign', 'accepted', 'assignedAt'],
      ['close', 'closing_submitted', 'closedAt'], ['archive', 'closed', 'archivedAt'],
    ];
    for (const [action, status, field] of cases) {
      const plan = planTransition(caseIn(status), action, validPayloads[action], admin, now);
      expect(plan.ok && plan.changes[field]).toBe(stamp);
    }
  });

  it('stamps nothing on actions without a timestamp field', () => {
    const plan = planTransition(caseIn('applied'), 'review', {}, admin, now);
    expect(plan.ok && plan.changes).toEqual({ status: 'reviewing' });
  });

  it('writes the lawyer and the assignment method on assignment, defaulting to 指派', () => {
    const chosen = planTransition(caseIn('accepted', { lawyerId: null }), 'assign', { lawyerId: '12', assignmentMethod: 'client_choice' }, admin, now);
    expect(chosen.ok && chosen.changes).toEqual({ status: 'assigned', lawyerId: 12, assignmentMethod: 'client_choice', assignedAt: now.toISOString() });
    const plain = planTransition(caseIn('accepted'), 'assign', { lawyerId: 12 }, admin, now);
    expect(plain.ok && plain.changes.assignmentMethod).toBe('assigned');
  });

  it('writes the outcome and the amount recovered on closing', () => {
    const plan = planTransition(caseIn('closing_submitted'), 'close', { outcome: ' 判决支持全部诉讼请求 ', amountRecovered: 12345.67 }, admin, now);
    expect(plan.ok && plan.changes).toEqual({ status: 'closed', closedAt: now.toISOString(), outcome: '判决支持全部诉讼请求', amountRecovered: 12345.67 });
  });

  it('closes without an amount recovered when none is given', () => {
    const plan = planTransition(caseIn('closing_submitted'), 'close', { outcome: '撤诉' }, admin, now);
    expect(plan.ok && plan.changes).toEqual({ status: 'closed', closedAt: now.toISOString(), outcome: '撤诉' });
  });

  it('returns the validated payload so that the route can audit reasons that have no column', () => {
    const plan = planTransition(caseIn('assigned'), 'terminate', { reason: 'fraud', note: '提供虚假收入证明' }, admin, now);
    expect(plan).toMatchObject({ ok: true, changes: { status: 'terminated' }, payload: { reason: 'fraud', note: '提供虚假收入证明' } });
  });

  it('refuses an unknown action with 422', () => {
    expect(planTransition(caseIn('applied'), 'approve', {}, admin, now)).toMatchObject({ ok: false, status: 422, rule: 'transition.unknown_action' });
  });

  it('refuses to act on a case whose status is unknown with 409', () => {
    expect(planTransition({ id: 1, status: null }, 'review', {}, admin, now)).toMatchObject({ ok: false, status: 409 });
  });
});
