// The case rules as pure functions (no database): who may act on a case.
// (Shared fixtures: test/support/case-rules.ts; through the API: test/case-lifecycle/.)
import { describe, expect, it } from 'vitest';
import { allowedActions, planTransition, type Actor, type CaseActionName } from '../../api/cases/lifecycle.js';
import { admin, allStatuses, caseIn, expectedMoves, now, validPayloads } from '../support/case-rules.js';

describe('who may act on a case', () => {
  const ownLawyer: Actor = { role: 'lawyer', lawyerId: 7 };
  const otherLawyer: Actor = { role: 'lawyer', lawyerId: 8 };

  it('lets the case\'s own lawyer submit it for closing', () => {
    expect(planTransition(caseIn('in_progress'), 'submit-closing', {}, ownLawyer, now)).toMatchObject({ ok: true, to: 'closing_submitted' });
  });

  it('matches the lawyer by id even when one side is a string', () => {
    expect(planTransition(caseIn('in_progress', { lawyerId: '7' }), 'submit-closing', {}, ownLawyer, now).ok).toBe(true);
  });

  it('refuses with 403 when a lawyer submits another lawyer\'s case for closing', () => {
    const plan = planTransition(caseIn('in_progress'), 'submit-closing', {}, otherLawyer, now);
    expect(plan).toMatchObject({ ok: false, status: 403, rule: 'transition.forbidden' });
    if (!plan.ok) expect(plan.message.zh).toBe('只有中心管理员或本案承办律师可以执行「提交结案」');
  });

  it('refuses with 403 when a lawyer without a lawyer record submits a case with no lawyer', () => {
    expect(planTransition(caseIn('in_progress', { lawyerId: null }), 'submit-closing', {}, { role: 'lawyer' }, now)).toMatchObject({ status: 403 });
  });

  it('lets the case\'s own lawyer start work, but not another lawyer', () => {
    expect(planTransition(caseIn('assigned'), 'start', {}, ownLawyer, now).ok).toBe(true);
    expect(planTransition(caseIn('assigned'), 'start', {}, otherLawyer, now)).toMatchObject({ status: 403 });
  });

  it('refuses with 403 every admin-only action to the case\'s own lawyer, whatever the state', () => {
    const adminOnly = (Object.keys(expectedMoves) as CaseActionName[]).filter((a) => a !== 'start' && a !== 'submit-closing');
    for (const action of adminOnly) {
      for (const status of expectedMoves[action].from) {
        expect(planTransition(caseIn(status), action, validPayloads[action], ownLawyer, now)).toMatchObject({ ok: false, status: 403 });
      }
    }
  });

  it('refuses with 403 a quality supervisor who tries to close a case', () => {
    expect(planTransition(caseIn('closing_submitted'), 'close', validPayloads.close, { role: 'supervisor' }, now)).toMatchObject({ status: 403 });
  });

  it('lists for an admin the buttons of the case\'s state', () => {
    expect(allowedActions(caseIn('reviewing'), admin)).toEqual(['accept', 'reject', 'terminate']);
    expect(allowedActions(caseIn('closing_submitted'), admin)).toEqual(['return-closing', 'close', 'terminate']);
    expect(allowedActions(caseIn('archived'), admin)).toEqual([]);
  });

  it('lists for a lawyer only what they may do on their own case', () => {
    expect(allowedActions(caseIn('in_progress'), ownLawyer)).toEqual(['submit-closing']);
    expect(allowedActions(caseIn('assigned'), ownLawyer)).toEqual(['start']);
    expect(allowedActions(caseIn('in_progress'), otherLawyer)).toEqual([]);
  });

  it('agrees with planTransition for every state, action and actor', () => {
    for (const actor of [admin, ownLawyer, otherLawyer, { role: 'supervisor' }]) {
      for (const status of allStatuses) {
        const listed = allowedActions(caseIn(status), actor);
        for (const action of Object.keys(expectedMoves) as CaseActionName[]) {
          expect(planTransition(caseIn(status), action, validPayloads[action], actor, now).ok).toBe(listed.includes(action));
        }
      }
    }
  });
});
