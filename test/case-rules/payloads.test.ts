// The case rules as pure functions (no database): action payloads.
// (Shared fixtures: test/support/case-rules.ts; through the API: test/case-lifecycle/.)
import { describe, expect, it } from 'vitest';
import { planTransition, terminationGrounds } from '../../api/cases/lifecycle.js';
import { admin, caseIn, now } from '../support/case-rules.js';

describe('action payloads', () => {
  it('refuses to reject without a reason with 422 and errors.reason', () => {
    const plan = planTransition(caseIn('reviewing'), 'reject', {}, admin, now);
    expect(plan).toMatchObject({ ok: false, status: 422, rule: 'transition.invalid_payload' });
    if (!plan.ok) expect(plan.errors?.reason).toBe('请填写不予受理的理由');
  });

  it('refuses to reject with a reason of blanks', () => {
    expect(planTransition(caseIn('reviewing'), 'reject', { reason: '   ' }, admin, now)).toMatchObject({ status: 422, errors: { reason: expect.any(String) } });
  });

  it('refuses a missing payload where one is required', () => {
    expect(planTransition(caseIn('reviewing'), 'reject', undefined, admin, now)).toMatchObject({ status: 422, errors: { reason: expect.any(String) } });
  });

  it('refuses to terminate on a ground that is not in art. 48', () => {
    const plan = planTransition(caseIn('in_progress'), 'terminate', { reason: 'bored' }, admin, now);
    expect(plan).toMatchObject({ ok: false, status: 422, errors: { reason: expect.stringContaining('第四十八条') } });
  });

  it('accepts every art. 48 ground for termination', () => {
    expect(Object.keys(terminationGrounds)).toEqual([
      'fraud', 'concealment', 'illegal_use', 'finances_improved', 'proceedings_ended', 'own_lawyer', 'client_request', 'other_statutory',
    ]);
    for (const reason of Object.keys(terminationGrounds)) {
      expect(planTransition(caseIn('applied'), 'terminate', { reason }, admin, now).ok).toBe(true);
    }
  });

  it('refuses to assign without a lawyer or with an unknown assignment method', () => {
    const plan = planTransition(caseIn('accepted'), 'assign', { assignmentMethod: 'lottery' }, admin, now);
    expect(plan).toMatchObject({ status: 422, errors: { lawyerId: '请选择承办律师', assignmentMethod: expect.any(String) } });
  });

  it('refuses to close without an outcome or with a negative amount recovered', () => {
    const plan = planTransition(caseIn('closing_submitted'), 'close', { amountRecovered: -1 }, admin, now);
    expect(plan).toMatchObject({ status: 422, errors: { outcome: '请填写办案结果', amountRecovered: '挽回损失或取得利益不能为负数' } });
  });

  it('refuses an amount recovered finer than one fen', () => {
    expect(planTransition(caseIn('closing_submitted'), 'close', { outcome: '胜诉', amountRecovered: 1.005 }, admin, now)).toMatchObject({ status: 422 });
    expect(planTransition(caseIn('closing_submitted'), 'close', { outcome: '胜诉', amountRecovered: 0 }, admin, now).ok).toBe(true);
  });

  it('refuses to return a closing submission without a reason', () => {
    expect(planTransition(caseIn('closing_submitted'), 'return-closing', {}, admin, now)).toMatchObject({ status: 422, errors: { reason: '请填写退回的理由' } });
  });

  it('checks the state before the payload', () => {
    expect(planTransition(caseIn('applied'), 'reject', {}, admin, now)).toMatchObject({ status: 409 });
  });
});
