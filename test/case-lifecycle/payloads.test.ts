// The case's life through the HTTP API and the real database: what an action must carry.
// (Shared fixtures: test/support/case-lifecycle.ts; the rules themselves are unit-tested in case-rules.test.ts.)
import { describe, expect, it } from 'vitest';
import { act, auditOf, caseIn, expectUnchanged, getCase, lawyer, setUpLifecycleCentre, TERMINATION_GROUNDS } from '../support/case-lifecycle.js';

setUpLifecycleCentre();

describe('what an action must carry', () => {
  it('refuses to reject without a reason with 422 and errors.reason, and keeps the reason given', async () => {
    const before = await caseIn('reviewing');
    for (const payload of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await act(before.id, 'reject', payload);
      expect(res.status).toBe(422);
      expect(res.body.errors.reason).toMatch(/[\u4e00-\u9fff]/);
    }
    await expectUnchanged(before);

    const res = await act(before.id, 'reject', { reason: '不符合经济困难条件' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    expect(res.body.decisionReason).toBe('不符合经济困难条件');
    expect(res.body.acceptedAt).toBeNull();
  });

  it('refuses to terminate on a ground that art. 48 does not provide, or without a ground, with 422', async () => {
    const before = await caseIn('in_progress');
    for (const payload of [{ reason: 'bored' }, {}, { reason: '' }]) {
      const res = await act(before.id, 'terminate', payload);
      expect(res.status, JSON.stringify(payload)).toBe(422);
      expect(res.body.errors.reason).toContain('第四十八条');
    }
    await expectUnchanged(before);
  });

  for (const ground of TERMINATION_GROUNDS) {
    it(`terminates on the art. 48 ground ${ground}, recording the ground and the note as the decision reason`, async () => {
      const before = await caseIn('assigned');
      const note = `终止说明：${ground}`;
      const res = await act(before.id, 'terminate', { reason: ground, note });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe('terminated');
      const stored = await getCase(before.id);
      expect(stored.terminationGround).toBe(ground);
      expect(stored.decisionReason).toBe(note);
      const entry = (await auditOf(before.id, 'transition:terminate')).at(-1)!;
      expect(JSON.parse(entry.changes).payload).toEqual({ reason: ground, note });
    });
  }

  it('terminates without a note, leaving the decision reason empty', async () => {
    const before = await caseIn('applied');
    const res = await act(before.id, 'terminate', { reason: 'finances_improved' });
    expect(res.status).toBe(200);
    expect(res.body.terminationGround).toBe('finances_improved');
    expect(res.body.decisionReason).toBeNull();
  });

  it('refuses to close without an outcome with 422 and errors.outcome', async () => {
    const before = await caseIn('closing_submitted');
    for (const payload of [{}, { outcome: '' }, { amountRecovered: 100 }]) {
      const res = await act(before.id, 'close', payload);
      expect(res.status).toBe(422);
      expect(res.body.errors.outcome).toMatch(/[\u4e00-\u9fff]/);
    }
    const negative = await act(before.id, 'close', { outcome: '判决结案', amountRecovered: -1 });
    expect(negative.status).toBe(422);
    expect(negative.body.errors.amountRecovered).toBeDefined();
    await expectUnchanged(before);
  });

  it('closes with the amount recovered and stores it to the fen', async () => {
    const before = await caseIn('closing_submitted');
    const res = await act(before.id, 'close', { outcome: '调解结案', amountRecovered: 48000.55 });
    expect(res.status).toBe(200);
    const stored = await getCase(before.id);
    expect(stored.status).toBe('closed');
    expect(stored.outcome).toBe('调解结案');
    expect(stored.amountRecovered).toBe(48000.55);
  });

  it('closes without an amount recovered', async () => {
    const before = await caseIn('closing_submitted');
    const res = await act(before.id, 'close', { outcome: '判决驳回' });
    expect(res.status).toBe(200);
    expect((await getCase(before.id)).amountRecovered).toBeNull();
  });

  it('refuses to return a closing submission without a reason', async () => {
    const before = await caseIn('closing_submitted');
    const res = await act(before.id, 'return-closing', {});
    expect(res.status).toBe(422);
    expect(res.body.errors.reason).toBeDefined();
    await expectUnchanged(before);
  });

  it('refuses to assign without a lawyer, or with an unknown assignment method, with 422', async () => {
    const before = await caseIn('accepted');
    const noLawyer = await act(before.id, 'assign', {});
    expect(noLawyer.status).toBe(422);
    expect(noLawyer.body.errors.lawyerId).toBe('请选择承办律师');
    const badMethod = await act(before.id, 'assign', { lawyerId: lawyer.standard.id, assignmentMethod: 'lottery' });
    expect(badMethod.status).toBe(422);
    expect(badMethod.body.errors.assignmentMethod).toBeDefined();
    const noSuchLawyer = await act(before.id, 'assign', { lawyerId: 99_999_999 });
    expect(noSuchLawyer.status).toBe(422);
    expect(noSuchLawyer.body.message).toContain('律师不存在');
    await expectUnchanged(before);
  });
});

// ---------------------------------------------------------------------------------------------
